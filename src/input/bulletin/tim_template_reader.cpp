#include "bulletin/tim_template_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "bulletin/bulletin_cells.hpp"
#include "kexport/model/text.hpp"

namespace kexport::input {
namespace {

// How many DEĞ. cells that the amounts do not give are listed; the rest are counted.
constexpr std::size_t change_mismatches_listed = 20;

// The two figures of a block in a row: the year before (slot 0) and the year (slot 1).
constexpr std::size_t slots_per_block = 2;

// One row of the sheet, or a province's TOPLAM rows added up.
struct Entry {
  ProvinceId province = national_total;
  CountryId country = all_countries;
  std::uint8_t sector = all_chapters;  // all_chapters: a TOPLAM row
  std::string place;                   // as written, for messages
  std::string sector_written;          // likewise
  std::uint64_t line = 0;              // the (first) row
  std::size_t rows = 1;
  std::vector<std::optional<Cents>> cells;  // slots_per_block per block
  [[nodiscard]] bool is_total() const { return sector == all_chapters; }
  [[nodiscard]] bool is_grand_total() const {
    return is_total() && province == national_total && country == all_countries;
  }
  [[nodiscard]] std::uint64_t key() const {
    return std::uint64_t{province} << 32 | std::uint64_t{country} << 8 | sector;
  }
};

// The same amount written twice (a month in two blocks, a rounding apart at most per month summed).
bool agrees(Cents a, Cents b, std::int64_t terms) {
  return std::llabs(a - b) <= terms;
}

// The digits after the point of a number as written: how finely it was rounded.
int decimals_of(std::string_view text) {
  const std::size_t point = text.find_first_of(".,");
  if (point == std::string_view::npos) return 0;
  std::size_t end = point + 1;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  return static_cast<int>(end - point - 1);
}

class TemplateReader {
 public:
  TemplateReader(const TimTemplate& layout, ValueUnit unit, const Gazetteer& gazetteer,
                 DatasetBuilder& builder)
      : layout_(layout), unit_(unit), gazetteer_(gazetteer), builder_(builder) {}

  void read(RowSource& rows) {
    file_ = rows.file_name();
    in_sheet_ = rows.is_sheet();
    std::vector<std::string_view> cells;
    while (rows.next(cells)) {
      if (is_blank(cells)) continue;
      if (is_note(cells)) {
        ++builder_.current_file().note_rows;
        continue;
      }
      if (auto problem = rows.row_problem()) throw *problem;
      read_row(rows, cells);
    }
  }

  void check_and_add() {
    check_totals();
    check_parts();
    const auto months = month_blocks();
    check_year_to_date(months);
    add_records(months);
    describe(months);
  }

 private:
  [[nodiscard]] SourceLocation at(std::uint64_t line, std::size_t column) const {
    return {file_, line, column + 1, in_sheet_};
  }
  [[nodiscard]] bool provinces() const { return layout_.places == TimTemplate::Places::provinces; }

  void read_row(const RowSource& rows, const std::vector<std::string_view>& cells) {
    const auto cell = [&](std::size_t i) { return i < cells.size() ? trim(cells[i]) : std::string_view(); };
    const std::string_view sector = without_indent(cell(layout_.sector_column));
    const std::string_view place = cell(layout_.place_column);
    Entry entry;
    entry.line = rows.row_line();
    entry.place = std::string(place);
    for (const TemplateBlock& block : layout_.blocks) {
      entry.cells.push_back(bulletin_amount(rows, block.previous_column, cell(block.previous_column), unit_));
      entry.cells.push_back(bulletin_amount(rows, block.column, cell(block.column), unit_));
    }
    if (sector.empty()) {
      if (place.empty() &&
          std::none_of(entry.cells.begin(), entry.cells.end(), [](auto& c) { return c.has_value(); }))
        return;  // a row of spacing
      throw DataError(rows.location_of_cell(layout_.sector_column),
                      "a row without its sector; expected a sector's name or TOPLAM");
    }
    const bool total = is_total_label(sector);
    if (place.empty() && !total)
      throw DataError(rows.location_of_cell(layout_.place_column),
                      fmt::format("a row of '{}' without its {}; expected a name or TOPLAM",
                                  excerpt(sector, 40), provinces() ? "province" : "country"));
    if (!place.empty() && !is_total_label(place)) {
      if (provinces()) {
        const auto province = gazetteer_.find_province(place);
        if (!province)
          throw DataError(rows.location_of_cell(layout_.place_column),
                          fmt::format("'{}' is not a province; expected one of Turkey's 81 provinces",
                                      excerpt(place, 40)));
        entry.province = *province;
        entry.place = std::string(gazetteer_.province_name(*province));
      } else if (const auto country = gazetteer_.find_country(place)) {
        entry.country = builder_.known_country(*country, place);
      } else {
        entry.country = builder_.unknown_country(place);  // a free zone, or a name kept as written
      }
    }
    if (!total) {
      entry.sector = bulletin_sector(sector, gazetteer_, builder_);
      entry.sector_written = std::string(sector);
    }
    check_changes(rows, cells, entry);
    merge(rows, std::move(entry));
  }

