// libFuzzer target: workbooks. Mutating a zip's compressed bytes rarely reaches the XML, so the
// input is the parts themselves — a sheet's XML and its shared strings, separated by a line
// "----" — packed into a workbook here; an input that starts with "PK" is taken as a whole file,
// to reach the zip layer too. Malformed input must end in a kexport::Error, never a crash, a hang
// or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "input/xlsx/xlsx_sheet_rows.hpp"
#include "zip_pack.hpp"

namespace {

const char* const content_types =
    R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
const char* const root_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/)"
    R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)";
const char* const workbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
    R"(<sheet name="Sayfa1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* const workbook_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/)"
    R"(worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" )"
    R"(Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" )"
    R"(Target="sharedStrings.xml"/></Relationships>)";

// A workbook of the given parts.
std::string pack(const std::string& sheet, const std::string& strings) {
  return pack_zip({{"[Content_Types].xml", content_types},
                   {"_rels/.rels", root_rels},
                   {"xl/workbook.xml", workbook},
                   {"xl/_rels/workbook.xml.rels", workbook_rels},
                   {"xl/worksheets/sheet1.xml", sheet},
                   {"xl/sharedStrings.xml", strings}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string bytes = input;
  if (!input.starts_with("PK")) {
    const auto cut = input.find("\n----\n");
    bytes = pack(input.substr(0, cut), cut == std::string::npos ? std::string() : input.substr(cut + 6));
  }
  kexport::InputFile file("fuzz.xlsx", std::move(bytes), kexport::InputFormat::xlsx);
  load_and_answer(file);
  // The sheet's rows again, cut into pieces of a few bytes, so that mutations meet the cuts.
  try {
    const kexport::input::XlsxWorkbook book(file.view(), file.name);
    for (const auto& sheet : book.sheets()) {
      std::uint64_t hidden_rows = 0;
      kexport::input::XlsxSheetRows rows(book, sheet, hidden_rows, 1, 7);
      std::vector<std::string_view> cells;
      while (rows.next(cells)) {
      }
    }
  } catch (const kexport::Error&) {
    // A documented failure: fine.
  }
  return 0;
}
