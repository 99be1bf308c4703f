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

}  // namespace

Layout find_layout(RowSource& rows) {
  const std::string& file = rows.file_name();
  std::vector<std::string_view> fields;
  std::vector<std::string> title_parts;
  // The line that named the most known columns, for the message when none makes a header.
  std::size_t best_named = 0;
  std::string lost_letter_cell;  // the first header cell with '?' for a letter
  std::uint64_t best_line = 1;
  std::array<bool, field_count> best_present{};
  std::string best_header;
  std::size_t title_rows = 0;
  std::vector<UnitClaim> title_claims;
  // A row above the header: its words are the title's, and may state the unit.
  const auto add_title = [&](const std::vector<std::string_view>& cells) {
    if (!is_blank(cells)) ++title_rows;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string_view cell = trim(cells[i]);
      if (cell.empty()) continue;
      title_parts.emplace_back(cell);
      if (const StatedUnit stated = text_unit(cell); stated.says_something())
        title_claims.push_back({stated, rows.location_of_cell(i), std::string(cell)});
    }
  };
  // The layout of a header found in the search's `index`th record, with the title above it.
  const auto finished = [&](Layout& layout, HeaderCells cells, bool wide, std::size_t index) {
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
    layout.in_sheet = rows.is_sheet();
    layout.title_records = index;
    layout.title_rows = title_rows;
    for (const auto& part : title_parts) layout.title += part + " ";
    layout.unit_claims.insert(layout.unit_claims.begin(), title_claims.begin(), title_claims.end());
    return std::move(layout);
  };
  // A row read ahead (below a row of years) and found not to be their months: the next one to look at.
  std::vector<std::string_view> replayed;
  bool replay = false;
  const auto next_row = [&] {
    if (!replay) return rows.next(fields);
    fields = std::move(replayed);
    replayed = {};
    replay = false;
    return true;
  };
  for (std::size_t index = 0; index < header_search_limit && next_row(); ++index) {
    Layout layout;
    layout.columns.resize(fields.size());
    std::size_t months = 0;
    bool label = false;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      StatedUnit stated;
      layout.columns[i] = classify_header(fields[i], stated);
      if (!layout.columns[i].field && lost_letter_cell.empty() && has_lost_letter(fields[i]))
        lost_letter_cell = trim(fields[i]);
      if (stated.says_something()) {
        layout.unit_claims.push_back({stated, rows.location_of_cell(i), std::string(trim(fields[i]))});
        if (stated.unit &&
            (layout.columns[i].field == Field::value || layout.columns[i].field == Field::imports))
          layout.unit = stated.unit;
      }
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
    // A table whose only amount is of imports is a table of imports: its column is the value.
    if (layout.has(Field::imports) && !layout.has(Field::value)) {
      for (auto& column : layout.columns)
        if (column.field == Field::imports) column.field = Field::value;
      layout.present[static_cast<std::size_t>(Field::imports)] = false;
      layout.present[static_cast<std::size_t>(Field::value)] = true;
      layout.flow = Flow::imports;
    }
    // Where a column of the header is, for a message at its cell.
    const auto cell_of = [&](Field field) {
      const auto at = std::find_if(layout.columns.begin(), layout.columns.end(),
                                   [&](const Column& c) { return c.field == field; });
      return rows.location_of_cell(static_cast<std::size_t>(at - layout.columns.begin()));
    };
    if (layout.has(Field::imports) && layout.has(Field::weight))
      throw DataError(cell_of(Field::weight),
                      "a weight column beside columns of exports and imports, which says whose weight it "
                      "is; expected a weight in a table of one flow");
    if (layout.has(Field::imports) && layout.has(Field::flow))
      throw DataError(cell_of(Field::imports),
                      "a flow column beside a column of imports; expected either a flow column naming "
                      "each row's flow, or columns of exports and imports");
    const auto named =
        static_cast<std::size_t>(std::count(layout.present.begin(), layout.present.end(), true));
    if (named > best_named) {
      best_named = named;
      best_line = rows.row_line();
      best_present = layout.present;
      best_header = excerpt(fmt::format("{}", fmt::join(fields, ", ")), 200);
    }
    // A row of labels and years alone, the months below them: one header of two rows.
    if (!layout.has(Field::value) && !layout.has(Field::year) && label && months == 0) {
      std::vector<std::optional<int>> years(fields.size());
      for (std::size_t i = 0; i < fields.size(); ++i)
        if (!layout.columns[i].field) years[i] = year_cell(fields[i]);
      if (std::any_of(years.begin(), years.end(), [](const auto& y) { return y.has_value(); })) {
        const std::uint64_t line = rows.row_line();
        HeaderCells cells;
        for (std::size_t i = 0; i < fields.size(); ++i) cells.push_back(rows.location_of_cell(i));
        // Read as a title row first, as it is if no months follow.
        const std::size_t titles_before = title_parts.size();
        const std::size_t claims_before = title_claims.size();
        add_title(fields);
        const MonthRow below = join_month_row(layout, years, rows, replayed);
        if (below == MonthRow::joined) {
          title_parts.resize(titles_before);
          title_claims.resize(claims_before);
          --title_rows;
          layout.header_line = line;
          return finished(layout, std::move(cells), true, index);
        }
        replay = below == MonthRow::not_months;
        continue;
      }
    }
    const bool long_header = layout.has(Field::value) && (label || layout.has(Field::period));
    const bool wide_header = !layout.has(Field::value) && label && months >= 1;
    if (long_header || wide_header) {
      layout.header_line = rows.row_line();
      HeaderCells header_cells;
      for (std::size_t i = 0; i < fields.size(); ++i) header_cells.push_back(rows.location_of_cell(i));
      // Months named alone, with no year in a column or the title so far: their years may be in
      // the row below. (A sheet that needs them and has none is refused by plan_sheet.)
      const bool months_alone =
          std::any_of(layout.columns.begin(), layout.columns.end(), [](const Column& c) { return c.month; });
      if (wide_header && months_alone && !layout.has(Field::year)) {
        std::string title_so_far;
        for (const auto& part : title_parts) title_so_far += part + " ";
        if (!title_year(title_so_far)) join_year_row(layout, rows);
      }
      return finished(layout, std::move(header_cells), wide_header, index);
    }
    add_title(fields);
  }
  // A file saved in a code page without Turkish letters (LibreOffice's default CSV export is
  // Latin-1) has '?' for them: "?l", "De?er" name no column.
  const std::string lost_letters =
      lost_letter_cell.empty()
          ? std::string()
          : fmt::format(
                "; '{}' has '?' for letters: was the file saved in a code page without Turkish "
                "letters (LibreOffice's default CSV export is Latin-1)? Save it again as UTF-8",
                lost_letter_cell);
  if (best_named >= 1)
    throw NoTable(
        {file, best_line, 1, rows.is_sheet()},
        RecordInterpreter::missing_fields(best_present) + "; the header has: " + best_header + lost_letters);
  throw NoTable({file, 1, 1, rows.is_sheet()},
                "no header line found; expected a line naming the columns, e.g. "
                "period,province,value_usd (or İl, Ülke, Değer, or months as columns)" +
                    lost_letters);
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
