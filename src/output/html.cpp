#include "html.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "escape.hpp"
#include "kexport/output/number_format.hpp"
#include "labels.hpp"

namespace kexport::output::html {
namespace {

// One style sheet for every page: readable on a phone (one column, tables that scroll), two
// columns on a wide screen, and on paper A4 with small type so that a province fits two pages.
// The fonts are the system's: a page that fetched one would make a request.
constexpr std::string_view style_sheet =
    R"(:root{--ink:#1d2733;--muted:#5b6775;--line:#d9dee4;--tint:#f3f5f7;--accent:#0b5cad;--rise:#0a7a3d;--fall:#b3261e;--warn:#fff4e0;--warn-edge:#d9912a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:16px/1.5 "Noto Sans","DejaVu Sans","Liberation Sans",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
main{max-width:66rem;margin:0 auto;padding:1rem 1rem 2.5rem}
nav{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.875rem;margin:0 0 1rem;padding-bottom:.5rem;border-bottom:1px solid var(--line)}
a{color:var(--accent)}
.eyebrow{margin:0;color:var(--muted);font-size:.875rem}
h1{font-size:1.75rem;line-height:1.25;margin:.25rem 0 1rem}
h2{font-size:1.125rem;line-height:1.3;margin:2rem 0 .5rem}
p{margin:0 0 .75rem}
.notice{background:var(--warn);border-left:4px solid var(--warn-edge);padding:.5rem .75rem;margin:0 0 1rem}
.cards{list-style:none;margin:0 0 1rem;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14.5rem,1fr));gap:.75rem}
.card{background:var(--tint);border-radius:6px;padding:.625rem .75rem}
.card .label{display:block;color:var(--muted);font-size:.8125rem}
.card .figure{display:block;font-size:1.25rem;font-weight:700;font-variant-numeric:tabular-nums;line-height:1.3;white-space:nowrap}
.card .note{display:block;font-size:.8125rem}
.rise{color:var(--rise)}
.fall{color:var(--fall)}
.na{color:var(--muted)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9375rem;font-variant-numeric:tabular-nums}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:baseline}
th{color:var(--muted);font-size:.8125rem;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
td.nowrap{white-space:nowrap}
tr.strong td{font-weight:700}
tr.mark td{background:#e8f1fb}
table.compact{font-size:.875rem}
table.compact td,table.compact th{padding:.2rem .4rem}
.pair{display:flex;flex-wrap:wrap;gap:0 1.5rem}
.pair>*{flex:1 1 0;min-width:fit-content;max-width:100%}
@media (max-width:48rem){.pair>*{flex-basis:100%;min-width:0}}
.pair table{font-size:.875rem}
.pair td,.pair th{padding:.25rem .35rem}
figure{margin:1.5rem 0}
figure svg{display:block;width:100%;max-width:50rem;height:auto}
.release{border-left:3px solid var(--line);padding-left:1rem;max-width:46rem}
footer{margin-top:2rem;padding-top:.75rem;border-top:1px solid var(--line);color:var(--muted);font-size:.8125rem}
footer p{margin:0 0 .25rem}
@media print{
@page{size:A4;margin:11mm 12mm}
html{font-size:10.5px}
body{font-size:8pt;line-height:1.35}
main{max-width:none;padding:0}
nav{display:none}
h1{font-size:14pt;margin:.1rem 0 .4rem}
h2{font-size:10pt;margin:.7rem 0 .25rem;break-after:avoid}
.cards{grid-template-columns:repeat(4,1fr);gap:.35rem;margin-bottom:.4rem}
.card{padding:.25rem .4rem}
.card .figure{font-size:10pt}
.card .label,.card .note,th{font-size:7pt}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:0 1rem}
table{font-size:7.5pt}
th,td{padding:.05rem .3rem}
table.compact{font-size:6.5pt}
table.compact td,table.compact th{padding:0 .25rem}
tr,figure,.card{break-inside:avoid}
figure{margin:.5rem 0}
figure svg{max-width:62%}
.release{padding-left:.5rem}
a{color:inherit;text-decoration:none}
.notice{border:1px solid var(--warn-edge);border-left-width:4px;padding:.25rem .5rem;margin-bottom:.5rem}
footer{margin-top:.5rem}
})";

std::string na(Language language) {
  return std::string(labels(language).not_available);
}

}  // namespace

std::string text(std::string_view words) {
  return xml_escape(words);
}

void begin_page(std::ostream& out, Language language, std::string_view title, const std::vector<Link>& nav) {
  out << "<!doctype html>\n<html lang=\"" << (language == Language::tr ? "tr" : "en") << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << text(title) << "</title>\n"
      << "<style>\n"
      << style_sheet << "\n</style>\n</head>\n<body>\n<main>\n";
  if (nav.empty()) return;
  out << "<nav>";
  for (const Link& l : nav) out << "<a href=\"" << text(l.href) << "\">" << text(l.text) << "</a>";
  out << "</nav>\n";
}

void end_page(std::ostream& out, const std::vector<std::string>& footer_lines) {
  out << "<footer>\n";
  for (const std::string& line : footer_lines) out << "<p>" << text(line) << "</p>\n";
  out << "</footer>\n</main>\n</body>\n</html>\n";
}

Cell plain(std::string_view words) {
  return {text(words), ""};
}

