// The end of building: records in key order, duplicates found, and what the data knows of
// each province and month (coverage, samples) worked out from what each table listed.
#include <fmt/format.h>
#include <algorithm>
#include <bitset>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>

#include "kexport/model/dataset_builder.hpp"
#include "kexport/model/parallel.hpp"

namespace kexport {

namespace {

using ProvinceSet = std::bitset<province_count + 1>;  // by ProvinceId, national total included

// What one file (table) says of one stream's month: the provinces it lists, the sum of their
// figures (each resolved as TotalParts resolves it), its national total row, and the grain its
// figures are written to (the greatest common divisor of them, in cents: 100 000 for whole
// thousands of dollars), which bounds how far a sum of rounded figures may stray from a total.
struct TableMonth {
  ProvinceSet listed;
  Cents provinces_sum = 0;
  std::size_t provinces_summed = 0;
  std::optional<Cents> national;
  Cents grain = 0;

  // Whether the table proves that the provinces it leaves out exported nothing: its national total
  // equals the sum of the provinces it lists, to the rounding of its figures.
  [[nodiscard]] bool proves_the_rest_zero() const {
    if (!national) return false;
    const Cents gap = *national > provinces_sum ? *national - provinces_sum : provinces_sum - *national;
    if (gap == 0) return true;
    // Each figure is rounded by at most half a grain; the total is one figure more.
    const auto figures = static_cast<Cents>(provinces_summed + 1);
    return grain > 0 && gap <= figures * (grain / 2);
  }
};

// Per (file, stream, month), by Stream::index().
using TableSightings = std::map<std::tuple<std::uint32_t, std::size_t, std::int32_t>, TableMonth>;

template <typename Records>
TableSightings sightings_of(const Records& records) {
  TableSightings seen;
  // First what each table lists: a lookup per (province, month) block of a file, not per record.
  std::set<std::pair<std::size_t, std::int32_t>> with_national;  // (stream, month) of national rows
  std::uint64_t last_block = ~std::uint64_t{0};
  std::uint32_t last_file = ~std::uint32_t{0};
  for (const auto& r : records) {
    const std::uint64_t block = r.key >> RecordKey::month_shift;
    if (block == last_block && r.file == last_file) continue;
    last_block = block;
    last_file = r.file;
    const RecordKey key = RecordKey::unpack(r.key);
    seen[{r.file, key.stream().index(), key.month.index()}].listed.set(key.province);
    if (key.province == national_total) with_national.insert({key.stream().index(), key.month.index()});
  }
  if (with_national.empty()) return seen;  // no total row can prove anything: the common load

  // Then, only in the months a national total row is in, each table's figures to check it
  // against. Records come sorted by key, a key's records by file: a block holds each file's rows,
  // interleaved; each file's are resolved apart.
  std::vector<std::pair<std::uint32_t, TotalParts>> by_file;
  for (std::size_t i = 0; i < records.size();) {
    const std::uint64_t block = records[i].key >> RecordKey::month_shift;
    std::size_t end = i;
    while (end < records.size() && records[end].key >> RecordKey::month_shift == block) ++end;
    const RecordKey key = RecordKey::unpack(block << RecordKey::month_shift);
    if (!with_national.count({key.stream().index(), key.month.index()})) {
      i = end;
      continue;
    }
    by_file.clear();
    for (; i < end; ++i) {
      const auto& r = records[i];
      auto it =
          std::find_if(by_file.begin(), by_file.end(), [&](const auto& f) { return f.first == r.file; });
      if (it == by_file.end()) it = by_file.insert(by_file.end(), {r.file, TotalParts{}});
      it->second.add(RecordKey::unpack(r.key), r.cents);
    }
    for (const auto& [file, parts] : by_file) {
      TableMonth& table = seen[{file, key.stream().index(), key.month.index()}];
      const Cents figure = parts.resolve();
      table.grain = std::gcd(table.grain, figure);
      if (key.province == national_total) {
        table.national = figure;
      } else {
        table.provinces_sum = checked_add(table.provinces_sum, figure);
        ++table.provinces_summed;
      }
    }
  }
  return seen;
}

// The known bitmap (see Dataset::knows): what each table lists, and every province where the
// table's national total proves the ones it leaves out exported nothing.
std::vector<std::vector<bool>> known_from(const TableSightings& seen, const Dataset& data) {
  std::vector<std::vector<bool>> known(data.coverage.size());
  for (std::size_t s = 0; s < known.size(); ++s)
    known[s].assign((province_count + 1) * data.coverage[s].size(), false);
  for (const auto& [where, table] : seen) {
    const auto& [file, stream, month] = where;
    const std::size_t span = data.coverage[stream].size();
    const auto offset = static_cast<std::size_t>(month - data.coverage_base);
    ProvinceSet provinces = table.listed;
    if (table.proves_the_rest_zero()) provinces.set();
    // A national total is never implied: only its own row makes it known.
    provinces[national_total] = table.listed[national_total];
    for (std::size_t p = 0; p <= province_count; ++p)
      if (provinces[p]) known[stream][p * span + offset] = true;
  }
  return known;
}

// Which provinces' month totals, and which of their parts, rest on made-up figures (see
// Dataset::sample_total), from the sorted records and their sample marks.
std::pair<std::vector<std::vector<bool>>, std::vector<std::vector<bool>>> sample_bitmaps(
    const Dataset& data, const std::vector<bool>& sample_of) {
  std::vector<std::vector<bool>> totals(data.coverage.size()), parts(data.coverage.size());
  for (std::size_t s = 0; s < totals.size(); ++s) {
    totals[s].assign((province_count + 1) * data.coverage[s].size(), false);
    parts[s].assign(totals[s].size(), false);
  }
  for (std::size_t row = 0; row < data.size();) {
    const RecordKey first = data.key(row);
    const std::uint64_t block = data.keys[row] >> RecordKey::month_shift;
    TotalParts month;
    for (; row < data.size() && data.keys[row] >> RecordKey::month_shift == block; ++row)
      month.add(data.key(row), data.cents[row], sample_of[row]);
    const std::size_t stream = first.stream().index();
    const std::size_t span = data.coverage[stream].size();
    const std::size_t bit = std::size_t{first.province} * span +
                            static_cast<std::size_t>(first.month.index() - data.coverage_base);
    totals[stream][bit] = month.resolves_to_sample();
    parts[stream][bit] = month.parts_sample;
  }
  return {std::move(totals), std::move(parts)};
}

}  // namespace

// Within a key, the files in the order of their releases (files that give no date first), the order
// they were read kept between files of one release: the latest release is the figure whatever the
// order the files came in. Nothing moves when no file gives a date.
void DatasetBuilder::order_releases(Chunk& records, const std::vector<LoadedFile>& files) {
  if (std::none_of(files.begin(), files.end(),
                   [](const LoadedFile& f) { return f.vintage != unknown_vintage; }))
    return;
  const auto vintage_of = [&](const auto& r) { return files[r.file].vintage; };
  for (std::size_t i = 0; i < records.size();) {
    std::size_t end = i + 1;
    while (end < records.size() && records[end].key == records[i].key) ++end;
    if (end - i > 1)
      std::stable_sort(records.begin() + static_cast<std::ptrdiff_t>(i),
                       records.begin() + static_cast<std::ptrdiff_t>(end),
                       [&](const auto& a, const auto& b) { return vintage_of(a) < vintage_of(b); });
    i = end;
  }
}

DatasetBuilder::Chunk DatasetBuilder::sorted_records(unsigned threads) {
  // By key, and within a key by file and line, so that duplicates sit side by side in the order
  // they were read.
  const auto before = [](const Pending& a, const Pending& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.file != b.file) return a.file < b.file;
    return a.line < b.line;
  };
  std::vector<Chunk> chunks;
  for (Chunk& chunk : absorbed_)
    if (!chunk.empty()) chunks.push_back(std::move(chunk));
  absorbed_.clear();
  if (!records_.empty() || chunks.empty()) chunks.push_back(std::move(records_));
  records_ = {};
  // Input in key order (the common case for one file) is detected and not sorted again.
  if (chunks.size() == 1 && std::is_sorted(chunks[0].begin(), chunks[0].end(), before))
    return std::move(chunks[0]);

