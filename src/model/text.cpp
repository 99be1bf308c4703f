#include "kexport/text.hpp"

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

std::size_t display_width(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(
      utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string excerpt(std::string_view text, std::size_t limit) {
  std::size_t chars = 0, end = 0;
  while (end < text.size() && chars < limit) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  return end == text.size() ? std::string(text) : std::string(text.substr(0, end)) + "…";
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
