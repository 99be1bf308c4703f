// libFuzzer target: any bytes through a loader. Malformed input must end in a kexport::Error
// (a clear message and an exit code), never a crash, a hang or a sanitizer report.
// Built once per format with -DKEXPORT_FUZZ_FORMAT=csv|json|jsonl.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kexport/error.hpp"
#include "kexport/load.hpp"
#include "kexport/summary.hpp"

#define KEXPORT_STR2(x) #x
#define KEXPORT_STR(x) KEXPORT_STR2(x)

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string format = KEXPORT_STR(KEXPORT_FUZZ_FORMAT);
  const kexport::InputFormat kind = format == "json"    ? kexport::InputFormat::json
                                    : format == "jsonl" ? kexport::InputFormat::jsonl
                                                        : kexport::InputFormat::csv;
  kexport::InputFile file("fuzz." + format, std::string(reinterpret_cast<const char*>(data), size), kind);
  for (const bool collect : {false, true}) {
    kexport::LoadOptions options;
    options.collect_problems = collect;
    try {
      const kexport::Dataset loaded = kexport::load_dataset({file}, options);
      // What loaded must also answer a question without failing in unexpected ways.
      kexport::SummaryQuery query;
      query.province = "Kayseri";
      (void)kexport::compute_summary(loaded, kexport::Gazetteer::builtin(), query);
    } catch (const kexport::Error&) {
      // A documented failure: fine.
    }
  }
  return 0;
}
