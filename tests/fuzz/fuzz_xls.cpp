// libFuzzer target: Excel 97–2003 workbooks. The input is the Workbook stream — BIFF8 records —
// wrapped here in a compound document with libgsf, so that mutations reach the records; an input
// that starts with the compound document signature is taken as a whole file, to reach libgsf's
// reading too.

#include <cstddef>
#include <cstdint>
#include <string>

#include "compound_document.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string bytes =
      input.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") ? input : compound_document(input);
  kexport::InputFile file("fuzz.xls", std::move(bytes), kexport::InputFormat::xls);
  load_and_answer(file);
  return 0;
}