  // DEĞ. against the amounts beside it, as far as the digits it was written with tell.
  void check_changes(const RowSource& rows, const std::vector<std::string_view>& cells, const Entry& entry) {
    for (std::size_t b = 0; b < layout_.blocks.size(); ++b) {
      const auto& change_column = layout_.blocks[b].change_column;
      if (!change_column || *change_column >= cells.size()) continue;
      const std::string_view written = trim(cells[*change_column]);
      const auto& before = entry.cells[b * slots_per_block];
      const auto& now = entry.cells[b * slots_per_block + 1];
      if (written.empty() || is_nil_amount(written) || !before || !now || *before <= 0) continue;
      double ratio = 0;
      const auto parsed = std::from_chars(written.data(), written.data() + written.size(), ratio);
      if (parsed.ec != std::errc() || parsed.ptr != written.data() + written.size()) continue;
      ++changes_checked_;
      const double computed = static_cast<double>(*now - *before) / static_cast<double>(*before);
      const double tolerance = std::max(0.5 * std::pow(10.0, -decimals_of(written)), 1e-6) + 1e-9;
      if (std::fabs(ratio - computed) <= tolerance) continue;
      if (++change_mismatches_ <= change_mismatches_listed)
        builder_.current_file().notes.push_back(
            {FileNote::Kind::change_mismatch, 0,
             fmt::format("{}|{}|{:.4f}", rows.location_of_cell(*change_column).text(), written, computed)});
    }
  }

  // A province's TOPLAM written twice is added up (its parts add up); any other row twice is an error.
  void merge(const RowSource& rows, Entry entry) {
    const auto [it, inserted] = index_.try_emplace(entry.key(), entries_.size());
    if (inserted) {
      entries_.push_back(std::move(entry));
      return;
    }
    Entry& first = entries_[it->second];
    if (!first.is_total() || first.is_grand_total())
      throw DataError(rows.location_of_cell(layout_.sector_column),
                      fmt::format("a second row for {}, {} (the first is row {}); expected each once",
                                  entry.place.empty() ? "TOPLAM" : entry.place,
                                  entry.is_total() ? "TOPLAM" : entry.sector_written, first.line));
    for (std::size_t i = 0; i < first.cells.size(); ++i)
      if (entry.cells[i]) first.cells[i] = checked_add(first.cells[i].value_or(0), *entry.cells[i]);
    ++first.rows;
  }

  // Every province with sector rows has its TOPLAM; the sheet has its grand total.
  void check_totals() const {
    std::set<std::uint64_t> totals;
    bool grand = false;
    for (const Entry& e : entries_) {
      if (e.is_grand_total()) grand = true;
      if (e.is_total()) totals.insert(e.key());
    }
    for (const Entry& e : entries_) {
      if (!provinces() || e.is_total() || e.province == national_total) continue;
      Entry total = e;
      total.sector = all_chapters;
      if (!totals.contains(total.key()))
        throw DataError(at(e.line, layout_.place_column),
                        fmt::format("{} has sector rows but no TOPLAM row; expected each province's total "
                                    "in TİM's template",
                                    e.place));
    }
    if (!grand)
      throw DataError(
          at(entries_.empty() ? layout_.header_line : entries_.back().line, layout_.sector_column),
          "no grand total row (TOPLAM); expected TİM's template to hold Türkiye's total");
  }

