// A province's figures month by month, read from its slice of the sorted dataset. This is where
// "a total where one exists, else the sum of its parts" is decided, once for every command.
#pragma once

#include <optional>
#include <vector>

#include "kexport/dataset.hpp"

namespace kexport::compute {

// Adds with a check: an overflowing sum is a data error, never a wrapped number.
Cents add_checked(Cents a, Cents b);

// The province's total for every month of the data's coverage span. A month the source does not
// cover is empty; a covered month in which the province has no record is 0.
//
// A month's total is the province's total row where there is one (country and chapter both
// "all"); else the sum of its country rows; else of its chapter rows; else of its country ×
// chapter rows. Totals may exceed the sum of their parts (confidential exports), never the reverse.
class ProvinceTimeline {
 public:
  ProvinceTimeline(const Dataset& data, SourceId source, ProvinceId province);

  [[nodiscard]] std::optional<Cents> total(Period month) const;
  // The sum over [from, to], empty when any month in it is not covered.
  [[nodiscard]] std::optional<Cents> window(Period from, Period to) const;
  // The first and last uncovered month in [from, to], if any.
  [[nodiscard]] std::optional<std::pair<Period, Period>> missing(Period from, Period to) const;

 private:
  const Dataset& data_;
  SourceId source_;
  std::vector<Cents> totals_;  // index: Period index - data_.coverage_base
};

// Per-country values of a province in a month: the (country, all chapters) row where there is one,
// else the sum of the country's chapter rows. Countries with no record are absent.
struct CountryValue {
  CountryId country;
  Cents value;
};
std::vector<CountryValue> country_values(const Dataset& data, SourceId source, ProvinceId province,
                                         Period month);

// Per-sector values of a province in a month: the (all countries, chapter) row where there is
// one, else the sum of the chapter's country rows. Sorted by chapter code.
struct ChapterValue {
  std::uint8_t chapter;
  Cents value;
};
std::vector<ChapterValue> chapter_values(const Dataset& data, SourceId source, ProvinceId province,
                                         Period month);

}  // namespace kexport::compute
