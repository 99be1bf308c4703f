// CSV as it comes: canonical long files, and the sheets TÜİK, TİM and the Ministry publish — title
// rows above the header, notes below the data, months as columns, Turkish numbers and headers,
// Windows-1254 text. Two passes over the text: the first finds the layout and the number style,
// the second loads.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <memory>
#include <set>

#include "decode.hpp"
#include "kexport/csv_reader.hpp"
#include "kexport/parallel.hpp"
#include "kexport/text.hpp"
#include "loaders.hpp"
#include "record_interpreter.hpp"

namespace kexport::input {
namespace {

// How many records from the top are searched for the header.
constexpr std::size_t header_search_limit = 40;

// What a column of the header holds.
struct Column {
  std::optional<Field> field;    // a label or value column
  std::optional<Period> period;  // a wide month column with its year ("2026-01")
  std::optional<int> month;      // a wide month column named by month alone ("Ocak")
  bool total = false;            // a wide TOPLAM column, checked against the months
  [[nodiscard]] bool is_month() const { return period.has_value() || month.has_value(); }
};

struct Layout {
  std::uint64_t header_line = 0;
  std::size_t title_records = 0;
  std::vector<Column> columns;
  std::array<bool, field_count> present{};
  std::optional<ValueUnit> unit;  // from the value header
  bool wide = false;
  std::string title;  // the text of the title rows, for year, province, unit and source
};

bool has(const Layout& layout, Field field) {
  return layout.present[static_cast<std::size_t>(field)];
}

std::string delimiter_name(char delimiter) {
  return delimiter == '\t' ? "tab" : std::string(1, delimiter);
}

Column classify_header(std::string_view cell, std::optional<ValueUnit>& unit) {
  Column column;
  const std::string_view text = trim(cell);
  if (text.empty()) return column;
  if (is_total_label(text) || fold_name(text) == "yillik" || fold_name(text) == "yilliktoplam") {
    column.total = true;
    return column;
  }
  if (auto match = match_header(text)) {
    column.field = match->field;
    if (match->unit) unit = match->unit;
    return column;
  }
  if (auto period = parse_period(text)) {
    column.period = *period;
    return column;
  }
  if (!(text.front() >= '0' && text.front() <= '9')) column.month = parse_month(text);
  return column;
}

bool is_label_field(Field f) {
  return f == Field::province || f == Field::province_code || f == Field::country ||
         f == Field::country_code || f == Field::chapter;
}

// Month columns either all carry their year ("2026-01", "Ocak 2025") or none does ("Ocak", with
// the year from a column or the title): a sheet that mixes them cannot be read one way.
void check_month_columns(const Layout& layout, const CsvReader& reader) {
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    const Column& c = layout.columns[i];
    if (!c.is_month()) continue;
    for (std::size_t j = 0; j < i; ++j)
      if (layout.columns[j].period == c.period && layout.columns[j].month == c.month)
        throw DataError(reader.location_of_field(i),
                        fmt::format("a second column for {}; expected each month once",
                                    c.period ? c.period->iso() : std::string(month_name_tr(*c.month))));
  }
  const auto with_year = std::find_if(layout.columns.begin(), layout.columns.end(),
                                      [](const Column& c) { return c.period.has_value(); });
  const auto without_year = std::find_if(layout.columns.begin(), layout.columns.end(),
                                         [](const Column& c) { return c.month.has_value(); });
  if (with_year == layout.columns.end() || without_year == layout.columns.end()) return;
  const auto column = static_cast<std::size_t>(without_year - layout.columns.begin());
  throw DataError(reader.location_of_field(column),
                  fmt::format("a month column without its year ({}) beside month columns with theirs ({}); "
                              "expected every month column to carry its year, or none",
                              month_name_tr(*without_year->month), with_year->period->iso()));
}

// Finds the header among the first records: the first that names a label column and either a
// value column or months as columns. The records above it are the title.
Layout find_layout(CsvReader& reader, const std::string& file) {
  std::vector<std::string_view> fields;
  std::vector<std::string> title_parts;
  // The line that named the most known columns, for the message when none makes a header.
  std::size_t best_named = 0;
  std::uint64_t best_line = 1;
  std::array<bool, field_count> best_present{};
  std::string best_header;
  for (std::size_t index = 0; index < header_search_limit && reader.next(fields); ++index) {
    Layout layout;
    layout.columns.resize(fields.size());
    std::size_t months = 0;
    bool label = false;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      layout.columns[i] = classify_header(fields[i], layout.unit);
      const Column& column = layout.columns[i];
      if (column.is_month()) ++months;
      if (column.field) {
        const auto slot = static_cast<std::size_t>(*column.field);
        if (layout.present[slot])
          throw DataError(
              reader.location_of_field(i),
              fmt::format("a second '{}' column; expected each column once", field_name(*column.field)));
        layout.present[slot] = true;
        label = label || is_label_field(*column.field);
      }
    }
    const auto named =
        static_cast<std::size_t>(std::count(layout.present.begin(), layout.present.end(), true));
    if (named > best_named) {
      best_named = named;
      best_line = reader.record_line();
      best_present = layout.present;
      best_header = excerpt(fmt::format("{}", fmt::join(fields, ", ")), 200);
    }
    const bool long_header = has(layout, Field::value) && (label || has(layout, Field::period));
    const bool wide_header = !has(layout, Field::value) && label && months >= 1;
    if (wide_header) check_month_columns(layout, reader);
    if (long_header || wide_header) {
      layout.wide = wide_header;
      layout.header_line = reader.record_line();
      layout.title_records = index;
      for (const auto& part : title_parts) layout.title += part + " ";
      if (!layout.wide) {
        for (auto& column : layout.columns) column = Column{column.field, {}, {}, false};
      }
      return layout;
    }
    for (auto cell : fields)
      if (!trim(cell).empty()) title_parts.emplace_back(trim(cell));
  }
  if (best_named >= 1)
    throw DataError({file, best_line, 1},
                    RecordInterpreter::missing_fields(best_present) + "; the header has: " + best_header);
  throw DataError({file, 1, 1},
                  "no header line found; expected a line naming the columns, e.g. "
                  "period,province,value_usd (or İl, Ülke, Değer, or months as columns)");
}

