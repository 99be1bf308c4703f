// The in-memory model: one columnar, dictionary-encoded table of foreign-trade records, sorted by
// key.
//
// A record says: this source reports that this province exported (or imported) this many cents in
// this month (to or from this country, in this HS chapter). Country id 0 means "all countries" (the
// province's total row) and chapter 0 means "all chapters". Values are integer cents, so every sum is exact
// and independent of order and threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kexport/model/basis.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/file_format.hpp"
#include "kexport/model/gazetteer.hpp"
#include "kexport/model/large_allocator.hpp"
#include "kexport/model/period.hpp"
#include "kexport/model/vintage.hpp"

namespace kexport {

using CountryId = std::uint16_t;
using SourceId = std::uint8_t;
using Cents = std::int64_t;
// The record columns: millions of entries, in memory given huge pages (see LargeAllocator).
using KeyColumn = std::vector<std::uint64_t, LargeAllocator<std::uint64_t>>;
using CentsColumn = std::vector<Cents, LargeAllocator<Cents>>;
inline constexpr CountryId all_countries = 0;
inline constexpr std::uint8_t all_chapters = 0;

// A destination as the data names it. Known countries carry their gazetteer entry; a name the
// gazetteer does not know is kept as written, without a code.
struct CountryEntry {
  std::string written;                   // as first seen in the data
  std::optional<std::size_t> gazetteer;  // index into Gazetteer::countries()

  // The customary name in the language, or the name as the data writes it.
  [[nodiscard]] std::string name(const Gazetteer& g, Language language) const {
    return gazetteer ? g.country_name(*gazetteer, language) : written;
  }
  // The ISO 3166 alpha-2 code; empty for a name the gazetteer does not know.
  [[nodiscard]] std::string code(const Gazetteer& g) const {
    return gazetteer ? g.countries()[*gazetteer].code : std::string();
  }
};

// What a record measures: the traded value in cents (every record of a file), or the goods' net
// weight in grams (a second record beside the value, where the file gives a weight). A weight
// record has the key of its value record but for the measure, and sits in the amounts column in
// grams: the two are never added, and a weight is what the same rows' values weigh.
enum class Measure : std::uint8_t { value = 0, weight = 1 };
inline constexpr std::size_t measure_count = 2;

// The records of one source, one flow and one measure: what one question reads. Sources count
// differently and flows go opposite ways: neither is ever added to another.
struct Stream {
  SourceId source = 0;
  Flow flow = Flow::exports;
  Measure measure = Measure::value;
  // The byte of a packed key that holds the flow and the measure.
  [[nodiscard]] std::uint8_t kind() const {
    return static_cast<std::uint8_t>(static_cast<unsigned>(flow) | static_cast<unsigned>(measure) << 1);
  }
  // The index of the stream's bitmaps in a Dataset (see Dataset::coverage): in key order.
  [[nodiscard]] std::size_t index() const { return std::size_t{source} * kinds + kind(); }
  static Stream of_index(std::size_t index) {
    return {static_cast<SourceId>(index / kinds), static_cast<Flow>(index % kinds & 1),
            static_cast<Measure>(index % kinds >> 1)};
  }
  // The weights of this stream's values.
  [[nodiscard]] Stream weights() const { return {source, flow, Measure::weight}; }
  static constexpr std::size_t kinds = flow_count * measure_count;
  friend bool operator==(const Stream&, const Stream&) = default;
};

// The key of a record, packed into 64 bits so that sorting and duplicate detection are cheap:
// source | kind (flow and measure) | province | month | country | chapter, most significant first.
struct RecordKey {
  SourceId source = 0;
  Flow flow = Flow::exports;
  ProvinceId province = 0;
  Period month;
  CountryId country = all_countries;
  std::uint8_t chapter = all_chapters;
  Measure measure = Measure::value;

  [[nodiscard]] std::uint64_t packed() const;
  static RecordKey unpack(std::uint64_t packed);
  [[nodiscard]] Stream stream() const { return {source, flow, measure}; }

