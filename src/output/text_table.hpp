// A small aligned text table: columns padded by display width, so Turkish letters line up, and
// colour applied after padding, so escape codes never shift a column.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "kexport/output/report.hpp"

namespace kexport::output {

enum class Align { left, right };
enum class Tone { plain, strong, rise, fall, faint };

struct Cell {
  std::string text;
  Tone tone = Tone::plain;
  Cell(std::string t = {}, Tone tn = Tone::plain) : text(std::move(t)), tone(tn) {}  // NOLINT
  Cell(const char* t, Tone tn = Tone::plain) : text(t), tone(tn) {}                  // NOLINT
};

class TextTable {
 public:
  explicit TextTable(std::vector<Align> alignment) : alignment_(std::move(alignment)) {}
  void add_row(std::vector<Cell> cells) { rows_.push_back(std::move(cells)); }
  // A header row, set apart by a rule under it.
  void add_header(std::vector<Cell> cells) {
    header_rows_ = rows_.size() + 1;
    rows_.push_back(std::move(cells));
  }
  // With the style's colour, ANSI colour; for a terminal, the rule as a box-drawing line instead
  // of '-', and the table fitted to its width: the widest text column is cut (with "…") down to
  // a few characters, then columns are left out from the right.
  void write(std::ostream& out, const std::string& indent, const TableStyle& style) const;

 private:
  std::vector<Align> alignment_;
  std::vector<std::vector<Cell>> rows_;
  std::size_t header_rows_ = 0;
};

// Text in a tone, for a terminal that shows colour.
std::string paint(const std::string& text, Tone tone, bool color);
// The same for a sentence that may be longer than the terminal: broken into lines at spaces to
// the style's width (if it has one), each line painted.
std::string paint_wrapped(const std::string& text, Tone tone, const TableStyle& style);

}  // namespace kexport::output
