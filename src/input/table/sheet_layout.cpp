#include "table/sheet_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "kexport/model/text.hpp"
#include "table/header_cells.hpp"

namespace kexport::input {
namespace {

// How many records from the top are searched for the header.
constexpr std::size_t header_search_limit = 40;

// A column of the rows' amounts in another currency, or of their quantities, beside the value in
// dollars: TÜİK's query application writes EURO, TL, MIKTAR_1 and MIKTAR_2.
bool is_other_measure(std::string_view cell) {
  const std::string folded = fold_name(cell);
  return folded == "euro" || folded == "tl" || folded == "miktar" || folded == "miktar1" ||
         folded == "miktar2";
}

// Columns of tariff lines (TÜİK's query: TARIFE4, TARIFE6, TARIFE8, ISTPOZ): rows finer than an HS
// chapter, several of which would make one record.
bool is_tariff_column(std::string_view cell) {
  const std::string folded = fold_name(cell);
  return folded == "tarife4" || folded == "tarife6" || folded == "tarife8" || folded == "istpoz" ||
         folded == "gtip";
}

}  // namespace

namespace {

// One row read as a header: the columns it names, and what the search needs to know of it.
struct HeaderRow {
  Layout layout;
  std::size_t months = 0;  // columns of months
  bool label = false;      // a column labels the rows: a province, a country, a chapter
};

// The search for a table's header down its first rows. The rows above the header make its title;
// where none of them is a header, the row that named the most columns is the one the error quotes.
class HeaderSearch {
 public:
  explicit HeaderSearch(RowSource& rows) : rows_(rows) {}

  Layout run() {
    for (std::size_t index = 0; index < header_search_limit && next_row(); ++index) {
      HeaderRow row = read_row();
      remember(row);
      const Layout& layout = row.layout;
      // A row of labels and years alone, the months below them: one header of two rows.
      if (!layout.has(Field::value) && !layout.has(Field::year) && row.label && row.months == 0) {
        if (auto joined = years_over_months(row.layout, index)) return std::move(*joined);
        continue;
      }
      const bool long_header = layout.has(Field::value) && (row.label || layout.has(Field::period));
      const bool wide_header = !layout.has(Field::value) && row.label && row.months >= 1;
      if (long_header || wide_header) return header_here(row.layout, wide_header, index);
      add_title(fields_);
    }
    refuse();
  }

 private:
  // The next row: one read ahead and put back, else the source's next.
  bool next_row() {
    if (!replay_) return rows_.next(fields_);
    fields_ = std::move(replayed_);
    replayed_ = {};
    replay_ = false;
    return true;
  }

  // The current row's cells, each read as a header cell.
  HeaderRow read_row() {
    tariff_cell_.reset();
    HeaderRow row;
    Layout& layout = row.layout;
    layout.columns.resize(fields_.size());
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      StatedUnit stated;
      layout.columns[i] = classify_header(fields_[i], stated);
      if (!layout.columns[i].field && lost_letter_cell_.empty() && has_lost_letter(fields_[i]))
        lost_letter_cell_ = trim(fields_[i]);
      if (!layout.columns[i].field && !layout.columns[i].is_month() && is_other_measure(fields_[i]))
        layout.left_out.emplace_back(trim(fields_[i]));
      if (is_tariff_column(fields_[i])) tariff_cell_ = i;
      if (stated.says_something()) {
        layout.unit_claims.push_back({stated, rows_.location_of_cell(i), std::string(trim(fields_[i]))});
        if (stated.unit &&
            (layout.columns[i].field == Field::value || layout.columns[i].field == Field::imports))
          layout.unit = stated.unit;
      }
      const Column& column = layout.columns[i];
      if (column.is_month()) ++row.months;
      if (column.field) {
        const auto slot = static_cast<std::size_t>(*column.field);
        if (layout.present[slot])
          throw DataError(
              rows_.location_of_cell(i),
              fmt::format("a second '{}' column; expected each column once", field_name(*column.field)));
        layout.present[slot] = true;
        row.label = row.label || is_label_field(*column.field);
      }
    }
    // A table whose only amount is of imports is a table of imports: its column is the value.
    if (layout.has(Field::imports) && !layout.has(Field::value)) {
      for (auto& column : layout.columns)
        if (column.field == Field::imports) column.field = Field::value;
      layout.present[static_cast<std::size_t>(Field::imports)] = false;
      layout.present[static_cast<std::size_t>(Field::value)] = true;
      layout.flow = Flow::imports;
    }
    check_flows(layout);
    return row;
  }

