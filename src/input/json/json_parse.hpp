// What the JSON readers share: the general parser's entry point and the flat reader's, the
// handler's line counting and header matching. Private to the input layer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json/json_flat.hpp"
#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "table/record_interpreter.hpp"

namespace kexport::input {

// Counts lines up to increasing offsets in one pass over the text.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  // Counting from `offset`, which is on line `line` (from 1).
  LineCounter(std::string_view text, std::size_t offset, std::uint64_t line)
      : text_(text), offset_(offset), line_(line) {}
  std::uint64_t line_at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_)
      return std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1;
    line_ +=
        static_cast<std::uint64_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(offset_),
                                              text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    offset_ = offset;
    return line_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::uint64_t line_ = 1;
};

enum class Shape { records_array, single_object };

// Keys repeat on every record of a file: each is matched against the known headers once.
class HeaderCache {
 public:
  std::optional<HeaderMatch> match(std::string_view key) {
    for (const auto& [known, found] : entries_)
      if (known == key) return found;
    const std::optional<HeaderMatch> found = match_header(key);
    if (entries_.size() < 64) entries_.emplace_back(std::string(key), found);
    return found;
  }

 private:
  std::vector<std::pair<std::string, std::optional<HeaderMatch>>> entries_;
};

// Parses `text` (a JSON file, or one JSON Lines line whose line number from 0 is `base_line`) with
// nlohmann's SAX parser, adding its records; DataError for the first problem, with its position.
void parse(std::string_view text, std::size_t base_line, const InputFile& file,
           RecordInterpreter& interpreter, DatasetBuilder& builder, const LoadOptions& options, Shape shape,
           LineCounter& lines, HeaderCache& headers);

class RecordHandler;

// JSON Lines lines of the common shape (read_flat_record's `members`), given to the handler the
// general parser drives — one handler for all the lines of a stretch, set to each in turn.
class FlatLineParser {
 public:
  FlatLineParser(const InputFile& file, RecordInterpreter& interpreter, DatasetBuilder& builder,
                 const LoadOptions& options, HeaderCache& headers);
  ~FlatLineParser();
  FlatLineParser(const FlatLineParser&) = delete;
  FlatLineParser& operator=(const FlatLineParser&) = delete;

  // The line `text`, whose line number from 0 is `base_line`. False when the handler objects
  // before the record is complete: the general parser then reads the line again and says why in
  // its words.
  bool parse(std::string_view text, const std::vector<FlatMember>& members, std::size_t base_line,
             LineCounter& lines);

 private:
  const char* cursor_ = nullptr;
  LineCounter no_line_yet_{std::string_view()};  // the handler's until the first line
  std::unique_ptr<RecordHandler> handler_;
};

}  // namespace kexport::input