// --- what the title rows tell -------------------------------------------------------------

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const bool part =
        static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)) || c == '.';
    if (part) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::optional<int> title_year(std::string_view title) {
  for (const auto& word : words_of(title)) {
    if (word.size() == 4 &&
        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const int year = std::stoi(word);
      if (year >= Period::min_year && year <= Period::max_year) return year;
    }
  }
  return std::nullopt;
}

std::optional<std::string> title_province(std::string_view title, const Gazetteer& gazetteer) {
  const auto words = words_of(title);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(words[i][0]))) continue;
    if (i + 1 < words.size()) {
      const std::string pair = words[i] + " " + words[i + 1];
      if (auto id = gazetteer.find_province(pair); id && *id != national_total) return pair;
    }
    if (auto id = gazetteer.find_province(words[i]); id && *id != national_total) return words[i];
  }
  return std::nullopt;
}

std::optional<ValueUnit> title_unit(std::string_view title) {
  bool thousand = false, dollars = false;
  for (const auto& word : words_of(title)) {
    const std::string folded = fold_name(word);
    if (folded == "bin" || folded == "1000" || folded == "thousand" || folded == "000") thousand = true;
    if (folded == "dolar" || folded == "dolari" || folded == "usd" || folded == "abd") dollars = true;
  }
  if (title.find('$') != std::string_view::npos) dollars = true;
  if (thousand && dollars) return ValueUnit::thousand_dollars;
  if (dollars) return ValueUnit::dollars;
  return std::nullopt;
}

std::optional<std::string> text_source(std::string_view text) {
  for (const auto& word : words_of(text)) {
    const std::string folded = fold_name(word);
    if (folded == "tuik" || folded == "turkstat") return "TÜİK";
    if (folded == "tim") return "TİM";
  }
  const std::string folded = fold_name(text);
  if (folded.find("ticaretbakanligi") != std::string::npos) return "Ticaret Bakanlığı";
  if (folded.find("turkiyeihracatcilarmeclisi") != std::string::npos) return "TİM";
  if (folded.find("turkiyeistatistikkurumu") != std::string::npos) return "TÜİK";
  return std::nullopt;
}

