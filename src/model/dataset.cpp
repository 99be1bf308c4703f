#include "kexport/dataset.hpp"

#include <algorithm>
#include <bitset>
#include <map>
#include <tuple>

#include "kexport/dataset_builder.hpp"
#include "kexport/error.hpp"
#include "kexport/parallel.hpp"
#include "kexport/text.hpp"

namespace kexport {

void throw_sum_overflow() {
  throw Error(ExitCode::data, "a sum of the data's values exceeds what 64-bit cents can hold");
}

void append_monthly_totals(std::span<const std::uint64_t> keys, std::span<const Cents> cents,
                           std::vector<std::uint64_t>& total_keys, std::vector<Cents>& total_cents) {
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

std::pair<std::size_t, std::size_t> Dataset::rows_of(SourceId source, ProvinceId province) const {
  RecordKey low;
  low.source = source;
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

bool Dataset::covers(SourceId source, Period month) const {
  if (source >= coverage.size()) return false;
  const std::int64_t offset = std::int64_t{month.index()} - coverage_base;
  const auto& bits = coverage[source];
  return offset >= 0 && offset < static_cast<std::int64_t>(bits.size()) &&
         bits[static_cast<std::size_t>(offset)];
}

std::optional<Period> Dataset::first_month(SourceId source) const {
  if (source >= coverage.size()) return std::nullopt;
  const auto& bits = coverage[source];
  for (std::size_t i = 0; i < bits.size(); ++i)
    if (bits[i]) return Period::from_index(coverage_base + static_cast<std::int32_t>(i));
  return std::nullopt;
}

std::optional<Period> Dataset::last_month(SourceId source) const {
  if (source >= coverage.size()) return std::nullopt;
  const auto& bits = coverage[source];
  for (std::size_t i = bits.size(); i-- > 0;)
    if (bits[i]) return Period::from_index(coverage_base + static_cast<std::int32_t>(i));
  return std::nullopt;
}

namespace {
// The bit of (province, month) in a source's `known` bitmap; empty outside the coverage span.
std::optional<std::size_t> known_bit(const Dataset& data, SourceId source, ProvinceId province,
                                     Period month) {
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

bool Dataset::knows(SourceId source, ProvinceId province, Period month) const {
  const auto bit = known_bit(*this, source, province, month);
  return bit && known[source][*bit];
}

bool Dataset::sample_total(SourceId source, ProvinceId province, Period month) const {
  const auto bit = known_bit(*this, source, province, month);
  return bit && source < sample_totals.size() && *bit < sample_totals[source].size() &&
         sample_totals[source][*bit];
}

bool Dataset::sample_parts(SourceId source, ProvinceId province, Period month) const {
  const auto bit = known_bit(*this, source, province, month);
  return bit && source < sample_part_bits.size() && *bit < sample_part_bits[source].size() &&
         sample_part_bits[source][*bit];
}

std::size_t Dataset::provinces_known(SourceId source, Period month) const {
  std::size_t count = 0;
  for (ProvinceId p = 1; p <= province_count; ++p) count += knows(source, p, month) ? 1 : 0;
  return count;
}

std::optional<Period> Dataset::last_complete_month(SourceId source) const {
  for (auto month = last_month(source); month && *month >= Period::from_index(coverage_base);
       month = month->plus_months(-1))
    if (complete(source, *month)) return month;
  return std::nullopt;
}

std::optional<Period> Dataset::last_known_month(SourceId source, ProvinceId province) const {
  for (auto month = last_month(source); month && *month >= Period::from_index(coverage_base);
       month = month->plus_months(-1))
    if (knows(source, province, *month)) return month;
  return std::nullopt;
}

// --- building -------------------------------------------------------------------------------

std::string canonical_source(std::string_view name) {
  const std::string key = fold_name(name);
  if (key == "tuik" || key == "turkstat" || key == "turkiyeistatistikkurumu") return "TÜİK";
  if (key == "tim" || key == "turkiyeihracatcilarmeclisi") return "TİM";
  if (key == "ticaretbakanligi" || key == "ministry" || key == "ministryoftrade" || key == "tb")
    return "Ticaret Bakanlığı";
  return std::string(trim(name));
}

void DatasetBuilder::throw_too_many_files() {
  throw Error(ExitCode::data, "more than 2^31 input files");
}

Dataset DatasetBuilder::initial() {
  Dataset data;
  data.countries.push_back({"", std::nullopt});  // id 0: all countries
  return data;
}

std::uint32_t DatasetBuilder::begin_file(std::string name, std::string format) {
  LoadedFile file;
  file.name = std::move(name);
  file.format = std::move(format);
  data_.files.push_back(std::move(file));
  return static_cast<std::uint32_t>(data_.files.size() - 1);
}

namespace {
CountryId next_country_id(const Dataset& data) {
  if (data.countries.size() > 0xFFFF)
    throw Error(ExitCode::data, "more than 65535 distinct destination countries in the data");
  return static_cast<CountryId>(data.countries.size());
}
}  // namespace

CountryId DatasetBuilder::known_country(std::size_t gazetteer_index, std::string_view written) {
  auto it = known_.find(gazetteer_index);
  if (it != known_.end()) return it->second;
  const CountryId id = next_country_id(data_);
  data_.countries.push_back({std::string(written), gazetteer_index});
  known_.emplace(gazetteer_index, id);
  return id;
}

CountryId DatasetBuilder::unknown_country(std::string_view written) {
  std::string key = fold_name(written);
  auto it = unknown_.find(key);
  if (it != unknown_.end()) return it->second;
  const CountryId id = next_country_id(data_);
  data_.countries.push_back({std::string(trim(written)), std::nullopt});
  unknown_.emplace(std::move(key), id);
  return id;
}

SourceId DatasetBuilder::source(std::string_view name) {
  const std::string canonical = canonical_source(name);
  auto it = std::find(data_.sources.begin(), data_.sources.end(), canonical);
  if (it != data_.sources.end()) return static_cast<SourceId>(it - data_.sources.begin());
  if (data_.sources.size() >= 255) throw Error(ExitCode::data, "more than 255 data sources");
  data_.sources.push_back(canonical);
  return static_cast<SourceId>(data_.sources.size() - 1);
}

std::uint8_t DatasetBuilder::sector(std::string_view name) {
  std::string key = fold_name(name);
  if (auto it = sectors_.find(key); it != sectors_.end()) return it->second;
  if (data_.sectors.size() >= 255u - Dataset::first_sector_code)
    throw Error(ExitCode::data, "more than 155 distinct sector names in the data");
  data_.sectors.emplace_back(trim(name));
  const auto code = static_cast<std::uint8_t>(Dataset::first_sector_code + data_.sectors.size() - 1);
  sectors_.emplace(std::move(key), code);
  return code;
}

void DatasetBuilder::add(const RecordKey& key, Cents cents, std::uint32_t line, bool sample) {
  if (keeps_only_total(key.province)) {
    RecordKey total = key;
    total.country = all_countries;
    total.chapter = all_chapters;
    const std::uint64_t packed = total.packed();
    if (packed != last_other_) {  // rows of one province and month usually come together
      last_other_ = packed;
      last_other_parts_ = &others_[packed];
    }
    last_other_parts_->add(key, cents, sample);
    has_sample_ = has_sample_ || sample;
    ++data_.files.back().rows;
    return;
  }
  records_.push_back(Pending::of(key.packed(), cents, data_.files.size() - 1, sample, line));
  has_sample_ = has_sample_ || sample;
  ++data_.files.back().rows;
}

void DatasetBuilder::absorb(DatasetBuilder&& part) {
  std::vector<CountryId> countries(part.data_.countries.size(), all_countries);
  for (std::size_t id = 1; id < part.data_.countries.size(); ++id) {
    const CountryEntry& entry = part.data_.countries[id];
    countries[id] =
        entry.gazetteer ? known_country(*entry.gazetteer, entry.written) : unknown_country(entry.written);
  }
  std::vector<SourceId> sources;
  for (const std::string& name : part.data_.sources) sources.push_back(source(name));
  std::vector<std::uint8_t> sectors_map;
  for (const std::string& name : part.data_.sectors) sectors_map.push_back(sector(name));

  const auto file = static_cast<std::uint32_t>(data_.files.size() - 1);
  // Stretches of one file mostly meet names in the same order, so that their ids are already
  // this builder's: the records then move over as they are.
  const auto identity = [](const auto& map, std::size_t first) {
    for (std::size_t i = 0; i < map.size(); ++i)
      if (map[i] != first + i) return false;
    return true;
  };
  const bool same_ids =
      identity(countries, 0) && identity(sources, 0) && identity(sectors_map, Dataset::first_sector_code);
  const bool same_file = part.data_.files.size() == 1 && file == 0;
  if (same_ids && same_file && records_.empty()) {
    records_ = std::move(part.records_);
  } else if (same_ids) {
    records_.reserve(records_.size() + part.records_.size());
    for (const Pending& r : part.records_)
      records_.push_back(Pending::of(r.key, r.cents, file, r.sample, r.line));
  } else {
    records_.reserve(records_.size() + part.records_.size());
    for (const Pending& r : part.records_) {
      RecordKey key = RecordKey::unpack(r.key);
      key.country = countries[key.country];
      key.source = sources[key.source];
      if (key.chapter >= Dataset::first_sector_code)
        key.chapter = sectors_map[key.chapter - Dataset::first_sector_code];
      records_.push_back(Pending::of(key.packed(), r.cents, file, r.sample, r.line));
    }
  }
  LoadedFile& file_report = data_.files.back();
  const LoadedFile& part_report = part.data_.files.back();
  file_report.rows += part_report.rows;
  if (file_report.rounded_amounts == 0) {
    file_report.first_rounded_line = part_report.first_rounded_line;
    file_report.first_rounded = part_report.first_rounded;
  }
  file_report.rounded_amounts += part_report.rounded_amounts;
  for (const auto& [packed, parts] : part.others_) {
    RecordKey key = RecordKey::unpack(packed);
    key.source = sources[key.source];
    TotalParts& mine = others_[key.packed()];
    // The same month split across two stretches of the file: the parts add up.
    const auto combine = [](std::optional<Cents>& into, const std::optional<Cents>& from) {
      if (from) into = checked_add(into.value_or(0), *from);
    };
    if (parts.total_row) {
      mine.total_row = parts.total_row;
      mine.total_row_sample = parts.total_row_sample;
    }
    mine.parts_sample = mine.parts_sample || parts.parts_sample;
    combine(mine.by_country, parts.by_country);
    combine(mine.by_chapter, parts.by_chapter);
    combine(mine.by_country_and_chapter, parts.by_country_and_chapter);
  }
  last_other_ = ~std::uint64_t{0};
  has_sample_ = has_sample_ || part.has_sample_;
  data_.skipped_count += part.data_.skipped_count;
  for (auto& skipped : part.data_.skipped) data_.skipped.push_back(std::move(skipped));
  part.records_.clear();
}

void DatasetBuilder::note_rounded(std::uint32_t line, std::string_view written) {
  LoadedFile& file = data_.files.back();
  if (file.rounded_amounts++ > 0) return;
  file.first_rounded_line = line;
  file.first_rounded = written;
}

void DatasetBuilder::skip(std::string message, std::size_t keep) {
  ++data_.skipped_count;
  if (data_.skipped.size() < keep) data_.skipped.push_back({std::move(message)});
}

namespace {

using ProvinceSet = std::bitset<province_count + 1>;  // by ProvinceId, national total included

// Which provinces each file (table) lists, per source: in each of its months, and in any month.
struct TableSightings {
  std::map<std::tuple<std::uint32_t, SourceId, std::int32_t>, ProvinceSet> in_month;  // (file, source, month)
  std::map<std::pair<std::uint32_t, SourceId>, ProvinceSet> anywhere;                 // (file, source)
};

template <typename Records>
TableSightings sightings_of(const Records& records) {
  TableSightings seen;
  // Records come sorted by key, so a (province, month) block of one file is one lookup.
  std::uint64_t last_block = ~std::uint64_t{0};
  std::uint32_t last_file = ~std::uint32_t{0};
  for (const auto& r : records) {
    const std::uint64_t block = r.key >> RecordKey::month_shift;
    if (block == last_block && r.file == last_file) continue;
    last_block = block;
    last_file = r.file;
    const RecordKey key = RecordKey::unpack(r.key);
    seen.in_month[{r.file, key.source, key.month.index()}].set(key.province);
    seen.anywhere[{r.file, key.source}].set(key.province);
  }
  return seen;
}

// The known bitmap (see Dataset::knows) from what each table lists.
std::vector<std::vector<bool>> known_from(const TableSightings& seen, const Dataset& data) {
  std::vector<std::vector<bool>> known(data.sources.size());
  for (std::size_t s = 0; s < known.size(); ++s)
    known[s].assign((province_count + 1) * data.coverage[s].size(), false);
  for (const auto& [where, listed] : seen.in_month) {
    const auto& [file, source, month] = where;
    const std::size_t span = data.coverage[source].size();
    const auto offset = static_cast<std::size_t>(month - data.coverage_base);
    ProvinceSet provinces = seen.anywhere.at({file, source});  // the table's own provinces
    const std::size_t listed_provinces = listed.count() - (listed[national_total] ? 1 : 0);
    if (listed_provinces >= provinces_that_enumerate) provinces.set();  // a table of all provinces
    // A national total is never implied: only its own row makes it known.
    provinces[national_total] = listed[national_total];
    for (std::size_t p = 0; p <= province_count; ++p)
      if (provinces[p]) known[source][p * span + offset] = true;
  }
  return known;
}

// Which provinces' month totals, and which of their parts, rest on made-up figures (see
// Dataset::sample_total), from the sorted records and their sample marks.
std::pair<std::vector<std::vector<bool>>, std::vector<std::vector<bool>>> sample_bitmaps(
    const Dataset& data, const std::vector<bool>& sample_of) {
  std::vector<std::vector<bool>> totals(data.sources.size()), parts(data.sources.size());
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
    const std::size_t span = data.coverage[first.source].size();
    const std::size_t bit = std::size_t{first.province} * span +
                            static_cast<std::size_t>(first.month.index() - data.coverage_base);
    totals[first.source][bit] = month.resolves_to_sample();
    parts[first.source][bit] = month.parts_sample;
  }
  return {std::move(totals), std::move(parts)};
}

}  // namespace

Dataset DatasetBuilder::finish(bool collect_problems, unsigned threads) && {
  if (data_.sources.empty()) data_.sources.emplace_back();
  // The other provinces of a focused load enter as one total row per month.
  for (const auto& [packed, parts] : others_)
    records_.push_back(
        Pending::of(packed, parts.resolve(), data_.files.size() - 1, parts.resolves_to_sample(), 0));
  others_.clear();
  // Sort by key, and within a key by file and line, so that duplicates sit side by side in the
  // order they were read. Input in key order (the common case) is detected and not sorted again.
  const auto before = [](const Pending& a, const Pending& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.file != b.file) return a.file < b.file;
    return a.line < b.line;
  };
  if (!std::is_sorted(records_.begin(), records_.end(), before)) {
    // First a stable counting sort by (source, province), the 16 bits above the month: files usually
    // list months in order within a province, so most provinces are then already in order and
    // only the rest are sorted.
    constexpr int shift = RecordKey::province_shift;
    constexpr int bits = RecordKey::source_shift + 8 - shift;  // source and province
    std::vector<std::size_t> start((std::size_t{1} << bits) + 1, 0);
    for (const Pending& r : records_) ++start[(r.key >> shift) + 1];
    for (std::size_t i = 1; i < start.size(); ++i) start[i] += start[i - 1];
    std::vector<Pending> bucketed(records_.size());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (const Pending& r : records_) bucketed[next[r.key >> shift]++] = r;
    records_.swap(bucketed);
    bucketed = {};
    const auto sort_buckets = [&](std::size_t first_bucket, std::size_t last_bucket) {
      for (std::size_t b = first_bucket; b < last_bucket; ++b) {
        const auto first = records_.begin() + static_cast<std::ptrdiff_t>(start[b]);
        const auto last = records_.begin() + static_cast<std::ptrdiff_t>(start[b + 1]);
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
    const std::size_t buckets = start.size() - 1;
    const std::size_t cores = records_.size() >= (std::size_t{1} << 20) ? thread_count(threads) : 1;
    std::vector<std::size_t> splits = {0};
    for (std::size_t k = 1; k < cores; ++k) {
      const std::size_t target = records_.size() * k / cores;
      const auto bucket =
          static_cast<std::size_t>(std::upper_bound(start.begin(), start.end() - 1, target) - start.begin());
      splits.push_back(std::max(splits.back(), std::min(bucket, buckets)));
    }
    splits.push_back(buckets);
    run_parallel(splits.size() - 1, [&](std::size_t k) { sort_buckets(splits[k], splits[k + 1]); });
  }

  Dataset data = std::move(data_);
  const TableSightings sightings = sightings_of(records_);
  data.keys.reserve(records_.size());
  data.cents.reserve(records_.size());
  std::vector<std::uint32_t> file_of;
  file_of.reserve(records_.size());
  std::vector<bool> sample_of;  // only when some record is a made-up figure
  if (has_sample_) sample_of.reserve(records_.size());
  for (std::size_t i = 0; i < records_.size(); ++i) {
    const Pending& r = records_[i];
    if (i > 0 && records_[i - 1].key == r.key) {
      const Pending& earlier = records_[i - 1];
      if (earlier.file == r.file) {
        const DataError duplicate({data.files[r.file].name, r.line, 0},
                                  "the same record (province, month, country, chapter, source) as line " +
                                      std::to_string(earlier.line) + "; expected each record once per file");
        if (!collect_problems) throw duplicate;
        data.files[r.file].problems.emplace_back(duplicate.what());
        continue;
      }
      // A later file revises an earlier one (a record repeated unchanged is no revision).
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
  records_.clear();
  records_.shrink_to_fit();

  // Coverage: which months each source reports at all.
  if (!data.keys.empty()) {
    std::int32_t lo = INT32_MAX;
    std::int32_t hi = INT32_MIN;
    for (std::uint64_t k : data.keys) {
      const std::int32_t m = RecordKey::unpack(k).month.index();
      lo = std::min(lo, m);
      hi = std::max(hi, m);
    }
    data.coverage_base = lo;
    data.coverage.assign(data.sources.size(), std::vector<bool>(static_cast<std::size_t>(hi - lo + 1)));
    for (std::uint64_t k : data.keys) {
      const RecordKey key = RecordKey::unpack(k);
      data.coverage[key.source][static_cast<std::size_t>(key.month.index() - lo)] = true;
    }
  } else {
    data.coverage.assign(data.sources.size(), {});
  }
  data.known = known_from(sightings, data);
  if (has_sample_) std::tie(data.sample_totals, data.sample_part_bits) = sample_bitmaps(data, sample_of);
  return data;
}

}  // namespace kexport
