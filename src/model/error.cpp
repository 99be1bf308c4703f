#include "kexport/error.hpp"

#include <fmt/format.h>

namespace kexport {

std::string DataError::format(const SourceLocation& where, const std::string& problem) {
  if (where.line == 0) return fmt::format("{}: {}", where.file, problem);
  if (where.column == 0) return fmt::format("{}:{}: {}", where.file, where.line, problem);
  return fmt::format("{}:{}:{}: {}", where.file, where.line, where.column, problem);
}

}  // namespace kexport
