#include "sheet_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "kexport/text.hpp"

namespace kexport::input {
namespace {

// How many records from the top are searched for the header.
constexpr std::size_t header_search_limit = 40;

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
void check_month_columns(const Layout& layout, const RowSource& rows) {
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    const Column& c = layout.columns[i];
    if (!c.is_month()) continue;
    for (std::size_t j = 0; j < i; ++j)
      if (layout.columns[j].period == c.period && layout.columns[j].month == c.month)
        throw DataError(rows.location_of_cell(i),
                        fmt::format("a second column for {}; expected each month once",
                                    c.period ? c.period->iso() : std::string(month_name_tr(*c.month))));
  }
  const auto with_year = std::find_if(layout.columns.begin(), layout.columns.end(),
                                      [](const Column& c) { return c.period.has_value(); });
  const auto without_year = std::find_if(layout.columns.begin(), layout.columns.end(),
                                         [](const Column& c) { return c.month.has_value(); });
  if (with_year == layout.columns.end() || without_year == layout.columns.end()) return;
  const auto column = static_cast<std::size_t>(without_year - layout.columns.begin());
  throw DataError(rows.location_of_cell(column),
                  fmt::format("a month column without its year ({}) beside month columns with theirs ({}); "
                              "expected every month column to carry its year, or none",
                              month_name_tr(*without_year->month), with_year->period->iso()));
}

}  // namespace

Layout find_layout(RowSource& rows) {
  const std::string& file = rows.file_name();
  std::vector<std::string_view> fields;
  std::vector<std::string> title_parts;
  // The line that named the most known columns, for the message when none makes a header.
  std::size_t best_named = 0;
  std::uint64_t best_line = 1;
  std::array<bool, field_count> best_present{};
  std::string best_header;
  std::size_t title_rows = 0;
  for (std::size_t index = 0; index < header_search_limit && rows.next(fields); ++index) {
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
              rows.location_of_cell(i),
              fmt::format("a second '{}' column; expected each column once", field_name(*column.field)));
        layout.present[slot] = true;
        label = label || is_label_field(*column.field);
      }
    }
    const auto named =
        static_cast<std::size_t>(std::count(layout.present.begin(), layout.present.end(), true));
    if (named > best_named) {
      best_named = named;
      best_line = rows.row_line();
      best_present = layout.present;
      best_header = excerpt(fmt::format("{}", fmt::join(fields, ", ")), 200);
    }
    const bool long_header = layout.has(Field::value) && (label || layout.has(Field::period));
    const bool wide_header = !layout.has(Field::value) && label && months >= 1;
    if (wide_header) check_month_columns(layout, rows);
    if (long_header || wide_header) {
      layout.wide = wide_header;
      layout.header_line = rows.row_line();
      layout.in_sheet = rows.is_sheet();
      layout.title_records = index;
      layout.title_rows = title_rows;
      for (const auto& part : title_parts) layout.title += part + " ";
      if (!layout.wide) {
        for (auto& column : layout.columns) column = Column{column.field, {}, {}, false};
      }
      return layout;
    }
    if (!is_blank(fields)) ++title_rows;
    for (auto cell : fields)
      if (!trim(cell).empty()) title_parts.emplace_back(trim(cell));
  }
  if (best_named >= 1)
    throw NoTable({file, best_line, 1, rows.is_sheet()},
                  RecordInterpreter::missing_fields(best_present) + "; the header has: " + best_header);
  throw NoTable({file, 1, 1, rows.is_sheet()},
                "no header line found; expected a line naming the columns, e.g. "
                "period,province,value_usd (or İl, Ülke, Değer, or months as columns)");
}

// --- what the title rows tell -------------------------------------------------------------

namespace {

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

}  // namespace

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

bool is_empty_amount(std::string_view cell) {
  return cell.empty() || cell == "-" || cell == "–" || cell == "..";
}

}  // namespace kexport::input
