// Turkey's month as the top page of a report: the national figures, the counts analysts quote, the
// largest rises and falls in dollars, and the provinces ranked, each linked to its own page. The
// ranking and the counts need every province's month; where the data lacks one, the page says so
// and lists the provinces it has instead.
#include <fmt/format.h>

#include "html_pages.hpp"
#include "kexport/output/english.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/turkish.hpp"
#include "labels.hpp"
#include "names.hpp"
#include "sample_notice.hpp"

namespace kexport::output::html {
namespace {

Cell province_cell(ProvinceId p, const std::vector<std::string>& hrefs) {
  const std::string name = province_name(p);
  return hrefs[p].empty() ? plain(name) : link(name, hrefs[p]);
}

std::vector<Card> turkey_cards(const Summary& t, Language lang) {
  std::vector<Card> cards = month_cards(t, t.period, lang);
  // The month before, with its own value: the change beside it is the reported month's on it, and
  // says so ("Ocak 2026: −9,17 %"), never read as the month before's own change.
  const Period before = t.period.plus_months(-1);
  cards.push_back({fmt::format("{} ({})", labels(lang).previous_month, month_label(before, lang)),
                   dollars(t.previous_month.value, lang),
                   (lang == Language::tr ? fmt::format("{} buna göre ", month_label(t.period, lang))
                                         : fmt::format("{} on it: ", month_label(t.period, lang))) +
                       change_span(t.previous_month.change_pct, lang)});
  return cards;
}

// The counts as sentences: "Ocak 2026'da 4 il 1 milyar doların üzerinde ihracat yaptı." and who grew.
std::vector<std::string> count_sentences(const ProvinceCounts& c, Language lang) {
  const bool month = c.window == Window::month;
  std::vector<std::string> out;
  if (lang == Language::tr) {
    const std::string when = month ? turkish::suffixed(month_label(c.to, lang), turkish::Suffix::locative)
                                   : fmt::format("Son 12 ayda ({})", period_span(c.from, c.to));
    out.push_back(
        c.above_billion == 0
            ? fmt::format("{} 1 milyar doların üzerinde ihracat yapan il olmadı.", when)
            : fmt::format("{} {} il 1 milyar doların üzerinde ihracat yaptı.", when, c.above_billion));
    if (c.compared > 0) {
      std::string grew =
          fmt::format("{} göre {} ilin ihracatı arttı, {} ilin ihracatı azaldı",
                      month ? "Geçen yılın aynı ayına" : "Önceki 12 aya", c.increased, c.decreased);
      if (const std::size_t same = c.compared - c.increased - c.decreased; same > 0)
        grew += fmt::format(", {} ilinki değişmedi", same);
      if (c.compared < c.provinces)
        grew += fmt::format(" (bir yıl önceki değeri bilinen {} il arasında)", c.compared);
      out.push_back(grew + ".");
    }
    return out;
  }
  const std::string when = month ? fmt::format("In {}", month_label(c.to, lang))
                                 : fmt::format("Over the last 12 months ({})", period_span(c.from, c.to));
  out.push_back(c.above_billion == 0
                    ? fmt::format("{}, no province exported more than $1 billion.", when)
                    : fmt::format("{}, {} exported more than $1 billion.", when,
                                  english::count_of(c.above_billion, "province", "provinces")));
  if (c.compared > 0) {
    std::string grew = fmt::format("Exports rose in {} and fell in {} on {}",
                                   english::count_of(c.increased, "province", "provinces"), c.decreased,
                                   month ? "the same month a year earlier" : "the 12 months before");
    if (const std::size_t same = c.compared - c.increased - c.decreased; same > 0)
      grew += fmt::format("; {} unchanged", same);
    if (c.compared < c.provinces)
      grew += fmt::format(" (of the {} whose figure a year earlier is known)", c.compared);
    out.push_back(grew + ".");
  }
  return out;
}

void write_moves(std::ostream& out, std::string_view title, const std::vector<ProvinceMove>& moves,
                 Language lang, const std::vector<std::string>& hrefs) {
  if (moves.empty()) return;
  const Labels& words = labels(lang);
  const bool tr = lang == Language::tr;
  out << "<section>\n<h2>" << text(title) << "</h2>\n";
  Table table;
  table.css_class = "compact";
  table.header = {plain(tr ? "İl" : "Province"),
                  {text(words.value), "num"},
                  {text(tr ? "Bir yıl önce ($)" : "A year earlier ($)"), "num"},
                  {text(tr ? "Fark ($)" : "Difference ($)"), "num"},
                  {text(words.change), "num"}};
  for (const ProvinceMove& m : moves) {
    Cell difference = amount(m.change, lang);
    difference.css_class += m.change > 0 ? " rise" : " fall";
    if (m.change > 0) difference.content = "+" + difference.content;
    table.rows.push_back({province_cell(m.province, hrefs), amount(m.value, lang),
                          amount(m.previous_value, lang), difference, change(m.change_pct, lang)});
  }
  write_table(out, table);
  out << "</section>\n";
}

void write_ranking(std::ostream& out, const Ranking& r, Language lang,
                   const std::vector<std::string>& hrefs) {
  const Labels& words = labels(lang);
  const bool tr = lang == Language::tr;
  out << "<section>\n<h2>" << text(tr ? "İllerin ihracat sıralaması" : "Provinces ranked by exports")
      << "</h2>\n";
  if (r.sample) out << "<p class=\"notice\">" << text(sample_table_notice(lang)) << "</p>\n";
  Table table;
  table.css_class = "compact";
  table.header = {{text(words.rank), "num"},
                  plain(tr ? "İl" : "Province"),
                  {text(tr ? "Kod" : "Code"), "num"},
                  {text(words.value), "num"},
                  {text(tr ? "Türkiye payı" : "Share of Türkiye"), "num"},
                  {text(tr ? "Bir yıl önce ($)" : "A year earlier ($)"), "num"},
                  {text(words.change), "num"},
                  {text(tr ? "Bir yıl önceki sıra" : "Rank a year earlier"), "num"}};
  for (const RankRow& row : r.rows)
    table.rows.push_back(
        {count(row.rank, lang),
         province_cell(row.province, hrefs),
         {fmt::format("{:02}", row.province), "num"},
         amount(row.value, lang),
         share(row.share_pct, lang),
         amount(row.previous_value, lang),
         change(row.change_pct, lang),
         row.previous_rank ? count(*row.previous_rank, lang) : Cell{text(words.not_available), "num na"}});
  write_table(out, table);
  out << "</section>\n";
}

// Without a ranking: the provinces the report has pages for, with their month.
void write_province_list(std::ostream& out, const Publication& p, Language lang,
                         const std::vector<std::string>& hrefs) {
  const Labels& words = labels(lang);
  const bool tr = lang == Language::tr;
  out << "<section>\n<h2>" << text(tr ? "Raporlanan iller" : "Provinces in this report") << "</h2>\n";
  Table table;
  table.header = {{text(tr ? "Kod" : "Code"), "num"},
                  plain(tr ? "İl" : "Province"),
                  {text(words.value), "num"},
                  {text(words.change_yoy), "num"}};
  for (const Summary& s : p.provinces)
    table.rows.push_back({{fmt::format("{:02}", s.province), "num"},
                          province_cell(s.province, hrefs),
                          amount(s.value, lang),
                          change(s.previous_year.change_pct, lang)});
  write_table(out, table);
  out << "</section>\n";
}

}  // namespace

void write_index_page(std::ostream& out, const Publication& p, Language lang, const std::vector<Link>& nav,
                      const std::vector<std::string>& hrefs) {
  const bool tr = lang == Language::tr;
  const Labels& words = labels(lang);
  const NationalMonth& n = p.national;
  const std::string month = month_label(p.month, lang);
  const std::string title =
      tr ? fmt::format("Türkiye'nin {} ihracatı", month) : fmt::format("Türkiye: exports in {}", month);
  begin_page(out, lang, title, nav);
  const bool sample_turkey = n.turkey && n.turkey->sample.value;
  std::string eyebrow = fmt::format("{} · {}", province_name(national_total), words.currency);
  if (sample_turkey)
    eyebrow += fmt::format(" · {}: {}", words.source, sample_source_label(lang));
  else if (!output::source_label(p.source, p.basis, p.vintage, lang).empty())
    eyebrow +=
        fmt::format(" · {}: {}", words.source, output::source_label(p.source, p.basis, p.vintage, lang));
  out << "<header>\n<p class=\"eyebrow\">" << text(eyebrow) << "</p>\n<h1>" << text(title) << "</h1>\n";
  if (n.turkey && n.turkey->sample.any())
    out << "<p class=\"notice\">" << text(sample_notice(n.turkey->sample, lang)) << "</p>\n";
  out << "</header>\n";

  if (n.turkey)
    write_cards(out, turkey_cards(*n.turkey, lang));
  else
    out << "<p class=\"na\">"
        << text(tr ? "Veri bu ay için Türkiye'nin toplamını vermiyor: ne ulusal toplam satırı ne de 81 ilin "
                     "tamamı var."
                   : "The data does not give Türkiye's total for the month: it holds neither a national "
                     "total nor "
                     "all 81 provinces.")
        << "</p>\n";

  if (n.month_counts) {
    out << "<section>\n<h2>" << text(tr ? "İller" : "Provinces") << "</h2>\n";
    for (const ProvinceCounts* c : {&*n.month_counts, n.rolling_counts ? &*n.rolling_counts : nullptr}) {
      if (c == nullptr) continue;
      for (const std::string& sentence : count_sentences(*c, lang))
        out << "<p>" << text(sentence) << "</p>\n";
    }
    out << "</section>\n<div class=\"pair\">\n";
    write_moves(out, tr ? "İhracatı en çok artan iller" : "Largest increases",
                n.month_counts->largest_increases, lang, hrefs);
    write_moves(out, tr ? "İhracatı en çok azalan iller" : "Largest decreases",
                n.month_counts->largest_decreases, lang, hrefs);
    out << "</div>\n";
  }
  if (n.ranking) {
    write_ranking(out, *n.ranking, lang, hrefs);
  } else {
    out << "<p class=\"na\">"
        << text(tr ? "İller arası sıralama ve sayılar verilemiyor: veri bu ay için 81 ilin tamamını tutmuyor."
                   : "No ranking or counts of provinces: the data does not hold all 81 provinces for the "
                     "month.")
        << "</p>\n";
    write_province_list(out, p, lang, hrefs);
  }
  if (!p.missing.empty()) {
    std::vector<std::string> names;
    for (const MissingProvince& m : p.missing) names.push_back(province_name(m.province));
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
    out << "<section>\n<h2>"
        << text(tr ? fmt::format("{} verisi olmayan iller", month)
                   : fmt::format("Provinces without figures for {}", month))
        << "</h2>\n<p>" << text(list) << "</p>\n</section>\n";
  }
  end_page(out, {colophon(lang)});
}

}  // namespace kexport::output::html
