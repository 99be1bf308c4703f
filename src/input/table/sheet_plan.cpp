#include "table/sheet_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "kexport/model/text.hpp"

namespace kexport::input {
namespace {

// The year a wide row's Yıl cell gives, remembered so that unpublished months can be named.
void note_row_year(SheetPlan& plan, const std::vector<std::string_view>& cells) {
  for (std::size_t i = 0; i < cells.size() && i < plan.layout.columns.size(); ++i) {
    if (plan.layout.columns[i].field != Field::year) continue;
    const std::string_view text = trim(cells[i]);
    int year = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec == std::errc{} && end == text.data() + text.size() && year >= Period::min_year &&
        year <= Period::max_year)
      plan.row_years.insert(year);
  }
}

}  // namespace

SheetPlan plan_sheet(Layout layout, const std::string& file, const Gazetteer& gazetteer,
                     const LoadOptions& options) {
  SheetPlan plan;
  plan.layout = std::move(layout);
  const Layout& l = plan.layout;
  auto complete = l.present;
  if (!l.has(Field::province) && !l.has(Field::province_code)) {
    if (auto province = title_province(l.title, gazetteer)) {
      plan.title_province = *province;
      complete[static_cast<std::size_t>(Field::province)] = true;
    }
  }
  if (l.wide) {
    complete[static_cast<std::size_t>(Field::value)] = true;
    complete[static_cast<std::size_t>(Field::period)] = true;
    const bool month_only =
        std::any_of(l.columns.begin(), l.columns.end(), [](const Column& c) { return c.month.has_value(); });
    if (month_only && !l.has(Field::year)) {
      plan.year = title_year(l.title);
      // A dated title ("28.02.2026 TARİHİ İTİBARİYLE", TİM's): the figures stand at that date, so
      // its months are of that year.
      if (!plan.year)
        if (const auto dated = text_vintage(l.title)) plan.year = vintage_year(*dated);
      if (!plan.year)
        throw DataError({file, l.header_line, 1, l.in_sheet},
                        "months as columns without a year; expected a Yıl/year column, a year or a "
                        "dated title ('28.02.2026 TARİHİ İTİBARİYLE') in the title rows, or periods as "
                        "column names (2026-01)");
    }
  }
  if (auto missing = RecordInterpreter::missing_fields(complete); !missing.empty())
    throw DataError({file, l.header_line, 1, l.in_sheet}, missing);

  // The flow of rows that do not name theirs: what the header or the title says, else --flow.
  plan.style.flow = l.flow.value_or(title_flow(l.title).value_or(options.flow.value_or(Flow::exports)));
  plan.file = file;
  plan.unit_option = options.unit;
  // A sheet's name may state the unit too: "İhracat (Bin $)".
  if (const auto open = file.rfind('['); l.in_sheet && open != std::string::npos && file.ends_with("]")) {
    const std::string sheet = file.substr(open + 1, file.size() - open - 2);
    if (const StatedUnit stated = text_unit(sheet); stated.says_something())
      plan.more_claims.push_back(UnitClaim::of_file(stated, file, true, sheet));
  }
  settle_unit(plan);
  // A source the file names (its title here, or a note below the data) labels its rows;
  // --source only labels rows of files that name none.
  if (auto source = text_source(l.title)) {
    plan.style.default_source = *source;
    plan.source_named = true;
  } else if (options.source) {
    plan.style.default_source = *options.source;
  }
  // A basis the file states likewise; --basis only for files that state none.
  plan.style.default_basis = text_basis(l.title);
  plan.vintage = text_vintage(l.title);
  plan.style.basis_option = options.basis;
  return plan;
}

void read_note(SheetPlan& plan, const std::vector<std::string_view>& cells) {
  std::string text;
  for (auto cell : cells) text += std::string(cell) + " ";
  if (const StatedUnit stated = text_unit(text); stated.says_something())
    plan.more_claims.push_back(
        UnitClaim::of_file(stated, plan.file, plan.layout.in_sheet, std::string(trim(text))));
  if (plan.source_named) return;
  if (auto source = text_source(text)) {
    plan.style.default_source = *source;
    plan.source_named = true;
  }
}

namespace {

// Counts, over a wide sheet's rows, which month columns hold a figure: enough to tell the months
// a template leaves at zero from months of real zeros.
struct MonthCensus {
  std::vector<std::uint64_t> nonzero;    // rows with a figure in the column
  std::vector<std::uint64_t> only_here;  // rows whose one figure is in the column
  std::vector<bool> total_zero;          // a total row says 0 in the column
  std::uint64_t rows_with_several = 0, rows_with_one = 0;
  std::vector<std::size_t> figures;  // the current row's columns with a figure

