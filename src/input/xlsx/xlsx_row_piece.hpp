// A piece of a worksheet's rows (whole <row> elements, cut by RowPieceCutter) parsed on its own,
// by pugixml, into rows of cells as XlsxSheetRows gives them: shared and inline strings, numbers
// as stored, booleans as TRUE/FALSE, error values as written (#N/A), dates as the month they fall
// in (YYYY-MM), each at its column, gaps as empty cells.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kexport/model/error.hpp"
#include "table/sheet_row_buffer.hpp"
#include "xlsx/xlsx_row_pieces.hpp"
#include "xlsx/xlsx_workbook.hpp"

namespace kexport::input {

struct ParsedRows {
  // In order; number 0 where the row has no r attribute: the rows before it, perhaps in another
  // piece, number it.
  std::vector<SheetRow> rows;
  std::uint64_t hidden_rows = 0;
  // What is wrong with the row after `rows`, made into an error once its number is known.
  std::function<DataError(std::uint64_t row_number)> problem;
  std::uint64_t problem_row = 0;  // its r attribute, 0 where it has none
};

struct SheetNames {
  std::string sheet;  // "book.xlsx[Sheet]", for cells
  std::string part;   // "book.xlsx: xl/worksheets/sheet1.xml", for XML
};

// Throws DataError for XML that is not well formed, at its line and column in the part.
// Parses a piece on one line in place (its text is changed), and any other from a copy: a message's
// column on one line is the offset pugixml gives, while line ends may move in a text decoded in place.
// "C12" → column 3 (1-based); 0 when the reference has no letters, more than XlsxSheetRows::max_columns
// when it names a column past the last.
std::size_t column_of(std::string_view reference);

ParsedRows parse_row_piece(RowPiece& piece, const XlsxWorkbook& workbook, const SheetNames& names);

}  // namespace kexport::input
