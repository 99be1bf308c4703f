// What every loading fuzz target does with its file: load it (stopping at the first problem, and
// collecting them all as validate does), then ask it a question. Malformed input must end in a
// kexport::Error — a clear message and an exit code — never a crash, a hang or a sanitizer report.
#pragma once

#include "kexport/compute/summary.hpp"
#include "kexport/input/load.hpp"
#include "kexport/model/error.hpp"

inline void load_and_answer(const kexport::InputFile& file) {
  for (const bool collect : {false, true}) {
    kexport::LoadOptions options;
    options.collect_problems = collect;
    // One thread: inputs are small, and starting a sheet's workers for each would take most of
    // the time; the tests marked [parallel] check the threads under ThreadSanitizer.
    options.threads = 1;
    try {
      const kexport::Dataset loaded = kexport::load_dataset({file}, options);
      kexport::SummaryQuery query;
      query.province = 38;  // Kayseri
      (void)kexport::compute_summary(loaded, kexport::Gazetteer::builtin(), query);
    } catch (const kexport::Error&) {
      // A documented failure: fine.
    }
  }
}
