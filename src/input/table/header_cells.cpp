#include "table/header_cells.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "kexport/model/text.hpp"

namespace kexport::input {
namespace {

// "1 Ocak-31 Mart 2025", "Ocak-Mart 2025", "OCAK - MART": the first and last month, and the year.
// "1 - 31 ARALIK 2024", TİM's days of one month, is that month alone.
struct MonthRange {
  int first = 0, last = 0;
  std::optional<int> year;
};

std::optional<MonthRange> parse_month_range(std::string_view text) {
  MonthRange range;
  if (text.size() > 5 && text[text.size() - 5] == ' ') {
    const std::string_view tail = text.substr(text.size() - 4);
    if (std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      range.year = (tail[0] - '0') * 1000 + (tail[1] - '0') * 100 + (tail[2] - '0') * 10 + (tail[3] - '0');
      text = trim(text.substr(0, text.size() - 5));
    }
  }
  std::size_t dash = text.find('-');
  std::size_t dash_size = 1;
  if (dash == std::string_view::npos) {
    dash = text.find("\xE2\x80\x93");  // an en dash
    dash_size = 3;
  }
  if (dash == std::string_view::npos) return std::nullopt;
  const auto month_of = [](std::string_view side) -> std::optional<int> {
    side = trim(side);
    std::size_t digits = 0;  // a day before the month: "31 Mart", "31.Mart"
    while (digits < side.size() && side[digits] >= '0' && side[digits] <= '9') ++digits;
    if (digits > 0 && digits <= 2)
      side = trim(side.substr(digits + (digits < side.size() && side[digits] == '.' ? 1 : 0)));
    if (side.empty() || (side[0] >= '0' && side[0] <= '9')) return std::nullopt;
    return parse_month(side);
  };
  const std::string_view left = trim(text.substr(0, dash));
  const bool day_alone = !left.empty() && left.size() <= 2 &&
                         std::all_of(left.begin(), left.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto last = month_of(text.substr(dash + dash_size));
  const auto first = day_alone ? last : month_of(left);
  if (!first || !last || *last < *first) return std::nullopt;
  if (range.year && (*range.year < Period::min_year || *range.year > Period::max_year)) return std::nullopt;
  range.first = *first;
  range.last = *last;
  return range;
}

Column classify_text(std::string_view text, StatedUnit& unit) {
  Column column;
  if (text.empty()) return column;
  // TİM's province tables close with KÜMÜLATİF (the year so far): a total of the months like TOPLAM.
  if (const std::string folded = fold_name(text); is_total_label(text) || folded == "yillik" ||
                                                  folded == "yilliktoplam" || folded == "kumulatif" ||
                                                  folded == "cumulative") {
    column.total = true;
    return column;
  }
  if (auto match = match_header(text)) {
    column.field = match->field;
    if (match->unit) unit.unit = match->unit;
    if (!match->currency.empty()) unit.currency = match->currency;
    return column;
  }
  if (auto period = parse_period(text)) {
    column.period = *period;
    return column;
  }
  // A month with its unit: "Aralık 2024 (1000 $)". The unit is the cell's claim; the rest names
  // the month.
  if (const auto open = text.find('('); open != std::string_view::npos && open > 0 && text.back() == ')') {
    const StatedUnit stated = text_unit(text.substr(open));
    const std::string_view month = trim(text.substr(0, open));
    StatedUnit inner;
    Column bare = classify_text(month, inner);
    if (stated.says_something() && bare.is_month()) {
      unit = stated;
      return bare;
    }
  }
  if (const auto range = parse_month_range(text)) {
    // A range's last month names the column; whether it is one month or a span, its kind says.
    if (range->year)
      column.period = Period::from_year_month(*range->year, range->last);
    else
      column.month = range->last;
    column.cumulative = range->first == 1 && range->last > 1;
    column.partial_range = range->first > 1 && range->last > range->first;
    return column;
  }
  if (!(text.front() >= '0' && text.front() <= '9')) column.month = parse_month(text);
  return column;
}

}  // namespace

// A header cell; one in two languages, a line each ("İl\nProvince", "Yıllar\nYears"), is what
// its first recognisable line says.
Column classify_header(std::string_view cell, StatedUnit& unit) {
  const std::string_view text = trim(cell);
  Column column = classify_text(text, unit);
  if (column.field || column.is_month() || column.total || column.cumulative || column.partial_range ||
      (text.find('\n') == std::string_view::npos && text.find('/') == std::string_view::npos))
    return column;
  // "İl / Province": read like two lines.
  const char separator = text.find('\n') != std::string_view::npos ? '\n' : '/';
  for (std::size_t from = 0; from <= text.size();) {
    const std::size_t end = std::min(text.find(separator, from), text.size());
    column = classify_text(trim(text.substr(from, end - from)), unit);
    if (column.field || column.is_month() || column.total) return column;
    from = end + 1;
  }
  return Column{};
}

bool is_label_field(Field f) {
  return f == Field::province || f == Field::province_code || f == Field::country ||
         f == Field::country_code || f == Field::chapter;
}

// Month columns either all carry their year ("2026-01", "Ocak 2025") or none does ("Ocak", with
// the year from a column or the title): a sheet that mixes them cannot be read one way.
void check_month_columns(const Layout& layout, const HeaderCells& at) {
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    const Column& c = layout.columns[i];
    if (!c.is_month()) continue;
    for (std::size_t j = 0; j < i; ++j)
      if (layout.columns[j].period == c.period && layout.columns[j].month == c.month)
        throw DataError(at.at(i),
                        fmt::format("a second column for {}; expected each month once",
                                    c.period ? c.period->iso() : std::string(month_name_tr(*c.month))));
  }
  const auto with_year = std::find_if(layout.columns.begin(), layout.columns.end(),
                                      [](const Column& c) { return c.period.has_value(); });
  const auto without_year = std::find_if(layout.columns.begin(), layout.columns.end(),
                                         [](const Column& c) { return c.month.has_value(); });
  if (with_year == layout.columns.end() || without_year == layout.columns.end()) return;
  const auto column = static_cast<std::size_t>(without_year - layout.columns.begin());
  throw DataError(at.at(column),
                  fmt::format("a month column without its year ({}) beside month columns with theirs ({}); "
                              "expected every month column to carry its year, or none",
                              month_name_tr(*without_year->month), with_year->period->iso()));
}

// Ranges of months among the month columns. Where the sheet has months of its own beyond January,
// ranges are their totals and are left out. A sheet whose months come as cumulative columns from
// January, one through each month, gives each month as the difference between two of them; any
// other range cannot be split into months, and the sheet is refused.
void resolve_ranges(Layout& layout, const HeaderCells& at) {
  const auto is_range = [](const Column& c) { return c.cumulative || c.partial_range; };
  const auto month_of = [](const Column& c) { return c.period ? c.period->month() : *c.month; };
  bool any_range = false, months_of_its_own = false;
  for (const Column& c : layout.columns) {
    if (is_range(c))
      any_range = true;
    else if (c.is_month() && month_of(c) != 1)
      months_of_its_own = true;
  }
  if (!any_range) return;
  if (months_of_its_own) {
    for (Column& c : layout.columns)
      if (is_range(c)) c = Column{};
    return;
  }
  std::map<std::pair<int, int>, std::size_t> through;  // (year or 0, month) → column
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    const Column& c = layout.columns[i];
    if (!c.is_month()) continue;
    if (c.partial_range)
      throw DataError(at.at(i),
                      "a range of months that does not start in January, in a sheet without months of "
                      "its own; expected months as columns, or cumulative columns from January");
    through.emplace(std::pair{c.period ? c.period->year() : 0, month_of(c)}, i);
  }
  for (const auto& [key, i] : through) {
    if (key.second == 1) continue;
    const auto before = through.find({key.first, key.second - 1});
    if (before == through.end())
      throw DataError(at.at(i),
                      fmt::format("a cumulative column through {} without one through {}; expected "
                                  "cumulative columns for every month from January, whose differences are "
                                  "the months",
                                  month_name_tr(key.second), month_name_tr(key.second - 1)));
    layout.columns[i].minus_column = before->second;
  }
  layout.cumulative = true;
}

