// An Excel 97–2003 workbook (.xls: BIFF8 records in the "Workbook" stream of a compound
// document): its sheets, shared strings, date formats and date system, and each sheet's cells.
// Cells come as the other formats give them — text as written, numbers as the shortest decimal
// that is the stored double (what Excel writes in .xlsx: 291804236.45, never 291804236.44999999),
// dates as their month (YYYY-MM), booleans as TRUE/FALSE, error values as shown (#N/A), formulas
// as the result Excel stored with them. A sheet is at most 65,536 rows of 256 cells, so it is read
// whole.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "table/sheet_row_buffer.hpp"
#include "table/workbook_loader.hpp"

namespace kexport::input {

class XlsWorkbook {
 public:
  static constexpr std::size_t max_rows = 65'536;
  static constexpr std::size_t max_columns = 256;

  // Throws DataError naming the file for what is not a readable BIFF8 workbook: an older BIFF
  // version, a workbook protected by a password, an .xlsx encrypted inside a compound document,
  // damaged records.
  XlsWorkbook(std::string_view bytes, const std::string& file);

  [[nodiscard]] const std::vector<WorkbookSheet>& sheets() const { return sheets_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  // The sheet's rows that hold a cell, in order; `hidden_rows` counts those of them hidden.
  // The sheet's rows, and into `merged` its ranges of cells merged down over several rows.
  [[nodiscard]] std::vector<SheetRow> read_sheet(std::size_t sheet, std::uint64_t& hidden_rows,
                                                 std::vector<MergedRange>& merged) const;

 private:
  void read_globals();

  std::string file_;
  std::string stream_;  // the Workbook stream
  std::vector<WorkbookSheet> sheets_;
  std::vector<std::uint32_t> sheet_offsets_;
  std::vector<std::string> strings_;  // the shared string table
  std::vector<bool> date_formats_;    // by cell format (XF) index
  bool date1904_ = false;
};

}  // namespace kexport::input
