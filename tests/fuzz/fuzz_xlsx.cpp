// libFuzzer target: workbooks. Mutating a zip's compressed bytes rarely reaches the XML, so the
// input is the parts themselves — a sheet's XML and its shared strings, separated by a line
// "----" — packed into a workbook here; an input that starts with "PK" is taken as a whole file,
// to reach the zip layer too. Malformed input must end in a kexport::Error, never a crash, a hang
// or a sanitizer report.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

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

// A workbook of the given parts, stored uncompressed, as bytes.
std::string pack(const std::string& sheet, const std::string& strings) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_source_keep(buffer);
  const auto add = [&](const char* name, const std::string& text) {
    zip_source_t* part = zip_source_buffer(archive, text.data(), text.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name, part, ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  };
  const std::string parts[] = {content_types, root_rels, workbook, workbook_rels};
  add("[Content_Types].xml", parts[0]);
  add("_rels/.rels", parts[1]);
  add("xl/workbook.xml", parts[2]);
  add("xl/_rels/workbook.xml.rels", parts[3]);
  add("xl/worksheets/sheet1.xml", sheet);
  add("xl/sharedStrings.xml", strings);
  zip_close(archive);
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    char piece[1 << 14];
    zip_int64_t got = 0;
    while ((got = zip_source_read(buffer, piece, sizeof piece)) > 0)
      bytes.append(piece, static_cast<std::size_t>(got));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
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
  return 0;
}
