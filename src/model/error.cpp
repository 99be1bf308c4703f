#include "kexport/model/error.hpp"

#include <fmt/format.h>

namespace kexport {

std::string column_letters(std::uint64_t column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  return letters;
}

std::string SourceLocation::text() const {
  if (line == 0) return file;
  if (in_sheet) {
    if (column == 0) return fmt::format("{}!{}:{}", file, line, line);
    return fmt::format("{}!{}{}", file, column_letters(column), line);
  }
  if (column == 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

}  // namespace kexport
