// Rows under labels the gazetteer does not know: a destination or a sector kept as written, or a
// total whose label no word gives away ("HEPSİ", "DÜNYA", a province's name over its countries).
// The sums tell which: a label each of whose rows equals the sum of the other rows of its group is
// a total, and is kept out of the sums; any other is a part.
#include <map>
#include <tuple>

#include "kexport/model/dataset_builder.hpp"

namespace kexport {

namespace {

// The rows a row is summed with: the same file, province, month and stream, and the same sector
// (for a country's row) or the same country (for a sector's). Its key is the row's key with the
// field that varies cleared: the key of the group's own total row.
enum class Across : std::uint8_t { countries, sectors };
using GroupKey = std::tuple<std::uint32_t, std::uint64_t, Across>;

std::uint64_t total_key_of(RecordKey key, Across across) {
  if (across == Across::countries)
    key.country = all_countries;
  else
    key.chapter = all_chapters;
  return key.packed();
}

struct GroupSums {
  Cents parts = 0;         // the rows under known labels, and the unfamiliar rows, all summed
  std::size_t count = 0;   // how many rows that is
  bool has_total = false;  // the group has a total row of its own
};

// A label as one file uses it: its id (a country, or a sector's code) in one kind of group.
using LabelKey = std::tuple<std::uint32_t, Across, std::uint32_t>;

struct Verdict {
  bool equals_the_rest = true;  // every row equals the sum of the other rows of its group
  bool any_figure = false;      // some row is not zero (a total of nothing proves nothing)
};

}  // namespace

void DatasetBuilder::settle_unfamiliar() {
  if (unfamiliar_.empty()) return;
  const auto across_of = [&](const RecordKey& key) {
    const bool country = key.country < unfamiliar_countries_.size() && unfamiliar_countries_[key.country];
    return country ? Across::countries : Across::sectors;
  };
  const auto label_of = [](const RecordKey& key, Across across) {
    return across == Across::countries ? std::uint32_t{key.country} : std::uint32_t{key.chapter};
  };

  // The groups the unfamiliar rows belong to, summed: first the unfamiliar rows themselves.
  std::map<GroupKey, GroupSums> groups;
  for (const Pending& r : unfamiliar_) {
    const RecordKey key = RecordKey::unpack(r.key);
    GroupSums& group = groups[{r.file, total_key_of(key, across_of(key)), across_of(key)}];
    group.parts = checked_add(group.parts, r.cents);
    ++group.count;
  }
  // Then the rows read under known labels: every record kept whole, and, where only a province's
  // total is kept, the sums its month's parts were added into.
  const auto count_record = [&](const Pending& r) {
    const RecordKey key = RecordKey::unpack(r.key);
    for (const Across across : {Across::countries, Across::sectors}) {
      const auto it = groups.find({r.file, total_key_of(key, across), across});
      if (it == groups.end()) continue;
      const bool is_total =
          across == Across::countries ? key.country == all_countries : key.chapter == all_chapters;
      if (is_total) {
        it->second.has_total = true;
      } else {
        it->second.parts = checked_add(it->second.parts, r.cents);
        ++it->second.count;
      }
    }
  };
  for (const Chunk& chunk : absorbed_)
    for (const Pending& r : chunk) count_record(r);
  for (const Pending& r : records_) count_record(r);
  for (auto& [where, group] : groups) {
    const auto& [file, total_key, across] = where;
    const RecordKey key = RecordKey::unpack(total_key);
    if (!keeps_only_total(key.province)) continue;
    const auto other = others_.find(
        RecordKey{key.source, key.flow, key.province, key.month, all_countries, all_chapters, key.measure}
            .packed());
    if (other == others_.end()) continue;
    const TotalParts& parts = other->second.parts;
    // Only a province's own rows are summed apart by kind: its country rows, or its sector rows.
    const bool whole_province =
        across == Across::countries ? key.chapter == all_chapters : key.country == all_countries;
    if (!whole_province) continue;
    const std::optional<Cents>& sum = across == Across::countries ? parts.by_country : parts.by_chapter;
    group.has_total = parts.total_row.has_value();
    if (sum) {
      group.parts = checked_add(group.parts, *sum);
      ++group.count;  // one row or more: enough to tell a total from a lone row
    }
  }

  // A label is a total in a file where each of its rows equals the sum of the rest of its group.
  std::map<LabelKey, Verdict> verdicts;
  for (const Pending& r : unfamiliar_) {
    const RecordKey key = RecordKey::unpack(r.key);
    const Across across = across_of(key);
    const GroupSums& group = groups.at({r.file, total_key_of(key, across), across});
    Verdict& verdict = verdicts[{r.file, across, label_of(key, across)}];
    verdict.equals_the_rest = verdict.equals_the_rest && group.count > 1 && group.parts - r.cents == r.cents;
    verdict.any_figure = verdict.any_figure || r.cents != 0;
  }

  for (const Pending& r : unfamiliar_) {
    const RecordKey key = RecordKey::unpack(r.key);
    const Across across = across_of(key);
    const Verdict& verdict = verdicts.at({r.file, across, label_of(key, across)});
    const bool total = verdict.equals_the_rest && verdict.any_figure;
    const std::uint64_t total_key = total_key_of(key, across);
    if (total) {
      const std::string label = across == Across::countries
                                    ? data_.countries[key.country].written
                                    : data_.sectors[key.chapter - Dataset::first_sector_code];
      FileNote note{FileNote::Kind::total_by_sums, 0, label};
      auto& notes = data_.files[r.file].notes;
      if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
      // Where the group has a total row of its own, that row is the figure.
      if (groups.at({r.file, total_key, across}).has_total) continue;
    }
    if (keeps_only_total(key.province)) {
      RecordKey whole = key;
      whole.country = all_countries;
      whole.chapter = all_chapters;
      OtherTotal& other = others_[whole.packed()];
      if (total) {
        other.parts.total_row = r.cents;
        other.parts.total_row_sample = r.sample != 0;
      } else {
        other.parts.add(key, r.cents, r.sample != 0);
      }
      continue;
    }
    records_.push_back(Pending::of(total ? total_key : r.key, r.cents, r.file, r.sample != 0, r.line));
  }
  unfamiliar_.clear();
}

}  // namespace kexport
