#include "io/decode.hpp"

#include <fmt/format.h>

#include "io/bytes.hpp"
#include "kexport/model/parallel.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <vector>

#include <unistd.h>

#include "csv/csv_reader.hpp"
#include "kexport/model/text.hpp"

namespace kexport::input {
namespace {

// Windows-1254 0x80-0x9F (the rest of the high half is Latin-1 but for six Turkish letters).
// 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char16_t, 32> cp1254_80_9f = {
    u'€', 0,    u'‚', u'ƒ', u'„', u'…', u'†', u'‡', u'ˆ', u'‰', u'Š', u'‹', u'Œ', 0, 0, 0,
    0,    u'‘', u'’', u'“', u'”', u'•', u'–', u'—', u'˜', u'™', u'š', u'›', u'œ', 0, 0, u'Ÿ'};

char32_t cp1254(unsigned char byte) {
  if (byte < 0x80) return byte;
  if (byte < 0xA0) return cp1254_80_9f[byte - 0x80];
  switch (byte) {
    case 0xD0:
      return U'Ğ';
    case 0xDD:
      return U'İ';
    case 0xDE:
      return U'Ş';
    case 0xF0:
      return U'ğ';
    case 0xFD:
      return U'ı';
    case 0xFE:
      return U'ş';
    default:
      return byte;  // Latin-1
  }
}

// The word around an offset, for the message.
std::string_view word_at(std::string_view text, std::size_t offset) {
  const auto separator = [](char c) {
    return c == ',' || c == ';' || c == '\t' || c == '\n' || c == '"' || c == '\r';
  };
  std::size_t begin = offset, end = offset;
  while (begin > 0 && !separator(text[begin - 1])) --begin;
  while (end < text.size() && !separator(text[end])) ++end;
  return trim(text.substr(begin, std::min<std::size_t>(end - begin, 60)));
}

// Looks for the marks of mojibake in UTF-8 text. Returns the offset of the first, or npos.
// - Ý ý Þ þ Ð ð: Windows-1254's İ ı Ş ş Ğ ğ read as Latin-1. These letters are Icelandic and
//   Faroese; they do not occur in Turkish names.
// - Ã or Ä or Å followed by a character from U+0080-U+00BF: UTF-8 read as Latin-1 ("Ã¼" for ü,
//   "Ä°" for İ, "ÅŸ" for ş).
// Whether the UTF-8 text at `i` (a 0xC3 byte) starts a mark of mojibake.
bool mojibake_at(const unsigned char* text, std::size_t i, std::size_t n) {
  if (i + 1 >= n) return false;
  const unsigned char next = text[i + 1];
  if (next == 0x9D || next == 0xBD || next == 0x9E || next == 0xBE || next == 0x90 || next == 0xB0)
    return true;
  if ((next == 0x83 || next == 0x84 || next == 0x85) && i + 3 < n) {
    const unsigned char lead = text[i + 2];
    const unsigned char trail = text[i + 3];
    return (lead == 0xC2 || lead == 0xC5) && trail >= 0x80 && trail <= 0xBF;
  }
  return false;
}

std::size_t find_mojibake(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const void* hit = std::memchr(bytes + i, 0xC3, text.size() - 1 - i);
    if (hit == nullptr) break;
    i = static_cast<std::size_t>(static_cast<const unsigned char*>(hit) - bytes);
    if (mojibake_at(bytes, i, text.size())) return i;
  }
  // Windows-1254 read as Latin-1 and written as UTF-8 gives Ý (C3 9D) etc.; all caught above.
  return std::string_view::npos;
}

// The first byte that does not begin a valid UTF-8 character (overlong forms, surrogates and
// code points past U+10FFFF included), or the first mark of mojibake, and the line ends before
// it: one pass, sixteen ASCII bytes at a time.
struct TextScan {
  enum Kind { clean, not_utf8, mojibake } kind = clean;
  std::size_t offset = 0;
  std::uint64_t newlines = 0;
};

// Bits set in a 16-bit mask, by arithmetic: __builtin_popcount is a library call on the x86-64
// baseline, which has no popcnt instruction.
inline unsigned count_bits16(unsigned v) {
  v = v - ((v >> 1) & 0x5555u);
  v = (v & 0x3333u) + ((v >> 2) & 0x3333u);
  v = (v + (v >> 4)) & 0x0F0Fu;
  return (v + (v >> 8)) & 0x1Fu;
}

TextScan scan_text(std::string_view text, bool look_for_mojibake) {
  TextScan scan;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    if (i + 16 <= n) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const auto high = static_cast<unsigned>(_mm_movemask_epi8(bytes));
      const auto lines = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))));
      if (high == 0) {
        scan.newlines += count_bits16(lines);
        i += 16;
        continue;
      }
      const auto first = static_cast<unsigned>(__builtin_ctz(high));
      scan.newlines += count_bits16(lines & ((1u << first) - 1));
      i += first;
    }
