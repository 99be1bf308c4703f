#include "xlsx/xlsx_sheet_rows.hpp"

#include <fmt/format.h>

#include <charconv>

#include "kexport/model/error.hpp"
#include "kexport/model/parallel.hpp"

namespace kexport::input {
namespace {

// Workers beside the caller, and how many pieces may be on their way at once.
unsigned workers_for(unsigned threads) {
  const unsigned count = thread_count(threads);
  return count > 1 ? count : 0;
}

}  // namespace

XlsxSheetRows::XlsxSheetRows(const XlsxWorkbook& workbook, const XlsxSheet& sheet, std::uint64_t& hidden_rows,
                             unsigned threads, std::size_t piece_bytes)
    : BufferedSheetRows(workbook.file() + "[" + sheet.name + "]", hidden_rows),
      archive_(workbook.archive()),
      part_(sheet.part),
      names_{name_, workbook.file() + ": " + sheet.part},
      cutter_(workbook.archive(), sheet.part, piece_bytes),
      pipeline_([this] { return cutter_.next(); },
                [this, &workbook](RowPiece& piece) { return parse_row_piece(piece, workbook, names_); },
                workers_for(threads), 2 * std::size_t{workers_for(threads)} + 2) {}

void XlsxSheetRows::number(SheetRow& row) {
  const std::uint64_t next = last_row_ + 1;
  if (row.number != 0 && row.number < next)
    throw DataError(
        {name_, row.number, 0, true},
        fmt::format("row {} after row {}; expected rows in order, as spreadsheet programs write them",
                    row.number, last_row_));
  if (row.number == 0) row.number = next;
  last_row_ = row.number;
}

namespace {

// "AB12" as its 0-based column and its row; nothing for another text.
std::optional<std::pair<std::size_t, std::uint64_t>> cell_reference(std::string_view text) {
  const std::size_t column = column_of(text);
  const std::size_t letters = text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  std::uint64_t row = 0;
  if (column == 0 || column > XlsxSheetRows::max_columns || letters == std::string_view::npos)
    return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data() + letters, text.data() + text.size(), row);
  if (ec != std::errc{} || end != text.data() + text.size() || row == 0) return std::nullopt;
  return std::pair{column - 1, row};
}

}  // namespace

void XlsxSheetRows::find_merged(std::vector<MergedRange>& into) const {
  ZipArchive::Entry entry(archive_, part_);
  constexpr std::string_view tag = "<mergeCell ";
  constexpr std::size_t keep = 256;  // a tag cut at a piece's end is read whole with the next
  std::string text;
  std::vector<char> piece(std::size_t{1} << 20);
  for (std::size_t got; (got = entry.read(piece.data(), piece.size())) > 0;) {
    text.append(piece.data(), got);
    std::size_t searched = 0;
    for (std::size_t at; (at = text.find(tag, searched)) != std::string::npos;) {
      const std::size_t close = text.find('>', at);
      if (close == std::string::npos) break;
      searched = close;
      const std::string_view element(text.data() + at, close - at);
      const std::size_t ref = element.find("ref=\"");
      if (ref == std::string_view::npos) continue;
      const std::string_view value = element.substr(ref + 5, element.find('"', ref + 5) - (ref + 5));
      const std::size_t colon = value.find(':');
      if (colon == std::string_view::npos) continue;
      const auto first = cell_reference(value.substr(0, colon));
      const auto last = cell_reference(value.substr(colon + 1));
      if (first && last && last->second > first->second && last->first >= first->first)
        into.push_back({first->second, last->second, first->first, last->first});
    }
    text.erase(0, std::max(searched, text.size() > keep ? text.size() - keep : std::size_t{0}));
  }
}

bool XlsxSheetRows::read_more() {
  if (problem_) throw problem_();
  std::optional<ParsedRows> parsed = pipeline_.next();
  if (!parsed) return false;
  for (SheetRow& row : parsed->rows) {
    number(row);
    completed_.push_back(std::move(row));
  }
  hidden_rows_ += parsed->hidden_rows;
  if (parsed->problem) {
    SheetRow row;
    row.number = parsed->problem_row;
    number(row);
    problem_ = [make = std::move(parsed->problem), at = row.number] { return make(at); };
  }
  return true;
}

}  // namespace kexport::input
