// The month's publication: the summary of every province asked for, Turkey's month, and where the
// provinces stand with the counts analysts quote ("33 il 1 milyar doların üzerinde ihracat yaptı",
// "46 ilin ihracatı arttı"). One month for the whole set; what the data cannot say is left out and
// said why, never filled in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kexport/compute/analysis.hpp"
#include "kexport/compute/summary.hpp"

namespace kexport {

// A province whose change on a year earlier is known, by how much it moved in dollars.
struct ProvinceMove {
  ProvinceId province = 0;
  Cents value = 0;
  Cents previous_value = 0;
  Cents change = 0;  // value - previous_value
  MaybePercent change_pct;
};

// What a ranking of the 81 provinces says in counts: how many exported above a billion dollars,
// how many grew or shrank on a year earlier, and which moved most.
struct ProvinceCounts {
  Window window = Window::month;
  Period from, to;
  std::size_t provinces = 0;                    // with a known value
  std::size_t above_billion = 0;                // a value above 1 billion dollars
  std::size_t compared = 0;                     // with a value a year earlier as well
  std::size_t increased = 0;                    // of the compared: a larger value than a year earlier
  std::size_t decreased = 0;                    // a smaller one (the rest are unchanged)
  std::vector<ProvinceMove> largest_increases;  // largest rise in dollars first
  std::vector<ProvinceMove> largest_decreases;  // largest fall in dollars first
};

inline constexpr Cents one_billion_dollars = 100'000'000'000;

// The counts of a ranking, with up to `moves` provinces of each direction.
ProvinceCounts count_provinces(const Ranking& ranking, std::size_t moves = 5);

struct PublicationQuery {
  // The provinces asked for; empty: all 81.
  std::vector<ProvinceId> provinces;
  std::optional<Period> month;  // empty: the latest month that holds any of the provinces
  std::optional<std::string> source;
  std::optional<Basis> basis;  // required when the data holds the source on several bases
  std::size_t top_n = 10;
  unsigned threads = 0;  // 0: one per core
};

// A province asked for whose summary the data cannot give, and why (the error's message).
struct MissingProvince {
  ProvinceId province = 0;
  std::string reason;
};

// What is said of Turkey's month: each part empty, with the reason, where the data cannot say it.
struct NationalMonth {
  std::optional<Summary> turkey;  // the national total and its comparisons
  std::string turkey_missing;
  std::optional<Ranking> ranking;  // the 81 provinces in the month, by value
  std::optional<ProvinceCounts> month_counts;
  std::optional<ProvinceCounts> rolling_counts;  // over the last 12 months
  std::string ranking_missing;
};

struct Publication {
  Period month;
  std::string source;
  Basis basis = Basis::unstated;      // what the source's provinces are counted by
  Vintage vintage = unknown_vintage;  // the latest release among the figures used
  std::vector<Summary> provinces;     // in plate order
  std::vector<MissingProvince> missing;
  NationalMonth national;
};

// Error(usage) for an unknown province or an ambiguous source; Error(unavailable) when the data
// holds none of the provinces for the month (then there is nothing to publish).
Publication compute_publication(const Dataset& data, const Gazetteer& gazetteer,
                                const PublicationQuery& query);

}  // namespace kexport
