// An RFC 4180 tokenizer over bytes in memory: quoted fields with delimiters, quotes and newlines,
// CRLF or LF. Fields are views into the input; only fields with escaped quotes are copied.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kexport/model/error.hpp"

namespace kexport {

// The 1-based line and column (in characters) of a byte offset in a text.
SourceLocation locate(std::string_view text, std::size_t offset, const std::string& file);

// The delimiter a CSV text most likely uses: of , ; and tab, the one seen most often on any one
// of its first 40 lines, outside quotes. ',' when none occurs.
char detect_delimiter(std::string_view text);

// Finds delimiters, line ends and quotes 64 bytes at a time: bits per byte of an aligned window,
// so that the fields of a line are found by counting bits rather than by testing bytes. Windows
// are scanned with AVX2 where the processor has it (chosen at run time; the build stays portable).
class SeparatorIndex {
 public:
  SeparatorIndex(std::string_view text, char delimiter);
  // The offset of the next delimiter or line end at or after `pos`, or the text's size.
  std::size_t next(std::size_t pos) { return find(pos, &Window::separators); }
  // The offset of the next double quote at or after `pos`, or the text's size.
  std::size_t next_quote(std::size_t pos) { return find(pos, &Window::quotes); }
  // How many line ends [begin, end) holds.
  std::uint64_t newlines(std::size_t begin, std::size_t end);

  // One bit per byte of a window: delimiters or line ends, quotes, line ends.
  struct Window {
    std::uint64_t separators = 0;
    std::uint64_t quotes = 0;
    std::uint64_t newlines = 0;
  };

 private:
  std::size_t find(std::size_t pos, std::uint64_t Window::*bits);
  void move_to(std::size_t base);

  std::string_view text_;
  char delimiter_;
  Window (*scan_)(const char* data, char delimiter);  // a whole 64-byte window
  std::size_t base_ = static_cast<std::size_t>(-1);   // the window's first offset, a multiple of 64
  Window window_;
};

// The ways SeparatorIndex scans a whole 64-byte window, named for tests that hold them to the
// byte-at-a-time reference; the index itself picks the widest the processor has.
namespace window_scans {
SeparatorIndex::Window bytes(const char* data, std::size_t size, char delimiter);
#if defined(__x86_64__)
SeparatorIndex::Window sse2(const char* data, char delimiter);
SeparatorIndex::Window avx2(const char* data, char delimiter);  // only where avx2_available()
bool avx2_available();
#endif
}  // namespace window_scans

class CsvReader {
 public:
  // Limits that keep a malformed file from taking memory out of proportion: a longer field or a
  // line with more fields is a DataError.
  static constexpr std::size_t max_field_bytes = 1 << 20;
  static constexpr std::size_t max_fields = 10'000;

  CsvReader(std::string_view text, char delimiter, std::string file_name);
  // Reads only the records that start in [begin, end) of the text, the first of them on line
  // `first_line`; the last may run past `end`. Locations still count from the start of the text.
  CsvReader(std::string_view text, char delimiter, std::string file_name, std::size_t begin, std::size_t end,
            std::uint64_t first_line);

  // Reads the next record into `fields`, skipping blank lines. False at the end of the text.
  // Throws DataError for an unterminated quoted field or text after a closing quote.
  bool next(std::vector<std::string_view>& fields);

  // Where the last record read starts, and where each of its fields starts, as byte offsets.
  [[nodiscard]] std::size_t record_offset() const { return record_offset_; }
  [[nodiscard]] std::size_t field_offset(std::size_t index) const { return starts_[index]; }
  // Where reading goes on: the byte offset and the line of the next record.
  [[nodiscard]] std::size_t position() const { return pos_; }
  [[nodiscard]] std::uint64_t line() const { return line_; }
  // The 1-based line the last record starts on.
  [[nodiscard]] std::uint64_t record_line() const { return record_line_; }

  [[nodiscard]] SourceLocation location_of_field(std::size_t index) const;
  [[nodiscard]] const std::string& file_name() const { return file_; }
  [[nodiscard]] std::string_view text() const { return text_; }

 private:
  // A field with "" inside: its unescaped copy in scratch_, set into the fields at the end (the
  // scratch buffer may move while the record is read).
  struct Unescaped {
    std::size_t field;
    std::size_t begin;
    std::size_t length;
  };
  [[noreturn]] void fail(std::size_t offset, const std::string& problem) const;

  std::string_view text_;
  char delimiter_;
  std::string file_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t line_ = 1;
  std::size_t record_offset_ = 0;
  std::uint64_t record_line_ = 0;
  std::vector<Unescaped> unescaped_;
  SeparatorIndex separators_;
  std::vector<std::size_t> starts_;
  std::string scratch_;
};

}  // namespace kexport
