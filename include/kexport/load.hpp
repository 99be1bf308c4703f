// Loaders: files in, one Dataset out. Parsers take bytes, so tests and fuzzers feed them directly;
// read_input() is the only function that touches the disk.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kexport/amount.hpp"
#include "kexport/dataset.hpp"

namespace kexport {

enum class InputFormat { automatic, csv, json, jsonl };
enum class TextEncoding { utf8, windows1254 };

struct LoadOptions {
  bool skip_bad_rows = false;        // carry on past malformed rows, counting and listing them
  std::size_t skipped_to_list = 20;  // how many skipped rows to keep for the report
  // Collect every malformed row into LoadedFile::problems instead of stopping (validate).
  bool collect_problems = false;
  // Overrides of what is otherwise detected per file.
  std::optional<DecimalStyle> decimal;
  std::optional<ValueUnit> unit;
  std::optional<TextEncoding> encoding;
  // The source of rows that do not name one (--source).
  std::optional<std::string> source;
};

// One input, already in memory.
struct InputFile {
  std::string name;  // for messages: the path as given, or "-"
  std::string bytes;
  InputFormat format = InputFormat::automatic;
};

// Reads a path: a file, a directory (its .csv, .json and .jsonl files, sorted by name, not
// recursive), or "-" for standard input. Throws Error(no_input) when missing or unreadable.
std::vector<InputFile> read_input(const std::string& path);

// Parses the files in order into one dataset. A record that a later file repeats replaces the
// earlier one (a revision); the same record twice in one file is a DataError.
Dataset load_dataset(const std::vector<InputFile>& files, const LoadOptions& options = {});

// The format a file's name or content suggests.
InputFormat detect_format(const InputFile& file);

}  // namespace kexport
