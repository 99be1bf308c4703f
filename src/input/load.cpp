#include "kexport/input/load.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

#include "io/decode.hpp"
#include "kexport/model/csv_reader.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/parallel.hpp"
#include "kexport/model/text.hpp"
#include "loaders.hpp"

namespace kexport {

namespace {

bool is_zip(std::string_view bytes) {
  return bytes.starts_with("PK\x03\x04");
}
// An OLE2 compound document: an .xls workbook, or an .xlsx encrypted with a password.
bool is_compound_document(std::string_view bytes) {
  return bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}
// An OpenDocument package names its type in its first entry, stored uncompressed.
bool is_opendocument(std::string_view bytes) {
  return is_zip(bytes) && bytes.substr(30, 8) == "mimetype" &&
         bytes.substr(38, 46).starts_with("application/vnd.oasis.opendocument.spreadsheet");
}

std::string lower_extension(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || name.find('/', dot) != std::string::npos) return {};
  std::string ext = name.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// A file whose name and bytes disagree is refused before any loader misreads it.
void check_content(const InputFile& file, InputFormat format) {
  const std::string_view bytes = file.view();
  const bool workbook = format == InputFormat::xlsx || format == InputFormat::ods;
  if (workbook && !is_zip(bytes)) {
    if (bytes.empty())
      throw DataError({file.name, 0, 0},
                      "an empty file (0 bytes), not a workbook; expected the workbook as saved, "
                      "perhaps downloaded again");
    if (is_compound_document(bytes))
      throw DataError({file.name, 0, 0},
                      "a compound document, not a zip package: a workbook protected by a password, or an old "
                      ".xls named like a newer one; expected the workbook saved as .xlsx without a password");
    throw DataError({file.name, 0, 0},
                    "not a workbook: it starts like text (a CSV file named like a spreadsheet?); expected an "
                    ".xlsx or .ods file, or the file named .csv");
  }
  if (format == InputFormat::xls && bytes.empty())
    throw DataError({file.name, 0, 0},
                    "an empty file (0 bytes), not a workbook; expected the workbook as saved");
  if (format == InputFormat::xls && !is_compound_document(bytes))
    throw DataError(
        {file.name, 0, 0},
        "not an Excel workbook: it starts like text (an HTML table or CSV named .xls, as some sites "
        "export them?); expected an .xls workbook: open it in a spreadsheet program and save it "
        "as .xlsx, or name a CSV file .csv");
  const bool text = format == InputFormat::csv || format == InputFormat::json || format == InputFormat::jsonl;
  if (text && (is_zip(bytes) || is_compound_document(bytes)))
    throw DataError(
        {file.name, 0, 0},
        "a spreadsheet, not text (a workbook named like a CSV or JSON file?); expected text, or the "
        "workbook named .xlsx, .xls or .ods");
}

}  // namespace

InputFormat detect_format(const InputFile& file) {
  if (file.format != InputFormat::automatic) return file.format;
  const std::string ext = lower_extension(file.name);
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::jsonl;
  if (ext == ".json") return InputFormat::json;
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt") return InputFormat::csv;
  if (ext == ".xlsx" || ext == ".xlsm") return InputFormat::xlsx;
  if (ext == ".xlsb") return InputFormat::xlsb;
  if (ext == ".xls") {
    // Sites serve .xlsx workbooks named .xls; the bytes say which it is.
    if (is_opendocument(file.view())) return InputFormat::ods;
    return is_zip(file.view()) ? InputFormat::xlsx : InputFormat::xls;
  }
  if (ext == ".ods") return InputFormat::ods;
  // By content (standard input, unknown extensions): a zip package is a workbook; '[' opens JSON;
  // '{' opens JSON, or JSON Lines when the first line closes the object.
  if (is_opendocument(file.view())) return InputFormat::ods;
  if (is_zip(file.view())) return InputFormat::xlsx;
  if (is_compound_document(file.view())) return InputFormat::xls;
  std::string_view text = file.view();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  text = trim(text);
  if (text.starts_with("[")) return InputFormat::json;
  if (text.starts_with("{")) {
    const std::string_view first_line = trim(text.substr(0, text.find('\n')));
    return first_line.ends_with("}") && text.find('\n') != std::string_view::npos ? InputFormat::jsonl
                                                                                  : InputFormat::json;
  }
  return InputFormat::csv;
}

namespace input {

DecodedText checked_text(const InputFile& file) {
  // JSON is UTF-8 by definition (RFC 8259): no other encoding is guessed.
  return decode_text(file, TextEncoding::utf8);
}

}  // namespace input

namespace {

// One file, whatever its format, into the builder.
void load_file(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
               const LoadOptions& options) {
  const InputFormat format = detect_format(file);
  check_content(file, format);
  switch (format) {
    case InputFormat::json:
      input::load_json(file, gazetteer, builder, options);
      break;
    case InputFormat::jsonl:
      input::load_json_lines(file, gazetteer, builder, options);
      break;
    case InputFormat::csv:
    case InputFormat::automatic:
      input::load_csv(file, gazetteer, builder, options);
      break;
    case InputFormat::xlsx:
      input::load_xlsx(file, gazetteer, builder, options);
      break;
    case InputFormat::xlsb:
      throw DataError({file.name, 0, 0},
                      "a binary workbook (.xlsb), which kexport does not read; expected it saved as .xlsx");
    case InputFormat::ods:
      input::load_ods(file, gazetteer, builder, options);
      break;
    case InputFormat::xls:
      input::load_xls(file, gazetteer, builder, options);
      break;
  }
}

bool is_text(InputFormat format) {
  return format == InputFormat::csv || format == InputFormat::json || format == InputFormat::jsonl ||
         format == InputFormat::automatic;
}

// Files of text (a directory of monthly CSV files, say) read at once, each by a thread into its own
// builder, then taken over whole in their order: the dataset is the one a reading in order makes.
// A file that fails fails the load as it would in order: the first failing file's error is thrown.
void load_text_files_in_parallel(const std::vector<InputFile>& files, const Gazetteer& gazetteer,
                                 DatasetBuilder& builder, const LoadOptions& options) {
  std::vector<std::unique_ptr<DatasetBuilder>> parts(files.size());
  std::vector<std::exception_ptr> failures(files.size());
  for_each_parallel(files.size(), options.threads, [&](std::size_t i) {
    parts[i] = std::make_unique<DatasetBuilder>();
    if (const auto focus = builder.focus()) parts[i]->focus_on(*focus);
    try {
      load_file(files[i], gazetteer, *parts[i], options);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (failures[i]) std::rethrow_exception(failures[i]);
    builder.absorb_file(std::move(*parts[i]));
    parts[i].reset();
  }
}

// The files into `builder`: at once when there are several of text and cores to read them.
void load_files(const std::vector<InputFile>& files, DatasetBuilder& builder, const LoadOptions& options) {
  const Gazetteer& gazetteer = Gazetteer::builtin();
  if (files.size() > 1 && thread_count(options.threads) > 1 &&
      std::all_of(files.begin(), files.end(), [](const InputFile& f) { return is_text(detect_format(f)); })) {
    load_text_files_in_parallel(files, gazetteer, builder, options);
    return;
  }
  for (const InputFile& file : files) load_file(file, gazetteer, builder, options);
}

}  // namespace

Dataset load_dataset(const std::vector<InputFile>& files, const LoadOptions& options) {
  // Keeping only one province's records (and the others' monthly totals) is sound for tables of
  // text, whose files give each month once (checked: see DatasetBuilder::focus_on); a workbook's
  // sheets may repeat a month in other shapes.
  const bool tables_of_text =
      !files.empty() &&
      std::all_of(files.begin(), files.end(), [](const InputFile& f) { return is_text(detect_format(f)); });
  DatasetBuilder builder;
  if (options.focus_province && tables_of_text)
    if (auto province = Gazetteer::builtin().find_province(*options.focus_province))
      builder.focus_on(*province);
  if (options.totals_only && tables_of_text) builder.totals_only();
  load_files(files, builder, options);
  if (builder.focus_overlaps()) {
    // Two files gave the same month of another province (a revision, say): every record is kept.
    builder = DatasetBuilder();
    load_files(files, builder, options);
  }
  return std::move(builder).finish(options.collect_problems, options.threads);
}

std::vector<InputFile> read_inputs(const std::vector<std::string>& paths) {
  std::vector<InputFile> files;
  for (const std::string& path : paths) {
    auto more = read_input(path);
    files.insert(files.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return files;
}

Dataset load_paths(const std::vector<std::string>& paths, const LoadOptions& options) {
  return load_dataset(read_inputs(paths), options);
}

}  // namespace kexport