  explicit MonthCensus(std::size_t columns) : nonzero(columns), only_here(columns), total_zero(columns) {}

  void count(const Layout& layout, const std::vector<std::string_view>& cells) {
    const bool total = row_is_total(layout, cells);
    figures.clear();
    for (std::size_t i = 0; i < cells.size() && i < layout.columns.size(); ++i) {
      if (!layout.columns[i].is_month()) continue;
      const std::string_view cell = trim(cells[i]);
      if (is_zero_amount(cell)) {
        if (total) total_zero[i] = true;
      } else if (!is_empty_amount(cell) && !total) {
        figures.push_back(i);
      }
    }
    for (const std::size_t i : figures) ++nonzero[i];
    if (figures.size() == 1) {
      ++rows_with_one;
      ++only_here[figures.front()];
    } else if (figures.size() > 1) {
      ++rows_with_several;
    }
  }

  // A month column whose zeros are absent: no row has a figure in it, a total row says 0, or
  // nearly every row with a figure in another month (at least three of them) has none in it.
  [[nodiscard]] bool zeros_absent(std::size_t column) const {
    if (nonzero[column] == 0 || total_zero[column]) return true;
    const std::uint64_t elsewhere = rows_with_several + rows_with_one - only_here[column];
    const std::uint64_t here_too = nonzero[column] - only_here[column];
    return elsewhere >= 3 && here_too * 10 <= elsewhere;
  }
};

}  // namespace

bool survey_rows(SheetPlan& plan, RowSource& rows, const LoadOptions& options, bool whole) {
  const Layout& layout = plan.layout;
  std::vector<std::string_view> cells;
  std::optional<DecimalStyle> decided = options.decimal;
  std::optional<SourceLocation> first_ambiguous;
  std::string ambiguous_text;
  MonthCensus census(layout.columns.size());
  bool read_to_end = true;
  plan.style_settled = true;  // unless the pass stops at amounts stored as numbers, below
  while (rows.next(cells)) {
    if (is_note(cells)) {
      read_note(plan, cells);
      continue;
    }
    if (is_blank(cells) || row_is_group(layout, cells)) continue;
    bool stored_number = false;
    for_each_amount_cell(layout, cells, [&](std::size_t i, std::string_view cell) {
      stored_number = stored_number || rows.is_number(i);
      // A spreadsheet's number cell is stored in one style whatever the sheet shows: no evidence.
      if (!decided && !rows.is_number(i)) {
        switch (number_evidence(cell)) {
          case NumberEvidence::point:
            decided = DecimalStyle::point;
            break;
          case NumberEvidence::comma:
            decided = DecimalStyle::comma;
            break;
          case NumberEvidence::ambiguous:
            if (!first_ambiguous) {
              first_ambiguous = rows.location_of_cell(i);
              ambiguous_text = excerpt(cell);
            }
            break;
          case NumberEvidence::none:
            break;
        }
      }
    });
    if (layout.wide) {
      census.count(layout, cells);
      note_row_year(plan, cells);
    }
    // A long file's style is settled by its first telling value; a wide sheet is read whole.
    if (decided && !layout.wide) {
      read_to_end = false;
      break;
    }
    // A large sheet's amounts are numbers, and reading it twice would double the load: the style
    // stays open, and the rare text amount further down asks for the whole survey.
    if (stored_number && !layout.wide && !decided && !first_ambiguous && !whole) {
      plan.style_settled = false;
      read_to_end = false;
      break;
    }
  }
  if (!decided && first_ambiguous)
    throw DataError(*first_ambiguous,
                    fmt::format("'{}' could be a whole number or a decimal, and no amount in this file "
                                "tells; expected --decimal comma (291.804.236,45) or --decimal point "
                                "(291804236.45) to say which",
                                ambiguous_text));
  plan.style.decimal = decided.value_or(DecimalStyle::point);
  settle_unit(plan);  // with the notes' units and source now known
  plan.zeros_absent.assign(layout.columns.size(), false);
  plan.nonzero_cells = census.nonzero;
  for (std::size_t i = 0; i < layout.columns.size(); ++i)
    plan.zeros_absent[i] = layout.wide && layout.columns[i].is_month() && census.zeros_absent(i);
  return read_to_end;
}