#endif
    const unsigned char c = p[i];
    if (c < 0x80) {
      scan.newlines += c == '\n';
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(p, i, n);
    if (length == 0) {
      scan.kind = TextScan::not_utf8;
      scan.offset = i;
      return scan;
    }
    if (look_for_mojibake && c == 0xC3 && mojibake_at(p, i, n)) {
      scan.kind = TextScan::mojibake;
      scan.offset = i;
      return scan;
    }
    i += length;
  }
  return scan;
}

// The first thing wrong with a stretch of text, if any.
struct Finding {
  enum Kind { none, nul, not_utf8, mojibake } kind = none;
  std::size_t offset = 0;
  std::vector<std::pair<std::size_t, std::uint64_t>> line_ends;  // per block: (end, line ends in it)
};

[[noreturn]] void throw_finding(const InputFile& file, std::string_view text, const Finding& finding) {
  const SourceLocation where = locate(text, finding.offset, file.name);
  switch (finding.kind) {
    case Finding::nul:
      throw DataError(
          where, "a NUL byte; expected text (is this a spreadsheet or UTF-16 file? save it as CSV in UTF-8)");
    case Finding::not_utf8:
      throw DataError(where,
                      "a byte that is not UTF-8; expected UTF-8 text (or give --encoding windows-1254)");
    default:
      throw DataError(where,
                      "'" + std::string(word_at(text, finding.offset)) +
                          "' is garbled: Turkish text decoded with the wrong code page earlier (Ý for İ, "
                          "Þ for Ş, Ð for Ğ, Ã¼ for ü); expected the original file from its source, in "
                          "UTF-8 or Windows-1254");
  }
}

// A block's bytes, read a piece at a time through the file's descriptor into a buffer of this
// thread's, so that checking them maps none of their pages: on a machine where mapping a page
// costs a trap to the hypervisor, touching each page once (by the parse) rather than twice saves
// about a fifth of a large load. Pieces end before an ASCII byte, as blocks do, so that no
// character or mark of mojibake straddles two.
class TextPieceReader {
 public:
  TextPieceReader(const InputFile& file, std::string_view text) : file_(file), text_(text) {}

  // The bytes from `at`, up to `stop` (a block's end): at most a piece, read or, when the file
  // cannot be read so, mapped.
  std::string_view piece(std::size_t at, std::size_t stop) {
    constexpr std::size_t most = 1 << 20;
    if (!file_.descriptor) return mapped(at, stop);
    const std::size_t size = std::min(most, stop - at);
    buffer_.resize(most);
    std::size_t got = 0;
    while (got < size) {
      const auto n =
          ::pread(*file_.descriptor, buffer_.data() + got, size - got, static_cast<off_t>(at + got));
      if (n <= 0) return mapped(at, stop);
      got += static_cast<std::size_t>(n);
    }
    if (at + size == stop) return std::string_view(buffer_).substr(0, size);
    std::size_t end = size;
    while (end > 0 && static_cast<unsigned char>(buffer_[end - 1]) >= 0x80) --end;
    if (end == 0) return mapped(at, stop);  // a megabyte without an ASCII byte: read it mapped
    return std::string_view(buffer_).substr(0, end);
  }

  // The first offset from `at` on (up to `stop`) that holds an ASCII byte: where a block may end.
  std::size_t ascii_from(std::size_t at, std::size_t stop) {
    char bytes[64];
    while (at < stop) {
      const std::size_t want = std::min(sizeof bytes, stop - at);
      if (!file_.descriptor ||
          ::pread(*file_.descriptor, bytes, want, static_cast<off_t>(at)) != static_cast<ssize_t>(want)) {
        while (at < stop && static_cast<unsigned char>(text_[at]) >= 0x80) ++at;
        return at;
      }
      for (std::size_t i = 0; i < want; ++i)
        if (static_cast<unsigned char>(bytes[i]) < 0x80) return at + i;
      at += want;
    }
    return stop;
  }

 private:
  std::string_view mapped(std::size_t at, std::size_t stop) const { return text_.substr(at, stop - at); }

  const InputFile& file_;
  std::string_view text_;
  std::string buffer_;
};

// Checks [begin, end) in blocks, handing each block's pages back once checked (if it was read
// through the mapping). Mojibake is not looked for in text that is not UTF-8: that text is
// converted first and checked then. A NUL anywhere in a block is reported before what else is
// wrong in it, as saying more (a spreadsheet, UTF-16).
Finding check_text(const InputFile& file, std::string_view text, std::size_t begin, std::size_t end,
                   std::optional<TextEncoding> forced) {
  constexpr std::size_t block = 8 << 20;
  std::vector<std::pair<std::size_t, std::uint64_t>> line_ends;
  std::size_t released = begin;
  TextPieceReader reader(file, text);
  for (std::size_t at = begin; at < end;) {
    const std::size_t stop = reader.ascii_from(std::min(end, at + block), end);
    std::uint64_t newlines = 0;
    Finding found;
    for (std::size_t from = at; from < stop;) {
      const std::string_view part = reader.piece(from, stop);
      if (const auto nul = part.find('\0'); nul != std::string_view::npos)
        return {Finding::nul, from + nul, {}};
      if (found.kind == Finding::none) {
        const TextScan scan = scan_text(part, forced != TextEncoding::windows1254);
        if (scan.kind == TextScan::not_utf8) found = {Finding::not_utf8, from + scan.offset, {}};
        if (scan.kind == TextScan::mojibake) found = {Finding::mojibake, from + scan.offset, {}};
        newlines += scan.newlines;
      }
      from += part.size();
    }
    if (found.kind != Finding::none) return found;
    line_ends.emplace_back(stop, newlines);
    if (!file.descriptor) released += release_pages(file, text.substr(released, stop - released));
    at = stop;
  }
  return {Finding::none, 0, std::move(line_ends)};
}

}  // namespace

