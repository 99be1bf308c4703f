// The questions after the summary: a series over time, the largest destinations or sectors with
// what changed, and where every province stands. Same calendar rules as the summary: a month the
// data does not cover is missing (null), never a zero and never the wrong month.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kexport/compute/summary.hpp"
#include "kexport/model/dataset.hpp"
#include "kexport/model/gazetteer.hpp"

namespace kexport {

// --- series ---------------------------------------------------------------------------------

struct SeriesQuery {
  ProvinceId province = national_total;  // national_total: Türkiye as a whole
  std::optional<std::string> country;    // name or code
  std::optional<std::string> chapter;    // HS chapter number or a sector name in the data
  std::optional<Period> from;            // default: the first covered month
  std::optional<Period> to;              // default: the last covered month
  bool from_latest = false;              // --from latest: the latest month known for the subject
  std::optional<std::string> source;
  std::optional<Basis> basis;  // required when the data holds the source on several bases
  Flow flow = Flow::exports;
};

struct SeriesRow {
  Period period;
  bool covered = false;  // false: the month is missing from the data
  MaybeCents value;
  MaybePercent change_previous_month;
  MaybePercent change_previous_year;
  MaybeCents rolling_12m;
  MaybePercent rolling_12m_change;
  MaybeCents year_to_date;
  MaybePercent year_to_date_change;
};

struct Series {
  ProvinceId province = national_total;  // national_total: Türkiye as a whole
  Flow flow = Flow::exports;
  // The slice, when there is one: the destination and the sector.
  std::optional<Place> country;
  std::optional<SectorRef> sector;
  Period from, to;
  std::string source;
  Basis basis = Basis::unstated;               // what the source's provinces are counted by
  Vintage vintage = unknown_vintage;           // the latest release among the figures used
  std::optional<TurkeyMadeOf> turkey_made_of;  // for Türkiye: how its figures were had; else none
  std::vector<SeriesRow> rows;
  bool sample = false;  // some figure rests on made-up (sample) data
};

Series compute_series(const Dataset& data, const Gazetteer& gazetteer, const SeriesQuery& query);

// --- top ----------------------------------------------------------------------------------------

enum class TopBy { country, chapter };
enum class Window { month, ytd, rolling_12m };

struct TopQuery {
  ProvinceId province = national_total;
  std::optional<Period> month;  // empty: the latest covered month
  TopBy by = TopBy::country;
  std::size_t n = 10;
  Window window = Window::month;
  std::optional<std::string> source;
  std::optional<Basis> basis;  // required when the data holds the source on several bases
  Flow flow = Flow::exports;
};

struct TopRow {
  std::size_t rank = 0;
  Place country;     // by country
  SectorRef sector;  // by chapter
  Cents value = 0;
  MaybePercent share_pct;
  MaybeCents previous_value;  // the same window a year earlier
  MaybePercent change_pct;
  MaybePercent contribution_pp;  // to the province's change, in percentage points
};

struct Top {
  ProvinceId province = 0;
  std::string source;
  Basis basis = Basis::unstated;      // what the source's provinces are counted by
  Vintage vintage = unknown_vintage;  // the latest release among the figures used
  Flow flow = Flow::exports;          // destinations of exports, or origins of imports
  Window window = Window::month;
  TopBy by = TopBy::country;
  Period from, to;
  MaybeCents total;           // the province's total over the window
  MaybeCents previous_total;  // the same window a year earlier
  // What the total holds beyond all its parts (not only the rows listed): exports the source
  // splits by no destination or sector (TİM's remainder, confidential trade); empty when the
  // parts exceed the total (parts_over_total).
  MaybeCents unallocated;
  std::vector<TopRow> rows;
  std::vector<TopRow> new_entries;   // bought now, nothing a year earlier
  std::vector<TopRow> lost_entries;  // bought a year earlier, nothing now
  bool year_earlier_covered = false;
  std::vector<Gap> gaps;
  std::optional<IncompleteMonth> passed_over;  // "latest" did not hold the province
  bool sample = false;                         // the split rests on made-up (sample) data
  std::optional<PartsOverTotal> parts_over_total;
};

Top compute_top(const Dataset& data, const Gazetteer& gazetteer, const TopQuery& query);

// --- rank ---------------------------------------------------------------------------------------

// By value, by change on a year earlier, by the trade balance (exports - imports, largest
// surplus first) or by the coverage ratio (exports / imports).
enum class RankBy { value, change, balance, coverage };

struct RankQuery {
  std::optional<Period> month;
  Window window = Window::month;
  RankBy by = RankBy::value;
  std::optional<ProvinceId> province;  // to highlight
  std::optional<std::string> source;
  std::optional<Basis> basis;  // required when the data holds the source on several bases
  Flow flow = Flow::exports;
};

struct RankRow {
  std::size_t rank = 0;
  ProvinceId province = 0;
  MaybeCents value;
  MaybePercent share_pct;
  MaybeCents previous_value;
  MaybePercent change_pct;
  std::optional<std::size_t> previous_rank;  // by value, a year earlier
  // Ranked by balance or coverage: the province's imports over the window, and what its exports
  // (`value`) make with them. Empty when the ranking is of one flow.
  struct Trade {
    MaybeCents imports;
    MaybeCents balance;
    MaybePercent coverage_pct;
  };
  std::optional<Trade> trade;
};

struct Ranking {
  std::string source;
  Basis basis = Basis::unstated;      // what the source's provinces are counted by
  Vintage vintage = unknown_vintage;  // the latest release among the figures used
  Flow flow = Flow::exports;          // of `value`: imports when ranked by value or change of imports
  Window window = Window::month;
  RankBy by = RankBy::value;
  Period from, to;
  MaybeCents turkey;  // the national figure the shares are of
  TurkeyMadeOf turkey_made_of = TurkeyMadeOf::national_total_rows;
  std::optional<ProvinceId> highlight;
  std::vector<RankRow> rows;
  std::vector<Gap> gaps;
  std::optional<IncompleteMonth> passed_over;  // "latest" was not complete: an earlier month is ranked
  bool sample = false;                         // some province's figure rests on made-up (sample) data
};

Ranking compute_rank(const Dataset& data, const RankQuery& query);

// --- what the data covers -------------------------------------------------------------------

struct Coverage {
  std::uint64_t rows = 0;
  std::optional<Period> first, last;
  std::vector<std::string> sources;
};

// Per province code (index 0: the national total), per country entry, per chapter code.
struct DataCoverage {
  std::vector<Coverage> provinces;                          // 82 entries
  std::vector<std::pair<std::string, Coverage>> countries;  // code or name as written → coverage
  std::vector<Coverage> chapters;                           // 256 entries by chapter code
  std::vector<std::string> sectors;                         // names of sectors that are not HS chapters
};

DataCoverage compute_coverage(const Dataset& data, const Gazetteer& gazetteer);

}  // namespace kexport
