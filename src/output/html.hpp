// What every page kexport writes shares: one self-contained document (inline CSS, no script, no
// request), its table cells and figure cards, in the page's language.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kexport/compute/summary.hpp"

namespace kexport::output::html {

// A link between the pages and documents of a report: its text and where it points.
struct Link {
  std::string text;
  std::string href;
};

// <!doctype html> to <main>: lang, charset, the viewport for phones, the title and the style
// sheet (screen and A4 print). `nav` is a row of links above the page's heading (none outside a
// report).
void begin_page(std::ostream& out, Language language, std::string_view title, const std::vector<Link>& nav);
// The footer's lines, and the end of the document.
void end_page(std::ostream& out, const std::vector<std::string>& footer_lines);

// Text for HTML: control characters replaced, markup characters as entities.
std::string text(std::string_view words);

// A table cell: text (escaped here), a class ("num" for figures, "rise"/"fall" for changes).
struct Cell {
  std::string content;
  std::string css_class;
  bool header = false;
};
Cell plain(std::string_view words);
Cell nowrap(std::string_view words);                       // a period: "2025-02 – 2026-01" on one line
Cell amount(MaybeCents value, Language language);          // "291.804.236", or "yok" faint
Cell change(MaybePercent value, Language language);        // "-5,94 %", coloured by its sign
Cell points(MaybePercent value, Language language);        // "+35,61 puan"
Cell share(MaybePercent value, Language language);         // "11,23 %"
Cell count(std::uint64_t value, Language language);        // "140"
Cell link(std::string_view words, std::string_view href);  // a cell holding a link

// A table: optional caption (as a heading above it), header cells, rows; `strong_rows` and
// `marked_rows` are row indexes to set in bold or to highlight. Wide tables scroll on a phone.
struct Table {
  std::vector<Cell> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::size_t> strong_rows;
  std::vector<std::size_t> marked_rows;
  std::string css_class;  // "compact": the long tables of the index
};
void write_table(std::ostream& out, const Table& table);

// A figure card: a label, the figure in large type, and a note under it (already HTML).
struct Card {
  std::string label;
  std::string figure;
  std::string note_html;
};
void write_cards(std::ostream& out, const std::vector<Card>& cards);

// The exact amount a card shows: "291.804.236 $" / "$291,804,236"; "yok" / "n/a" when unknown.
std::string dollars(MaybeCents value, Language language);

// "2026-01", or "2025-02 – 2026-01".
std::string period_span(Period from, Period to);

// The month, the last 12 months and the year to date as cards, each with its change on a year
// earlier: the first cards of a province's page and of Turkey's.
std::vector<Card> month_cards(const FlowFigures& figures, Period month, Language language);

// The last line of every page: what the figures are, and kexport's version.
std::string colophon(Language language);

// A change as a coloured span for a card's note: "<span class="fall">-5,94 %</span>".
std::string change_span(MaybePercent value, Language language);

// Paragraphs of plain text (blank lines between them) as <p> elements; a paragraph equal to
// `notice` is set as a notice.
void write_paragraphs(std::ostream& out, std::string_view prose, std::string_view notice);

}  // namespace kexport::output::html