  // First a stable counting sort by (source, kind, province), the fields above the month: files
  // usually list months in order within a province, so most provinces are then already in order
  // and only the rest are sorted. Buckets are numbered densely: kinds take two bits, not eight.
  // Each chunk (a stretch or a file read on its own) is counted and scattered by a thread of its
  // own, into its own share of each bucket.
  const auto bucket_of = [](std::uint64_t key) {
    const std::uint64_t source = key >> RecordKey::source_shift;
    const std::uint64_t kind = (key >> RecordKey::kind_shift) & 0xFF;
    const std::uint64_t province = (key >> RecordKey::province_shift) & 0xFF;
    return static_cast<std::size_t>((source * Stream::kinds + kind) << 8 | province);
  };
  const std::size_t buckets = data_.sources.size() * Stream::kinds << 8;
  std::size_t total = 0;
  for (const Chunk& chunk : chunks) total += chunk.size();
  const unsigned cores = total >= (std::size_t{1} << 20) ? thread_count(threads) : 1;
  std::vector<std::vector<std::size_t>> next(chunks.size(), std::vector<std::size_t>(buckets, 0));
  for_each_parallel(chunks.size(), cores, [&](std::size_t c) {
    for (const Pending& r : chunks[c]) ++next[c][bucket_of(r.key)];
  });
  std::vector<std::size_t> start(buckets + 1, 0);
  for (std::size_t b = 0, at = 0; b < buckets; ++b) {
    start[b] = at;
    for (std::vector<std::size_t>& counts : next) {
      const std::size_t count = counts[b];
      counts[b] = at;
      at += count;
    }
  }
  start[buckets] = total;
  Chunk out;
  out.resize(total);  // not zeroed: LargeAllocator default-initialises
  for_each_parallel(chunks.size(), cores, [&](std::size_t c) {
    for (const Pending& r : chunks[c]) out[next[c][bucket_of(r.key)]++] = r;
    chunks[c] = {};
  });

