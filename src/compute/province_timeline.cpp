#include "province_timeline.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kexport/model/error.hpp"

namespace kexport::compute {

namespace {

// The parts of one month's figure, by kind of row.
// The value of a slice in one month's block of rows; empty when the rows have no breakdown of
// the slice's kind.
std::optional<Cents> resolve_slice(const Dataset& data, std::size_t begin, std::size_t end,
                                   const Slice& slice) {
  if (!slice.country && !slice.chapter) {
    TotalParts parts;
    for (std::size_t row = begin; row < end; ++row) parts.add(data.key(row), data.cents[row]);
    return parts.resolve();
  }
  std::optional<Cents> own;
  Cents finer = 0;
  bool breakdown = false;
  for (std::size_t row = begin; row < end; ++row) {
    const RecordKey key = data.key(row);
    breakdown = breakdown || ((!slice.country || key.country != all_countries) &&
                              (!slice.chapter || key.chapter != all_chapters));
    if (slice.country && slice.chapter) {
      if (key.country == *slice.country && key.chapter == *slice.chapter) own = data.cents[row];
    } else if (slice.country) {
      if (key.country != *slice.country) continue;
      if (key.chapter == all_chapters)
        own = data.cents[row];
      else
        finer = checked_add(finer, data.cents[row]);
    } else {
      if (key.chapter != *slice.chapter) continue;
      if (key.country == all_countries)
        own = data.cents[row];
      else
        finer = checked_add(finer, data.cents[row]);
    }
  }
  if (breakdown) return own.value_or(finer);
  // No breakdown: unknown, unless the month's figure is 0, which leaves every part at 0.
  TotalParts parts;
  for (std::size_t row = begin; row < end; ++row) parts.add(data.key(row), data.cents[row]);
  if (parts.resolve() == 0) return Cents{0};
  return std::nullopt;
}

}  // namespace

ProvinceTimeline::ProvinceTimeline(const Dataset& data, std::size_t span)
    : data_(data), known_(span, false), sample_(span, false), totals_(span) {}

ProvinceTimeline::ProvinceTimeline(const Dataset& data, Stream stream, ProvinceId province, Slice slice)
    : ProvinceTimeline(data,
                       stream.index() < data.coverage.size() ? data.coverage[stream.index()].size() : 0) {
  // The province's bits of the dataset's bitmaps (Dataset::knows, sample_total, sample_parts),
  // read straight: every question reads a timeline of each province, over every month.
  const std::size_t s = stream.index();
  const std::size_t span = known_.size();
  const bool whole = !slice.country && !slice.chapter;
  const auto& samples = whole ? data.sample_totals : data.sample_part_bits;
  const std::vector<bool> none;
  const std::vector<bool>& known = s < data.known.size() ? data.known[s] : none;
  const std::vector<bool>& sample = s < samples.size() ? samples[s] : none;
  const std::size_t first = std::size_t{province} * span;
  if (province <= province_count)
    for (std::size_t i = 0; i < span; ++i) {
      known_[i] = first + i < known.size() && known[first + i];
      if (known_[i]) totals_[i] = Cents{0};
      sample_[i] = first + i < sample.size() && sample[first + i];
    }
  // Rows of one month in a row: the key above the month is the same all through the range.
  auto [row, end] = data.rows_of(stream, province);
  while (row < end) {
    const std::uint64_t block = data.keys[row] >> RecordKey::month_shift;
    std::size_t block_end = row + 1;
    while (block_end < end && data.keys[block_end] >> RecordKey::month_shift == block) ++block_end;
    if (const auto i = slot(data.key(row).month); i && known_[*i])
      totals_[*i] = resolve_slice(data, row, block_end, slice);
    row = block_end;
  }
}

ProvinceTimeline ProvinceTimeline::turkey(const Dataset& data, Stream stream, Slice slice,
                                          TurkeyMadeOf& made_of) {
  const auto [national_begin, national_end] = data.rows_of(stream, national_total);
  if (national_begin != national_end) {
    made_of = TurkeyMadeOf::national_total_rows;
    return ProvinceTimeline(data, stream, national_total, slice);
  }
  made_of = TurkeyMadeOf::sum_of_provinces;
  ProvinceTimeline sum(data,
                       stream.index() < data.coverage.size() ? data.coverage[stream.index()].size() : 0);
  for (std::size_t i = 0; i < sum.known_.size(); ++i) {
    const Period month = Period::from_index(data.coverage_base + static_cast<std::int32_t>(i));
    sum.known_[i] = data.complete(stream, month);
    if (sum.known_[i]) sum.totals_[i] = Cents{0};
  }
  for (ProvinceId p = 1; p <= province_count; ++p) {
    const ProvinceTimeline one(data, stream, p, slice);
    for (std::size_t i = 0; i < sum.totals_.size(); ++i) {
      if (!sum.known_[i]) continue;
      sum.sample_[i] = sum.sample_[i] || one.sample_[i];
      if (sum.totals_[i] && one.totals_[i])
        sum.totals_[i] = checked_add(*sum.totals_[i], *one.totals_[i]);
      else
        sum.totals_[i].reset();  // one province's breakdown is unknown: so is the sum
    }
  }
  return sum;
}

namespace {

// A province's total in one month, from that month's rows alone: empty when the month is not known.
std::optional<Cents> month_total(const Dataset& data, Stream stream, ProvinceId province, Period month) {
  if (!data.knows(stream, province, month)) return std::nullopt;
  // The province's rows are sorted by month: the month's are one run of them.
  const auto [first, last] = data.rows_of(stream, province);
  const auto begin = data.keys.begin() + static_cast<std::ptrdiff_t>(first);
  const auto end = data.keys.begin() + static_cast<std::ptrdiff_t>(last);
  const auto month_of = [](std::uint64_t key) { return RecordKey::unpack(key).month; };
  const auto from =
      std::lower_bound(begin, end, month, [&](std::uint64_t key, Period m) { return month_of(key) < m; });
  const auto to =
      std::upper_bound(from, end, month, [&](Period m, std::uint64_t key) { return m < month_of(key); });
  if (from == to) return Cents{0};  // known, and no record: nothing exported
  return resolve_slice(data, static_cast<std::size_t>(from - data.keys.begin()),
                       static_cast<std::size_t>(to - data.keys.begin()), {});
}

}  // namespace

MonthOfProvinces month_of_provinces(const Dataset& data, Stream stream, Period month) {
  MonthOfProvinces result;
  result.complete = data.complete(stream, month);
  Cents sum = 0;
  for (ProvinceId p = 1; p <= province_count; ++p) {
    result.totals[p] = month_total(data, stream, p, month);
    if (result.totals[p]) sum = checked_add(sum, *result.totals[p]);
    result.sample = result.sample || data.sample_total(stream, p, month);
  }
  const auto [national_begin, national_end] = data.rows_of(stream, national_total);
  if (national_begin != national_end) {
    result.turkey = month_total(data, stream, national_total, month);
    result.sample = result.sample || data.sample_total(stream, national_total, month);
  } else {
    result.turkey_made_of = TurkeyMadeOf::sum_of_provinces;
    if (result.complete) result.turkey = sum;
  }
  return result;
}

std::optional<std::size_t> ProvinceTimeline::slot(Period month) const {
  const std::int64_t offset = std::int64_t{month.index()} - data_.coverage_base;
  if (offset < 0 || offset >= static_cast<std::int64_t>(known_.size())) return std::nullopt;
  return static_cast<std::size_t>(offset);
}

bool ProvinceTimeline::knows(Period month) const {
  const auto i = slot(month);
  return i && known_[*i];
}

std::optional<Cents> ProvinceTimeline::total(Period month) const {
  const auto i = slot(month);
  if (!i) return std::nullopt;
  return totals_[*i];
}

std::optional<Cents> ProvinceTimeline::window(Period from, Period to) const {
  Cents sum = 0;
  for (Period m = from; m <= to; m = m.plus_months(1)) {
    const auto value = total(m);
    if (!value) return std::nullopt;
    sum = checked_add(sum, *value);
  }
  return sum;
}

std::optional<std::pair<Period, Period>> ProvinceTimeline::missing(Period from, Period to) const {
  std::optional<std::pair<Period, Period>> span;
  for (Period m = from; m <= to; m = m.plus_months(1)) {
    if (knows(m)) continue;
    if (!span) span = std::pair{m, m};
    span->second = m;
  }
  return span;
}

bool ProvinceTimeline::sample_in(Period from, Period to) const {
  for (Period m = from; m <= to; m = m.plus_months(1))
    if (const auto i = slot(m); i && sample_[*i]) return true;
  return false;
}

std::vector<Period> ProvinceTimeline::sample_months(Period from, Period to) const {
  std::vector<Period> months;
  for (Period m = from; m <= to; m = m.plus_months(1))
    if (const auto i = slot(m); i && sample_[*i]) months.push_back(m);
  return months;
}

std::optional<Period> ProvinceTimeline::last_known() const {
  for (std::size_t i = known_.size(); i-- > 0;)
    if (known_[i]) return Period::from_index(data_.coverage_base + static_cast<std::int32_t>(i));
  return std::nullopt;
}

namespace {

// The rows of one province and month: a contiguous block, found by binary search.
std::pair<std::size_t, std::size_t> month_rows(const Dataset& data, Stream stream, ProvinceId province,
                                               Period month) {
  const auto [begin, end] = data.rows_of(stream, province);
  const auto month_of = [&](std::size_t r) { return data.key(r).month; };
  std::size_t lo = begin, hi = end;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (month_of(mid) < month)
      lo = mid + 1;
    else
      hi = mid;
  }
  std::size_t last = lo;
  while (last < end && month_of(last) == month) ++last;
  return {lo, last};
}

}  // namespace