std::uint64_t DecodedText::line_ends_before(std::size_t offset) const {
  // The last block boundary at or before the offset, then the rest counted.
  auto it = std::upper_bound(line_ends.begin(), line_ends.end(), offset,
                             [](std::size_t at, const auto& entry) { return at < entry.first; });
  std::size_t from = 0;
  std::uint64_t count = 0;
  if (it != line_ends.begin()) {
    --it;
    from = it->first;
    count = it->second;
  }
  const std::string_view rest = text.substr(from, offset - from);
  return count + static_cast<std::uint64_t>(std::count(rest.begin(), rest.end(), '\n'));
}

std::size_t first_invalid_utf8(std::string_view text) {
  const TextScan scan = scan_text(text, false);
  return scan.kind == TextScan::clean ? std::string_view::npos : scan.offset;
}

std::string windows1254_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const char32_t cp = cp1254(static_cast<unsigned char>(c));
    append_utf8(out, cp == 0 ? U'\uFFFD' : cp);
  }
  return out;
}

DecodedText decode_text(const InputFile& file, std::optional<TextEncoding> forced, unsigned thread_count) {
  DecodedText decoded;
  std::string_view text = file.view();
  decoded.encoding = TextEncoding::utf8;
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    decoded.byte_order_mark = true;
    if (!forced) forced = TextEncoding::utf8;  // a BOM settles it
  }
  // One pass, split between the cores at ASCII bytes (no character or mojibake mark straddles
  // them): NUL bytes, UTF-8 validity and mojibake, each block's pages handed back once checked.
  const unsigned cores = text.size() >= (8u << 20) ? kexport::thread_count(thread_count) : 1u;
  std::vector<std::size_t> bounds = {0};
  for (unsigned k = 1; k < cores; ++k) {
    std::size_t at = std::max(bounds.back(), text.size() * k / cores);
    while (at < text.size() && static_cast<unsigned char>(text[at]) >= 0x80) ++at;
    bounds.push_back(at);
  }
  bounds.push_back(text.size());
  std::vector<Finding> findings(bounds.size() - 1);
  run_parallel(findings.size(), [&](std::size_t i) {
    findings[i] = check_text(file, text, bounds[i], bounds[i + 1], forced);
  });
  for (const Finding& finding : findings) {  // the first problem in the file wins
    if (finding.kind == Finding::none) continue;
    if (finding.kind == Finding::not_utf8 && forced != TextEncoding::utf8) {
      // Before its first byte that is not UTF-8 the text is UTF-8; if it holds letters beyond ASCII
      // there, they were written in UTF-8, and the file mixes two encodings (a line pasted from a
      // Windows-1254 file, say): no one code page reads it whole.
      const std::string_view before = text.substr(0, finding.offset);
      const auto beyond_ascii = std::find_if(before.begin(), before.end(),
                                             [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      if (beyond_ascii != before.end()) {
        const SourceLocation utf8_at =
            locate(text, static_cast<std::size_t>(beyond_ascii - before.begin()), file.name);
        throw DataError(
            locate(text, finding.offset, file.name),
            fmt::format("a byte that is not UTF-8, in a file written in UTF-8 before it ('{}' on line "
                        "{}): the file mixes two encodings; expected one throughout (save the lines "
                        "from here again as UTF-8)",
                        word_at(text, static_cast<std::size_t>(beyond_ascii - before.begin())),
                        utf8_at.line));
      }
      forced = TextEncoding::windows1254;
      break;
    }
    throw_finding(file, text, finding);
  }
  if (forced != TextEncoding::windows1254) {
    std::uint64_t total = 0;
    decoded.line_ends.emplace_back(0, 0);
    for (const Finding& finding : findings)
      for (const auto& [end, count] : finding.line_ends) decoded.line_ends.emplace_back(end, total += count);
  }
  if (forced == TextEncoding::windows1254) {
    decoded.owned = windows1254_to_utf8(text);
    decoded.text = decoded.owned;
    decoded.encoding = TextEncoding::windows1254;
    if (const auto mark = find_mojibake(decoded.text); mark != std::string_view::npos)
      throw_finding(file, decoded.text, {Finding::mojibake, mark, {}});
  } else {
    decoded.text = text;
  }
  return decoded;
}

}  // namespace kexport::input
