// Collects records from the loaders and turns them into a sorted, de-duplicated Dataset.
#pragma once

#include <algorithm>
#include <bitset>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kexport/model/dataset.hpp"

namespace kexport {

// What a row skipped under --skip-bad-rows was about, as far as its fields tell: its province's
// month is then unknown, not the sum of the rows that were read. Empty fields: it could be any.
struct SkippedKey {
  std::optional<ProvinceId> province;
  std::optional<Period> month;
};

// The release a file's rows state (a `vintage` column), and the first row that stated it.
struct StatedVintage {
  Vintage vintage = unknown_vintage;
  std::uint32_t line = 0;
};
// What is wrong with a row that states release `second` in a file whose rows stated `first`
// (on its line or row `first.line`): one wording for rows read in order and stretches joined.
std::string second_release(Vintage second, const StatedVintage& first, bool sheet);

class DatasetBuilder {
 public:
  DatasetBuilder() = default;

  // Starts a file; records added after it belong to it. Returns the file's index.
  std::uint32_t begin_file(std::string name, std::string format);
  // The report of the file being loaded, for the loader to fill in.
  LoadedFile& current_file() { return data_.files.back(); }
  // The reports of every file begun so far (a workbook begins one per sheet).
  [[nodiscard]] std::size_t file_count() const { return data_.files.size(); }
  LoadedFile& file(std::size_t index) { return data_.files[index]; }
  // Adds a note to the current file, once however many rows give it.
  void note(FileNote note);
  // The release the current file's rows state, set by its first row that states one: a file is
  // one release, which load() makes the file's (of a file read in stretches, absorb() holds the
  // stretches to one release).
  [[nodiscard]] std::optional<StatedVintage> stated_vintage(std::size_t file) const;
  [[nodiscard]] std::optional<StatedVintage> stated_vintage() const {
    return stated_vintage(file_count() - 1);
  }
  void state_vintage(Vintage vintage, std::uint32_t line);

  // Dictionary ids. Known countries are keyed by their gazetteer entry, so that every spelling of
  // one country is one id; an unknown name is keyed by its folded form and kept as first written.
  CountryId known_country(std::size_t gazetteer_index, std::string_view written);
  CountryId unknown_country(std::string_view written);
  // A source by its canonical name ("TÜİK", "TİM", "Ticaret Bakanlığı", or as written) on a
  // basis: the one the file states; else TİM's for TİM, whose tables are always on it; else the
  // one the user gives for files that state none (--basis); else the source's long-standing one
  // (TÜİK's head office: noted on the current file as assumed); else unstated.
  SourceId source(std::string_view name, std::optional<Basis> stated = std::nullopt,
                  std::optional<Basis> given = std::nullopt);
  // A sector that is not an HS chapter, by name: a code from Dataset::first_sector_code up.
  std::uint8_t sector(std::string_view name);
  // A sector under a name the gazetteer does not know (neither TİM's nor a chapter's).
  std::uint8_t unfamiliar_sector(std::string_view name);

  // Whether a record's country or sector is a name the gazetteer does not know. Such a row may be
  // a part, or a total under a label no word gives away ("HEPSİ", "DÜNYA"): add_unfamiliar() holds
  // it until finish() tells which by the sums of its group.
  [[nodiscard]] bool is_unfamiliar(const RecordKey& key) const {
    return any_unfamiliar_ &&
           ((key.country < unfamiliar_countries_.size() && unfamiliar_countries_[key.country]) ||
            unfamiliar_sectors_[key.chapter]);
  }
  void add_unfamiliar(const RecordKey& key, Cents cents, std::uint32_t line, bool sample = false);

  // Keeps every record of one province (and the national total rows) but only the monthly totals
  // of the others: enough for any question about that province, in a fraction of the memory.
  // Records of the others are not checked for duplicates. Sound while no two files give the same
  // month of another province (monthly files do not): the totals of two files could not tell a
  // revision from the rest. focus_overlaps() says when they did; the load is then made again
  // without focus.
  void focus_on(ProvinceId province) { focus_ = province; }
  // Keeps only monthly totals, of every province.
  void totals_only() { focus_ = no_province; }
  static constexpr ProvinceId no_province = 0xFF;
  [[nodiscard]] std::optional<ProvinceId> focus() const { return focus_; }
  // Whether two files gave records of the same month of a province kept only as its total.
  [[nodiscard]] bool focus_overlaps() const { return focus_overlaps_; }
  // Whether only the monthly total of this province is kept.
  [[nodiscard]] bool keeps_only_total(ProvinceId province) const {
    return focus_ && province != *focus_ && (province != national_total || *focus_ == no_province);
  }