  const auto sort_buckets = [&](std::size_t first_bucket, std::size_t last_bucket) {
    for (std::size_t b = first_bucket; b < last_bucket; ++b) {
      const auto first = out.begin() + static_cast<std::ptrdiff_t>(start[b]);
      const auto last = out.begin() + static_cast<std::ptrdiff_t>(start[b + 1]);
      if (std::is_sorted(first, last, before)) continue;
      // Months in order with rows unordered inside a month (destinations as they come): sort
      // each month's run alone.
      const auto month_of = [](const Pending& r) { return r.key >> RecordKey::month_shift; };
      if (std::is_sorted(first, last,
                         [&](const Pending& a, const Pending& c) { return month_of(a) < month_of(c); })) {
        for (auto run = first; run != last;) {
          auto end = run;
          while (end != last && month_of(*end) == month_of(*run)) ++end;
          std::sort(run, end, before);
          run = end;
        }
      } else {
        std::sort(first, last, before);
      }
    }
  };
  // The buckets are independent: on a large load, each core sorts a share of about equal size.
  std::vector<std::size_t> splits = {0};
  for (std::size_t k = 1; k < cores; ++k) {
    const std::size_t target = total * k / cores;
    const auto bucket =
        static_cast<std::size_t>(std::upper_bound(start.begin(), start.end() - 1, target) - start.begin());
    splits.push_back(std::max(splits.back(), std::min(bucket, buckets)));
  }
  splits.push_back(buckets);
  run_parallel(splits.size() - 1, [&](std::size_t k) { sort_buckets(splits[k], splits[k + 1]); });
  return out;
}

