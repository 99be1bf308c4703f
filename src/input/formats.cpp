#include "formats.hpp"

#include <algorithm>
#include <array>

#include "kexport/model/error.hpp"
#include "kexport/model/text.hpp"
#include "loaders.hpp"

namespace kexport::input {
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
// Any other zip package is taken for an Office Open XML workbook.
bool is_other_zip(std::string_view bytes) {
  return is_zip(bytes) && !is_opendocument(bytes);
}

std::string_view text_start(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  return trim(bytes);
}
// '{' opens JSON Lines when the first line closes the object and another line follows.
bool is_json_lines(std::string_view bytes) {
  const std::string_view text = text_start(bytes);
  if (!text.starts_with("{")) return false;
  const auto line_end = text.find('\n');
  return line_end != std::string_view::npos && trim(text.substr(0, line_end)).ends_with("}");
}
bool is_json(std::string_view bytes) {
  const std::string_view text = text_start(bytes);
  return text.starts_with("[") || (text.starts_with("{") && !is_json_lines(bytes));
}

[[noreturn]] void refuse(const InputFile& file, const std::string& what) {
  throw DataError({file.name, 0, 0}, what);
}

void check_zip_workbook(const InputFile& file) {
  const std::string_view bytes = file.view();
  if (is_zip(bytes)) return;
  if (bytes.empty())
    refuse(
        file,
        "an empty file (0 bytes), not a workbook; expected the workbook as saved, perhaps downloaded again");
  if (is_compound_document(bytes))
    refuse(file,
           "a compound document, not a zip package: a workbook protected by a password, or an old .xls named "
           "like a newer one; expected the workbook saved as .xlsx without a password");
  refuse(
      file,
      "not a workbook: it starts like text (a CSV file named like a spreadsheet?); expected an .xlsx or .ods "
      "file, or the file named .csv");
}

void check_xls(const InputFile& file) {
  const std::string_view bytes = file.view();
  if (bytes.empty()) refuse(file, "an empty file (0 bytes), not a workbook; expected the workbook as saved");
  if (!is_compound_document(bytes))
    refuse(
        file,
        "not an Excel workbook: it starts like text (an HTML table or CSV named .xls, as some sites export "
        "them?); expected an .xls workbook: open it in a spreadsheet program and save it as .xlsx, or name a "
        "CSV file .csv");
}

void check_text(const InputFile& file) {
  const std::string_view bytes = file.view();
  if (is_zip(bytes) || is_compound_document(bytes))
    refuse(
        file,
        "a spreadsheet, not text (a workbook named like a CSV or JSON file?); expected text, or the workbook "
        "named .xlsx, .xls or .ods");
}

void refuse_xlsb(const InputFile& file, const Gazetteer&, DatasetBuilder&, const LoadOptions&) {
  refuse(file, "a binary workbook (.xlsb), which kexport does not read; expected it saved as .xlsx");
}

void load_json_array(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
                     const LoadOptions& options) {
  load_json(file, gazetteer, builder, options);
}
void load_json_records(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
                       const LoadOptions& options) {
  load_json_lines(file, gazetteer, builder, options);
}

constexpr Extension ods_extensions[] = {{".ods"}};
constexpr Extension xlsx_extensions[] = {{".xlsx"}, {".xlsm"}};
constexpr Extension xls_extensions[] = {{".xls"}};
constexpr Extension xlsb_extensions[] = {{".xlsb", false}};
constexpr Extension jsonl_extensions[] = {{".jsonl"}, {".ndjson"}};
constexpr Extension json_extensions[] = {{".json"}};
// .txt is read when named: too many directories hold notes by that name.
constexpr Extension csv_extensions[] = {{".csv"}, {".tsv"}, {".txt", false}};

// In the order messages list them. No two sniffs take the same bytes, so the order does not
// decide a format; CSV has none: it is what the bytes are when they are nothing else.
const std::array<FormatRow, 7> format_table{{
    {InputFormat::csv, csv_extensions, true, nullptr, false, check_text, load_csv},
    {InputFormat::json, json_extensions, true, is_json, false, check_text, load_json_array},
    {InputFormat::jsonl, jsonl_extensions, true, is_json_lines, false, check_text, load_json_records},
    {InputFormat::xlsx, xlsx_extensions, false, is_other_zip, false, check_zip_workbook, load_xlsx},
    {InputFormat::xls, xls_extensions, false, is_compound_document, true, check_xls, load_xls},
    {InputFormat::ods, ods_extensions, false, is_opendocument, false, check_zip_workbook, load_ods},
    {InputFormat::xlsb, xlsb_extensions, false, nullptr, false, nullptr, refuse_xlsb},
}};

InputFormat by_content(std::string_view bytes, bool workbooks_only, InputFormat otherwise) {
  for (const FormatRow& row : format_table)
    if (row.sniff && (!workbooks_only || !row.is_text) && row.sniff(bytes)) return row.format;
  return otherwise;
}

}  // namespace

std::string lower_extension(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || name.find('/', dot) != std::string_view::npos) return {};
  std::string ext(name.substr(dot));
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

const FormatRow& format_row(InputFormat format) {
  for (const FormatRow& row : format_table)
    if (row.format == format) return row;
  return format_table.front();  // automatic: CSV, as by_content ends
}

namespace {

// The row and the entry of a lower-case extension, or nulls.
std::pair<const FormatRow*, const Extension*> find_extension(std::string_view suffix) {
  for (const FormatRow& row : format_table)
    for (const Extension& extension : row.extensions)
      if (extension.suffix == suffix) return {&row, &extension};
  return {nullptr, nullptr};
}

}  // namespace

const FormatRow* row_of_extension(std::string_view suffix) {
  return find_extension(suffix).first;
}

bool read_from_directories(std::string_view suffix) {
  const Extension* extension = find_extension(suffix).second;
  return extension != nullptr && extension->from_directories;
}

}  // namespace kexport::input

namespace kexport {

InputFormat detect_format(const InputFile& file) {
  if (file.format != InputFormat::automatic) return file.format;
  const std::string_view bytes = file.view();
  if (const input::FormatRow* row = input::row_of_extension(input::lower_extension(file.name)))
    return row->workbook_bytes_decide ? input::by_content(bytes, true, row->format) : row->format;
  return input::by_content(bytes, false, InputFormat::csv);
}

std::vector<std::string_view> extensions_read() {
  std::vector<std::string_view> out;
  for (const input::FormatRow& row : input::format_table)
    for (const input::Extension& extension : row.extensions)
      if (extension.from_directories) out.push_back(extension.suffix);
  return out;
}

std::string extensions_read_text(std::string_view last_joiner) {
  const std::vector<std::string_view> all = extensions_read();
  std::string text;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0) text += i + 1 == all.size() ? last_joiner : std::string_view(", ");
    text += all[i];
  }
  return text;
}

}  // namespace kexport
