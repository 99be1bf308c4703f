// Text from data files made safe for each kind of output: control characters never reach a
// terminal, a spreadsheet or a browser, and markup characters are escaped where they mean markup.
#pragma once

#include <string>
#include <string_view>

namespace kexport::output {

// For Markdown: control characters replaced (see printable()), markup characters backslash-escaped,
// and < and & as entities (&lt; &amp;), which every renderer reads as text. `one_line` turns line
// ends into spaces too, for a table cell or a heading.
std::string markdown_escape(std::string_view text, bool one_line = true);

// For XML and HTML text and attribute values: control characters replaced, & < > " ' as entities.
std::string xml_escape(std::string_view text);

}  // namespace kexport::output
