#include "kexport/load.hpp"

#include <algorithm>

#include "decode.hpp"
#include "kexport/csv_reader.hpp"
#include "kexport/text.hpp"
#include "loaders.hpp"

namespace kexport {

InputFormat detect_format(const InputFile& file) {
  if (file.format != InputFormat::automatic) return file.format;
  const auto ends_with = [&](std::string_view suffix) { return file.name.ends_with(suffix); };
  if (ends_with(".jsonl") || ends_with(".ndjson")) return InputFormat::jsonl;
  if (ends_with(".json")) return InputFormat::json;
  if (ends_with(".csv") || ends_with(".tsv") || ends_with(".txt")) return InputFormat::csv;
  // By content (standard input, unknown extensions): '[' opens JSON; '{' opens JSON, or JSON
  // Lines when the first line closes the object.
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

std::string_view checked_text(const InputFile& file) {
  // JSON is UTF-8 by definition (RFC 8259): no other encoding is guessed.
  return decode_text(file, TextEncoding::utf8).text;
}

}  // namespace input

Dataset load_dataset(const std::vector<InputFile>& files, const LoadOptions& options) {
  const Gazetteer& gazetteer = Gazetteer::builtin();
  DatasetBuilder builder;
  if (options.focus_province && files.size() == 1)
    if (auto province = gazetteer.find_province(*options.focus_province)) builder.focus_on(*province);
  if (options.totals_only && files.size() == 1) builder.totals_only();
  for (const InputFile& file : files) {
    switch (detect_format(file)) {
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
    }
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
