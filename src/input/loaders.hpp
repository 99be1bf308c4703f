// The format-specific loaders behind load_dataset().
#pragma once

#include "io/decode.hpp"

#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "kexport/model/gazetteer.hpp"

namespace kexport::input {

void load_csv(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
              const LoadOptions& options);
// JSON and JSON Lines: records of the common flat shape are read by a reader of their own
// (json_flat.hpp), the rest by the general parser; `general_only` reads all with the general
// parser (the tests compare the two).
enum class JsonReader { flat_where_possible, general_only };
void load_json(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
               const LoadOptions& options, JsonReader reader = JsonReader::flat_where_possible);
void load_json_lines(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
                     const LoadOptions& options, JsonReader reader = JsonReader::flat_where_possible);
// An Office Open XML workbook (.xlsx, .xlsm): each sheet that holds a table, as a file of its own.
void load_xlsx(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
               const LoadOptions& options);
// An Excel 97–2003 workbook (.xls), the same way.
void load_xls(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
              const LoadOptions& options);
// An OpenDocument spreadsheet (.ods), the same way.
void load_ods(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
              const LoadOptions& options);

// Text checks shared by every loader: strips a UTF-8 byte order mark and refuses bytes that are
// not UTF-8 text (NUL bytes, invalid sequences), naming the line and column of the first one.
DecodedText checked_text(const InputFile& file);

}  // namespace kexport::input
