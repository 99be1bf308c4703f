// The formats kexport reads, one row each. Detection, the checks of a file's bytes against its
// name, the choice of loader, the directory listing and every message or help text that names the
// extensions read all come from this table: a new format is one row here and one folder beside it.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "kexport/model/gazetteer.hpp"

namespace kexport::input {

struct Extension {
  std::string_view suffix;  // lower case, with its dot
  // A file name's extension in lower case, with its dot ("B.CSV" is a CSV file too); empty for none.
  std::string lower_extension(std::string_view name);
  // Whether a directory's files with it are read; the others are read only when named.
  bool from_directories = true;
};

struct FormatRow {
  InputFormat format = InputFormat::automatic;
  std::span<const Extension> extensions;
  // Text: read with other text files at once, and one province's records may be kept alone.
  bool is_text = false;
  // Whether the bytes look like this format, for a file whose name says nothing (standard input,
  // an unknown extension). Rows are asked in order; the last (CSV) takes anything.
  bool (*sniff)(std::string_view bytes) = nullptr;
  // The bytes decide among the workbook formats whatever the extension says: sites serve .xlsx
  // and .ods workbooks named .xls.
  bool workbook_bytes_decide = false;
  // Refuses bytes that disagree with the format the name gave, before a loader misreads them.
  void (*check)(const InputFile& file) = nullptr;
  void (*load)(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
               const LoadOptions& options) = nullptr;
};

const FormatRow& format_row(InputFormat format);
// The row of a lower-case extension (with its dot), or null.
const FormatRow* row_of_extension(std::string_view suffix);
// A file name's extension in lower case, with its dot ("B.CSV" is a CSV file too); empty for none.
std::string lower_extension(std::string_view name);
// Whether a directory's file with this lower-case extension is read.
bool read_from_directories(std::string_view suffix);

}  // namespace kexport::input