std::vector<CountryValue> country_values(const Dataset& data, Stream stream, ProvinceId province,
                                         Period month) {
  std::vector<CountryValue> out;
  auto [row, end] = month_rows(data, stream, province, month);
  while (row < end) {
    const RecordKey key = data.key(row);
    if (key.country == all_countries) {
      ++row;
      continue;
    }
    std::optional<Cents> own_row;
    Cents chapters = 0;
    for (; row < end && data.key(row).country == key.country; ++row) {
      if (data.key(row).chapter == all_chapters)
        own_row = data.cents[row];
      else
        chapters = checked_add(chapters, data.cents[row]);
    }
    out.push_back({key.country, own_row.value_or(chapters)});
  }
  return out;
}

std::vector<ChapterValue> chapter_values(const Dataset& data, Stream stream, ProvinceId province,
                                         Period month) {
  const auto [begin, end] = month_rows(data, stream, province, month);
  // A chapter's row of the province total where there is one, else the sum of its country rows.
  std::vector<std::optional<Cents>> own(256), summed(256);
  for (std::size_t row = begin; row < end; ++row) {
    const RecordKey key = data.key(row);
    if (key.chapter == all_chapters) continue;
    auto& slot = key.country == all_countries ? own[key.chapter] : summed[key.chapter];
    slot = checked_add(slot.value_or(0), data.cents[row]);
  }
  std::vector<ChapterValue> out;
  for (std::size_t chapter = 1; chapter < own.size(); ++chapter) {
    const auto& value = own[chapter] ? own[chapter] : summed[chapter];
    if (value) out.push_back({static_cast<std::uint8_t>(chapter), *value});
  }
  return out;
}

std::optional<Cents> month_weight(const Dataset& data, Stream values, ProvinceId province, Period month) {
  if (!data.knows(values, province, month)) return std::nullopt;
  const auto [value_begin, value_end] = month_rows(data, values, province, month);
  const auto [weight_begin, weight_end] = month_rows(data, values.weights(), province, month);
  // The same rows, row for row: their keys but for the measure (country and chapter, below the
  // month) are equal. A value without its weight, or a weight without its value, leaves the
  // month's weight unknown: a total row's value over its countries' weights would be a wrong ratio.
  if (value_end - value_begin != weight_end - weight_begin) return std::nullopt;
  constexpr std::uint64_t parts = (std::uint64_t{1} << RecordKey::month_shift) - 1;
  for (std::size_t i = 0; i < value_end - value_begin; ++i)
    if ((data.keys[value_begin + i] & parts) != (data.keys[weight_begin + i] & parts)) return std::nullopt;
  TotalParts weight;
  for (std::size_t row = weight_begin; row < weight_end; ++row) weight.add(data.key(row), data.cents[row]);
  return weight.resolve();
}

std::optional<Cents> turkey_weight(const Dataset& data, Stream values, Period month) {
  return month_weight(data, values, national_total, month);
}

}  // namespace kexport::compute