// --- rows below the header ------------------------------------------------------------------

bool is_blank(const std::vector<std::string_view>& fields) {
  if (!fields.empty() && !fields[0].empty() && fields[0][0] != ' ' && fields[0][0] != '\t') return false;
  return std::all_of(fields.begin(), fields.end(), [](std::string_view f) { return trim(f).empty(); });
}

// "Kaynak: TÜİK", "* Geçici veri", "Not: …": a note under the data.
bool is_note(const std::vector<std::string_view>& fields) {
  // Data rows start with a number or a name; notes with "*", "(" or a word like "Kaynak".
  if (!fields.empty() && !fields[0].empty() && fields[0][0] >= '0' && fields[0][0] <= '9') return false;
  std::string_view first;
  std::size_t filled = 0;
  for (auto f : fields) {
    if (trim(f).empty()) continue;
    if (filled++ == 0) first = trim(f);
  }
  if (first.empty()) return false;
  if (first.front() == '*' || first.starts_with("(*")) return true;
  if (filled > 1) return false;
  const std::string folded = fold_name(first.substr(0, std::min<std::size_t>(first.size(), 24)));
  for (std::string_view prefix :
       {"kaynak", "source", "not", "note", "aciklama", "gecici", "provisional", "veri"})
    if (folded.starts_with(prefix)) return true;
  return false;
}

bool row_is_group(const Layout& layout, const std::vector<std::string_view>& fields) {
  for (std::size_t i = 0; i < fields.size() && i < layout.columns.size(); ++i) {
    const auto& field = layout.columns[i].field;
    if (field && (*field == Field::chapter || *field == Field::country || *field == Field::province) &&
        is_group_label(fields[i]))
      return true;
  }
  return false;
}

// The cells that hold amounts: the value column, or the month and total columns.
template <typename Visit>
void for_each_amount_cell(const Layout& layout, const std::vector<std::string_view>& fields, Visit visit) {
  for (std::size_t i = 0; i < fields.size() && i < layout.columns.size(); ++i) {
    const Column& c = layout.columns[i];
    if (c.is_month() || c.total || c.field == Field::value) visit(i, trim(fields[i]));
  }
}

// Cells that say "nothing here" in published sheets.
bool is_empty_amount(std::string_view cell) {
  return cell.empty() || cell == "-" || cell == "–" || cell == "..";
}

// --- the loader --------------------------------------------------------------------------------

// What one thread collects from a stretch of the file.
struct Part {
  Part(const Gazetteer& gazetteer) : interpreter(gazetteer, builder) {}  // NOLINT
  DatasetBuilder builder;
  RecordInterpreter interpreter;
  std::uint64_t note_rows = 0;
  std::uint64_t group_rows = 0;
  std::vector<TotalColumnMismatch> total_mismatches;
  std::vector<std::string> problems;
  std::exception_ptr failure;  // the first error that stopped it
  std::size_t end = 0;         // where its last record ended
};

// Below this many bytes of data, threads cost more than they save.
constexpr std::size_t parallel_threshold = 4 << 20;

class CsvLoad {
 public:
  CsvLoad(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
          const LoadOptions& options)
      : file_(file),
        gazetteer_(gazetteer),
        builder_(builder),
        options_(options),
        decoded_(decode_text(file, options.encoding, options.threads)),
        delimiter_(detect_delimiter(decoded_.text)),
        gazetteer_ref_(gazetteer) {}

  void run() {
    builder_.begin_file(file_.name, "csv");
    LoadedFile& report = builder_.current_file();
    report.encoding = decoded_.encoding;
    report.byte_order_mark = decoded_.byte_order_mark;
    report.delimiter = delimiter_name(delimiter_);
    if (trim(decoded_.text).empty())
      throw DataError({file_.name, 1, 1}, "the file is empty; expected a header line naming the columns");

    CsvReader reader(decoded_.text, delimiter_, file_.name);
    layout_ = find_layout(reader, file_.name);
    report.layout = layout_.wide ? kexport::Layout::wide : kexport::Layout::long_table;
    report.title_rows = layout_.title_records;
    decide_constants();
    survey();
    report.decimal = style_.decimal;
    report.unit = style_.unit;
    report.source = style_.default_source;
    load(reader);
  }