  // A province's sectors never exceed its TOPLAM (a cent per sector aside, for rounding); what the
  // TOPLAM holds beyond them is TİM's remainder.
  void check_parts() {
    std::unordered_map<std::uint64_t, std::vector<std::pair<Cents, std::int64_t>>> sums;  // per total
    for (const Entry& e : entries_) {
      if (e.is_total()) continue;
      Entry total = e;
      total.sector = all_chapters;
      auto& sum = sums[total.key()];
      sum.resize(e.cells.size());
      for (std::size_t i = 0; i < e.cells.size(); ++i)
        if (e.cells[i]) sum[i] = {checked_add(sum[i].first, *e.cells[i]), sum[i].second + 1};
    }
    const std::size_t month_slot = current_month_slot();
    for (const Entry& e : entries_) {
      const auto found = e.is_total() ? sums.find(e.key()) : sums.end();
      if (found == sums.end()) continue;
      for (std::size_t i = 0; i < e.cells.size(); ++i) {
        const auto& [parts, count] = found->second[i];
        if (!e.cells[i] || count == 0) continue;
        if (parts > *e.cells[i] + count) {
          const TemplateBlock& block = layout_.blocks[i / slots_per_block];
          throw DataError(at(e.line, i % slots_per_block ? block.column : block.previous_column),
                          fmt::format("the TOPLAM of {} is less than the sum of its sectors ({} against {} "
                                      "thousand $); expected the total to hold them",
                                      e.place.empty() ? "Türkiye" : e.place, thousands_text(*e.cells[i]),
                                      thousands_text(parts)));
        }
        if (i == month_slot && *e.cells[i] > parts && provinces() && e.province != national_total) {
          ++remainders_;
          remainder_sum_ = checked_add(remainder_sum_, *e.cells[i] - parts);
        }
      }
    }
  }

  // The file's own month: the year's figure of the first block of a whole month.
  [[nodiscard]] std::size_t current_month_slot() const {
    for (std::size_t b = 0; b < layout_.blocks.size(); ++b)
      if (layout_.blocks[b].span.kind == SpanKind::month) return b * slots_per_block + 1;
    return static_cast<std::size_t>(-1);
  }

  // Which slot gives each month: the first block that holds it. A month a later block holds too
  // (January's month block and its year to date) is checked to agree.
  std::map<Period, std::size_t> month_blocks() const {
    std::map<Period, std::size_t> months;
    for (std::size_t b = 0; b < layout_.blocks.size(); ++b) {
      const TemplateBlock& block = layout_.blocks[b];
      const bool whole_month = block.span.kind == SpanKind::month ||
                               (block.span.kind == SpanKind::year_to_date && block.span.month == 1);
      if (!whole_month) continue;
      for (std::size_t slot = 0; slot < slots_per_block; ++slot) {
        const Period month =
            Period::from_year_month(slot ? block.year : block.previous_year, block.span.month);
        const std::size_t index = b * slots_per_block + slot;
        const auto [it, inserted] = months.try_emplace(month, index);
        if (inserted) continue;
        for (const Entry& e : entries_) {
          const auto &first = e.cells[it->second], &again = e.cells[index];
          if (first && again && !agrees(*first, *again, 1))
            throw DataError(
                at(e.line, slot ? block.column : block.previous_column),
                fmt::format("{} for {} is {} here and {} in the block of '{}'; expected the same "
                            "month to agree",
                            e.place.empty() ? "TOPLAM" : e.place, month_text(month), thousands_text(*again),
                            thousands_text(*first), layout_.blocks[it->second / slots_per_block].label));
        }
      }
    }
    return months;
  }

