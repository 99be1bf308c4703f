#include "fetch/content_check.hpp"

#include <fmt/format.h>

#include "kexport/input/load.hpp"
#include "kexport/model/error.hpp"

namespace kexport::fetch {
namespace {

std::string_view layout_kind(ExpectedLayout layout) {
  switch (layout) {
    case ExpectedLayout::province_sector:
      return "province_sector";
    case ExpectedLayout::country_sector:
      return "country_sector";
    case ExpectedLayout::sector:
      return "sector";
    case ExpectedLayout::provinces:
      return "provinces";
  }
  return {};
}

std::string_view layout_text(ExpectedLayout layout) {
  switch (layout) {
    case ExpectedLayout::province_sector:
      return "TİM's province × sector bulletin";
    case ExpectedLayout::country_sector:
      return "TİM's country × sector bulletin";
    case ExpectedLayout::sector:
      return "TİM's sector bulletin";
    case ExpectedLayout::provinces:
      return "a table of provinces by month";
  }
  return {};
}

}  // namespace

std::optional<ContentProblem> check_content(const std::string& file_name, const std::string& bytes,
                                            ExpectedLayout layout) {
  std::size_t start = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (start < bytes.size() &&
         (bytes[start] == ' ' || bytes[start] == '\n' || bytes[start] == '\r' || bytes[start] == '\t'))
    ++start;
  if (start < bytes.size() && bytes[start] == '<')
    return ContentProblem{
        "an HTML page, not the workbook (a firewall's or a \"please enable JavaScript\" page?)", true};
  const bool zip = bytes.starts_with("PK\x03\x04");
  const bool compound = bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
  if (!zip && !compound)
    return ContentProblem{
        fmt::format("{} bytes that are not a workbook (neither a zip nor a compound document)", bytes.size()),
        true};
  try {
    const Dataset data = load_dataset({InputFile(file_name, bytes)});
    for (const LoadedFile& file : data.files) {
      if (file.rows == 0) continue;
      if (layout == ExpectedLayout::provinces && file.layout != Layout::bulletin) return std::nullopt;
      for (const FileNote& note : file.notes)
        if (note.kind == FileNote::Kind::bulletin &&
            note.detail.starts_with(std::string(layout_kind(layout)) + "|"))
          return std::nullopt;
    }
    return ContentProblem{fmt::format("a workbook that is not {}", layout_text(layout)), false};
  } catch (const Error& error) {
    return ContentProblem{
        fmt::format("a workbook kexport cannot read as {}: {}", layout_text(layout), error.what()), false};
  }
}

}  // namespace kexport::fetch
