// Building a dataset: names to ids as the loaders meet them, records as they come, and the
// merging of builders that read parts of a file side by side. finish() is in dataset_finish.cpp.
#include <fmt/format.h>

#include <algorithm>

#include "kexport/model/dataset_builder.hpp"
#include "kexport/model/gazetteer.hpp"
#include "kexport/model/text.hpp"

namespace kexport {

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
  last_other_ = ~std::uint64_t{0};
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

void DatasetBuilder::note(FileNote note) {
  std::vector<FileNote>& notes = current_file().notes;
  if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
}

std::string second_release(Vintage second, const StatedVintage& first, bool sheet) {
  return fmt::format(
      "release {} after release {} on {} {}; expected one release per file: give each release "
      "a file of its own",
      vintage_iso(second), vintage_iso(first.vintage), sheet ? "row" : "line", first.line);
}

std::optional<StatedVintage> DatasetBuilder::stated_vintage(std::size_t file) const {
  if (file >= stated_vintages_.size() || stated_vintages_[file].vintage == unknown_vintage)
    return std::nullopt;
  return stated_vintages_[file];
}

void DatasetBuilder::state_vintage(Vintage vintage, std::uint32_t line) {
  stated_vintages_.resize(std::max(stated_vintages_.size(), file_count()));
  stated_vintages_[file_count() - 1] = {vintage, line};
}

CountryId DatasetBuilder::unknown_country(std::string_view written) {
  std::string key = fold_name(written);
  auto it = unknown_.find(key);
  if (it != unknown_.end()) return it->second;
  const CountryId id = next_country_id(data_);
  data_.countries.push_back({std::string(trim(written)), std::nullopt});
  unknown_.emplace(std::move(key), id);
  if (unfamiliar_countries_.size() <= id) unfamiliar_countries_.resize(std::size_t{id} + 1);
  unfamiliar_countries_[id] = true;
  any_unfamiliar_ = true;
  return id;
}

SourceId DatasetBuilder::source(std::string_view name, std::optional<Basis> stated,
                                std::optional<Basis> given) {
  const std::string canonical = canonical_source(name);
  const std::optional<Basis> convention = conventional_basis(canonical);
  Basis basis = Basis::unstated;
  if (stated) {
    basis = *stated;
  } else if (convention == Basis::registration) {
    basis = *convention;
  } else if (given) {
    basis = *given;
  } else if (convention) {
    basis = *convention;
    if (!data_.files.empty()) note({FileNote::Kind::basis_assumed, 0, canonical});
  }
  for (std::size_t id = 0; id < data_.sources.size(); ++id)
    if (data_.sources[id] == canonical && data_.bases[id] == basis) return static_cast<SourceId>(id);
  if (data_.sources.size() >= 255) throw Error(ExitCode::data, "more than 255 data sources");
  data_.sources.push_back(canonical);
  data_.bases.push_back(basis);
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

std::uint8_t DatasetBuilder::unfamiliar_sector(std::string_view name) {
  const std::uint8_t code = sector(name);
  unfamiliar_sectors_[code] = true;
  any_unfamiliar_ = true;
  return code;
}

void DatasetBuilder::add(const RecordKey& key, Cents cents, std::uint32_t line, bool sample) {
  if (keeps_only_total(key.province)) {
    RecordKey total = key;
    total.country = all_countries;
    total.chapter = all_chapters;
    const std::uint64_t packed = total.packed();
    if (packed != last_other_) {
      last_other_ = packed;
      last_other_parts_ = &other_total(packed).parts;
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

void DatasetBuilder::add_unfamiliar(const RecordKey& key, Cents cents, std::uint32_t line, bool sample) {
  // Where only the province's total is kept, its month is still the current file's: a revision by
  // another file is seen (focus_overlaps) before the row is settled.
  if (keeps_only_total(key.province)) {
    RecordKey total = key;
    total.country = all_countries;
    total.chapter = all_chapters;
    other_total(total.packed());
    last_other_ = ~std::uint64_t{0};
  }
  unfamiliar_.push_back(Pending::of(key.packed(), cents, data_.files.size() - 1, sample, line));
  has_sample_ = has_sample_ || sample;
  ++data_.files.back().rows;
}

DatasetBuilder::OtherTotal& DatasetBuilder::other_total(std::uint64_t packed) {
  const auto file = static_cast<std::uint32_t>(data_.files.size() - 1);
  const auto [it, inserted] = others_.try_emplace(packed);
  if (inserted) it->second.file = file;
  if (it->second.file != file) focus_overlaps_ = true;
  return it->second;
}

void DatasetBuilder::absorb(DatasetBuilder&& part) {
  std::vector<CountryId> countries(part.data_.countries.size(), all_countries);
  for (std::size_t id = 1; id < part.data_.countries.size(); ++id) {
    const CountryEntry& entry = part.data_.countries[id];
    countries[id] =
        entry.gazetteer ? known_country(*entry.gazetteer, entry.written) : unknown_country(entry.written);
  }
  std::vector<SourceId> sources;
  for (std::size_t id = 0; id < part.data_.sources.size(); ++id)
    sources.push_back(source(part.data_.sources[id], part.data_.bases[id]));
  std::vector<std::uint8_t> sectors_map;
  for (std::size_t i = 0; i < part.data_.sectors.size(); ++i) {
    const std::string& name = part.data_.sectors[i];
    const bool unfamiliar = part.unfamiliar_sectors_[Dataset::first_sector_code + i];
    sectors_map.push_back(unfamiliar ? unfamiliar_sector(name) : sector(name));
  }

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
  // The part's chunks become this builder's, after what it holds already: order is kept.
  if (!records_.empty()) absorbed_.push_back(std::move(records_));
  records_ = {};
  part.absorbed_.push_back(std::move(part.records_));
  const bool same_file = part.data_.files.size() == 1 && file == 0;
  for (Chunk& chunk : part.absorbed_) {
    if (chunk.empty()) continue;
    if (!same_ids || !same_file)
      for (Pending& r : chunk) {
        if (!same_ids) {
          RecordKey key = RecordKey::unpack(r.key);
          key.country = countries[key.country];
          key.source = sources[key.source];
          if (key.chapter >= Dataset::first_sector_code)
            key.chapter = sectors_map[key.chapter - Dataset::first_sector_code];
          r.key = key.packed();
        }
        r = Pending::of(r.key, r.cents, file, r.sample, r.line);
      }
    absorbed_.push_back(std::move(chunk));
  }
  part.absorbed_.clear();
  for (Pending r : part.unfamiliar_) {
    RecordKey key = RecordKey::unpack(r.key);
    key.country = countries[key.country];
    key.source = sources[key.source];
    if (key.chapter >= Dataset::first_sector_code)
      key.chapter = sectors_map[key.chapter - Dataset::first_sector_code];
    unfamiliar_.push_back(Pending::of(key.packed(), r.cents, file, r.sample, r.line));
  }
  LoadedFile& file_report = data_.files.back();
  const LoadedFile& part_report = part.data_.files.back();
  if (const auto theirs = part.stated_vintage()) {
    const auto mine = stated_vintage();
    if (!mine) {
      state_vintage(theirs->vintage, theirs->line);
    } else if (mine->vintage != theirs->vintage) {
      throw DataError({file_report.name, theirs->line, 0, file_report.is_sheet()},
                      second_release(theirs->vintage, *mine, file_report.is_sheet()));
    }
  }
  file_report.rows += part_report.rows;
  if (file_report.rounded_amounts == 0) {
    file_report.first_rounded_line = part_report.first_rounded_line;
    file_report.first_rounded = part_report.first_rounded;
  }
  file_report.rounded_amounts += part_report.rounded_amounts;
  for (const FileNote& n : part_report.notes) note(n);
  for (const auto& [packed, other] : part.others_) {
    RecordKey key = RecordKey::unpack(packed);
    key.source = sources[key.source];
    const TotalParts& parts = other.parts;
    TotalParts& mine = other_total(key.packed()).parts;
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
  focus_overlaps_ = focus_overlaps_ || part.focus_overlaps_;
  has_sample_ = has_sample_ || part.has_sample_;
  data_.skipped_count += part.data_.skipped_count;
  for (const SkippedUnknown& u : part.skipped_unknown_) skipped_unknown_.push_back({file, u.key});
  for (auto& skipped : part.data_.skipped) data_.skipped.push_back(std::move(skipped));
  part.records_ = {};
}

void DatasetBuilder::absorb_file(DatasetBuilder&& part) {
  // The report as the file's loader left it, but for what absorb() adds up from the part.
  LoadedFile report = part.data_.files.back();
  report.rows = 0;
  report.rounded_amounts = 0;
  report.first_rounded_line = 0;
  report.first_rounded.clear();
  report.notes.clear();
  data_.files.push_back(std::move(report));
  absorb(std::move(part));
}

void DatasetBuilder::note_rounded(std::uint32_t line, std::string_view written) {
  LoadedFile& file = data_.files.back();
  if (file.rounded_amounts++ > 0) return;
  file.first_rounded_line = line;
  file.first_rounded = written;
}

void DatasetBuilder::skip(std::string message, std::size_t keep, SkippedKey key) {
  ++data_.skipped_count;
  if (data_.skipped.size() < keep) data_.skipped.push_back({std::move(message)});
  if (data_.files.empty()) return;
  skipped_unknown_.push_back({static_cast<std::uint32_t>(data_.files.size() - 1), key});
  // "Aydın|2026-01"; an empty side is every province, or every month of the file (the writers say so
  // in the reader's language).
  const std::string province = !key.province ? std::string()
                               : *key.province == national_total
                                   ? std::string("Türkiye")
                                   : std::string(Gazetteer::builtin().province_name(*key.province));
  note({FileNote::Kind::skipped_row_unknown, 0,
        province + "|" + (key.month ? key.month->iso() : std::string())});
}

}  // namespace kexport