  // Each year to date equals the sum of its months, where the file holds them all.
  void check_year_to_date(const std::map<Period, std::size_t>& months) {
    for (std::size_t b = 0; b < layout_.blocks.size(); ++b) {
      const TemplateBlock& block = layout_.blocks[b];
      if (block.span.kind != SpanKind::year_to_date || block.span.month == 1) continue;
      for (std::size_t slot = 0; slot < slots_per_block; ++slot) {
        const int year = slot ? block.year : block.previous_year;
        std::vector<std::size_t> parts;
        for (int m = 1; m <= block.span.month; ++m)
          if (const auto found = months.find(Period::from_year_month(year, m)); found != months.end())
            parts.push_back(found->second);
        if (parts.size() != static_cast<std::size_t>(block.span.month)) continue;  // not all in the file
        for (const Entry& e : entries_) {
          const auto& stated = e.cells[b * slots_per_block + slot];
          Cents sum = 0;
          bool whole = true;
          for (const std::size_t p : parts) {
            if (e.cells[p])
              sum = checked_add(sum, *e.cells[p]);
            else
              whole = false;
          }
          if (!stated || !whole) continue;
          if (!agrees(*stated, sum, static_cast<std::int64_t>(parts.size())))
            throw DataError(
                at(e.line, slot ? block.column : block.previous_column),
                fmt::format("the year to date of {}{} ({} thousand $, '{}') is not the sum of its "
                            "months ({} thousand $); expected them to agree",
                            e.place.empty() ? "Türkiye" : e.place,
                            e.is_total() ? "" : ", " + e.sector_written, thousands_text(*stated), block.label,
                            thousands_text(sum)));
          ++year_to_date_checked_;
        }
      }
    }
  }

  void add_records(const std::map<Period, std::size_t>& months) {
    const SourceId source = builder_.source("TİM");
    for (const auto& [month, slot] : months)
      for (const Entry& e : entries_) {
        if (!e.cells[slot]) continue;
        RecordKey key;
        key.source = source;
        key.province = e.province;
        key.country = e.country;
        key.chapter = e.sector;
        key.month = month;
        builder_.add(key, *e.cells[slot], static_cast<std::uint32_t>(e.line));
      }
  }

  // What validate says of the file: which bulletin, its month, and the checks made.
  void describe(const std::map<Period, std::size_t>& months) const {
    LoadedFile& report = builder_.current_file();
    std::set<std::uint64_t> places;
    std::set<std::uint8_t> sectors;
    for (const Entry& e : entries_) {
      if (e.province != national_total || e.country != all_countries)
        places.insert(std::uint64_t{e.province} << 16 | e.country);
      if (!e.is_total()) sectors.insert(e.sector);
    }
    const std::optional<Period> latest =
        months.empty() ? std::nullopt : std::optional(months.rbegin()->first);
    report.notes.insert(report.notes.begin(),
                        {FileNote::Kind::bulletin, 0,
                         fmt::format("{}|{}|{}|{}", provinces() ? "province_sector" : "country_sector",
                                     latest ? latest->iso() : "", places.size(), sectors.size())});
    for (const TemplateBlock& block : layout_.blocks) {
      const char* why = block.span.kind == SpanKind::day             ? "day"
                        : block.span.kind == SpanKind::part_of_month ? "part_of_month"
                        : block.span.kind == SpanKind::other_range   ? "other_range"
                                                                     : nullptr;
      if (why)
        report.notes.push_back({FileNote::Kind::block_not_read, 0, fmt::format("{}|{}", block.label, why)});
    }
    for (const Entry& e : entries_)
      if (e.rows > 1) report.notes.push_back({FileNote::Kind::totals_summed, e.rows, e.place});
    if (remainders_ > 0) {
      const std::size_t slot = current_month_slot();
      const TemplateBlock& block = layout_.blocks[slot / slots_per_block];
      report.notes.push_back(
          {FileNote::Kind::remainders, remainders_,
           fmt::format("{}|{}", Period::from_year_month(block.year, block.span.month).iso(),
                       remainder_sum_)});
    }
    if (year_to_date_checked_ > 0)
      report.notes.push_back({FileNote::Kind::year_to_date_checked, year_to_date_checked_, {}});
    if (changes_checked_ > 0) report.notes.push_back({FileNote::Kind::change_checked, changes_checked_, {}});
  }

  const TimTemplate& layout_;
  ValueUnit unit_;
  const Gazetteer& gazetteer_;
  DatasetBuilder& builder_;
  std::string file_;
  bool in_sheet_ = true;
  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::size_t> index_;
  std::uint64_t changes_checked_ = 0, change_mismatches_ = 0, year_to_date_checked_ = 0, remainders_ = 0;
  Cents remainder_sum_ = 0;
};

}  // namespace

void read_tim_template(const TimTemplate& layout, RowSource& rows, ValueUnit unit, const Gazetteer& gazetteer,
                       DatasetBuilder& builder) {
  TemplateReader reader(layout, unit, gazetteer, builder);
  reader.read(rows);
  reader.check_and_add();
}

}  // namespace kexport::input