  // Columns of exports and imports say whose each amount is: a weight or a flow column beside
  // them cannot say whose it is.
  void check_flows(const Layout& layout) const {
    const auto cell_of = [&](Field field) {
      const auto at = std::find_if(layout.columns.begin(), layout.columns.end(),
                                   [&](const Column& c) { return c.field == field; });
      return rows_.location_of_cell(static_cast<std::size_t>(at - layout.columns.begin()));
    };
    if (layout.has(Field::imports) && layout.has(Field::weight))
      throw DataError(cell_of(Field::weight),
                      "a weight column beside columns of exports and imports, which says whose weight it "
                      "is; expected a weight in a table of one flow");
    if (layout.has(Field::imports) && layout.has(Field::flow))
      throw DataError(cell_of(Field::imports),
                      "a flow column beside a column of imports; expected either a flow column naming "
                      "each row's flow, or columns of exports and imports");
  }

  // The row that named the most columns so far, for the message when none makes a header.
  void remember(const HeaderRow& row) {
    const auto named =
        static_cast<std::size_t>(std::count(row.layout.present.begin(), row.layout.present.end(), true));
    if (named <= best_named_) return;
    best_named_ = named;
    best_line_ = rows_.row_line();
    best_present_ = row.layout.present;
    best_header_ = excerpt(fmt::format("{}", fmt::join(fields_, ", ")), 200);
  }

  // Where each cell of the current row is.
  [[nodiscard]] HeaderCells cells_of_row() const {
    HeaderCells cells;
    for (std::size_t i = 0; i < fields_.size(); ++i) cells.push_back(rows_.location_of_cell(i));
    return cells;
  }

  // A row of labels and years: its months in the row below make the header's second row. Read as
  // a title row unless they do; a row below that is not of months is put back for the search.
  std::optional<Layout> years_over_months(Layout& layout, std::size_t index) {
    std::vector<std::optional<int>> years(fields_.size());
    for (std::size_t i = 0; i < fields_.size(); ++i)
      if (!layout.columns[i].field) years[i] = year_cell(fields_[i]);
    if (std::none_of(years.begin(), years.end(), [](const auto& y) { return y.has_value(); })) {
      add_title(fields_);
      return std::nullopt;
    }
    const std::uint64_t line = rows_.row_line();
    HeaderCells cells = cells_of_row();
    const std::size_t titles_before = title_parts_.size();
    const std::size_t claims_before = title_claims_.size();
    add_title(fields_);
    const MonthRow below = join_month_row(layout, years, rows_, replayed_);
    if (below != MonthRow::joined) {
      replay_ = below == MonthRow::not_months;
      return std::nullopt;
    }
    title_parts_.resize(titles_before);
    title_claims_.resize(claims_before);
    --title_rows_;
    layout.header_line = line;
    return finished(layout, std::move(cells), true, index);
  }

  // The header is the current row: long (a value column) or wide (months as columns).
  Layout header_here(Layout& layout, bool wide, std::size_t index) {
    if (tariff_cell_)
      throw DataError(rows_.location_of_cell(*tariff_cell_),
                      fmt::format("'{}': rows of tariff lines, finer than kexport's HS chapters (several "
                                  "would make one record); expected the query by chapter (FASIL) without "
                                  "tariff columns",
                                  excerpt(trim(fields_[*tariff_cell_]), 20)));
    layout.header_line = rows_.row_line();
    HeaderCells cells = cells_of_row();
    // Months named alone, with no year in a column or the title so far: their years may be in
    // the row below. (A sheet that needs them and has none is refused by plan_sheet.)
    const bool months_alone =
        std::any_of(layout.columns.begin(), layout.columns.end(), [](const Column& c) { return c.month; });
    if (wide && months_alone && !layout.has(Field::year)) {
      std::string title_so_far;
      for (const auto& part : title_parts_) title_so_far += part + " ";
      if (!title_year(title_so_far)) join_year_row(layout, rows_);
    }
    return finished(layout, std::move(cells), wide, index);
  }

