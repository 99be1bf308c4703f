// libFuzzer target: any bytes through a loader. Malformed input must end in a kexport::Error
// (a clear message and an exit code), never a crash, a hang or a sanitizer report.
// Built once per format with -DKEXPORT_FUZZ_FORMAT=csv|json|jsonl.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"

#define KEXPORT_STR2(x) #x
#define KEXPORT_STR(x) KEXPORT_STR2(x)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string format = KEXPORT_STR(KEXPORT_FUZZ_FORMAT);
  const kexport::InputFormat kind = format == "json"    ? kexport::InputFormat::json
                                    : format == "jsonl" ? kexport::InputFormat::jsonl
                                                        : kexport::InputFormat::csv;
  kexport::InputFile file("fuzz." + format, std::string(reinterpret_cast<const char*>(data), size), kind);
  load_and_answer(file);
  return 0;
}