namespace {

std::string unit_phrase(const StatedUnit& stated) {
  if (!stated.currency.empty()) return stated.currency;
  return std::string(name_of(*stated.unit));
}

// Whether every year the table shows is 2010 or later (TİM's tables are in thousands since then).
bool no_year_before_2010(const SheetPlan& plan) {
  if (plan.year && *plan.year < 2010) return false;
  if (std::any_of(plan.row_years.begin(), plan.row_years.end(), [](int y) { return y < 2010; })) return false;
  return std::none_of(plan.layout.columns.begin(), plan.layout.columns.end(),
                      [](const Column& c) { return c.period && c.period->year() < 2010; });
}

}  // namespace

void settle_unit(SheetPlan& plan) {
  std::vector<UnitClaim> claims = plan.layout.unit_claims;
  claims.insert(claims.end(), plan.more_claims.begin(), plan.more_claims.end());
  const UnitClaim* first = nullptr;
  for (const UnitClaim& claim : claims) {
    if (!claim.stated.currency.empty())
      throw DataError(claim.where,
                      fmt::format("'{}' says the amounts are in {}; kexport reports US dollars and converts "
                                  "no currency: expected a table in dollars (USD, $, ABD doları)",
                                  excerpt(claim.text), claim.stated.currency));
    if (!first) {
      first = &claim;
    } else if (claim.stated.unit != first->stated.unit) {
      throw DataError(claim.where,
                      fmt::format("'{}' says the amounts are in {}, but '{}' ({}) says {}; expected one unit",
                                  excerpt(claim.text), unit_phrase(claim.stated), excerpt(first->text),
                                  first->where.line > 0 ? first->where.text() : std::string("above"),
                                  unit_phrase(first->stated)));
    }
  }
  plan.unit_notes.clear();
  plan.unit_assumed = false;
  if (first) {
    plan.style.unit = *first->stated.unit;
    // Said where it is news: a unit found outside the value's header (a title, a note, the sheet's
    // name), or one that --unit would have changed.
    const bool overridden = plan.unit_option && *plan.unit_option != plan.style.unit;
    const bool in_header = first->where.line > 0 && first->where.line == plan.layout.header_line;
    std::string detail = fmt::format("'{}' → {}", excerpt(first->text), unit_phrase(first->stated));
    if (overridden) detail += " (--unit is for files that state no unit)";
    if (overridden || !in_header)
      plan.unit_notes.push_back({FileNote::Kind::unit_stated, overridden ? 1U : 0U, detail});
  } else if (plan.unit_option) {
    plan.style.unit = *plan.unit_option;
  } else if (plan.style.default_source == "TİM" && no_year_before_2010(plan)) {
    plan.style.unit = ValueUnit::thousand_dollars;
    plan.unit_notes.push_back({FileNote::Kind::unit_by_convention, 0, {}});
  } else {
    plan.style.unit = ValueUnit::dollars;
    plan.unit_assumed = true;
  }
}

std::vector<std::string> unpublished_months(const SheetPlan& plan, bool with_figures) {
  std::vector<std::string> months;
  if (!plan.layout.wide) return months;
  // By their periods: the title's year, or each row's.
  std::set<int> years = plan.row_years;
  if (plan.year) years = {*plan.year};
  for (std::size_t i = 0; i < plan.layout.columns.size(); ++i) {
    const Column& c = plan.layout.columns[i];
    if (!c.is_month() || !plan.zeros_absent[i] || (plan.nonzero_cells[i] > 0) != with_figures) continue;
    if (c.period)
      months.push_back(c.period->iso());
    else
      for (const int year : years) months.push_back(Period::from_year_month(year, *c.month).iso());
  }
  std::sort(months.begin(), months.end());
  return months;
}

void report_plan(const SheetPlan& plan, LoadedFile& report) {
  if (!plan.layout.left_out.empty())
    report.notes.push_back(
        {FileNote::Kind::columns_left_out, 0, fmt::format("{}", fmt::join(plan.layout.left_out, ", "))});
  report.decimal = plan.style.decimal;
  report.unit = plan.style.unit;
  report.unit_assumed = plan.unit_assumed;
  report.notes.insert(report.notes.end(), plan.unit_notes.begin(), plan.unit_notes.end());
  report.source = plan.style.default_source;
  if (plan.vintage) {
    report.vintage = *plan.vintage;
    report.vintage_from = "title";
  }
  report.unpublished = unpublished_months(plan);
  for (const std::string& month : unpublished_months(plan, true))
    report.notes.push_back({FileNote::Kind::template_month, 0, month});
  if (plan.layout.cumulative) report.notes.push_back({FileNote::Kind::months_from_cumulative, 0, {}});
}

}  // namespace kexport::input