Cell nowrap(std::string_view words) {
  return {text(words), "nowrap"};
}

Cell amount(MaybeCents value, Language language) {
  if (!value) return {na(language), "num na"};
  return {format_dollars(*value, language), "num"};
}

namespace {
Cell signed_cell(std::optional<std::string> formatted, Language language) {
  if (!formatted) return {na(language), "num na"};
  const char sign = formatted->front();
  return {text(*formatted), sign == '+' ? "num rise" : sign == '-' ? "num fall" : "num"};
}
}  // namespace

Cell change(MaybePercent value, Language language) {
  return signed_cell(value ? std::optional(format_change(*value, language)) : std::nullopt, language);
}

Cell points(MaybePercent value, Language language) {
  return signed_cell(value ? std::optional(format_points(*value, language)) : std::nullopt, language);
}

Cell share(MaybePercent value, Language language) {
  if (!value) return {na(language), "num na"};
  return {text(format_share(*value, language)), "num"};
}

Cell count(std::uint64_t value, Language language) {
  return {format_count(value, language), "num"};
}

Cell link(std::string_view words, std::string_view href) {
  return {fmt::format("<a href=\"{}\">{}</a>", text(href), text(words)), ""};
}

void write_table(std::ostream& out, const Table& table) {
  const auto contains = [](const std::vector<std::size_t>& list, std::size_t i) {
    return std::find(list.begin(), list.end(), i) != list.end();
  };
  const auto cell = [&out](const Cell& c, std::string_view tag) {
    out << '<' << tag;
    if (!c.css_class.empty()) out << " class=\"" << c.css_class << '"';
    out << '>' << c.content << "</" << tag << '>';
  };
  out << "<div class=\"scroll\"><table";
  if (!table.css_class.empty()) out << " class=\"" << table.css_class << '"';
  out << ">\n<thead><tr>";
  for (const Cell& c : table.header) cell(c, "th");
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    out << "<tr";
    if (contains(table.strong_rows, i))
      out << " class=\"strong\"";
    else if (contains(table.marked_rows, i))
      out << " class=\"mark\"";
    out << '>';
    for (const Cell& c : table.rows[i]) cell(c, c.header ? "th" : "td");
    out << "</tr>\n";
  }
  out << "</tbody>\n</table></div>\n";
}

void write_cards(std::ostream& out, const std::vector<Card>& cards) {
  out << "<ul class=\"cards\">\n";
  for (const Card& c : cards) {
    out << "<li class=\"card\"><span class=\"label\">" << text(c.label) << "</span><span class=\"figure\">"
        << text(c.figure) << "</span>";
    if (!c.note_html.empty()) out << "<span class=\"note\">" << c.note_html << "</span>";
    out << "</li>\n";
  }
  out << "</ul>\n";
}

std::string change_span(MaybePercent value, Language language) {
  const Cell c = change(value, language);
  const std::string_view tone =
      std::string_view(c.css_class).substr(std::min<std::size_t>(4, c.css_class.size()));
  if (tone.empty()) return c.content;
  return fmt::format("<span class=\"{}\">{}</span>", tone, c.content);
}

std::string dollars(MaybeCents value, Language language) {
  if (!value) return na(language);
  return language == Language::tr ? format_dollars(*value, language) + " $"
                                  : "$" + format_dollars(*value, language);
}

std::string period_span(Period from, Period to) {
  return from == to ? from.iso() : fmt::format("{} – {}", from.iso(), to.iso());
}

std::vector<Card> month_cards(const FlowFigures& f, Period month, Language language) {
  const bool tr = language == Language::tr;
  const Labels& words = labels(language);
  return {{month_label(month, language), dollars(f.value, language),
           change_span(f.previous_year.change_pct, language) +
               (tr ? " geçen yılın aynı ayına göre" : " year on year")},
          {fmt::format("{} ({})", words.rolling_12m, period_span(f.rolling_12m.from, f.rolling_12m.to)),
           dollars(f.rolling_12m.value, language),
           change_span(f.rolling_12m.change_pct, language) +
               (tr ? " önceki 12 aya göre" : " on the 12 months before")},
          {std::string(words.year_to_date), dollars(f.year_to_date.value, language),
           change_span(f.year_to_date.change_pct, language) +
               (tr ? " geçen yılın aynı dönemine göre" : " on the same period last year")}};
}

std::string colophon(Language language) {
  return language == Language::tr
             ? fmt::format("Rakamlar ABD doları; değişimler kesin toplamlardan hesaplanır. kexport {}",
                           KEXPORT_VERSION)
             : fmt::format("Figures in US dollars; changes are computed from exact totals. kexport {}",
                           KEXPORT_VERSION);
}

void write_paragraphs(std::ostream& out, std::string_view prose, std::string_view notice) {
  std::size_t begin = 0;
  while (begin < prose.size()) {
    std::size_t end = prose.find("\n\n", begin);
    if (end == std::string_view::npos) end = prose.size();
    std::string_view paragraph = prose.substr(begin, end - begin);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.remove_suffix(1);
    if (!paragraph.empty())
      out << (paragraph == notice ? "<p class=\"notice\">" : "<p>") << text(paragraph) << "</p>\n";
    begin = end + 2;
  }
}

}  // namespace kexport::output::html