// A year alone in a cell ("2025"), as written over or under its months.
std::optional<int> year_cell(std::string_view cell) {
  cell = trim(cell);
  int year = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), year);
  if (ec != std::errc{} || end != cell.data() + cell.size() || cell.size() != 4 || year < Period::min_year ||
      year > Period::max_year)
    return std::nullopt;
  return year;
}

// Months in one header row and their years in the row below — "OCAK" over "2024" and "2025", in
// a cell merged over both: each column's month (its own, or the one to its left over it) and the
// year below make its period. Leaves the layout as it was when the row below is not one of years.
void join_year_row(Layout& layout, RowSource& rows) {
  std::vector<std::string_view> below;
  if (!rows.next(below)) return;
  int month = 0;  // the month over this column; 0 for none
  std::vector<std::pair<std::size_t, Period>> periods;
  for (std::size_t i = 0; i < below.size(); ++i) {
    const Column column = i < layout.columns.size() ? layout.columns[i] : Column{};
    const std::string_view cell = trim(below[i]);
    if (column.month) {
      month = *column.month;
    } else if (column.field || column.period || column.total || column.cumulative || column.partial_range) {
      month = 0;
      if (!cell.empty()) return;  // under a column that is not a month, a year row is blank
      continue;
    }
    if (cell.empty()) continue;
    const std::optional<int> year = year_cell(cell);
    if (!year || month == 0) return;
    periods.emplace_back(i, Period::from_year_month(*year, month));
  }
  if (periods.empty()) return;
  if (layout.columns.size() < below.size()) layout.columns.resize(below.size());
  for (const auto& [i, period] : periods) {
    layout.columns[i].month.reset();
    layout.columns[i].period = period;
  }
  layout.header_rows = 2;
}

