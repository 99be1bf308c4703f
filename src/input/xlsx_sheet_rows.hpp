// A worksheet of an .xlsx workbook as rows of cells, its XML streamed from the archive: memory
// holds a piece of the XML and the rows it completed, never the sheet. Cells come as their text —
// shared and inline strings, numbers as stored, booleans as TRUE/FALSE, error values as written
// (#N/A), dates as the month they fall in (YYYY-MM) — at their column, gaps as empty cells.
#pragma once

#include <memory>
#include <string>

#include "sheet_row_buffer.hpp"
#include "workbook_part.hpp"
#include "xlsx_workbook.hpp"

namespace kexport::input {

class XlsxSheetRows final : public BufferedSheetRows {
 public:
  // Excel's limit: a reference beyond it is not a sheet Excel wrote.
  static constexpr std::size_t max_columns = 16'384;

  XlsxSheetRows(const XlsxWorkbook& workbook, const XlsxSheet& sheet, std::uint64_t& hidden_rows);
  ~XlsxSheetRows() override;
  XlsxSheetRows(const XlsxSheetRows&) = delete;
  XlsxSheetRows& operator=(const XlsxSheetRows&) = delete;

 private:
  class Handler;
  bool read_more() override;

  const XlsxWorkbook& workbook_;
  std::unique_ptr<Handler> handler_;
  std::unique_ptr<XmlPart> part_;
};

}  // namespace kexport::input
