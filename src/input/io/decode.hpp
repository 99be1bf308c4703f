// From a file's bytes to UTF-8 text: byte order marks, Windows-1254, and text that an earlier
// program decoded with the wrong code page.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kexport/input/load.hpp"

namespace kexport::input {

struct DecodedText {
  std::string_view text;  // UTF-8, without a byte order mark
  std::string owned;      // the storage when the text had to be converted
  TextEncoding encoding = TextEncoding::utf8;
  bool byte_order_mark = false;  // UTF-8 that starts with a BOM (stripped from `text`)
  // Line ends counted on the way: (offset, line ends before it), in offset order, so that a
  // reader starting in the middle knows its line number without counting again. Empty when the
  // text was converted.
  std::vector<std::pair<std::size_t, std::uint64_t>> line_ends;

  // The number of line ends before `offset`.
  [[nodiscard]] std::uint64_t line_ends_before(std::size_t offset) const;
};

// Detects and converts, checking a large text on `threads` threads (0: one per core). Text that is not valid
// UTF-8 is read as Windows-1254 (the Turkish code page) unless `forced` says UTF-8. Throws DataError for NUL
// bytes, for invalid UTF-8 when UTF-8 is forced, and for mojibake: Windows-1254 text misread as Latin-1
// ("KAYSERÝ") or UTF-8 read as Latin-1 ("Ä°zmir"), which would otherwise load as provinces and countries that
// do not exist.
DecodedText decode_text(const InputFile& file, std::optional<TextEncoding> forced, unsigned threads = 0);

// The offset of the first byte that does not begin a valid UTF-8 character, or npos.
std::size_t first_invalid_utf8(std::string_view text);

// Windows-1254 bytes to UTF-8.
std::string windows1254_to_utf8(std::string_view bytes);

}  // namespace kexport::input
