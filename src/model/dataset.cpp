// The dataset's questions: where a province's rows are, and what the data knows of each month.
#include "kexport/model/dataset.hpp"

#include <algorithm>

#include "kexport/model/error.hpp"

namespace kexport {

void throw_sum_overflow() {
  throw Error(ExitCode::data, "a sum of the data's values exceeds what 64-bit cents can hold");
}

void append_monthly_totals(std::span<const std::uint64_t> keys, std::span<const Cents> cents,
                           KeyColumn& total_keys, CentsColumn& total_cents) {
  constexpr int month_shift = RecordKey::month_shift;
  for (std::size_t row = 0; row < keys.size();) {
    const std::uint64_t month_key = keys[row] >> month_shift;
    TotalParts parts;
    for (; row < keys.size() && keys[row] >> month_shift == month_key; ++row)
      parts.add(RecordKey::unpack(keys[row]), cents[row]);
    total_keys.push_back(month_key << month_shift);
    total_cents.push_back(parts.resolve());
  }
}

std::pair<std::size_t, std::size_t> Dataset::rows_of(Stream stream, ProvinceId province) const {
  RecordKey low;
  low.source = stream.source;
  low.flow = stream.flow;
  low.measure = stream.measure;
  low.province = province;
  low.month = Period::from_index(0);
  low.country = 0;
  low.chapter = 0;
  const std::uint64_t begin_key = low.packed();
  const std::uint64_t end_key = begin_key + (std::uint64_t{1} << RecordKey::province_shift);
  auto begin = std::lower_bound(keys.begin(), keys.end(), begin_key);
  auto end = std::lower_bound(begin, keys.end(), end_key);
  return {static_cast<std::size_t>(begin - keys.begin()), static_cast<std::size_t>(end - keys.begin())};
}

bool Dataset::covers(Stream stream, Period month) const {
  if (stream.index() >= coverage.size()) return false;
  const std::int64_t offset = std::int64_t{month.index()} - coverage_base;
  const auto& bits = coverage[stream.index()];
  return offset >= 0 && offset < static_cast<std::int64_t>(bits.size()) &&
         bits[static_cast<std::size_t>(offset)];
}

Vintage Dataset::latest_vintage(Stream stream, Period from, Period to) const {
  if (stream.index() >= vintages.size()) return unknown_vintage;
  const auto& months = vintages[stream.index()];
  Vintage latest = unknown_vintage;
  for (std::int64_t m = std::int64_t{from.index()} - coverage_base;
       m <= std::int64_t{to.index()} - coverage_base; ++m)
    if (m >= 0 && m < static_cast<std::int64_t>(months.size()))
      latest = std::max(latest, months[static_cast<std::size_t>(m)]);
  return latest;
}

std::optional<Period> Dataset::first_month(Stream stream) const {
  if (stream.index() >= coverage.size()) return std::nullopt;
  const auto& bits = coverage[stream.index()];
  for (std::size_t i = 0; i < bits.size(); ++i)
    if (bits[i]) return Period::from_index(coverage_base + static_cast<std::int32_t>(i));
  return std::nullopt;
}

std::optional<Period> Dataset::last_month(Stream stream) const {
  if (stream.index() >= coverage.size()) return std::nullopt;
  const auto& bits = coverage[stream.index()];
  for (std::size_t i = bits.size(); i-- > 0;)
    if (bits[i]) return Period::from_index(coverage_base + static_cast<std::int32_t>(i));
  return std::nullopt;
}

namespace {
// The bit of (province, month) in a stream's `known` bitmap; empty outside the coverage span.
std::optional<std::size_t> known_bit(const Dataset& data, Stream stream, ProvinceId province, Period month) {
  const std::size_t source = stream.index();
  if (source >= data.coverage.size() || source >= data.known.size() || province > province_count)
    return std::nullopt;
  const std::size_t span = data.coverage[source].size();
  const std::int64_t offset = std::int64_t{month.index()} - data.coverage_base;
  if (offset < 0 || offset >= static_cast<std::int64_t>(span)) return std::nullopt;
  const std::size_t bit = std::size_t{province} * span + static_cast<std::size_t>(offset);
  if (bit >= data.known[source].size()) return std::nullopt;
  return bit;
}
}  // namespace

bool Dataset::knows(Stream stream, ProvinceId province, Period month) const {
  const auto bit = known_bit(*this, stream, province, month);
  return bit && known[stream.index()][*bit];
}

bool Dataset::sample_total(Stream stream, ProvinceId province, Period month) const {
  const auto bit = known_bit(*this, stream, province, month);
  const std::size_t s = stream.index();
  return bit && s < sample_totals.size() && *bit < sample_totals[s].size() && sample_totals[s][*bit];
}

bool Dataset::sample_parts(Stream stream, ProvinceId province, Period month) const {
  const auto bit = known_bit(*this, stream, province, month);
  const std::size_t s = stream.index();
  return bit && s < sample_part_bits.size() && *bit < sample_part_bits[s].size() && sample_part_bits[s][*bit];
}

std::size_t Dataset::provinces_known(Stream stream, Period month) const {
  std::size_t count = 0;
  for (ProvinceId p = 1; p <= province_count; ++p) count += knows(stream, p, month) ? 1 : 0;
  return count;
}

std::optional<Period> Dataset::last_complete_month(Stream stream) const {
  for (auto month = last_month(stream); month && *month >= Period::from_index(coverage_base);
       month = month->plus_months(-1))
    if (complete(stream, *month)) return month;
  return std::nullopt;
}

std::optional<Period> Dataset::last_known_month(Stream stream, ProvinceId province) const {
  for (auto month = last_month(stream); month && *month >= Period::from_index(coverage_base);
       month = month->plus_months(-1))
    if (knows(stream, province, *month)) return month;
  return std::nullopt;
}

}  // namespace kexport
