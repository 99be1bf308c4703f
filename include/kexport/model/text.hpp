// Text helpers that know Turkish: folding names for matching, UTF-8 widths, edit distance.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kexport {

// A key for matching names as people type them: Turkish-aware lower case with the Turkish letters
// reduced to ASCII (İ I ı i -> i, Ş -> s, Ğ -> g, Ü -> u, Ö -> o, Ç -> c, â -> a) and everything
// but letters and digits removed. "KAYSERİ", "Kayseri ", "kayseri" and "KAYSERI" all fold to
// "kayseri"; "K.Maraş" folds to "kmaras".
std::string fold_name(std::string_view text);

// Upper case by Turkish rules (i -> İ, ı -> I): "Kayseri" -> "KAYSERİ".
std::string to_upper_tr(std::string_view text);

// Lower case by Turkish rules (I -> ı, İ -> i): "OCAK" -> "ocak", "ARALIK" -> "aralık".
std::string to_lower_tr(std::string_view text);

// The code points of UTF-8 text (bytes that are not UTF-8 read as Latin-1).
std::u32string to_code_points(std::string_view utf8);

// The columns a terminal gives UTF-8 text: 2 for East Asian wide and full-width characters and
// most emoji, 0 for combining marks, zero-width and format characters, 1 for the rest.
std::size_t display_width(std::string_view utf8);

// The longest start of the text that fits in `columns` (by display_width), on a character
// boundary, with "…" in its last column when it was cut.
std::string fit_width(std::string_view utf8, std::size_t columns);

// Text broken into lines of at most `columns` terminal columns at spaces (a word longer than a
// line stands alone on its own); the lines it already has are kept. 0 leaves it as it is.
std::string wrap_to_width(std::string_view utf8, std::size_t columns);

// Text safe to print anywhere: tabs, line ends and other C0 and C1 control characters, DEL and
// the bidirectional overrides (which reorder what a terminal shows) become a space (tab, line
// ends) or U+FFFD. With `keep_newlines`, '\n' is kept (multi-line prose).
std::string printable(std::string_view utf8, bool keep_newlines = false);

// Appends a code point to UTF-8 text.
void append_utf8(std::string& out, char32_t cp);

// The length (2 to 4) of the valid UTF-8 character that starts with the byte at `i` (0x80 or
// above), or 0 when it is not one: a stray continuation byte, a cut sequence, an overlong form, a
// surrogate or a code point past U+10FFFF. Inline: scanners call it for every non-ASCII character.
inline std::size_t utf8_sequence_length(const unsigned char* bytes, std::size_t i, std::size_t n) {
  const unsigned char c = bytes[i];
  std::size_t length = 0;
  char32_t min = 0;
  if ((c >> 5) == 0x6) {
    length = 2;
    min = 0x80;
  } else if ((c >> 4) == 0xE) {
    length = 3;
    min = 0x800;
  } else if ((c >> 3) == 0x1E) {
    length = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > n) return 0;
  char32_t cp = c & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    if ((bytes[i + k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (bytes[i + k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

// The text for a message: at most `limit` characters, cut on a character boundary, with "…" when
// cut. A 10 MB field never becomes a 10 MB error message.
std::string excerpt(std::string_view text, std::size_t limit = 60);

// Strips ASCII spaces and tabs (and a trailing CR) from both ends.
inline std::string_view trim(std::string_view text) {  // inline: called for most fields of a file
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

// Levenshtein distance on bytes of folded names: small and good enough for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace kexport
