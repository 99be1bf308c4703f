// The summary question: how did a province's exports do in a month, against the calendar's
// comparison periods, and where did they go; and, where the data has them, its imports and what
// the two make together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kexport/compute/kinds.hpp"
#include "kexport/model/dataset.hpp"
#include "kexport/model/gazetteer.hpp"
#include "kexport/model/period.hpp"

namespace kexport {

struct SummaryQuery {
  ProvinceId province = national_total;  // national_total: Türkiye as a whole
  std::optional<Period> month;           // empty: the latest covered month
  std::size_t top_n = 10;
  std::optional<std::string> source;  // required when the data holds more than one source
  std::optional<Basis> basis;         // required when the data holds the source on several bases
  std::size_t top_sectors = 5;
};

// A value that may not be computable: a month outside the data's coverage has no value, and a
// change against a missing value or a base of zero has none either. Never 0, never NaN.
using MaybeCents = std::optional<Cents>;
using MaybePercent = std::optional<double>;

// A figure as an earlier release gave it, before the latest release in the data revised it.
struct Revised {
  Cents value = 0;
  Vintage release = unknown_vintage;  // unknown: a file that gives no date
};

// A single month against another.
struct MonthComparison {
  Period period;
  MaybeCents value;
  MaybePercent change_pct;  // the report month's change on this one
  // Where the data holds an earlier release of the month's total that differs: what it said. The
  // comparison is always with the latest figure, as publishers make it.
  std::optional<Revised> revised_since = std::nullopt;
};

// A span of months against the same span shifted back by a year.
struct WindowComparison {
  Period from;
  Period to;
  MaybeCents value;
  MaybeCents previous_value;
  MaybePercent change_pct;
};

// A destination as the data names it: its gazetteer entry where the gazetteer knows the name,
// and the name as written. Compute speaks no language: output names it.
using Place = CountryEntry;

// A sector: an HS chapter (1-99), or a sector the data names (chapter 0 and its name as written).
struct SectorRef {
  int chapter = 0;
  std::string written;
  [[nodiscard]] std::string name(const Gazetteer& g, Language language) const;
};

// Ties in rankings are broken by the Turkish name, so that the order of a table does not depend
// on the language it is printed in.
std::string sort_name(const Place& place, const Gazetteer& g);
std::string sort_name(const SectorRef& sector, const Gazetteer& g);

struct Destination {
  std::size_t rank = 0;
  Place country;
  Cents value = 0;
  MaybePercent share_pct;   // of the province's month total
  MaybePercent change_pct;  // on the same month a year earlier
};

// One month of the trend, beside the same month a year earlier.
struct MonthPoint {
  Period period;
  MaybeCents value;
  MaybeCents year_earlier;
};

// Where the province stands among Turkey's provinces in the report month.
struct Standing {
  std::optional<std::size_t> rank;  // 1 = largest; empty unless the data holds all 81 provinces
  std::size_t provinces = 0;        // how many provinces the ranking is among
  MaybePercent share_of_turkey;     // of the national total
  bool national_total_row = false;  // the share is of a national total row, not of the 81's sum
};

// A sector (HS chapter, or a sector named by the data) in the report month.
struct SectorShare {
  SectorRef sector;
  Cents value = 0;
  MaybePercent share_pct;   // of the province's month total
  MaybePercent change_pct;  // on the same month a year earlier
};

// Months that a figure needed but the data does not cover.
struct Gap {
  Comparison figure = Comparison::previous_month;
  // What the missing months leave out: the figure itself (a window that cannot be summed), or
  // only its comparison (the month or window it is compared with).
  enum class Part { value, comparison } part = Part::comparison;
  Period from;  // the first and last missing month
  Period to;
  Flow flow = Flow::exports;  // whose months are missing
};

// Which parts of an answer rest on made-up (sample) figures rather than published ones: rows
// the data marks status=sample, such as the bundled sample's. Never printed as fact.
struct SampleParts {
  bool value = false;         // the province's (or Turkey's) own figures: the month, comparisons, trend
  bool destinations = false;  // the split by country
  bool sectors = false;       // the split by sector
  bool standing = false;      // rank and share of Turkey: other provinces' figures
  bool imports = false;       // the imports' figures, and the balance and coverage made with them
  std::vector<Period> import_months;  // which months of imports are made up (the others are not)
  bool origins = false;               // the split of imports by country
  [[nodiscard]] bool any() const {
    return value || destinations || sectors || standing || imports || origins;
  }
};

// A total row smaller than the sum of its parts: shares of it then add up to more than 100 %.
// (A total above its parts is normal: confidential or unallocated exports.)
struct PartsOverTotal {
  Breakdown parts = Breakdown::countries;  // countries or sectors
  Period from, to;                         // the months the figures cover
  Cents total = 0;
  Cents sum_of_parts = 0;
};

// A flow's figures in the report month, against the calendar's comparison periods: what is said
// of exports and of imports alike.
struct FlowFigures {
  MaybeCents value;
  MonthComparison previous_month;
  MonthComparison previous_year;
  WindowComparison rolling_12m;
  WindowComparison year_to_date;
  std::optional<std::size_t> countries;  // destinations or origins; empty without a breakdown
  // Whether any of the figures is known: a flow the data says nothing of around the month is
  // said in one line for people rather than as a table of unknowns.
  [[nodiscard]] bool any_known() const {
    return value || previous_month.value || previous_year.value || rolling_12m.value ||
           rolling_12m.previous_value || year_to_date.value || year_to_date.previous_value;
  }
};

// Exports set against imports over one span and the same span a year earlier: what is left (the
// balance: a surplus above zero, a deficit below) and how much of the imports the exports pay for
// (the coverage ratio). Each is empty unless both flows are known for the whole span; the ratio
// also when imports are 0.
struct TradeBalance {
  Period from, to;
  MaybeCents balance;
  MaybeCents previous_balance;
  MaybeCents balance_change;  // balance - previous_balance
  MaybePercent coverage_pct;  // exports / imports * 100
  MaybePercent previous_coverage_pct;
  MaybePercent coverage_change_pp;  // in percentage points
};

// The province's imports in the report month, with the same comparisons as its exports, where
// they came from, and what exports and imports make together.
struct Imports : FlowFigures {
  std::vector<Destination> top_origins;
  std::vector<MonthPoint> trend;  // the 13 months ending at the report month
  TradeBalance balance;           // the month
  TradeBalance balance_rolling_12m;
  TradeBalance balance_year_to_date;
  // Whether made-up (sample) figures are among the months the comparisons reach, or the split.
  bool sample_values = false;
  std::vector<Period> sample_months;  // which of those months are made up
  bool sample_origins = false;
};

// Dollars per kilogram in the report month, of the province's exports and imports and of
// Turkey's: where the data gives the net weight of exactly the rows a value is made of. Each is
// empty otherwise, and when the weight is 0.
struct UnitValues {
  std::optional<double> exports;
  std::optional<double> imports;
  std::optional<double> turkey_exports;
  std::optional<double> turkey_imports;
};

// The province's exports (FlowFigures), and what else the summary says of its month.
struct Summary : FlowFigures {
  ProvinceId province = 0;            // national_total: Türkiye as a whole
  std::string source;                 // "" when the data does not name one
  Basis basis = Basis::unstated;      // what the source's provinces are counted by
  Vintage vintage = unknown_vintage;  // the latest release among the figures used
  Period period;
  std::vector<Destination> top_destinations;
  std::optional<Standing> standing;      // empty when the data cannot say
  std::vector<SectorShare> top_sectors;  // empty when the data has no sectors
  std::vector<MonthPoint> trend;         // the 13 months ending at the report month
  std::vector<Gap> gaps;
  // Set when "latest" was asked for and the data's latest month does not hold the province
  // (or, for Turkey, is not complete): the report is of an earlier month.
  std::optional<IncompleteMonth> passed_over;
  SampleParts sample;
  std::vector<PartsOverTotal> parts_over_total;  // the shares are of the total, and exceed 100 %
  // Set when the data holds imports from the source (for any province or month): then its figures
  // are given, and are empty (null) where the data does not know them. Without imports in the
  // data the summary is of exports alone.
  std::optional<Imports> imports;
  // Set when the data gives weights for the source's values (any province, any month).
  std::optional<UnitValues> unit_value;
};

// Dollars per kilogram from exact cents and grams; empty when either is missing or the weight is 0.
std::optional<double> dollars_per_kilogram(MaybeCents cents, MaybeCents grams);

// Throws Error(usage) for an unknown province (with suggestions) or an ambiguous source, and
// Error(unavailable) when the month is not covered by the data.
Summary compute_summary(const Dataset& data, const Gazetteer& gazetteer, const SummaryQuery& query);

// (current - base) / base * 100 from exact sums; empty when either is missing or the base is 0.
MaybePercent percent_change(MaybeCents current, MaybeCents base);

// part / whole * 100; empty when the whole is missing or 0.
MaybePercent share_pct(Cents part, MaybeCents whole);

}  // namespace kexport