  // Where each field starts in a packed key. Shifted right by month_shift a key leaves
  // (source, kind, province, month), by province_shift (source, kind, province): the blocks sorted
  // records come in.
  static constexpr int chapter_shift = 0;
  static constexpr int country_shift = 8;
  static constexpr int month_shift = 24;
  static constexpr int province_shift = 40;
  static constexpr int kind_shift = 48;
  static constexpr int source_shift = 56;
};

// Bit layout of a packed key, most significant first: source 8 | kind 8 (flow in bit 0, measure
// in bit 1) | province 8 | month 16 | country 16 | chapter 8. Months are Period indexes (year*12 +
// month-1 < 2^16 for years < 5461). Inline: every scan of the records unpacks keys.
inline std::uint64_t RecordKey::packed() const {
  return (std::uint64_t{source} << source_shift) | (std::uint64_t{stream().kind()} << kind_shift) |
         (std::uint64_t{province} << province_shift) |
         (static_cast<std::uint64_t>(month.index()) << month_shift) |
         (std::uint64_t{country} << country_shift) | (std::uint64_t{chapter} << chapter_shift);
}

inline RecordKey RecordKey::unpack(std::uint64_t packed) {
  RecordKey key;
  key.source = static_cast<SourceId>(packed >> source_shift);
  const auto kind = static_cast<unsigned>((packed >> kind_shift) & 0xFF);
  key.flow = static_cast<Flow>(kind & 1);
  key.measure = static_cast<Measure>(kind >> 1 & 1);
  key.province = static_cast<ProvinceId>(packed >> province_shift);
  key.month = Period::from_index(static_cast<std::int32_t>((packed >> month_shift) & 0xFFFF));
  key.country = static_cast<CountryId>(packed >> country_shift);
  key.chapter = static_cast<std::uint8_t>(packed >> chapter_shift);
  return key;
}

// Adds with a check: an overflowing sum is a data error (Error(data)), never a wrapped number.
[[noreturn]] void throw_sum_overflow();
inline Cents checked_add(Cents a, Cents b) {
  Cents sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw_sum_overflow();
  return sum;
}

// The parts of a province's figure for one month, by kind of row. The figure is the total row
// where there is one (country and chapter both "all"); else the sum of the country rows; else of
// the chapter rows; else of the country × chapter rows. A total may exceed its parts
// (confidential exports); it is still the figure.
struct TotalParts {
  std::optional<Cents> total_row;
  std::optional<Cents> by_country;
  std::optional<Cents> by_chapter;
  std::optional<Cents> by_country_and_chapter;
  // Whether the total row, or any of the parts, is a made-up (sample) figure.
  bool total_row_sample = false;
  bool parts_sample = false;

