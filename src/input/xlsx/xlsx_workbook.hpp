// An Office Open XML workbook (.xlsx, .xlsm; transitional or Strict): its sheets, its shared
// strings, which cell styles show dates, and which date system it counts from. The sheets' cells
// are read by XlsxSheetRows.
#pragma once

#include <string>
#include <vector>

#include "archive/zip_archive.hpp"

namespace kexport::input {

struct XlsxSheet {
  std::string name;
  std::string part;  // "xl/worksheets/sheet1.xml"
  bool hidden = false;
};

class XlsxWorkbook {
 public:
  // Throws DataError naming the file for what is not a readable workbook: a binary workbook
  // (.xlsb), a part missing, malformed XML.
  XlsxWorkbook(std::string_view bytes, const std::string& file);

  [[nodiscard]] const std::vector<XlsxSheet>& sheets() const { return sheets_; }
  [[nodiscard]] const std::vector<std::string>& shared_strings() const { return shared_strings_; }
  // Whether cells of the style index show a date (a number format of days, months or years).
  [[nodiscard]] bool is_date_style(std::size_t style) const {
    return style < date_styles_.size() && date_styles_[style];
  }
  [[nodiscard]] bool dates_from_1904() const { return date1904_; }
  [[nodiscard]] const ZipArchive& archive() const { return archive_; }
  [[nodiscard]] const std::string& file() const { return archive_.file(); }

 private:
  void read_sheet_list(const std::string& workbook_part);
  void read_shared_strings(const std::string& part);
  void read_styles(const std::string& part);

  ZipArchive archive_;
  std::vector<XlsxSheet> sheets_;
  std::vector<std::string> shared_strings_;
  std::vector<bool> date_styles_;
  bool date1904_ = false;
};

}  // namespace kexport::input
