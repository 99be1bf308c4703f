#include "kexport/validate_files.hpp"

#include "kexport/error.hpp"

namespace kexport {

ValidationReport validate_inputs(const std::vector<InputFile>& files, const Gazetteer& gazetteer,
                                 const LoadOptions& base_options) {
  LoadOptions options = base_options;
  options.collect_problems = true;
  ValidationReport report;
  std::vector<InputFile> loaded;
  for (const InputFile& input : files) {
    try {
      report.files.push_back(describe_file(load_dataset({input}, options), gazetteer));
      loaded.push_back(input);
    } catch (const Error& e) {
      report.files.push_back(failed_file(input.name, e.what(), false));
    }
  }
  if (loaded.size() > 1) describe_together(report, load_dataset(loaded, options), gazetteer);
  return report;
}

ValidationReport validate_files(const InputListing& listing, const Gazetteer& gazetteer,
                                const LoadOptions& options) {
  std::vector<InputFile> inputs;
  std::vector<FileValidation> unreadable;
  for (const std::string& path : listing.files) {
    try {
      auto more = read_input(path);
      std::move(more.begin(), more.end(), std::back_inserter(inputs));
    } catch (const Error& e) {
      if (e.code() != ExitCode::no_input) throw;
      unreadable.push_back(failed_file(path, e.what(), true));
    }
  }
  ValidationReport report = validate_inputs(inputs, gazetteer, options);
  report.files.insert(report.files.end(), unreadable.begin(), unreadable.end());
  report.passed_over = listing.passed_over;
  return report;
}

}  // namespace kexport