  // Inline: called for every record a question reads.
  void add(const RecordKey& key, Cents value, bool sample = false) {
    std::optional<Cents>* slot = nullptr;
    if (key.country == all_countries)
      slot = key.chapter == all_chapters ? &total_row : &by_chapter;
    else
      slot = key.chapter == all_chapters ? &by_country : &by_country_and_chapter;
    *slot = checked_add(slot->value_or(0), value);
    if (slot == &total_row)
      total_row_sample = sample;
    else
      parts_sample = parts_sample || sample;
  }
  // Whether the figure resolve() gives rests on made-up data.
  [[nodiscard]] bool resolves_to_sample() const { return total_row ? total_row_sample : parts_sample; }
  [[nodiscard]] Cents resolve() const {
    if (total_row) return *total_row;
    if (by_country) return *by_country;
    if (by_chapter) return *by_chapter;
    return by_country_and_chapter.value_or(0);
  }
};

// One total row per (source, flow, province, month) of sorted records, valued as TotalParts resolves
// it: what a totals-only load keeps of every province. Appends to `total_keys`/`total_cents`.
void append_monthly_totals(std::span<const std::uint64_t> keys, std::span<const Cents> cents,
                           KeyColumn& total_keys, CentsColumn& total_cents);

// A record that a later file replaced (a revision of published data).
struct Revision {
  RecordKey key;
  Cents old_cents = 0;
  Cents new_cents = 0;
  std::uint32_t old_file = 0;  // index into Dataset::files()
  std::uint32_t new_file = 0;
};

// A row left out under --skip-bad-rows, with the reason.
struct SkippedRow {
  std::string message;  // "file:line:column: problem"
};

// A wide sheet's total cell (TOPLAM) that is not the sum of its row's months: worth a look (a
// month revised, a typing slip), not an error. The months are what the data holds.
struct TotalColumnMismatch {
  SourceLocation where;  // the total cell
  std::string written;   // as the file writes it
  Cents stated = 0;      // what it says
  Cents months = 0;      // the sum of the row's months
};

// What loading one file found: the format detected, and everything left out or worth a look.
// What a reader of a file's figures should know that is not a problem.
struct FileNote {
  enum class Kind {
    hidden_sheet,            // a workbook's hidden sheet, read like the others
    hidden_rows,             // `count` hidden rows of a sheet, read like the others
    no_table,                // a workbook's sheet without a table (`detail` says why), not read
    fitted_name,             // a name written with '?' for lost letters, read as the one name that fits
                             // (`detail`: "?STANBUL → İstanbul")
    months_from_cumulative,  // months worked out as differences of cumulative columns
    template_month,          // a month not yet published (`detail`: 2026-02): its zeros are absent,
                             // the figures some rows have in it are read
    hidden_sheet_skipped,    // a workbook's hidden sheet, not read unless --sheet names it
    unit_stated,             // the unit a file states (`detail`: where and what it says)
    unit_by_convention,      // no unit stated: thousands of dollars, as TİM publishes since 2010
    skipped_row_unknown,     // a row skipped by --skip-bad-rows: its province's month is unknown
                             // (`detail`: "Aydın|2026-01"; an empty side: every province, or every
                             // month of the file)
    total_by_sums,           // a row under an unfamiliar label (`detail`) that equals the sum of the
                             // other rows of its group wherever the file uses it: a total, kept out
                             // of the sums
    numeric_country_codes,   // numeric country codes (TÜİK's), not read: the names beside them are
    basis_assumed,           // the file does not say its basis: its source's (`detail`) long-standing
                             // one is assumed (TÜİK: the firm's head office)
    // TİM's bulletins (read by their template, not as a plain table):
    bulletin,              // which one (`detail`: "province_sector|2026-02|81|27": kind, month, rows
                           // of places and of sectors)
    year_to_date_checked,  // `count` year-to-date figures found equal to the sum of their months
    change_checked,        // `count` DEĞ. cells checked against the amounts beside them
    change_mismatch,       // a DEĞ. cell the amounts do not give (`detail`: "cell|written|computed"):
                           // worth a look; DEĞ. is never a figure
    totals_summed,         // a province's TOPLAM in `count` rows, added up (`detail`: the province)
    remainders,            // `count` provinces whose TOPLAM exceeds their sectors (`detail`:
                           // "2026-02|cents", the month and the remainders' sum): in the total only
    block_not_read,        // a block that is no month (`detail`: "label|day", "label|part_of_month",
                           // "label|other_range"), not read
    group_sums_checked,    // `count` months whose main groups add up to the total
    columns_left_out,      // columns of the rows in other currencies or of quantities (`detail`:
                           // "EURO, TL, MIKTAR_1"), not read
  };
  static constexpr Kind last_kind = Kind::columns_left_out;
  Kind kind = Kind::no_table;
  std::uint64_t count = 0;
  std::string detail;
  friend bool operator==(const FileNote&, const FileNote&) = default;
};

struct LoadedFile {
  std::string name;    // as given, "-" for standard input
  std::string format;  // "csv", "json", "jsonl", "xlsx", "ods", "xls"
  // What was detected (or given); empty where it does not apply or the file was not read.
  std::optional<Layout> layout;
  std::string delimiter;  // ",", ";", "tab" (CSV only)
  std::optional<TextEncoding> encoding;
  bool byte_order_mark = false;  // UTF-8 with a BOM
  std::optional<DecimalStyle> decimal;
  std::optional<ValueUnit> unit;
  // The unit is the default (dollars): neither the file nor --unit names one (and no convention
  // settles it): every command warns when its figures look like thousands.
  bool unit_assumed = false;
  std::string source;                    // the source label given to rows without one, if any
  Vintage vintage = unknown_vintage;     // the release its figures belong to
  std::string vintage_from;              // where that was read: "title", "file name", "--vintage"
  std::uint64_t rows = 0;                // records read from it
  std::uint64_t title_rows = 0;          // non-blank lines above the header, skipped
  std::uint64_t note_rows = 0;           // "Kaynak: …", "* Geçici veri" below the data, skipped
  std::uint64_t group_rows = 0;          // sub-group rows ("I. TARIM") kept out of sums
  std::vector<std::string> unpublished;  // months that are zero for every row of a wide sheet
  std::vector<TotalColumnMismatch> total_mismatches;  // things worth a look that are not errors
  // Amounts a program wrote with a float artefact ("0.30000000000000004"), rounded to the cent:
  // how many, and the first one's line and text.
  std::uint64_t rounded_amounts = 0;
  std::uint64_t first_rounded_line = 0;
  std::string first_rounded;
  std::vector<std::string> problems;  // errors found when loading collects them (validate)
  std::vector<FileNote> notes;

  // A spreadsheet's sheet: its positions are cell references, not lines.
  [[nodiscard]] bool is_sheet() const { return format == "xlsx" || format == "ods" || format == "xls"; }
};

// The canonical spelling of a data source: "tuik", "TUİK" and "TÜİK" are all "TÜİK".
std::string canonical_source(std::string_view name);

// A month that "latest" passed over because it did not hold what the question needs: the
// province asked about, or all provinces. `provinces_known` says how many of the 81 it holds.
struct IncompleteMonth {
  Period month;
  std::size_t provinces_known = 0;
};

// An entry of a data directory that is not loaded, and why: nothing is passed over unsaid.
struct PassedOver {
  enum class Why {
    spreadsheet,    // .xlsb: not read; save it as .xlsx or CSV
    not_data,       // another kind of file
    documentation,  // README, *.md: expected beside data, said only by validate
    hidden,         // a name starting with '.': said only by validate
    directory,      // subdirectories are not read: said only by validate
  };
  std::string path;
  Why why = Why::not_data;
  // Whether every run says so on stderr; the rest only validate lists.
  [[nodiscard]] bool worth_a_note() const { return why == Why::spreadsheet || why == Why::not_data; }
};

class Dataset {
 public:
  // Columns, one entry per record, sorted by RecordKey::packed(), no key twice.
  KeyColumn keys;
  CentsColumn cents;

