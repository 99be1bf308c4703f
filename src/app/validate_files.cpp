#include "kexport/app/validate_files.hpp"

#include <algorithm>

#include "kexport/model/error.hpp"

namespace kexport {
namespace {

// Each sheet of a workbook is reported as a file of its own, with its own months, provinces and
// totals: the sheet is loaded alone for that. A sheet without a table, or a hidden one passed over,
// has only its note to say.
std::vector<FileValidation> describe_input(const InputFile& input, const Gazetteer& gazetteer,
                                           const LoadOptions& options) {
  Dataset whole = load_dataset({input}, options);
  if (whole.files.size() <= 1) return {describe_file(whole, gazetteer)};
  std::vector<FileValidation> sheets;
  for (const LoadedFile& sheet : whole.files) {
    const bool not_read = std::any_of(sheet.notes.begin(), sheet.notes.end(), [](const FileNote& n) {
      return n.kind == FileNote::Kind::no_table || n.kind == FileNote::Kind::hidden_sheet_skipped;
    });
    if (not_read) {
      FileValidation v;
      v.file = sheet;
      sheets.push_back(std::move(v));
      continue;
    }
    // "book.xlsx[Sheet]" → "Sheet"
    LoadOptions one = options;
    one.sheets = {sheet.name.substr(input.name.size() + 1, sheet.name.size() - input.name.size() - 2)};
    sheets.push_back(describe_file(load_dataset({input}, one), gazetteer));
  }
  return sheets;
}

}  // namespace

ValidationReport validate_inputs(const std::vector<InputFile>& files, const Gazetteer& gazetteer,
                                 const LoadOptions& base_options) {
  LoadOptions options = base_options;
  options.collect_problems = true;
  ValidationReport report;
  std::vector<InputFile> loaded;
  std::size_t tables = 0;  // files and sheets read: revisions between sheets count as between files
  for (const InputFile& input : files) {
    try {
      for (FileValidation& v : describe_input(input, gazetteer, options)) {
        if (v.file.layout) ++tables;
        report.files.push_back(std::move(v));
      }
      loaded.push_back(input);
    } catch (const Error& e) {
      report.files.push_back(failed_file(input.name, e.what(), false));
    }
  }
  if (tables > 1) describe_together(report, load_dataset(loaded, options));
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