 private:
  // Province, year, unit and source that the title gives for the whole sheet.
  void decide_constants() {
    const std::array<bool, field_count>& present = layout_.present;
    auto complete = present;
    if (!has(layout_, Field::province) && !has(layout_, Field::province_code)) {
      if (auto province = title_province(layout_.title, gazetteer_)) {
        title_province_ = *province;
        complete[static_cast<std::size_t>(Field::province)] = true;
      }
    }
    if (layout_.wide) {
      complete[static_cast<std::size_t>(Field::value)] = true;
      complete[static_cast<std::size_t>(Field::period)] = true;
      const bool month_only = std::any_of(layout_.columns.begin(), layout_.columns.end(),
                                          [](const Column& c) { return c.month.has_value(); });
      if (month_only && !has(layout_, Field::year)) {
        year_ = title_year(layout_.title);
        if (!year_)
          throw DataError({file_.name, layout_.header_line, 1},
                          "months as columns without a year; expected a Yıl/year column, a year in the "
                          "title rows, or periods as column names (2026-01)");
      }
    }
    if (auto missing = RecordInterpreter::missing_fields(complete); !missing.empty())
      throw DataError({file_.name, layout_.header_line, 1}, missing);

    style_.unit =
        options_.unit.value_or(layout_.unit.value_or(title_unit(layout_.title).value_or(ValueUnit::dollars)));
    // A source the file names (its title here, or a note below the data, found by survey())
    // labels its rows; --source only labels rows of files that name none.
    if (auto source = text_source(layout_.title)) {
      style_.default_source = *source;
      source_named_ = true;
    } else if (options_.source) {
      style_.default_source = *options_.source;
    }
  }

  // Takes a source named in a note row ("Kaynak: TİM"), unless the title named one.
  void read_note(const std::vector<std::string_view>& fields) {
    if (source_named_) return;
    std::string text;
    for (auto f : fields) text += std::string(f) + " ";
    if (auto source = text_source(text)) {
      style_.default_source = *source;
      source_named_ = true;
    }
  }

  // The notes under a long file's data, when the amounts settled the number style before the
  // survey reached them: the last lines of the file are read for them.
  void read_tail_notes() {
    constexpr std::size_t tail = 64 << 10;
    const std::string_view text = decoded_.text;
    std::size_t begin = text.size() > tail ? text.find('\n', text.size() - tail) : 0;
    if (begin == std::string_view::npos) return;
    if (begin != 0) ++begin;
    CsvReader reader(text, delimiter_, file_.name, begin, text.size(), 1 + decoded_.line_ends_before(begin));
    std::vector<std::string_view> fields;
    try {
      while (reader.next(fields))
        if (is_note(fields)) read_note(fields);
    } catch (const DataError&) {
      // A cut inside a quoted field: the rows are read properly later; only notes are sought here.
    }
  }

