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

// The sums of the groups that hold an unfamiliar row, the rows under known labels included.
class GroupTally {
 public:
  explicit GroupTally(const std::vector<bool>& unfamiliar_countries)
      : unfamiliar_countries_(unfamiliar_countries) {}

  // An unfamiliar label is a country in a country column, else a sector.
  [[nodiscard]] Across across_of(const RecordKey& key) const {
    const bool country = key.country < unfamiliar_countries_.size() && unfamiliar_countries_[key.country];
    return country ? Across::countries : Across::sectors;
  }
  [[nodiscard]] GroupKey group_of(std::uint32_t file, const RecordKey& key) const {
    const Across across = across_of(key);
    return {file, total_key_of(key, across), across};
  }

  void add_unfamiliar(std::uint32_t file, const RecordKey& key, Cents cents) {
    GroupSums& group = groups_[group_of(file, key)];
    group.parts = checked_add(group.parts, cents);
    ++group.count;
  }
  // A row read under a known label counts in either kind of group it belongs to: as the group's
  // total row, or as one of its parts.
  void add_known(std::uint32_t file, const RecordKey& key, Cents cents) {
    for (const Across across : {Across::countries, Across::sectors}) {
      const auto it = groups_.find({file, total_key_of(key, across), across});
      if (it == groups_.end()) continue;
      const bool is_total =
          across == Across::countries ? key.country == all_countries : key.chapter == all_chapters;
      if (is_total) {
        it->second.has_total = true;
      } else {
        it->second.parts = checked_add(it->second.parts, cents);
        ++it->second.count;
      }
    }
  }
  // Where only a province's total is kept, the sums its month's parts were added into stand for
  // its rows: its country rows, or its sector rows.
  template <typename KeptTotals>
  void add_kept_totals(const KeptTotals& parts_of) {
    for (auto& [where, group] : groups_) {
      const auto& [file, total_key, across] = where;
      const RecordKey key = RecordKey::unpack(total_key);
      const bool whole_province =
          across == Across::countries ? key.chapter == all_chapters : key.country == all_countries;
      if (!whole_province) continue;
      const TotalParts* parts = parts_of(key);
      if (!parts) continue;
      const std::optional<Cents>& sum = across == Across::countries ? parts->by_country : parts->by_chapter;
      group.has_total = parts->total_row.has_value();
      if (sum) {
        group.parts = checked_add(group.parts, *sum);
        ++group.count;  // one row or more: enough to tell a total from a lone row
      }
    }
  }
  [[nodiscard]] const GroupSums& at(const GroupKey& key) const { return groups_.at(key); }

 private:
  const std::vector<bool>& unfamiliar_countries_;
  std::map<GroupKey, GroupSums> groups_;
};

std::uint32_t label_of(const RecordKey& key, Across across) {
  return across == Across::countries ? std::uint32_t{key.country} : std::uint32_t{key.chapter};
}

}  // namespace

void DatasetBuilder::settle_unfamiliar() {
  if (unfamiliar_.empty()) return;
  GroupTally tally(unfamiliar_countries_);
  for (const Pending& r : unfamiliar_) tally.add_unfamiliar(r.file, RecordKey::unpack(r.key), r.cents);
  for (const Chunk& chunk : absorbed_)
    for (const Pending& r : chunk) tally.add_known(r.file, RecordKey::unpack(r.key), r.cents);
  for (const Pending& r : records_) tally.add_known(r.file, RecordKey::unpack(r.key), r.cents);
  tally.add_kept_totals([&](const RecordKey& key) -> const TotalParts* {
    if (!keeps_only_total(key.province)) return nullptr;
    const auto other = others_.find(
        RecordKey{key.source, key.flow, key.province, key.month, all_countries, all_chapters, key.measure}
            .packed());
    return other == others_.end() ? nullptr : &other->second.parts;
  });

  // A label is a total in a file where each of its rows equals the sum of the rest of its group.
  std::map<LabelKey, Verdict> verdicts;
  for (const Pending& r : unfamiliar_) {
    const RecordKey key = RecordKey::unpack(r.key);
    const Across across = tally.across_of(key);
    const GroupSums& group = tally.at(tally.group_of(r.file, key));
    Verdict& verdict = verdicts[{r.file, across, label_of(key, across)}];
    verdict.equals_the_rest = verdict.equals_the_rest && group.count > 1 && group.parts - r.cents == r.cents;
    verdict.any_figure = verdict.any_figure || r.cents != 0;
  }

  for (const Pending& r : unfamiliar_) {
    const RecordKey key = RecordKey::unpack(r.key);
    const Across across = tally.across_of(key);
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
      if (tally.at({r.file, total_key, across}).has_total) continue;
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
