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

void TextTable::write(std::ostream& out, const std::string& indent, const TableStyle& style) const {
  // Control characters replaced first, so that widths are of what is shown.
  std::vector<std::vector<Cell>> rows = rows_;
  for (auto& row : rows)
    for (Cell& cell : row) cell.text = printable(cell.text);
  std::size_t columns = alignment_.size();
  std::vector<std::size_t> widths(columns, 0);
  const auto measure = [&] {
    std::fill(widths.begin(), widths.end(), 0);
    for (const auto& row : rows)
      for (std::size_t c = 0; c < row.size() && c < columns; ++c)
        widths[c] = std::max(widths[c], display_width(row[c].text));
  };
  const auto total = [&] {
    std::size_t sum = indent.size() + 2 * (columns > 0 ? columns - 1 : 0);
    for (std::size_t c = 0; c < columns; ++c) sum += widths[c];
    return sum;
  };
  measure();
  if (style.width > 0) {
    // Too wide for the terminal: names are cut first, then columns are left out from the right.
    constexpr std::size_t narrowest = 8;
    while (total() > style.width) {
      std::size_t widest = columns;
      for (std::size_t c = 0; c < columns; ++c)
        if (alignment_[c] == Align::left && widths[c] > narrowest &&
            (widest == columns || widths[c] > widths[widest]))
          widest = c;
      if (widest != columns) {
        const std::size_t over = total() - style.width;
        const std::size_t target =
            std::max(narrowest, widths[widest] > over ? widths[widest] - over : narrowest);
        for (auto& row : rows)
          if (widest < row.size()) row[widest].text = fit_width(row[widest].text, target);
      } else if (columns > 2) {
        --columns;
      } else {
        break;
      }
      measure();
    }
  }

  const auto write_row = [&](const std::vector<Cell>& row) {
    std::string line = indent;
    std::size_t pending_spaces = 0;  // trailing blanks are written only when text follows
    for (std::size_t c = 0; c < columns; ++c) {
      const Cell cell = c < row.size() ? row[c] : Cell();
      const std::size_t padding = widths[c] - display_width(cell.text);
      if (c > 0) pending_spaces += 2;
      if (alignment_[c] == Align::right) pending_spaces += padding;
      if (!cell.text.empty()) {
        line.append(pending_spaces, ' ');
        pending_spaces = 0;
        line += paint(cell.text, cell.tone, style.color);
      }
      if (alignment_[c] == Align::left) pending_spaces += padding;
    }
    out << line << '\n';
  };
  for (std::size_t r = 0; r < rows.size(); ++r) {
    write_row(rows[r]);
    if (r + 1 == header_rows_) {
      std::string rule = indent;
      for (std::size_t i = indent.size(); i < total(); ++i) rule += style.terminal ? "─" : "-";
      out << rule << '\n';
    }
  }
}

}  // namespace kexport::output
