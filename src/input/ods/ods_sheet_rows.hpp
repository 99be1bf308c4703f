// A sheet of an .ods spreadsheet as rows of cells, streamed from content.xml (which holds every
// sheet; the ones before it are parsed past, not kept). Cells come as their text — strings as
// their paragraphs joined by line breaks, numbers as their stored value (office:value), dates as
// the month they fall in (YYYY-MM), booleans as TRUE/FALSE, error results as shown (#DIV/0!) —
// at their column. Repeated cells and rows (table:number-columns-repeated, -rows-repeated) are
// expanded only where they hold something: the million empty rows LibreOffice writes under a
// table cost nothing.
#pragma once

#include <memory>
#include <string>

#include "archive/workbook_part.hpp"
#include "ods/ods_workbook.hpp"
#include "table/sheet_row_buffer.hpp"

namespace kexport::input {

class OdsSheetRows final : public BufferedSheetRows {
 public:
  // LibreOffice's limits: a sheet beyond them is not one it wrote.
  static constexpr std::size_t max_columns = 16'384;
  static constexpr std::uint64_t max_rows = 1'048'576;

  OdsSheetRows(const OdsWorkbook& workbook, std::size_t sheet, std::uint64_t& hidden_rows);
  ~OdsSheetRows() override;
  OdsSheetRows(const OdsSheetRows&) = delete;
  OdsSheetRows& operator=(const OdsSheetRows&) = delete;

 private:
  class Handler;
  bool read_more() override;

  std::unique_ptr<Handler> handler_;
  std::unique_ptr<XmlPart> part_;
};

}  // namespace kexport::input