  // Adds a record of the current file, found on `line`; `sample` marks a made-up figure.
  void add(const RecordKey& key, Cents cents, std::uint32_t line, bool sample = false);

  // Takes over what another builder collected from a part of the current file (read in parallel):
  // its records, with its dictionary ids mapped to this builder's, and its skipped rows.
  void absorb(DatasetBuilder&& part);

  // Takes over a whole file another builder read on its own (files read in parallel): the file's
  // report as it made it, then its records as absorb() takes them. `part` holds that one file.
  void absorb_file(DatasetBuilder&& part);
  // Room for `more` records to be added (a loader's estimate, say the lines of its stretch: memory
  // reserved and not filled costs nothing, while growing a vector of millions copies it).
  void reserve_records(std::size_t more) { records_.reserve(records_.size() + more); }

  // Notes an amount of the current file that was rounded from a float artefact.
  void note_rounded(std::uint32_t line, std::string_view written);

  // Counts a row left out under --skip-bad-rows, keeping the first `keep` messages; what the row
  // was about becomes unknown (every province, or every month of the file, where it cannot tell).
  void skip(std::string message, std::size_t keep, SkippedKey key = {});

  // Sorts (a large load on `threads` threads, 0: one per core), resolves revisions and builds the
  // coverage. Throws DataError when one file holds the same record twice, naming both lines; with
  // `collect_problems` the problem goes into the file's report instead and the first of the two
  // records is kept.
  Dataset finish(bool collect_problems = false, unsigned threads = 0) &&;

 private:
  struct Pending {
    std::uint64_t key;
    Cents cents;
    std::uint32_t file : 31;
    std::uint32_t sample : 1;  // a made-up figure
    std::uint32_t line;
    static Pending of(std::uint64_t key, Cents cents, std::size_t file, bool sample, std::uint32_t line) {
      if (file > max_files) throw_too_many_files();
      Pending r{key, cents, 0, 0, line};
      r.file = static_cast<std::uint32_t>(file) & max_files;
      r.sample = sample ? 1U : 0U;
      return r;
    }
  };
  static constexpr std::uint32_t max_files = 0x7FFFFFFF;
  [[noreturn]] static void throw_too_many_files();
  using Chunk = std::vector<Pending, LargeAllocator<Pending>>;
  // The records in the order they came: the chunks absorbed from other builders (stretches and
  // files read side by side, taken over as they are, never copied into one), then those added.
  std::vector<Chunk> absorbed_;
  Chunk records_;
  // The records in key order, duplicates side by side in the order they came (finish's first step).
  Chunk sorted_records(unsigned threads);
  // Duplicates of a key in the order of their files' releases (finish's second step).
  static void order_releases(Chunk& records, const std::vector<LoadedFile>& files);
  bool has_sample_ = false;  // any record marked sample
  struct SkippedUnknown {
    std::uint32_t file;
    SkippedKey key;
  };
  std::vector<SkippedUnknown> skipped_unknown_;  // what skipped rows leave unknown
  Dataset data_ = initial();
  std::vector<StatedVintage> stated_vintages_;  // by file; unknown_vintage where none is stated
  std::unordered_map<std::size_t, CountryId> known_;
  std::unordered_map<std::string, CountryId> unknown_;
  std::unordered_map<std::string, std::uint8_t> sectors_;
  // With a focus: the other provinces' months, by RecordKey::packed() of their total row.
  std::optional<ProvinceId> focus_;
  struct OtherTotal {
    TotalParts parts;
    std::uint32_t file = 0;  // the file that gave the month
  };
  std::unordered_map<std::uint64_t, OtherTotal> others_;
  // The month of the others' totals that a file's row went to last: rows of one province and
  // month usually come together. Forgotten when a file begins.
  std::uint64_t last_other_ = ~std::uint64_t{0};
  TotalParts* last_other_parts_ = nullptr;
  bool focus_overlaps_ = false;
  // The entry of the others' month `packed`, given by the current file.
  OtherTotal& other_total(std::uint64_t packed);
  static Dataset initial();

  // Rows under unfamiliar labels (see is_unfamiliar) and the ids of those labels.
  bool any_unfamiliar_ = false;
  std::vector<bool> unfamiliar_countries_;
  std::bitset<256> unfamiliar_sectors_;  // by chapter code
  std::vector<Pending> unfamiliar_;
  // Tells which unfamiliar labels are totals (a row equal to the sum of the other rows of its group
  // wherever the file uses it): those become total rows, the rest parts. finish()'s first step.
  void settle_unfamiliar();
};

}  // namespace kexport