  // First pass over the data: the number style (unless given), the source named in a note, and
  // for wide sheets which months hold anything at all.
  void survey() {
    CsvReader reader(decoded_.text, delimiter_, file_.name);
    std::vector<std::string_view> fields;
    for (std::size_t i = 0; i <= layout_.title_records; ++i) reader.next(fields);  // skip to the data

    std::optional<DecimalStyle> decided = options_.decimal;
    std::optional<SourceLocation> first_ambiguous;
    std::string ambiguous_text;
    month_published_.assign(layout_.columns.size(), false);
    while (reader.next(fields)) {
      if (is_note(fields)) {
        read_note(fields);
        continue;
      }
      if (is_blank(fields) || row_is_group(layout_, fields)) continue;
      for_each_amount_cell(layout_, fields, [&](std::size_t i, std::string_view cell) {
        if (!decided) {
          switch (number_evidence(cell)) {
            case NumberEvidence::point:
              decided = DecimalStyle::point;
              break;
            case NumberEvidence::comma:
              decided = DecimalStyle::comma;
              break;
            case NumberEvidence::ambiguous:
              if (!first_ambiguous) {
                first_ambiguous = reader.location_of_field(i);
                ambiguous_text = excerpt(cell);
              }
              break;
            case NumberEvidence::none:
              break;
          }
        }
        if (layout_.wide && layout_.columns[i].is_month() && !is_empty_amount(cell)) {
          // A month is published when some row has a non-zero amount in it.
          const bool zero =
              std::all_of(cell.begin(), cell.end(), [](char c) { return c == '0' || c == '.' || c == ','; });
          if (!zero) month_published_[i] = true;
        }
      });
      if (layout_.wide) note_row_year(fields);
      // A long file's style is settled by its first telling value; a wide sheet is read whole.
      if (decided && !layout_.wide) {
        read_tail_notes();
        break;
      }
    }
    if (!decided && first_ambiguous)
      throw DataError(
          *first_ambiguous,
          fmt::format("'{}' could be a whole number or a decimal, and no amount in this file tells; "
                      "expected --decimal comma (291.804.236,45) or --decimal point (291804236.45) "
                      "to say which",
                      ambiguous_text));
    style_.decimal = decided.value_or(DecimalStyle::point);
  }

  // The year a wide row's Yıl cell gives, remembered so that unpublished months can be named.
  void note_row_year(const std::vector<std::string_view>& fields) {
    for (std::size_t i = 0; i < fields.size() && i < layout_.columns.size(); ++i) {
      if (layout_.columns[i].field != Field::year) continue;
      const std::string_view text = trim(fields[i]);
      int year = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
      if (ec == std::errc{} && end == text.data() + text.size() && year >= Period::min_year &&
          year <= Period::max_year)
        row_years_.insert(year);
    }
  }

  void load(CsvReader& reader) {
    LoadedFile& report = builder_.current_file();
    // Months that are zero in every row, by their periods: the title's year, or each row's.
    std::set<int> years = row_years_;
    if (year_) years = {*year_};
    for (std::size_t i = 0; i < layout_.columns.size(); ++i) {
      if (!layout_.wide || !layout_.columns[i].is_month() || month_published_[i]) continue;
      const Column& c = layout_.columns[i];
      if (c.period)
        report.unpublished.push_back(c.period->iso());
      else
        for (const int year : years)
          report.unpublished.push_back(Period::from_year_month(year, *c.month).iso());
    }
    std::sort(report.unpublished.begin(), report.unpublished.end());
    // Cut the data into stretches at line ends, one per core, each read by its own thread into
    // its own builder; the builders are then merged in file order. A line end inside a quoted
    // field would make a wrong cut: then a stretch's last record runs past the cut, which is
    // seen afterwards, and the file is read again from one thread.
    const std::string_view text = decoded_.text;
    const std::size_t data_begin = reader.position();
    const unsigned cores = thread_count(options_.threads);
    std::vector<std::size_t> bounds = {data_begin};
    if (cores > 1 && text.size() - data_begin >= parallel_threshold) {
      for (unsigned k = 1; k < cores; ++k) {
        const std::size_t at = data_begin + (text.size() - data_begin) * k / cores;
        const std::size_t newline = text.find('\n', std::max(at, bounds.back()));
        if (newline == std::string_view::npos) break;
        bounds.push_back(newline + 1);
      }
    }
    bounds.push_back(text.size());
    auto parts = read_stretches(bounds);
    const bool cut_inside_a_record = std::any_of(parts.begin(), parts.end() - 1, [&](const auto& part) {
      return part->end > bounds[static_cast<std::size_t>(&part - parts.data()) + 1];
    });
    if (cut_inside_a_record) parts = read_stretches({data_begin, text.size()});
    for (auto& part : parts) {
      if (part->failure) std::rethrow_exception(part->failure);
      report.note_rows += part->note_rows;
      report.group_rows += part->group_rows;
      report.total_mismatches.insert(report.total_mismatches.end(), part->total_mismatches.begin(),
                                     part->total_mismatches.end());
      report.problems.insert(report.problems.end(), part->problems.begin(), part->problems.end());
      builder_.absorb(std::move(part->builder));
    }
  }

