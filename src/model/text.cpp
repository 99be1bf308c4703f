#include "kexport/model/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace kexport {
namespace {

// Decodes one UTF-8 code point at `pos`, advancing it. Invalid bytes decode as themselves
// (a Latin-1 reading), so that folding never loses input it does not understand.
char32_t decode(std::string_view s, std::size_t& pos) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char lead = bytes[pos];
  const std::size_t length = lead < 0x80 ? 1 : utf8_sequence_length(bytes, pos, s.size());
  if (length <= 1) {
    ++pos;
    return lead;
  }
  char32_t cp = lead & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) cp = (cp << 6) | (bytes[pos + i] & 0x3F);
  pos += length;
  return cp;
}

// The ASCII letter a Latin letter folds to, or 0 when it is not one we fold.
// Deliberately absent: Ý Þ ð ý þ, the marks of Windows-1254 text misread as Latin-1, which must
// not match real names ("KAYSERÝ" is not Kayseri).
char fold_letter(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
    return 0;
  }
  switch (cp) {
    case U'İ':
    case U'ı':
    case U'Î':
    case U'î':
    case U'Í':
    case U'í':
    case U'Ì':
    case U'ì':
    case U'Ï':
    case U'ï':
      return 'i';
    case U'Ş':
    case U'ş':
      return 's';
    case U'Ğ':
    case U'ğ':
      return 'g';
    case U'Ü':
    case U'ü':
    case U'Û':
    case U'û':
    case U'Ú':
    case U'ú':
    case U'Ù':
    case U'ù':
      return 'u';
    case U'Ö':
    case U'ö':
    case U'Ó':
    case U'ó':
    case U'Ò':
    case U'ò':
    case U'Ô':
    case U'ô':
    case U'Õ':
    case U'õ':
      return 'o';
    case U'Ç':
    case U'ç':
      return 'c';
    case U'Â':
    case U'â':
    case U'Á':
    case U'á':
    case U'À':
    case U'à':
    case U'Ä':
    case U'ä':
    case U'Å':
    case U'å':
    case U'Ã':
    case U'ã':
      return 'a';
    case U'É':
    case U'é':
    case U'È':
    case U'è':
    case U'Ê':
    case U'ê':
    case U'Ë':
    case U'ë':
      return 'e';
    case U'Ñ':
    case U'ñ':
      return 'n';
    default:
      return 0;
  }
}

constexpr std::pair<char32_t, char32_t> turkish_case_pairs[] = {
    {U'i', U'İ'}, {U'ı', U'I'}, {U'ş', U'Ş'}, {U'ğ', U'Ğ'}, {U'ü', U'Ü'},
    {U'ö', U'Ö'}, {U'ç', U'Ç'}, {U'â', U'Â'}, {U'î', U'Î'}, {U'û', U'Û'}};

template <bool to_upper>
std::string change_case(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 4);
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = decode(text, pos);
    bool mapped = false;
    for (auto [lower, upper] : turkish_case_pairs) {
      if (cp == (to_upper ? lower : upper)) {
        cp = to_upper ? upper : lower;
        mapped = true;
        break;
      }
    }
    if (!mapped) {
      if (to_upper && cp >= 'a' && cp <= 'z') cp -= 'a' - 'A';
      if (!to_upper && cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    }
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace

std::string fold_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = decode(text, pos);
    if (char c = fold_letter(cp)) {
      out += c;
    } else if (cp >= 0x80) {
      append_utf8(out, cp);  // a letter we do not fold stays, so it cannot match by accident
    }
  }
  return out;
}

std::u32string to_code_points(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) out += decode(utf8, pos);
  return out;
}

std::string to_upper_tr(std::string_view text) {
  return change_case<true>(text);
}
std::string to_lower_tr(std::string_view text) {
  return change_case<false>(text);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// Columns of one code point, after Unicode's East Asian Width (W and F) and general categories
// Mn, Me and Cf, in ranges wide enough for the names data files carry.
int code_point_width(char32_t c) {
  struct Range {
    char32_t first, last;
  };
  static constexpr Range zero[] = {
      {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
      {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x0900, 0x0902}, {0x093C, 0x093C}, {0x0941, 0x0948},
      {0x094D, 0x094D}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
      {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x206F},
      {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF}};
  static constexpr Range wide[] = {
      {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
      {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
      {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
      {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F5},   {0x26FA, 0x26FD},
      {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},   {0x274C, 0x274C},   {0x2753, 0x2755},
      {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},
      {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
      {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
      {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F004, 0x1F004},
      {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F},
      {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
      {0x30000, 0x3FFFD}};
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  if (c < 0x300) return 1;
  const auto in = [c](const auto& ranges) {
    for (const Range& r : ranges)
      if (c >= r.first && c <= r.last) return true;
    return false;
  };
  if (in(zero)) return 0;
  return in(wide) ? 2 : 1;
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (char32_t c : to_code_points(utf8)) width += static_cast<std::size_t>(code_point_width(c));
  return width;
}

std::string fit_width(std::string_view utf8, std::size_t columns) {
  if (display_width(utf8) <= columns) return std::string(utf8);
  if (columns == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (char32_t c : to_code_points(utf8)) {
    const auto w = static_cast<std::size_t>(code_point_width(c));
    if (used + w > columns - 1) break;  // one column is left for the ellipsis
    append_utf8(out, c);
    used += w;
  }
  return out + "…";
}

std::string wrap_to_width(std::string_view utf8, std::size_t columns) {
  if (columns == 0) return std::string(utf8);
  std::string out;
  for (std::size_t from = 0; from <= utf8.size();) {
    const std::size_t end = std::min(utf8.find('\n', from), utf8.size());
    const std::string_view line = utf8.substr(from, end - from);
    std::size_t used = 0;
    for (std::size_t at = 0; at < line.size();) {
      const std::size_t space = std::min(line.find(' ', at), line.size());
      const std::string_view word = line.substr(at, space - at);
      const std::size_t width = display_width(word);
      if (used > 0 && used + 1 + width > columns) {
        out += '\n';
        used = 0;
      } else if (used > 0) {
        out += ' ';
        ++used;
      }
      out += word;
      used += width;
      at = space + 1;
    }
    if (end < utf8.size()) out += '\n';
    from = end + 1;
  }
  return out;
}

std::string printable(std::string_view utf8, bool keep_newlines) {
  // Most text has nothing to replace: checked byte by byte first, without decoding.
  const bool plain = std::all_of(utf8.begin(), utf8.end(), [](char ch) {
    const auto b = static_cast<unsigned char>(ch);
    return b >= 0x20 && b != 0x7F && b < 0xC2;  // 0xC2 leads C1 controls; 0xE2 the bidi overrides
  });
  if (plain) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size());
  for (char32_t c : to_code_points(utf8)) {
    if (c == '\n' && keep_newlines)
      out += '\n';
    else if (c == '\t' || c == '\n' || c == '\r')
      out += ' ';
    else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) ||
             (c >= 0x2066 && c <= 0x2069))
      append_utf8(out, 0xFFFD);
    else
      append_utf8(out, c);
  }
  return out;
}

std::string excerpt(std::string_view text, std::size_t limit) {
  std::size_t chars = 0, end = 0;
  while (end < text.size() && chars < limit) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  return printable(end == text.size() ? text : text.substr(0, end)) + (end == text.size() ? "" : "…");
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace kexport