  [[nodiscard]] std::size_t size() const { return keys.size(); }
  [[nodiscard]] RecordKey key(std::size_t row) const { return RecordKey::unpack(keys[row]); }

  // The rows of one stream and province: a contiguous range thanks to the sort order.
  [[nodiscard]] std::pair<std::size_t, std::size_t> rows_of(Stream stream, ProvinceId province) const;

  // Dictionaries.
  std::vector<CountryEntry> countries;  // index = CountryId; entry 0 is "all countries"
  // Chapter codes 1-99 are HS chapters; codes from first_sector_code up name other sectors (TİM's
  // sector names), as sectors[code - first_sector_code].
  static constexpr std::uint8_t first_sector_code = 100;
  std::vector<std::string> sectors;
  // A source is a publisher on one basis: TÜİK's head-office tables and its production-place
  // tables are two sources, so that no question ever adds or compares their figures.
  std::vector<std::string> sources;  // index = SourceId; "" when the data does not say
  std::vector<Basis> bases;          // index = SourceId

  // Months that hold any record of the stream: a month outside them is missing, not zero.
  [[nodiscard]] bool covers(Stream stream, Period month) const;
  [[nodiscard]] std::optional<Period> first_month(Stream stream) const;
  [[nodiscard]] std::optional<Period> last_month(Stream stream) const;
  // Whether the data holds any record of the stream.
  [[nodiscard]] bool has(Stream stream) const { return first_month(stream).has_value(); }
  // Whether the data gives the weight of any value of the source.
  [[nodiscard]] bool has_weights(SourceId source) const {
    return has({source, Flow::exports, Measure::weight}) || has({source, Flow::imports, Measure::weight});
  }

  std::vector<LoadedFile> files;
  std::vector<Revision> revisions;
  std::vector<SkippedRow> skipped;  // the first ones, for the report
  std::uint64_t skipped_count = 0;  // all of them

  // Per stream, a bitmap of covered months from Period index `coverage_base`.
  std::int32_t coverage_base = 0;
  std::vector<std::vector<bool>> coverage;  // index = Stream::index(); sources.size() * Stream::kinds
  // Per stream and month (as coverage), the latest release among the files its figures come from.
  std::vector<std::vector<Vintage>> vintages;
  // The latest release among the figures of the stream's months from `from` to `to`.
  [[nodiscard]] Vintage latest_vintage(Stream stream, Period from, Period to) const;

  // Whether a province's figure for a month is known. Only the data says so: a record of it (a 0
  // or '-' in its cell is a record of 0), or a table whose national total row equals the sum of
  // the provinces it lists in that month (to the rounding of its figures), which proves that the
  // ones it leaves out exported nothing. A province no table speaks of so is missing that month,
  // however many others a table lists: absence is not zero. The national total (id 0) is known
  // only where it has a record.
  [[nodiscard]] bool knows(Stream stream, ProvinceId province, Period month) const;
  // How many of the 81 provinces the month is known for.
  [[nodiscard]] std::size_t provinces_known(Stream stream, Period month) const;
  // A month is complete when every one of the 81 provinces is known for it: only then can it
  // speak for Turkey as a sum of its provinces, or rank them.
  [[nodiscard]] bool complete(Stream stream, Period month) const {
    return provinces_known(stream, month) == province_count;
  }
  [[nodiscard]] std::optional<Period> last_complete_month(Stream stream) const;
  // The latest month the province is known for; empty when it is known for none.
  [[nodiscard]] std::optional<Period> last_known_month(Stream stream, ProvinceId province) const;
  // Per stream, a bitmap over (province, month): bit province * span + (month - coverage_base),
  // where span is the size of coverage[stream.index()].
  std::vector<std::vector<bool>> known;  // index = Stream::index()

  // Made-up figures (rows marked status=sample, such as the bundled sample's): whether a
  // province's month total rests on one, and whether any of its parts (countries, sectors) is one.
  // Bitmaps laid out as `known`; both empty when the data holds no sample row.
  [[nodiscard]] bool sample_total(Stream stream, ProvinceId province, Period month) const;
  [[nodiscard]] bool sample_parts(Stream stream, ProvinceId province, Period month) const;
  [[nodiscard]] bool has_sample() const { return !sample_totals.empty(); }
  std::vector<std::vector<bool>> sample_totals;
  std::vector<std::vector<bool>> sample_part_bits;
};

}  // namespace kexport
