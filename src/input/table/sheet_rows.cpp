#include "table/sheet_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "kexport/model/text.hpp"

namespace kexport::input {

void SheetRows::read(RowSource& rows, RowsRead& into) const {
  const Layout& layout = plan_.layout;
  std::vector<std::string_view> cells;
  const std::size_t columns = layout.columns.size();
  std::string period_text;
  // Which fields a row holds depends on the header only: the row is set up once and its texts
  // replaced row by row (a fresh one per row was a measurable share of a large load).
  RowFields long_row = base_row({});
  std::vector<std::pair<std::size_t, std::size_t>> mapped;  // (column, field)
  std::vector<std::size_t> label_columns;                   // where a sub-group row says so
  for (std::size_t i = 0; i < columns; ++i)
    if (const auto& field = layout.columns[i].field) {
      mapped.emplace_back(i, static_cast<std::size_t>(*field));
      long_row[static_cast<std::size_t>(*field)] = std::string_view();
      if (*field == Field::chapter || *field == Field::country || *field == Field::province)
        label_columns.push_back(i);
    }
  // The last text each label column held, and its row: a name merged down over the rows below it
  // (a province over its countries) is written in the first of them only.
  const bool sheet = rows.is_sheet();
  std::vector<std::string> label_text(sheet ? columns : 0);
  std::vector<std::uint64_t> label_row(sheet ? columns : 0, 0);
  while (rows.next(cells)) {
    // A row that starts with a digit (a month, a year, a code) is neither blank nor a note.
    const bool starts_with_digit =
        !cells.empty() && !cells[0].empty() && cells[0][0] >= '0' && cells[0][0] <= '9';
    if (!starts_with_digit && is_blank(cells)) continue;
    if (!starts_with_digit && is_note(cells)) {
      ++into.note_rows;
      if (!into.note_source) {
        std::string text;
        for (const auto cell : cells) text += std::string(cell) + " ";
        into.note_source = text_source(text);
      }
      continue;
    }
    if (std::any_of(label_columns.begin(), label_columns.end(),
                    [&](std::size_t i) { return i < cells.size() && is_group_label(cells[i]); })) {
      ++into.group_rows;
      continue;
    }
    // Asked of data rows only: an .xlsx sheet reads its merged ranges the first time it is asked.
    if (sheet)
      for (const std::size_t i : label_columns) {
        if (i < cells.size() && !trim(cells[i]).empty()) {
          if (label_text[i] != cells[i]) label_text[i] = cells[i];
          label_row[i] = rows.row_line();
        } else if (label_row[i] != 0 && rows.merged_from(i) == label_row[i]) {
          if (cells.size() <= i) cells.resize(i + 1);
          cells[i] = label_text[i];
        }
      }
    try {
      if (auto problem = rows.row_problem()) throw *problem;
      if (cells.size() != columns) {
        // Spreadsheets drop trailing empty cells; more cells than the header is a real error.
        if (cells.size() > columns || (!layout.wide && !rows.is_sheet()))
          throw DataError(rows.location_of_cell(cells.size() > columns ? columns : cells.size() - 1),
                          fmt::format("{} fields; expected {} as in the header", cells.size(), columns));
        cells.resize(columns, std::string_view());
      }
      if (layout.wide) {
        read_wide_row(into, rows, cells, period_text);
      } else {
        for (const auto& [column, field] : mapped) long_row[field] = cells[column];
        if (imports_column_)
          add_exports_and_imports(into, rows, long_row, cells[*imports_column_]);
        else
          add(into, rows, long_row, std::nullopt);
      }
    } catch (const DataError& error) {
      if (options_.collect_problems) {
        into.problems.emplace_back(error.what());
        continue;
      }
      if (!options_.skip_bad_rows) throw;
      into.builder.skip(error.what(), options_.skipped_to_list, into.interpreter.key_of(base_row(cells)));
    }
  }
}

RowFields SheetRows::base_row(const std::vector<std::string_view>& cells) const {
  RowFields row;
  if (!plan_.title_province.empty()) row[static_cast<std::size_t>(Field::province)] = plan_.title_province;
  for (std::size_t i = 0; i < cells.size() && i < plan_.layout.columns.size(); ++i)
    if (const auto& field = plan_.layout.columns[i].field) row[static_cast<std::size_t>(*field)] = cells[i];
  return row;
}

// A problem is reported at the cell it comes from. In a wide sheet the amount and the month both
// come from the month column being read.
void SheetRows::add(RowsRead& into, const RowSource& rows, const RowFields& row,
                    std::optional<std::size_t> month_column, const ValueStyle* style) const {
  try {
    const std::size_t value_column = month_column.value_or(value_column_);
    if (const auto& value = row[static_cast<std::size_t>(Field::value)];
        !style && !plan_.style_settled && value && !rows.is_number(value_column) &&
        number_evidence(*value) != NumberEvidence::none)
      throw UnsettledStyle();
    into.interpreter.add(row, style ? *style : style_of(rows, value_column),
                         static_cast<std::uint32_t>(rows.row_line()),
                         weight_column_ && rows.is_number(*weight_column_));
  } catch (const FieldError& error) {
    if (month_column && (error.field == Field::value || error.field == Field::period))
      throw DataError(rows.location_of_cell(*month_column), error.problem);
    throw error_in_column(rows, error.field, error.problem);
  }
}

// A row of a table with columns of exports and imports gives a record of each; an empty amount
// ("-") says the province traded nothing that way. A row with neither amount is an error.
void SheetRows::add_exports_and_imports(RowsRead& into, const RowSource& rows, RowFields& row,
                                        std::string_view imports) const {
  constexpr auto value = static_cast<std::size_t>(Field::value);
  constexpr auto flow = static_cast<std::size_t>(Field::flow);
  // A dash is an amount of zero; a blank (or "..") says nothing.
  const auto written = [](std::string_view cell) {
    cell = trim(cell);
    return !is_empty_amount(cell) || is_nil_amount(cell);
  };
  const bool has_exports = written(row[value].value_or(""));
  const bool has_imports = written(imports);
  // The amount of imports is read before the exports' record is added: a refused row leaves
  // nothing behind (--skip-bad-rows skips it whole).
  if (has_imports && has_exports && !is_nil_amount(trim(imports)) &&
      (plan_.style_settled || rows.is_number(*imports_column_))) {
    const ValueStyle& style = style_of(rows, *imports_column_);
    if (const AmountResult amount = parse_amount(trim(imports), style.decimal, style.unit); !amount.cents)
      throw DataError(rows.location_of_cell(*imports_column_), amount.problem);
  }
  if (has_exports || !has_imports) add(into, rows, row, std::nullopt);
  if (!has_imports) return;
  const std::optional<std::string_view> exports = row[value];
  row[value] = imports;
  row[flow] = name_of(Flow::imports);
  add(into, rows, row, *imports_column_);
  row[value] = exports;
  row[flow].reset();
}

DataError SheetRows::error_in_column(const RowSource& rows, Field field, const std::string& problem) const {
  std::size_t column = 0;
  while (column < plan_.layout.columns.size() && plan_.layout.columns[column].field != field) ++column;
  return DataError(rows.location_of_cell(column), problem);
}

// A month column named by month alone ("Ocak"), in the row's year (its Yıl cell, or the title's).
Period SheetRows::month_of_row_year(const RowSource& rows, std::optional<int> row_year, int month) const {
  if (!row_year)
    throw error_in_column(rows, Field::year, "the row's year is empty; expected a year such as 2026");
  if (*row_year < Period::min_year || *row_year > Period::max_year)
    throw error_in_column(
        rows, Field::year,
        fmt::format("{} is not a year; expected {} to {}", *row_year, Period::min_year, Period::max_year));
  return Period::from_year_month(*row_year, month);
}

Cents SheetRows::cumulative_at(const RowSource& rows, const std::vector<std::string_view>& cells,
                               std::size_t column) const {
  const std::string_view cell = column < cells.size() ? trim(cells[column]) : std::string_view();
  if (is_empty_amount(cell))
    throw DataError(rows.location_of_cell(column),
                    "an empty cumulative figure beside a later one; expected the year so far in every "
                    "cumulative column, whose differences are the months");
  const AmountResult amount = parse_amount(cell, style_of(rows, column).decimal, plan_.style.unit);
  if (!amount.cents) throw DataError(rows.location_of_cell(column), amount.problem);
  return *amount.cents;
}

Cents SheetRows::month_from_cumulative(const RowSource& rows, const std::vector<std::string_view>& cells,
                                       std::size_t column, std::size_t before) const {
  const Cents through = cumulative_at(rows, cells, column);
  const Cents earlier = cumulative_at(rows, cells, before);
  if (through < earlier)
    throw DataError(
        rows.location_of_cell(column),
        fmt::format("the year so far ({}) is less than through the month before ({}, {}); expected "
                    "cumulative figures that never fall",
                    trim(cells[column]), trim(cells[before]), rows.location_of_cell(before).text()));
  return through - earlier;
}

std::string SheetRows::plain_amount(Cents cents) {
  return fmt::format("{}.{:02}", cents / 100, cents % 100);
}

void SheetRows::read_wide_row(RowsRead& into, const RowSource& rows,
                              const std::vector<std::string_view>& cells, std::string& period_text) const {
  RowFields row = base_row(cells);
  std::optional<int> row_year = plan_.year;
  if (const auto& year = row[static_cast<std::size_t>(Field::year)]) {
    const std::string_view text = trim(*year);
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
      throw error_in_column(rows, Field::year, fmt::format("'{}' is not a year; expected e.g. 2026", text));
    row_year = value;
  }
  Cents months_sum = 0;
  std::optional<Cents> total;
  std::size_t total_column = 0;
  // A total row's cell in a month not yet published is a sum over the template: not Türkiye's.
  const bool total_row = row_is_total(plan_.layout, cells);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const Column& c = plan_.layout.columns[i];
    const std::string_view cell = trim(cells[i]);
    if (c.total && !is_empty_amount(cell)) {
      const AmountResult amount = parse_amount(cell, style_of(rows, i).decimal, plan_.style.unit);
      if (!amount.cents) throw DataError(rows.location_of_cell(i), amount.problem);
      total = amount.cents;
      total_column = i;
    }
    // A blank says nothing; a zero in a month not yet published is absent too. A dash is a zero.
    if (!c.is_month() || (is_empty_amount(cell) && !is_nil_amount(cell)) ||
        (plan_.zeros_absent[i] && (is_zero_amount(cell) || total_row)))
      continue;
    const Period period = c.period ? *c.period : month_of_row_year(rows, row_year, *c.month);
    period_text = period.iso();
    row[static_cast<std::size_t>(Field::period)] = period_text;
    row[static_cast<std::size_t>(Field::year)].reset();
    if (c.minus_column) {
      // The month is what the year so far grew by since the month before.
      const Cents month = month_from_cumulative(rows, cells, i, *c.minus_column);
      const std::string text = plain_amount(month);
      row[static_cast<std::size_t>(Field::value)] = text;
      add(into, rows, row, i, &dollars_style_);
      months_sum = checked_add(months_sum, month);
      continue;
    }
    row[static_cast<std::size_t>(Field::value)] = cell;
    add(into, rows, row, i);
    if (is_nil_amount(cell)) continue;
    if (const AmountResult amount = parse_amount(cell, style_of(rows, i).decimal, plan_.style.unit);
        amount.cents)
      months_sum = checked_add(months_sum, *amount.cents);
  }
  if (total && *total != months_sum) {
    into.total_mismatches.push_back(
        {rows.location_of_cell(total_column), std::string(trim(cells[total_column])), *total, months_sum});
  }
}

}  // namespace kexport::input
