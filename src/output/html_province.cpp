// A province's month as a web page, built from the same facts and words as the other formats:
// the tables' labels, the chart's SVG and the press release's paragraphs.
#include <fmt/format.h>

#include <sstream>

#include "html_pages.hpp"
#include "kexport/output/english.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "kexport/output/turkish.hpp"
#include "labels.hpp"
#include "names.hpp"
#include "sample_notice.hpp"

namespace kexport::output::html {
namespace {

std::string heading(const Summary& s, Language lang) {
  const std::string month = month_label(s.period, lang);
  const std::string name = province_name(s.province);
  return lang == Language::tr
             ? fmt::format("{} {} ihracatı", turkish::suffixed(name, turkish::Suffix::genitive), month)
             : fmt::format("{}: exports in {}", name, month);
}

std::string eyebrow(const Summary& s, Language lang) {
  const Labels& words = labels(lang);
  std::string line = province_name(s.province);
  if (s.province != national_total) line += fmt::format(" ({:02})", s.province);
  line += fmt::format(" · {}", words.currency);
  if (s.sample.value)
    line += fmt::format(" · {}: {}", words.source, sample_source_label(lang));
  else if (!output::source_label(s.source, s.basis, s.vintage, lang).empty())
    line += fmt::format(" · {}: {}", words.source, output::source_label(s.source, s.basis, s.vintage, lang));
  return line;
}

std::vector<Card> cards(const Summary& s, Language lang) {
  const bool tr = lang == Language::tr;
  const Labels& words = labels(lang);
  std::vector<Card> list = month_cards(s, s.period, lang);
  if (s.countries) list.push_back({std::string(words.countries), format_count(*s.countries, lang), ""});
  if (s.standing && s.standing->share_of_turkey) {
    std::string note;
    if (s.standing->rank)
      note =
          tr ? fmt::format("{} il arasında {}. sırada", s.standing->provinces, *s.standing->rank)
             : fmt::format("{} of {} provinces", english::ordinal(*s.standing->rank), s.standing->provinces);
    list.push_back({tr ? "Türkiye ihracatındaki pay" : "Share of Türkiye's exports",
                    format_share(*s.standing->share_of_turkey, lang), text(note)});
  }
  if (s.imports && s.imports->any_known()) {
    const Imports& in = *s.imports;
    list.push_back({std::string(words.imports), dollars(in.value, lang),
                    change_span(in.previous_year.change_pct, lang) +
                        (tr ? " geçen yılın aynı ayına göre" : " year on year")});
    const MaybeCents balance = in.balance.balance;
    list.push_back(
        {tr ? (balance && *balance < 0 ? "Dış ticaret açığı" : "Dış ticaret fazlası")
            : (balance && *balance < 0 ? "Trade deficit" : "Trade surplus"),
         balance ? dollars(*balance < 0 ? -*balance : *balance, lang) : dollars(std::nullopt, lang), ""});
    list.push_back({std::string(words.coverage),
                    in.balance.coverage_pct ? format_share(*in.balance.coverage_pct, lang)
                                            : std::string(words.not_available),
                    in.balance.coverage_change_pp ? points(in.balance.coverage_change_pp, lang).content +
                                                        (tr ? " bir yıl öncesine göre" : " on a year earlier")
                                                  : ""});
  }
  return list;
}

// A flow's month and its comparisons, as the text table lists them.
Table figures_table(const FlowFigures& f, Period period, std::string_view countries, Language lang) {
  const Labels& words = labels(lang);
  Table table;
  table.header = {plain(""), plain(words.period), {text(words.value), "num"}, {text(words.change), "num"}};
  table.rows.push_back(
      {plain(month_label(period, lang)), nowrap(period.iso()), amount(f.value, lang), plain("")});
  table.strong_rows.push_back(0);
  const auto month_row = [&](std::string_view label, const MonthComparison& m) {
    table.rows.push_back(
        {plain(label), nowrap(m.period.iso()), amount(m.value, lang), change(m.change_pct, lang)});
  };
  month_row(words.previous_month, f.previous_month);
  month_row(words.previous_year, f.previous_year);
  const auto window_rows = [&](std::string_view label, std::string_view before, const WindowComparison& w) {
    table.rows.push_back(
        {plain(label), nowrap(period_span(w.from, w.to)), amount(w.value, lang), change(w.change_pct, lang)});
    table.rows.push_back({plain(before), nowrap(period_span(w.from.plus_months(-12), w.to.plus_months(-12))),
                          amount(w.previous_value, lang), plain("")});
  };
  window_rows(words.rolling_12m, words.previous_12m, f.rolling_12m);
  window_rows(words.year_to_date, words.previous_ytd, f.year_to_date);
  table.rows.push_back({plain(countries), plain(""),
                        f.countries ? count(*f.countries, lang) : Cell{text(words.no_breakdown), "num na"},
                        plain("")});
  return table;
}

void write_countries(std::ostream& out, std::string_view title, const std::vector<Destination>& list,
                     Language lang) {
  if (list.empty()) return;
  const Labels& words = labels(lang);
  out << "<section>\n<h2>" << text(fmt::format(fmt::runtime(title), list.size())) << "</h2>\n";
  Table table;
  table.header = {{text(words.rank), "num"},
                  plain(words.country),
                  {text(words.value), "num"},
                  {text(words.share), "num"},
                  {text(words.change_yoy), "num"}};
  for (const Destination& d : list)
    table.rows.push_back({count(d.rank, lang), plain(country_name(d.country, lang)), amount(d.value, lang),
                          share(d.share_pct, lang), change(d.change_pct, lang)});
  write_table(out, table);
  out << "</section>\n";
}

void write_sectors(std::ostream& out, const Summary& s, Language lang) {
  if (s.top_sectors.empty()) return;
  const Labels& words = labels(lang);
  const bool tr = lang == Language::tr;
  out << "<section>\n<h2>"
      << text(tr ? fmt::format("En çok ihracat yapılan {} sektör", s.top_sectors.size())
                 : fmt::format("Top {} sectors", s.top_sectors.size()))
      << "</h2>\n";
  Table table;
  table.header = {{text(words.rank), "num"},
                  plain(tr ? "Sektör" : "Sector"),
                  {text(words.value), "num"},
                  {text(words.share), "num"},
                  {text(words.change_yoy), "num"}};
  std::size_t rank = 0;
  for (const SectorShare& sector : s.top_sectors)
    table.rows.push_back({count(++rank, lang), plain(sector_name(sector.sector, lang)),
                          amount(sector.value, lang), share(sector.share_pct, lang),
                          change(sector.change_pct, lang)});
  write_table(out, table);
  out << "</section>\n";
}

void write_trade(std::ostream& out, const Summary& s, Language lang) {
  const Imports& in = *s.imports;
  const Labels& words = labels(lang);
  out << "<section>\n<h2>" << text(words.trade_title) << "</h2>\n";
  Table table;
  table.header = {plain(""),
                  plain(words.period),
                  {text(words.balance), "num"},
                  {text(words.year_earlier), "num"},
                  {text(words.coverage), "num"},
                  {text(words.year_earlier), "num"},
                  {text(words.change), "num"}};
  const auto row = [&](std::string_view label, const TradeBalance& t) {
    table.rows.push_back({plain(label), nowrap(period_span(t.from, t.to)), amount(t.balance, lang),
                          amount(t.previous_balance, lang), share(t.coverage_pct, lang),
                          share(t.previous_coverage_pct, lang), points(t.coverage_change_pp, lang)});
  };
  row(month_label(s.period, lang), in.balance);
  row(words.rolling_12m, in.balance_rolling_12m);
  row(words.year_to_date, in.balance_year_to_date);
  write_table(out, table);
  out << "</section>\n";
}

void write_unit_values(std::ostream& out, const Summary& s, Language lang) {
  const Labels& words = labels(lang);
  const UnitValues& u = *s.unit_value;
  out << "<section>\n<h2>" << text(words.unit_value) << "</h2>\n";
  const auto cell = [&](std::optional<double> v) {
    return v ? Cell{format_decimal(*v, 2, lang), "num"} : Cell{text(words.not_available), "num na"};
  };
  Table table;
  table.header = {
      plain(""), {text(province_name(s.province)), "num"}, {text(province_name(national_total)), "num"}};
  table.rows.push_back({plain(words.exports), cell(u.exports), cell(u.turkey_exports)});
  if (s.imports) table.rows.push_back({plain(words.imports), cell(u.imports), cell(u.turkey_imports)});
  write_table(out, table);
  out << "</section>\n";
}

void write_parts_over_total(std::ostream& out, const Summary& s, Language lang) {
  for (const PartsOverTotal& c : s.parts_over_total) {
    if (c.parts != Breakdown::countries) continue;
    out << "<p>"
        << text(lang == Language::tr
                    ? fmt::format(
                          "Paylar ilin toplam satırına ({} $) göre; ülkelerin toplamı ({} $) bundan büyük.",
                          format_dollars(c.total, lang), format_dollars(c.sum_of_parts, lang))
                    : fmt::format(
                          "Shares are of the province's total row (${}); the countries add up to more (${}).",
                          format_dollars(c.total, lang), format_dollars(c.sum_of_parts, lang)))
        << "</p>\n";
  }
}

}  // namespace

void write_province_page(std::ostream& out, const Summary& s, Language lang, const std::vector<Link>& nav) {
  const bool tr = lang == Language::tr;
  const Labels& words = labels(lang);
  begin_page(out, lang, heading(s, lang), nav);
  const std::string notice = s.sample.any() ? sample_notice(s.sample, lang) : std::string();
  out << "<header>\n<p class=\"eyebrow\">" << text(eyebrow(s, lang)) << "</p>\n<h1>" << text(heading(s, lang))
      << "</h1>\n";
  if (!notice.empty()) out << "<p class=\"notice\">" << text(notice) << "</p>\n";
  out << "</header>\n";
  write_cards(out, cards(s, lang));

  const bool imports = s.imports && s.imports->any_known();
  // Exports beside imports where the data has imports; alone where it has none at all.
  if (s.imports) out << "<div class=\"pair\">\n";
  out << "<section>\n<h2>" << text(words.exports) << "</h2>\n";
  write_table(out, figures_table(s, s.period, words.countries, lang));
  out << "</section>\n";
  if (s.imports) {
    out << "<section>\n<h2>" << text(words.imports) << "</h2>\n";
    if (imports)
      write_table(out, figures_table(*s.imports, s.period, words.origins, lang));
    else
      out << "<p class=\"na\">"
          << text(tr ? "Veride bu döneme ait ithalat yok." : "The data holds no imports for this period.")
          << "</p>\n";
    out << "</section>\n</div>\n";
  }
  if (imports) write_trade(out, s, lang);

  if (!s.trend.empty()) {
    std::ostringstream chart;
    write_summary_svg(chart, s, lang);
    out << "<figure>\n" << chart.str() << "</figure>\n";
  }

  out << "<div class=\"pair\">\n";
  write_countries(out, words.top_title, s.top_destinations, lang);
  if (imports)
    write_countries(out, words.top_origins, s.imports->top_origins, lang);
  else
    write_sectors(out, s, lang);
  out << "</div>\n";
  write_parts_over_total(out, s, lang);
  if (imports) write_sectors(out, s, lang);
  if (s.unit_value) write_unit_values(out, s, lang);

  std::ostringstream prose;
  write_summary_text(prose, s, lang);
  out << "<section class=\"release\">\n<h2>" << (tr ? "Basın bülteni" : "Press release") << "</h2>\n";
  write_paragraphs(out, prose.str(), notice);
  out << "</section>\n";
  end_page(out, {colophon(lang)});
}

}  // namespace kexport::output::html

namespace kexport {

void write_summary_html(std::ostream& out, const Summary& summary, Language language) {
  output::html::write_province_page(out, summary, language, {});
}

}  // namespace kexport
