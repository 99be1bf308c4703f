#include "bulletin/tim_sector_bulletin.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "bulletin/bulletin_cells.hpp"
#include "kexport/model/text.hpp"

namespace kexport::input {
namespace {

constexpr std::size_t sector_search_limit = 10;

// "I. TARIM" (a main group, 1), "A. BİTKİSEL ÜRÜNLER" (a sub-group, 2), or a sector (0).
int group_level(std::string_view label) {
  const std::size_t dot = label.find(". ");
  if (dot == std::string_view::npos || dot == 0 || dot > 4) return 0;
  const std::string_view mark = label.substr(0, dot);
  if (std::all_of(mark.begin(), mark.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; }))
    return 1;
  if (mark.size() == 1 && mark[0] >= 'A' && mark[0] <= 'Z') return 2;
  return 0;
}

struct SectorRow {
  int level = 0;
  std::string label;
  std::uint64_t line = 0;
  std::array<std::optional<Cents>, 12> months{};
  std::optional<Cents> total;
};

class SectorBulletinReader {
 public:
  SectorBulletinReader(const SectorBulletinLayout& layout, ValueUnit unit, const Gazetteer& gazetteer,
                       DatasetBuilder& builder)
      : layout_(layout), unit_(unit), gazetteer_(gazetteer), builder_(builder) {}

  void read(RowSource& rows) {
    file_ = rows.file_name();
    std::vector<std::string_view> cells;
    while (rows.next(cells)) {
      if (is_blank(cells)) continue;
      if (auto problem = rows.row_problem()) throw *problem;
      const auto cell = [&](std::size_t i) { return i < cells.size() ? trim(cells[i]) : std::string_view(); };
      SectorRow row;
      row.label = std::string(without_indent(cell(layout_.label_column)));
      row.line = rows.row_line();
      for (std::size_t m = 0; m < 12; ++m)
        if (const auto& column = layout_.month_columns[m])
          row.months[m] = bulletin_amount(rows, *column, cell(*column), unit_);
      if (layout_.total_column)
        row.total = bulletin_amount(rows, *layout_.total_column, cell(*layout_.total_column), unit_);
      if (row.label.empty()) {
        if (std::any_of(row.months.begin(), row.months.end(), [](auto& c) { return c.has_value(); }))
          throw DataError(rows.location_of_cell(layout_.label_column),
                          "a row of amounts without its sector; expected a sector's name or TOPLAM");
        ++builder_.current_file().note_rows;
        continue;
      }
      if (is_total_label(row.label)) {
        total_ = std::move(row);
        return;  // the table ends here; what follows is another table
      }
      row.level = group_level(row.label);
      if (row.level > 0) ++builder_.current_file().group_rows;
      rows_.push_back(std::move(row));
    }
    throw DataError(
        {file_, layout_.header_line, layout_.label_column + 1, true},
        "no TOPLAM row under the sectors; expected TİM's sector bulletin to end its table with one");
  }

  void check_and_add() {
    published_months();
    check_groups();
    check_year_totals();
    add_records();
  }

 private:
  [[nodiscard]] SourceLocation at(std::uint64_t line, std::size_t column) const {
    return {file_, line, column + 1, true};
  }
  [[nodiscard]] Period month(std::size_t m) const {
    return Period::from_year_month(layout_.year, static_cast<int>(m) + 1);
  }

  // A month is published when its TOPLAM says more than 0; in any other, a figure is refused.
  void published_months() {
    const int dated_month = layout_.vintage ? vintage_month(*layout_.vintage) : 12;
    for (std::size_t m = 0; m < 12; ++m) {
      const auto& column = layout_.month_columns[m];
      published_[m] = column && total_.months[m] && *total_.months[m] > 0;
      if (published_[m] && static_cast<int>(m) + 1 > dated_month)
        throw DataError(at(total_.line, *column),
                        fmt::format("a total for {}, after the date the title gives ({}); expected months "
                                    "up to that date",
                                    month_text(month(m)), vintage_iso(*layout_.vintage)));
      if (published_[m] || !column) continue;
      for (const SectorRow& row : rows_)
        if (row.months[m] && *row.months[m] != 0)
          throw DataError(at(row.line, *column),
                          fmt::format("a figure for {}, whose TOPLAM says it is not published ({}); expected "
                                      "0 for every sector of a month not yet published",
                                      month_text(month(m)), total_.months[m] ? "0" : "blank"));
      builder_.current_file().notes.push_back({FileNote::Kind::template_month, 0, month(m).iso()});
    }
  }

  // The sectors under each group add up to it, and the main groups (else the sectors) to the total.
  void check_groups() {
    std::uint64_t checked = 0;
    for (std::size_t m = 0; m < 12; ++m) {
      if (!published_[m]) continue;
      const std::size_t column = *layout_.month_columns[m];
      const auto check = [&](const SectorRow& group, Cents sum, std::int64_t terms) {
        const Cents stated = group.months[m].value_or(0);
        if (std::llabs(stated - sum) > terms)
          throw DataError(
              at(group.line, column),
              fmt::format("{} for {} is {} thousand $ but its parts add up to {}; expected "
                          "them to agree",
                          group.label, month_text(month(m)), thousands_text(stated), thousands_text(sum)));
      };
      Cents mains = 0, sectors = 0;
      std::int64_t main_count = 0, sector_count = 0;
      for (std::size_t i = 0; i < rows_.size(); ++i) {
        const SectorRow& row = rows_[i];
        if (row.level == 0) {
          sectors = checked_add(sectors, row.months[m].value_or(0));
          ++sector_count;
          continue;
        }
        if (row.level == 1) {
          mains = checked_add(mains, row.months[m].value_or(0));
          ++main_count;
        }
        Cents members = 0;
        std::int64_t count = 0;
        for (std::size_t j = i + 1; j < rows_.size() && (rows_[j].level == 0 || rows_[j].level > row.level);
             ++j)
          if (rows_[j].level == 0) {
            members = checked_add(members, rows_[j].months[m].value_or(0));
            ++count;
          }
        check(row, members, count);
      }
      const Cents total = *total_.months[m];
      if (main_count > 0 && std::llabs(total - mains) > main_count) check(total_, mains, main_count);
      check(total_, sectors, sector_count);
      ++checked;
    }
    if (checked > 0)
      builder_.current_file().notes.push_back({FileNote::Kind::group_sums_checked, checked, {}});
  }

