#include "text_table.hpp"

#include <algorithm>

#include "kexport/model/text.hpp"

namespace kexport::output {

namespace {

// Rows that said different things must still: where cutting made two labels alike ("Geçen yılın
// ayn…" for both "Geçen yılın aynı ayı" and "Geçen yılın aynı dönemi"), they keep their ends
// instead, around an ellipsis in the middle ("Geçen…aynı ayı", "Geçen…ı dönemi").
void keep_distinct(std::vector<std::vector<Cell>>& rows, const std::vector<std::string>& before,
                   std::size_t column, std::size_t target) {
  const auto width_of = [](char32_t c) {
    std::string one;
    append_utf8(one, c);
    return display_width(one);
  };
  const auto middle_cut = [&](const std::string& text) {
    const std::u32string points = to_code_points(text);
    std::size_t head_width = 0, tail_width = 0, head = 0, tail = points.size();
    const std::size_t room = target > 1 ? target - 1 : 0;
    // The end says what differs: it gets the larger half.
    while (tail > head && tail_width + width_of(points[tail - 1]) <= room - room / 3) {
      --tail;
      tail_width += width_of(points[tail]);
    }
    while (head < tail && head_width + tail_width + width_of(points[head]) <= room) {
      head_width += width_of(points[head]);
      ++head;
    }
    std::string out;
    for (std::size_t i = 0; i < head; ++i) append_utf8(out, points[i]);
    out += "…";
    for (std::size_t i = tail; i < points.size(); ++i) append_utf8(out, points[i]);
    return out;
  };
  for (std::size_t a = 0; a < rows.size(); ++a)
    for (std::size_t b = a + 1; b < rows.size(); ++b) {
      if (column >= rows[a].size() || column >= rows[b].size()) continue;
      if (rows[a][column].text != rows[b][column].text || before[a] == before[b]) continue;
      rows[a][column].text = middle_cut(before[a]);
      rows[b][column].text = middle_cut(before[b]);
    }
}

}  // namespace

std::string paint_wrapped(const std::string& raw, Tone tone, const TableStyle& style) {
  const std::string wrapped = wrap_to_width(printable(raw), style.width);
  std::string out;
  for (std::size_t from = 0; from <= wrapped.size();) {
    const std::size_t end = std::min(wrapped.find('\n', from), wrapped.size());
    if (from > 0) out += '\n';
    out += paint(wrapped.substr(from, end - from), tone, style.color);
    from = end + 1;
  }
  return out;
}

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
        std::vector<std::string> before;
        for (auto& row : rows) {
          before.push_back(widest < row.size() ? row[widest].text : std::string());
          if (widest < row.size()) row[widest].text = fit_width(row[widest].text, target);
        }
        keep_distinct(rows, before, widest, target);
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