Dataset DatasetBuilder::finish(bool collect_problems, unsigned threads) && {
  if (data_.sources.empty()) {
    data_.sources.emplace_back();
    data_.bases.push_back(Basis::unstated);
  }
  settle_unfamiliar();
  // The other provinces of a focused load enter as one total row per month.
  for (const auto& [packed, other] : others_)
    records_.push_back(
        Pending::of(packed, other.parts.resolve(), other.file, other.parts.resolves_to_sample(), 0));
  others_.clear();
  Chunk records = sorted_records(threads);

  Dataset data = std::move(data_);
  const TableSightings sightings = sightings_of(records);
  data.keys.reserve(records.size());
  data.cents.reserve(records.size());
  std::vector<std::uint32_t, LargeAllocator<std::uint32_t>> file_of;
  file_of.reserve(records.size());
  std::vector<bool> sample_of;  // only when some record is a made-up figure
  if (has_sample_) sample_of.reserve(records.size());
  order_releases(records, data.files);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Pending& r = records[i];
    if (i > 0 && records[i - 1].key == r.key) {
      const Pending& earlier = records[i - 1];
      if (earlier.file == r.file) {
        const LoadedFile& file = data.files[r.file];
        const DataError duplicate({file.name, r.line, 0, file.is_sheet()},
                                  "the same record (province, month, country, chapter, source) as " +
                                      std::string(file.is_sheet() ? "row " : "line ") +
                                      std::to_string(earlier.line) + "; expected each record once per file");
        if (!collect_problems) throw duplicate;
        data.files[r.file].problems.emplace_back(duplicate.what());
        continue;
      }
      // Two files of one release must agree: which of them is the figure cannot be told.
      const LoadedFile& winner = data.files[file_of.back()];
      const LoadedFile& file = data.files[r.file];
      if (file.vintage != unknown_vintage && file.vintage == winner.vintage && data.cents.back() != r.cents) {
        const DataError conflict(
            {file.name, r.line, 0, file.is_sheet()},
            fmt::format("the same record (province, month, country, chapter, source) as {}, of the same "
                        "release ({}), is {}.{:02} USD there and {}.{:02} USD here; expected one figure per "
                        "release",
                        winner.name, vintage_iso(file.vintage), data.cents.back() / 100,
                        std::abs(data.cents.back() % 100), r.cents / 100, std::abs(r.cents % 100)));
        if (!collect_problems) throw conflict;
        data.files[r.file].problems.emplace_back(conflict.what());
        continue;
      }
      // A later release (or, of files that give no date, a later file) revises an earlier one; a
      // record repeated unchanged is no revision.
      if (data.cents.back() != r.cents)
        data.revisions.push_back(
            {RecordKey::unpack(r.key), data.cents.back(), r.cents, file_of.back(), r.file});
      data.cents.back() = r.cents;
      file_of.back() = r.file;
      if (has_sample_) sample_of.back() = r.sample;
      continue;
    }
    data.keys.push_back(r.key);
    data.cents.push_back(r.cents);
    file_of.push_back(r.file);
    if (has_sample_) sample_of.push_back(r.sample);
  }
  records = {};

  // Coverage: which months each stream reports at all.
  if (!data.keys.empty()) {
    std::int32_t lo = INT32_MAX;
    std::int32_t hi = INT32_MIN;
    for (std::uint64_t k : data.keys) {
      const std::int32_t m = RecordKey::unpack(k).month.index();
      lo = std::min(lo, m);
      hi = std::max(hi, m);
    }
    data.coverage_base = lo;
    data.coverage.assign(data.sources.size() * Stream::kinds,
                         std::vector<bool>(static_cast<std::size_t>(hi - lo + 1)));
    for (std::uint64_t k : data.keys) {
      const RecordKey key = RecordKey::unpack(k);
      data.coverage[key.stream().index()][static_cast<std::size_t>(key.month.index() - lo)] = true;
    }
  } else {
    data.coverage.assign(data.sources.size() * Stream::kinds, {});
  }
  // The release each stream's month rests on: the latest among the files its figures came from.
  data.vintages.assign(data.coverage.size(), {});
  if (std::any_of(data.files.begin(), data.files.end(),
                  [](const LoadedFile& f) { return f.vintage != unknown_vintage; })) {
    for (std::size_t s = 0; s < data.coverage.size(); ++s)
      data.vintages[s].assign(data.coverage[s].size(), 0);
    for (std::size_t row = 0; row < data.keys.size(); ++row) {
      const RecordKey key = RecordKey::unpack(data.keys[row]);
      Vintage& month = data.vintages[key.stream().index()]
                                    [static_cast<std::size_t>(key.month.index() - data.coverage_base)];
      month = std::max(month, data.files[file_of[row]].vintage);
    }
  }
  data.known = known_from(sightings, data);
  // What skipped rows were about is unknown, whatever else the tables say of it.
  for (const SkippedUnknown& u : skipped_unknown_) {
    std::set<std::int32_t> months;
    if (u.key.month)
      months.insert(u.key.month->index());
    else
      for (const auto& [where, table] : sightings)
        if (std::get<0>(where) == u.file) months.insert(std::get<2>(where));
    for (std::size_t s = 0; s < data.known.size(); ++s) {
      const std::size_t span = data.coverage[s].size();
      for (const std::int32_t month : months) {
        if (month < data.coverage_base || static_cast<std::size_t>(month - data.coverage_base) >= span)
          continue;
        const auto offset = static_cast<std::size_t>(month - data.coverage_base);
        for (std::size_t p = u.key.province.value_or(1); p <= u.key.province.value_or(province_count); ++p)
          data.known[s][p * span + offset] = false;
      }
    }
  }
  if (has_sample_) std::tie(data.sample_totals, data.sample_part_bits) = sample_bitmaps(data, sample_of);
  return data;
}

}  // namespace kexport
