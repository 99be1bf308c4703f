// An OpenDocument spreadsheet (.ods, LibreOffice's own format): its sheets, in the order and with
// the visibility content.xml gives them. The cells are read by OdsSheetRows.
#pragma once

#include <string>
#include <vector>

#include "archive/zip_archive.hpp"
#include "table/workbook_loader.hpp"

namespace kexport::input {

class OdsWorkbook {
 public:
  // The part that holds every sheet's cells.
  static constexpr const char* content_part = "content.xml";

  // Throws DataError naming the file for what is not a readable spreadsheet: another kind of
  // OpenDocument file, a document protected by a password, malformed XML.
  OdsWorkbook(std::string_view bytes, const std::string& file);

  [[nodiscard]] const std::vector<WorkbookSheet>& sheets() const { return sheets_; }
  [[nodiscard]] const ZipArchive& archive() const { return archive_; }
  [[nodiscard]] const std::string& file() const { return archive_.file(); }

 private:
  ZipArchive archive_;
  std::vector<WorkbookSheet> sheets_;
};

}  // namespace kexport::input