  // The TOPLAM column against the published months: a difference is worth a look, not an error.
  void check_year_totals() {
    if (!layout_.total_column) return;
    const auto check = [&](const SectorRow& row) {
      if (!row.total) return;
      Cents months = 0;
      for (std::size_t m = 0; m < 12; ++m)
        if (published_[m]) months = checked_add(months, row.months[m].value_or(0));
      if (std::llabs(*row.total - months) > 12)
        builder_.current_file().total_mismatches.push_back(
            {at(row.line, *layout_.total_column), thousands_text(*row.total), *row.total, months});
    };
    for (const SectorRow& row : rows_) check(row);
    check(total_);
  }

  void add_records() {
    const SourceId source = builder_.source("TİM");
    std::size_t sectors = 0;
    const auto add = [&](const SectorRow& row, std::uint8_t chapter) {
      for (std::size_t m = 0; m < 12; ++m) {
        if (!published_[m] || !row.months[m]) continue;
        RecordKey key;
        key.source = source;
        key.province = national_total;
        key.chapter = chapter;
        key.month = month(m);
        builder_.add(key, *row.months[m], static_cast<std::uint32_t>(row.line));
      }
    };
    for (const SectorRow& row : rows_) {
      if (row.level != 0) continue;
      add(row, bulletin_sector(row.label, gazetteer_, builder_));
      ++sectors;
    }
    add(total_, all_chapters);
    std::optional<std::size_t> latest;
    for (std::size_t m = 0; m < 12; ++m)
      if (published_[m]) latest = m;
    builder_.current_file().notes.insert(
        builder_.current_file().notes.begin(),
        {FileNote::Kind::bulletin, 0,
         fmt::format("sector|{}|0|{}", latest ? month(*latest).iso() : "", sectors)});
  }

  const SectorBulletinLayout& layout_;
  ValueUnit unit_;
  const Gazetteer& gazetteer_;
  DatasetBuilder& builder_;
  std::string file_;
  std::vector<SectorRow> rows_;
  SectorRow total_;
  std::array<bool, 12> published_{};
};

}  // namespace

std::optional<SectorBulletinLayout> recognise_sector_bulletin(RowSource& rows) {
  SectorBulletinLayout found;
  std::vector<std::string_view> cells;
  for (std::size_t index = 0; index < sector_search_limit && rows.next(cells); ++index) {
    std::size_t first = 0;
    while (first < cells.size() && trim(cells[first]).empty()) ++first;
    const auto month_at = [&](std::size_t i) -> std::optional<int> {
      if (i >= cells.size()) return std::nullopt;
      const std::string_view cell = trim(cells[i]);
      if (cell.empty() || (cell[0] >= '0' && cell[0] <= '9')) return std::nullopt;
      return parse_month(cell);
    };
    const bool header = first < cells.size() && fold_name(cells[first]) == "sektor" &&
                        month_at(first + 1) == 1 && month_at(first + 2) == 2;
    if (!header) {
      for (const std::string_view cell : cells)
        if (!trim(cell).empty()) found.title += std::string(trim(cell)) + " ";
      continue;
    }
    found.label_column = first;
    found.header_line = rows.row_line();
    for (std::size_t i = first + 1; i < cells.size(); ++i) {
      const std::string_view cell = trim(cells[i]);
      if (cell.empty()) continue;
      const auto month = month_at(i);
      if (month && !found.month_columns[static_cast<std::size_t>(*month - 1)] && !found.total_column) {
        found.month_columns[static_cast<std::size_t>(*month - 1)] = i;
      } else if (is_total_label(cell) && !found.total_column) {
        found.total_column = i;
      } else {
        throw DataError(rows.location_of_cell(i),
                        fmt::format("'{}' in the header of TİM's sector bulletin; expected the months "
                                    "OCAK to ARALIK, each once, then TOPLAM",
                                    excerpt(cell, 40)));
      }
    }
    found.vintage = text_vintage(found.title);
    if (found.vintage)
      found.year = vintage_year(*found.vintage);
    else if (const auto year = title_year(found.title))
      found.year = *year;
    else
      throw DataError(rows.location_of_cell(first),
                      "TİM's sector bulletin without its year: expected a dated title such as '28.02.2026 "
                      "TARİHİ İTİBARİYLE' above the header");
    return found;
  }
  return std::nullopt;
}

void read_sector_bulletin(const SectorBulletinLayout& layout, RowSource& rows, ValueUnit unit,
                          const Gazetteer& gazetteer, DatasetBuilder& builder) {
  SectorBulletinReader reader(layout, unit, gazetteer, builder);
  reader.read(rows);
  reader.check_and_add();
}

}  // namespace kexport::input
