// The one table of output formats: names as the command line takes them, and the writers that
// each kind of answer has.
#include <array>
#include <utility>

#include <sstream>

#include "kexport/model/text.hpp"
#include "kexport/output/report.hpp"

namespace kexport {
namespace {

constexpr std::array<std::pair<Format, std::string_view>, 7> names = {{{Format::table, "table"},
                                                                       {Format::json, "json"},
                                                                       {Format::csv, "csv"},
                                                                       {Format::markdown, "markdown"},
                                                                       {Format::text, "text"},
                                                                       {Format::svg, "svg"},
                                                                       {Format::html, "html"}}};

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [format, text] : names)
    if (text == name) return format;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  for (const auto& [f, text] : names)
    if (f == format) return text;
  return {};
}

void write_summary(std::ostream& out, const Summary& summary, Format format, const TableStyle& style) {
  switch (format) {
    case Format::json:
      return write_summary_json(out, summary, style.language);
    case Format::text:
      if (style.width > 0) {  // on a terminal: lines as wide as it is
        std::ostringstream prose;
        write_summary_text(prose, summary, style.language);
        out << wrap_to_width(prose.str(), style.width);
        return;
      }
      return write_summary_text(out, summary, style.language);
    case Format::markdown:
      return write_summary_markdown(out, summary, style.language);
    case Format::svg:
      return write_summary_svg(out, summary, style.language);
    case Format::html:
      return write_summary_html(out, summary, style.language);
    case Format::table:
    case Format::csv:  // not offered for the summary
      return write_summary_table(out, summary, style);
  }
}

void write_validation(std::ostream& out, const ValidationReport& report, Format format,
                      const TableStyle& style) {
  if (format == Format::json)
    write_validation_json(out, report);
  else
    write_validation_table(out, report, style);
}

}  // namespace kexport
