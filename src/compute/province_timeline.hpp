// A province's figures month by month, read from its slice of the sorted dataset. This is where
// "a total where one exists, else the sum of its parts" is decided, once for every command.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kexport/compute/kinds.hpp"
#include "kexport/model/dataset.hpp"

namespace kexport::compute {

// Part of a province's exports: one destination, one sector, or both. Empty: the whole.
struct Slice {
  std::optional<CountryId> country;
  std::optional<std::uint8_t> chapter;
};

// A province's total for every month of the data's coverage span. A month for which the
// province is not known (Dataset::knows) is empty; a known month without a record is 0.
//
// A month's total is the province's total row where there is one (country and chapter both
// "all"); else the sum of its country rows; else of its chapter rows; else of its country ×
// chapter rows. Totals may exceed the sum of their parts (confidential exports), never the reverse.
class ProvinceTimeline {
 public:
  // With a slice, a month's value is the slice's own row (e.g. the country's all-chapters row)
  // where there is one, else the sum of its finer rows; 0 in a known month without any.
  ProvinceTimeline(const Dataset& data, Stream stream, ProvinceId province, Slice slice = {});

  // Turkey as a whole: the national total rows where the data has them, else the sum of the 81
  // provinces in the months that are complete (Dataset::complete). `basis` says which. A month
  // that can speak for neither is not known.
  static ProvinceTimeline turkey(const Dataset& data, Stream stream, Slice slice, TurkeyMadeOf& made_of);

  // The month's value; empty when the month is not known, or the slice's breakdown is missing.
  [[nodiscard]] std::optional<Cents> total(Period month) const;
  // The sum over [from, to], empty when any month in it is empty.
  [[nodiscard]] std::optional<Cents> window(Period from, Period to) const;
  // The first and last month in [from, to] that is not known, if any.
  [[nodiscard]] std::optional<std::pair<Period, Period>> missing(Period from, Period to) const;
  // Whether the month is known (its value may still be empty for a slice without a breakdown).
  [[nodiscard]] bool knows(Period month) const;
  // The latest known month, if any.
  [[nodiscard]] std::optional<Period> last_known() const;
  // Whether any month in [from, to] rests on made-up (sample) figures: for a slice, its parts.
  [[nodiscard]] bool sample_in(Period from, Period to) const;
  // The months from `from` to `to` whose figure rests on made-up data, in order.
  [[nodiscard]] std::vector<Period> sample_months(Period from, Period to) const;

 private:
  ProvinceTimeline(const Dataset& data, std::size_t span);
  [[nodiscard]] std::optional<std::size_t> slot(Period month) const;

  const Dataset& data_;
  // Index: Period index - data_.coverage_base. A value is empty where the month is not known,
  // or where a slice's breakdown is missing: the province exported that month but its rows say
  // nothing of the slice's kind (no country rows for a country), which is unknown, not zero.
  std::vector<bool> known_;
  std::vector<bool> sample_;
  std::vector<std::optional<Cents>> totals_;
};

// Every province's total in one month, and Türkiye's, as their timelines would give them, read
// from that month's rows alone: what a province's standing needs, without 82 timelines of every
// month.
struct MonthOfProvinces {
  std::array<std::optional<Cents>, province_count + 1> totals{};  // by plate; empty: not known
  std::optional<Cents> turkey;  // the national total row's, else the 81's sum in a complete month
  TurkeyMadeOf turkey_made_of = TurkeyMadeOf::national_total_rows;
  bool complete = false;  // every province is known
  bool sample = false;    // Türkiye's figure or any province's rests on made-up data
};
MonthOfProvinces month_of_provinces(const Dataset& data, Stream stream, Period month);

// Per-country values of a province in a month: the (country, all chapters) row where there is one,
// else the sum of the country's chapter rows. Countries with no record are absent.
struct CountryValue {
  CountryId country;
  Cents value;
};
std::vector<CountryValue> country_values(const Dataset& data, Stream stream, ProvinceId province,
                                         Period month);

// Per-sector values of a province in a month: the (all countries, chapter) row where there is
// one, else the sum of the chapter's country rows. Sorted by chapter code.
struct ChapterValue {
  std::uint8_t chapter;
  Cents value;
};
std::vector<ChapterValue> chapter_values(const Dataset& data, Stream stream, ProvinceId province,
                                         Period month);

// The net weight in grams of a province's month in a stream of values: the weights the data
// gives for exactly the rows the month's value is made of, resolved as the value is. Empty when the
// month is not known, or when any of its rows lacks its weight (or a weight its value).
std::optional<Cents> month_weight(const Dataset& data, Stream values, ProvinceId province, Period month);

// Turkey's weight in a month: of the data's national total rows only. A sum of the 81 provinces'
// weights would need every row of every province, which a question about one province does not
// load (the others come as monthly totals, whose weights cannot be matched to their rows).
std::optional<Cents> turkey_weight(const Dataset& data, Stream values, Period month);

}  // namespace kexport::compute
