#include "bulletin/tim_template.hpp"

#include <fmt/format.h>

#include "kexport/model/text.hpp"
#include "table/header_cells.hpp"

namespace kexport::input {
namespace {

// How many records from the top are searched for the header: TİM's is the fourth row.
constexpr std::size_t template_search_limit = 10;

bool is_change_header(std::string_view cell) {
  const std::string folded = fold_name(cell);
  return folded == "deg" || folded == "degisim" || folded == "degisimorani" || folded == "degyuzde";
}

// The header's place column: ILLER, İL, ULKE, ÜLKELER.
std::optional<TimTemplate::Places> places_of(std::string_view cell) {
  const std::string folded = fold_name(cell);
  if (folded == "iller" || folded == "il") return TimTemplate::Places::provinces;
  if (folded == "ulke" || folded == "ulkeler") return TimTemplate::Places::countries;
  return std::nullopt;
}

// The blocks of the header row: each a year, the year after it and DEĞ.; a block closes at DEĞ.,
// and a year repeated starts a new one.
std::vector<TemplateBlock> blocks_of(const std::vector<std::string_view>& cells, std::size_t first,
                                     const RowSource& rows) {
  std::vector<TemplateBlock> blocks;
  std::optional<TemplateBlock> open;
  std::size_t years = 0;
  const auto close = [&](std::size_t at) {
    if (!open) return;
    if (years < 2)
      throw DataError(rows.location_of_cell(at),
                      fmt::format("a block with one year ({}); expected the year before and the year, "
                                  "then DEĞ.",
                                  open->previous_year));
    blocks.push_back(*open);
    open.reset();
    years = 0;
  };
  for (std::size_t i = first; i < cells.size(); ++i) {
    const std::string_view cell = trim(cells[i]);
    if (cell.empty()) {
      close(i);
      continue;
    }
    if (is_change_header(cell)) {
      if (!open || years < 2)
        throw DataError(rows.location_of_cell(i),
                        "DEĞ. without the two years before it; expected the year before, the year, DEĞ.");
      open->change_column = i;
      close(i);
      continue;
    }
    const auto year = year_cell(cell);
    if (!year)
      throw DataError(rows.location_of_cell(i),
                      fmt::format("'{}' in a block of TİM's template; expected a year (the year before, "
                                  "then the year) or DEĞ.",
                                  excerpt(cell, 40)));
    if (open && years == 2) close(i);
    if (open && years == 1) {
      if (*year != open->previous_year + 1)
        throw DataError(rows.location_of_cell(i),
                        fmt::format("{} after {}; expected the year after it", *year, open->previous_year));
      open->year = *year;
      open->column = i;
      years = 2;
      continue;
    }
    open = TemplateBlock{};
    open->previous_year = *year;
    open->previous_column = i;
    years = 1;
  }
  close(cells.empty() ? 0 : cells.size() - 1);
  return blocks;
}

// Each label of the row above the header belongs to the block whose columns it stands over.
void label_blocks(std::vector<TemplateBlock>& blocks, const std::vector<std::string_view>& labels,
                  const RowSource& label_row, std::uint64_t label_line, std::size_t header_first) {
  std::vector<bool> labelled(blocks.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string_view text = trim(labels[i]);
    if (text.empty()) continue;
    SourceLocation at = label_row.location_of_cell(i);
    at.line = label_line;
    if (i < header_first) continue;  // over the labels' columns: part of the title
    std::optional<std::size_t> block;
    for (std::size_t b = 0; b < blocks.size() && !block; ++b)
      if (i >= blocks[b].first_column() && i <= blocks[b].last_column()) block = b;
    if (!block)
      throw DataError(at, fmt::format("a period label ('{}') over no block of years; expected each label "
                                      "over the block it names",
                                      excerpt(text, 40)));
    if (labelled[*block])
      throw DataError(at, fmt::format("a second period label ('{}') over the block of '{}'; expected one "
                                      "label per block",
                                      excerpt(text, 40), blocks[*block].label));
    const auto label = parse_period_label(text);
    if (!label)
      throw DataError(at, fmt::format("'{}' is not a period; expected a label such as '1 - 28 ŞUBAT', "
                                      "'1 OCAK - 28 ŞUBAT' or '31 OCAK'",
                                      excerpt(text, 40)));
    TemplateBlock& target = blocks[*block];
    target.label = std::string(text);
    target.label_at = at;
    target.span = span_of(*label, target.previous_year, target.year);
    labelled[*block] = true;
  }
  for (std::size_t b = 0; b < blocks.size(); ++b)
    if (!labelled[b]) {
      SourceLocation at = label_row.location_of_cell(blocks[b].first_column());
      at.line = label_line;
      throw DataError(at, fmt::format("no period label over the block of {} and {}; expected one such "
                                      "as '1 - 28 ŞUBAT' in the row above the years",
                                      blocks[b].previous_year, blocks[b].year));
    }
}

}  // namespace

std::optional<TimTemplate> recognise_tim_template(RowSource& rows) {
  TimTemplate found;
  std::vector<std::string_view> cells;
  // The rows above the header, kept: the labels are in the last of them that holds anything.
  std::vector<std::vector<std::string>> above;
  std::vector<std::uint64_t> above_lines;
  for (std::size_t index = 0; index < template_search_limit && rows.next(cells); ++index) {
    std::size_t first = 0;
    while (first < cells.size() && trim(cells[first]).empty()) ++first;
    const bool header = first + 2 < cells.size() && fold_name(cells[first]) == "sektor" &&
                        places_of(cells[first + 1]) && year_cell(trim(cells[first + 2]));
    if (!header) {
      if (!is_blank(cells)) {
        above.emplace_back(cells.begin(), cells.end());
        above_lines.push_back(rows.row_line());
      }
      continue;
    }
    found.places = *places_of(cells[first + 1]);
    found.sector_column = first;
    found.place_column = first + 1;
    found.header_line = rows.row_line();
    found.blocks = blocks_of(cells, first + 2, rows);
    if (above.empty())
      throw DataError(rows.location_of_cell(first + 2),
                      "TİM's template without its row of period labels; expected labels such as '1 - 28 "
                      "ŞUBAT' in a row above the years");
    const std::vector<std::string> labels = above.back();
    std::vector<std::string_view> label_cells(labels.begin(), labels.end());
    label_blocks(found.blocks, label_cells, rows, above_lines.back(), first + 2);
    for (std::size_t r = 0; r + 1 < above.size(); ++r)
      for (const std::string& cell : above[r])
        if (!trim(cell).empty()) found.title += std::string(trim(cell)) + " ";
    found.vintage = text_vintage(found.title);
    return found;
  }
  return std::nullopt;
}

}  // namespace kexport::input
