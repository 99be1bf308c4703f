#include "xlsx/xlsx_sheet_rows.hpp"

#include <fmt/format.h>

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
