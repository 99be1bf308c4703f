#include "province_timeline.hpp"

#include <algorithm>

#include "kexport/error.hpp"

namespace kexport::compute {

Cents add_checked(Cents a, Cents b) {
  Cents sum = 0;
  if (__builtin_add_overflow(a, b, &sum))
    throw Error(ExitCode::data, "a sum of the data's values exceeds what 64-bit cents can hold");
  return sum;
}

namespace {

// The parts of one month's figure, by kind of row.
struct MonthParts {
  std::optional<Cents> total_row;
  std::optional<Cents> by_country;
  std::optional<Cents> by_chapter;
  std::optional<Cents> by_country_and_chapter;

  void add(const RecordKey& key, Cents value) {
    std::optional<Cents>* slot = nullptr;
    if (key.country == all_countries)
      slot = key.chapter == all_chapters ? &total_row : &by_chapter;
    else
      slot = key.chapter == all_chapters ? &by_country : &by_country_and_chapter;
    *slot = add_checked(slot->value_or(0), value);
  }
  [[nodiscard]] Cents resolve() const {
    if (total_row) return *total_row;
    if (by_country) return *by_country;
    if (by_chapter) return *by_chapter;
    return by_country_and_chapter.value_or(0);
  }
};

}  // namespace

ProvinceTimeline::ProvinceTimeline(const Dataset& data, SourceId source, ProvinceId province)
    : data_(data), source_(source) {
  const std::size_t span = source < data.coverage.size() ? data.coverage[source].size() : 0;
  totals_.assign(span, 0);
  auto [row, end] = data.rows_of(source, province);
  while (row < end) {
    const Period month = data.key(row).month;
    MonthParts parts;
    for (; row < end && data.key(row).month == month; ++row) parts.add(data.key(row), data.cents[row]);
    totals_[static_cast<std::size_t>(month.index() - data.coverage_base)] = parts.resolve();
  }
}

std::optional<Cents> ProvinceTimeline::total(Period month) const {
  if (!data_.covers(source_, month)) return std::nullopt;
  return totals_[static_cast<std::size_t>(month.index() - data_.coverage_base)];
}

std::optional<Cents> ProvinceTimeline::window(Period from, Period to) const {
  Cents sum = 0;
  for (Period m = from; m <= to; m = m.plus_months(1)) {
    const auto value = total(m);
    if (!value) return std::nullopt;
    sum = add_checked(sum, *value);
  }
  return sum;
}

std::optional<std::pair<Period, Period>> ProvinceTimeline::missing(Period from, Period to) const {
  std::optional<std::pair<Period, Period>> span;
  for (Period m = from; m <= to; m = m.plus_months(1)) {
    if (data_.covers(source_, m)) continue;
    if (!span) span = std::pair{m, m};
    span->second = m;
  }
  return span;
}

namespace {

// The rows of one province and month: a contiguous block, found by binary search.
std::pair<std::size_t, std::size_t> month_rows(const Dataset& data, SourceId source, ProvinceId province,
                                               Period month) {
  const auto [begin, end] = data.rows_of(source, province);
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

std::vector<CountryValue> country_values(const Dataset& data, SourceId source, ProvinceId province,
                                         Period month) {
  std::vector<CountryValue> out;
  auto [row, end] = month_rows(data, source, province, month);
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
        chapters = add_checked(chapters, data.cents[row]);
    }
    out.push_back({key.country, own_row.value_or(chapters)});
  }
  return out;
}

std::vector<ChapterValue> chapter_values(const Dataset& data, SourceId source, ProvinceId province,
                                         Period month) {
  const auto [begin, end] = month_rows(data, source, province, month);
  // A chapter's row of the province total where there is one, else the sum of its country rows.
  std::vector<std::optional<Cents>> own(256), summed(256);
  for (std::size_t row = begin; row < end; ++row) {
    const RecordKey key = data.key(row);
    if (key.chapter == all_chapters) continue;
    auto& slot = key.country == all_countries ? own[key.chapter] : summed[key.chapter];
    slot = add_checked(slot.value_or(0), data.cents[row]);
  }
  std::vector<ChapterValue> out;
  for (std::size_t chapter = 1; chapter < own.size(); ++chapter) {
    const auto& value = own[chapter] ? own[chapter] : summed[chapter];
    if (value) out.push_back({static_cast<std::uint8_t>(chapter), *value});
  }
  return out;
}

}  // namespace kexport::compute
