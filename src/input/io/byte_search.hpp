// Searching large text for short strings: glibc's memmem and memrchr, vectorised, where
// std::string_view::find stops at every occurrence of the first character (every '<' of a sheet)
// and rfind goes byte by byte.
#pragma once

#include <cstring>
#include <string_view>

namespace kexport::input {

inline std::size_t find_bytes(std::string_view haystack, std::string_view needle, std::size_t from = 0) {
  if (from >= haystack.size()) return std::string_view::npos;
  const void* found = memmem(haystack.data() + from, haystack.size() - from, needle.data(), needle.size());
  return found == nullptr ? std::string_view::npos
                          : static_cast<std::size_t>(static_cast<const char*>(found) - haystack.data());
}

inline std::size_t find_last_byte(std::string_view haystack, char byte) {
  if (haystack.empty()) return std::string_view::npos;  // its data may be null, which memrchr refuses
  const void* found = memrchr(haystack.data(), byte, haystack.size());
  return found == nullptr ? std::string_view::npos
                          : static_cast<std::size_t>(static_cast<const char*>(found) - haystack.data());
}

// Whether XML text holds a comment, CDATA section, processing instruction or declaration ("<!",
// "<?"): searched for by their rare second character.
inline bool has_markup_declarations(std::string_view xml) {
  if (xml.empty()) return false;
  for (const char mark : {'!', '?'}) {
    for (const char* at = xml.data();
         (at = static_cast<const char*>(
              std::memchr(at, mark, static_cast<std::size_t>(xml.data() + xml.size() - at))));
         ++at)
      if (at > xml.data() && at[-1] == '<') return true;
  }
  return false;
}

}  // namespace kexport::input
