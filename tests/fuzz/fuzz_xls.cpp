// libFuzzer target: Excel 97–2003 workbooks. The input is the Workbook stream — BIFF8 records —
// wrapped here in a compound document with libgsf, so that mutations reach the records; an input
// that starts with the compound document signature is taken as a whole file, to reach libgsf's
// reading too.
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

namespace {

std::string compound_document(const std::string& stream) {
  GsfOutput* memory = gsf_output_memory_new();
  GsfOutfile* document = gsf_outfile_msole_new(memory);
  GsfOutput* workbook = gsf_outfile_new_child(document, "Workbook", FALSE);
  gsf_output_write(workbook, stream.size(), reinterpret_cast<const guint8*>(stream.data()));
  gsf_output_close(workbook);
  g_object_unref(workbook);
  gsf_output_close(GSF_OUTPUT(document));
  g_object_unref(document);
  const auto* bytes = gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(memory));
  std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(gsf_output_size(memory)));
  g_object_unref(memory);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string bytes =
      input.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") ? input : compound_document(input);
  kexport::InputFile file("fuzz.xls", std::move(bytes), kexport::InputFormat::xls);
  load_and_answer(file);
  return 0;
}
