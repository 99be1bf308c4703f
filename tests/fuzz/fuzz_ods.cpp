// libFuzzer target: OpenDocument spreadsheets. The input is content.xml, packed here with the
// mimetype and manifest LibreOffice writes; an input that starts with "PK" is taken as a whole
// file, to reach the zip layer too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "zip_pack.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string bytes = input;
  if (!input.starts_with("PK"))
    bytes = pack_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                      {"META-INF/manifest.xml",
                       R"(<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:)"
                       R"(opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" )"
                       R"(manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>)"
                       R"(</manifest:manifest>)"},
                      {"content.xml", input}});
  kexport::InputFile file("fuzz.ods", std::move(bytes), kexport::InputFormat::ods);
  load_and_answer(file);
  return 0;
}
