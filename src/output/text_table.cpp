#include "text_table.hpp"

#include <algorithm>

#include "kexport/text.hpp"

namespace kexport::output {

std::string paint(const std::string& raw, Tone tone, bool color) {
  const std::string text = printable(raw);  // names from data never send control codes
  if (!color || tone == Tone::plain || text.empty()) return text;
  const char* code = tone == Tone::strong ? "\x1b[1m"
                     : tone == Tone::rise ? "\x1b[32m"
                     : tone == Tone::fall ? "\x1b[31m"
                                          : "\x1b[2m";
  return code + text + "\x1b[0m";
}

void TextTable::write(std::ostream& out, const std::string& indent, bool color) const {
  // Control characters replaced first, so that widths are of what is shown.
  std::vector<std::vector<Cell>> rows = rows_;
  for (auto& row : rows)
    for (Cell& cell : row) cell.text = printable(cell.text);
  std::vector<std::size_t> widths(alignment_.size(), 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c].text));

  const auto write_row = [&](const std::vector<Cell>& row) {
    std::string line = indent;
    std::size_t pending_spaces = 0;  // trailing blanks are written only when text follows
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const Cell cell = c < row.size() ? row[c] : Cell();
      const std::size_t padding = widths[c] - display_width(cell.text);
      if (c > 0) pending_spaces += 2;
      if (alignment_[c] == Align::right) pending_spaces += padding;
      if (!cell.text.empty()) {
        line.append(pending_spaces, ' ');
        pending_spaces = 0;
        line += paint(cell.text, cell.tone, color);
      }
      if (alignment_[c] == Align::left) pending_spaces += padding;
    }
    out << line << '\n';
  };
  for (std::size_t r = 0; r < rows.size(); ++r) {
    write_row(rows[r]);
    if (r + 1 == header_rows_) {
      std::size_t total = 2 * (widths.size() - 1);
      for (std::size_t w : widths) total += w;
      std::string rule = indent;
      for (std::size_t i = 0; i < total; ++i) rule += color ? "─" : "-";
      out << rule << '\n';
    }
  }
}

}  // namespace kexport::output