  // Reads [bounds[i], bounds[i+1]) on a thread each.
  std::vector<std::unique_ptr<Part>> read_stretches(const std::vector<std::size_t>& bounds) const {
    const std::string_view text = decoded_.text;
    std::vector<std::unique_ptr<Part>> parts;
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
      parts.push_back(std::make_unique<Part>(gazetteer_ref_));
      parts.back()->builder.begin_file(file_.name, "csv");
      if (const auto focus = builder_.focus()) parts.back()->builder.focus_on(*focus);
    }
    // Line numbers: each stretch starts after the line ends of those before it, counted while
    // the text was checked.
    std::vector<std::uint64_t> first_line(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) first_line[i] = 1 + decoded_.line_ends_before(bounds[i]);
    // A stretch's failure is kept with it: the file may yet be read again from one thread.
    run_parallel(parts.size(), [&](std::size_t i) {
      try {
        CsvReader stretch(text, delimiter_, file_.name, bounds[i], bounds[i + 1], first_line[i]);
        load_rows(stretch, *parts[i]);
      } catch (...) {
        parts[i]->failure = std::current_exception();
      }
    });
    return parts;
  }

  void load_rows(CsvReader& reader, Part& part) const {
    std::vector<std::string_view> fields;
    const std::size_t columns = layout_.columns.size();
    std::string period_text;
    // Pages already read go back to the system as the reading moves on, so that a large file
    // does not stay resident (errors found later still read their lines from the page cache).
    constexpr std::size_t release_every = 8 << 20;
    std::size_t released = reader.position();
    // Which fields a row holds depends on the header only: the row is set up once and its texts
    // replaced row by row (a fresh one per row was a measurable share of a large load).
    RowFields long_row = base_row({});
    std::vector<std::pair<std::size_t, std::size_t>> mapped;  // (column, field)
    std::vector<std::size_t> label_columns;                   // where a sub-group row says so
    for (std::size_t i = 0; i < columns; ++i)
      if (const auto& field = layout_.columns[i].field) {
        mapped.emplace_back(i, static_cast<std::size_t>(*field));
        long_row[static_cast<std::size_t>(*field)] = std::string_view();
        if (*field == Field::chapter || *field == Field::country || *field == Field::province)
          label_columns.push_back(i);
      }
    while (reader.next(fields)) {
      part.end = reader.position();
      if (reader.position() - released >= release_every) {
        released += release_pages(file_, decoded_.text.substr(released, reader.record_offset() - released));
      }
      // A row that starts with a digit (a month, a year, a code) is neither blank nor a note.
      const bool starts_with_digit = !fields[0].empty() && fields[0][0] >= '0' && fields[0][0] <= '9';
      if (!starts_with_digit && is_blank(fields)) continue;
      if (!starts_with_digit && is_note(fields)) {
        ++part.note_rows;
        continue;
      }
      if (std::any_of(label_columns.begin(), label_columns.end(),
                      [&](std::size_t i) { return i < fields.size() && is_group_label(fields[i]); })) {
        ++part.group_rows;
        continue;
      }
      try {
        if (fields.size() != columns) {
          // Spreadsheets drop trailing empty cells; more cells than the header is a real error.
          if (fields.size() > columns || !layout_.wide)
            throw DataError(reader.location_of_field(fields.size() > columns ? columns : fields.size() - 1),
                            fmt::format("{} fields; expected {} as in the header", fields.size(), columns));
          fields.resize(columns, std::string_view());
        }
        if (layout_.wide)
          load_wide_row(part, reader, fields, period_text);
        else {
          for (const auto& [column, field] : mapped) long_row[field] = fields[column];
          add(part, reader, long_row, std::nullopt);
        }
      } catch (const DataError& error) {
        if (options_.collect_problems) {
          part.problems.emplace_back(error.what());
          continue;
        }
        if (!options_.skip_bad_rows) throw;
        part.builder.skip(error.what(), options_.skipped_to_list);
      }
    }
  }

  RowFields base_row(const std::vector<std::string_view>& fields) const {
    RowFields row;
    if (!title_province_.empty()) row[static_cast<std::size_t>(Field::province)] = title_province_;
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (const auto& field = layout_.columns[i].field) row[static_cast<std::size_t>(*field)] = fields[i];
    return row;
  }

  // Adds a record; a problem is reported at the cell it comes from. In a wide sheet the amount and
  // the month both come from the month column being read.
  void add(Part& part, const CsvReader& reader, const RowFields& row,
           std::optional<std::size_t> month_column) const {
    try {
      part.interpreter.add(row, style_, static_cast<std::uint32_t>(reader.record_line()));
    } catch (const FieldError& error) {
      if (month_column && (error.field == Field::value || error.field == Field::period))
        throw DataError(reader.location_of_field(*month_column), error.problem);
      throw error_in_column(reader, error.field, error.problem);
    }
  }

  DataError error_in_column(const CsvReader& reader, Field field, const std::string& problem) const {
    std::size_t column = 0;
    while (column < layout_.columns.size() && layout_.columns[column].field != field) ++column;
    return DataError(reader.location_of_field(column), problem);
  }

  // A month column named by month alone ("Ocak"), in the row's year (its Yıl cell, or the title's).
  Period month_of_row_year(const CsvReader& reader, std::optional<int> row_year, int month) const {
    if (!row_year)
      throw error_in_column(reader, Field::year, "the row's year is empty; expected a year such as 2026");
    if (*row_year < Period::min_year || *row_year > Period::max_year)
      throw error_in_column(
          reader, Field::year,
          fmt::format("{} is not a year; expected {} to {}", *row_year, Period::min_year, Period::max_year));
    return Period::from_year_month(*row_year, month);
  }

  void load_wide_row(Part& part, const CsvReader& reader, const std::vector<std::string_view>& fields,
                     std::string& period_text) const {
    RowFields row = base_row(fields);
    std::optional<int> row_year = year_;
    if (const auto& year = row[static_cast<std::size_t>(Field::year)]) {
      const std::string_view text = trim(*year);
      int value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc{} || end != text.data() + text.size())
        throw error_in_column(reader, Field::year,
                              fmt::format("'{}' is not a year; expected e.g. 2026", text));
      row_year = value;
    }
    Cents months_sum = 0;
    std::optional<Cents> total;
    std::size_t total_column = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const Column& c = layout_.columns[i];
      const std::string_view cell = trim(fields[i]);
      if (c.total && !is_empty_amount(cell)) {
        const AmountResult amount = parse_amount(cell, style_.decimal, style_.unit);
        if (!amount.cents) throw DataError(reader.location_of_field(i), amount.problem);
        total = amount.cents;
        total_column = i;
      }
      if (!c.is_month() || !month_published_[i] || is_empty_amount(cell)) continue;
      const Period period = c.period ? *c.period : month_of_row_year(reader, row_year, *c.month);
      period_text = period.iso();
      row[static_cast<std::size_t>(Field::period)] = period_text;
      row[static_cast<std::size_t>(Field::year)].reset();
      row[static_cast<std::size_t>(Field::value)] = cell;
      add(part, reader, row, i);
      if (const AmountResult amount = parse_amount(cell, style_.decimal, style_.unit); amount.cents)
        months_sum = checked_add(months_sum, *amount.cents);
    }
    if (total && *total != months_sum) {
      part.total_mismatches.push_back({reader.location_of_field(total_column),
                                       std::string(trim(fields[total_column])), *total, months_sum});
    }
  }

  const InputFile& file_;
  const Gazetteer& gazetteer_;
  DatasetBuilder& builder_;
  const LoadOptions& options_;
  DecodedText decoded_;
  char delimiter_;
  const Gazetteer& gazetteer_ref_;
  Layout layout_;
  ValueStyle style_;
  std::string title_province_;
  bool source_named_ = false;  // the title or a note names the file's source
  std::optional<int> year_;
  std::set<int> row_years_;  // the years of a wide sheet's rows (its Yıl column)
  std::vector<bool> month_published_;
};

}  // namespace

void load_csv(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
              const LoadOptions& options) {
  CsvLoad(file, gazetteer, builder, options).run();
}

}  // namespace kexport::input