// Years over their months: "2025" written once over OCAK…ARALIK (merged across them, or in the
// first cell of the span), the months in the row below. Each month takes the year written
// nearest to its left. True where the row below is such a row of months: then it is the header's
// second row. Under a label column the row below is blank. Where it is not such a row, `below`
// holds it, for the search to go on from (not_months); none where there is no row below.
MonthRow join_month_row(Layout& layout, const std::vector<std::optional<int>>& years, RowSource& rows,
                        std::vector<std::string_view>& below) {
  if (!rows.next(below)) return MonthRow::none;
  std::optional<int> year;
  std::vector<std::pair<std::size_t, Column>> months;
  for (std::size_t i = 0; i < below.size(); ++i) {
    if (i < years.size() && years[i]) year = years[i];
    const std::string_view cell = trim(below[i]);
    if (i < layout.columns.size() && layout.columns[i].field) {
      if (!cell.empty()) return MonthRow::not_months;
      continue;
    }
    if (cell.empty()) continue;
    StatedUnit unit;
    Column column = classify_header(cell, unit);
    if (column.field || !year) return MonthRow::not_months;
    if (column.month) {
      column.period = Period::from_year_month(*year, *column.month);
      column.month.reset();
    } else if (!column.period && !column.total && !column.cumulative && !column.partial_range) {
      return MonthRow::not_months;
    }
    months.emplace_back(i, column);
  }
  if (std::none_of(months.begin(), months.end(), [](const auto& m) { return m.second.period.has_value(); }))
    return MonthRow::not_months;
  if (layout.columns.size() < below.size()) layout.columns.resize(below.size());
  for (auto& [i, column] : months) layout.columns[i] = column;
  layout.header_rows = 2;
  return MonthRow::joined;
}

// "?l", "De?er": a '?' beside a letter, as a code page without the letter leaves it.
bool has_lost_letter(std::string_view cell) {
  const auto letter = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  };
  for (std::size_t i = 0; i < cell.size(); ++i)
    if (cell[i] == '?' && ((i > 0 && letter(cell[i - 1])) || (i + 1 < cell.size() && letter(cell[i + 1]))))
      return true;
  return false;
}

}  // namespace kexport::input