  // A row above the header: its words are the title's, and may state the unit.
  void add_title(const std::vector<std::string_view>& cells) {
    if (!is_blank(cells)) ++title_rows_;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string_view cell = trim(cells[i]);
      if (cell.empty()) continue;
      title_parts_.emplace_back(cell);
      if (const StatedUnit stated = text_unit(cell); stated.says_something())
        title_claims_.push_back({stated, rows_.location_of_cell(i), std::string(cell)});
    }
  }

  // The layout of a header found in the search's `index`th record, with the title above it.
  Layout finished(Layout& layout, HeaderCells cells, bool wide, std::size_t index) {
    if (wide) {
      while (cells.size() < layout.columns.size()) cells.push_back(cells.back());
      resolve_ranges(layout, cells);
      check_month_columns(layout, cells);
    } else {
      for (auto& column : layout.columns) {
        Column kept;
        kept.field = column.field;
        column = kept;
      }
    }
    layout.wide = wide;
    layout.in_sheet = rows_.is_sheet();
    layout.title_records = index;
    layout.title_rows = title_rows_;
    for (const auto& part : title_parts_) layout.title += part + " ";
    layout.unit_claims.insert(layout.unit_claims.begin(), title_claims_.begin(), title_claims_.end());
    return std::move(layout);
  }

  // No header in the rows searched: the row that came nearest says what it lacks.
  [[noreturn]] void refuse() const {
    // A file saved in a code page without Turkish letters (LibreOffice's default CSV export is
    // Latin-1) has '?' for them: "?l", "De?er" name no column.
    const std::string lost_letters =
        lost_letter_cell_.empty()
            ? std::string()
            : fmt::format(
                  "; '{}' has '?' for letters: was the file saved in a code page without Turkish "
                  "letters (LibreOffice's default CSV export is Latin-1)? Save it again as UTF-8",
                  lost_letter_cell_);
    const std::string& file = rows_.file_name();
    if (best_named_ >= 1)
      throw NoTable({file, best_line_, 1, rows_.is_sheet()},
                    RecordInterpreter::missing_fields(best_present_) + "; the header has: " + best_header_ +
                        lost_letters);
    throw NoTable({file, 1, 1, rows_.is_sheet()},
                  "no header line found; expected a line naming the columns, e.g. "
                  "period,province,value_usd (or İl, Ülke, Değer, or months as columns)" +
                      lost_letters);
  }

  RowSource& rows_;
  std::vector<std::string_view> fields_;
  // A row read ahead (below a row of years) and found not to be their months: the next to look at.
  std::vector<std::string_view> replayed_;
  bool replay_ = false;
  std::vector<std::string> title_parts_;
  std::vector<UnitClaim> title_claims_;
  std::size_t title_rows_ = 0;
  std::string lost_letter_cell_;            // the first header cell with '?' for a letter
  std::optional<std::size_t> tariff_cell_;  // the current row's column of tariff lines
  std::size_t best_named_ = 0;
  std::uint64_t best_line_ = 1;
  std::array<bool, field_count> best_present_{};
  std::string best_header_;
};

}  // namespace

Layout find_layout(RowSource& rows) {
  return HeaderSearch(rows).run();
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
  return cell.empty() || is_nil_amount(cell) || cell == ".." || cell == "...";
}

bool is_zero_amount(std::string_view cell) {
  if (is_nil_amount(cell)) return true;
  bool digit = false;
  for (const char c : cell) {
    if (c == '0')
      digit = true;
    else if (c != '.' && c != ',' && c != ' ')
      return false;
  }
  return digit;
}

bool row_is_total(const Layout& layout, const std::vector<std::string_view>& cells) {
  for (std::size_t i = 0; i < cells.size() && i < layout.columns.size(); ++i) {
    const auto& field = layout.columns[i].field;
    if (field && (*field == Field::chapter || *field == Field::country || *field == Field::province) &&
        is_total_label(cells[i]))
      return true;
  }
  return false;
}

}  // namespace kexport::input
