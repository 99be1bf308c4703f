// The summary as Markdown: a heading, the key figures, the top destinations, and the prose.
#include <fmt/format.h>
#include <sstream>

#include "escape.hpp"
#include "kexport/english.hpp"
#include "kexport/number_format.hpp"
#include "kexport/report.hpp"
#include "kexport/turkish.hpp"
#include "labels.hpp"
#include "names.hpp"
#include "sample_notice.hpp"

namespace kexport {
namespace {

std::string escape(std::string_view text) {
  return output::markdown_escape(text);
}

std::string amount(MaybeCents value, Language lang) {
  return value ? format_dollars(*value, lang) : std::string(output::labels(lang).not_available);
}

std::string change(MaybePercent value, Language lang) {
  return value ? format_change(*value, lang) : std::string(output::labels(lang).not_available);
}

std::string span(Period from, Period to) {
  return from == to ? from.iso() : fmt::format("{} – {}", from.iso(), to.iso());
}

}  // namespace

void write_summary_markdown(std::ostream& out, const Summary& s, Language lang) {
  const output::Labels& w = output::labels(lang);
  const std::string month = output::month_label(s.period, lang);
  // The headline carries the short form of the amount: "291,8 milyon dolar" / "$291.8 million".
  std::string headline = escape(output::province_name(s.province)) + " — " +
                         escape(fmt::format(fmt::runtime(w.exports_of), month));
  if (s.value)
    headline +=
        ": " + (lang == Language::tr ? turkish::amount_short(*s.value) : english::amount_short(*s.value));
  out << "# " << headline << "\n\n";
  if (s.sample.any()) out << "> **" << escape(output::sample_notice(s.sample, lang)) << "**\n\n";

  out << fmt::format("| | {} | {} | {} |\n| --- | --- | ---: | ---: |\n", w.period, w.value, w.change);
  out << fmt::format("| **{}** | {} | **{}** | |\n", escape(month), s.period.iso(), amount(s.value, lang));
  const auto month_row = [&](std::string_view label, const MonthComparison& m) {
    out << fmt::format("| {} | {} | {} | {} |\n", label, m.period.iso(), amount(m.value, lang),
                       change(m.change_pct, lang));
  };
  month_row(w.previous_month, s.previous_month);
  month_row(w.previous_year, s.previous_year);
  const auto window_rows = [&](std::string_view label, std::string_view before, const WindowComparison& x) {
    out << fmt::format("| {} | {} | {} | {} |\n", label, span(x.from, x.to), amount(x.value, lang),
                       change(x.change_pct, lang));
    out << fmt::format("| {} | {} | {} | |\n", before, span(x.from.plus_months(-12), x.to.plus_months(-12)),
                       amount(x.previous_value, lang));
  };
  window_rows(w.rolling_12m, w.previous_12m, s.rolling_12m);
  window_rows(w.year_to_date, w.previous_ytd, s.year_to_date);
  out << fmt::format("| {} | | {} | |\n", w.countries,
                     s.countries ? format_count(*s.countries, lang) : std::string(w.no_breakdown));

  if (!s.top_destinations.empty()) {
    out << "\n## " << fmt::format(fmt::runtime(w.top_title), s.top_destinations.size()) << "\n\n";
    out << fmt::format("| {} | {} | {} | {} | {} |\n| ---: | --- | ---: | ---: | ---: |\n", w.rank, w.country,
                       w.value, w.share, w.change_yoy);
    for (const Destination& d : s.top_destinations)
      out << fmt::format("| {} | {} | {} | {} | {} |\n", d.rank,
                         escape(output::country_name(d.country, lang)), format_dollars(d.value, lang),
                         d.share_pct ? format_share(*d.share_pct, lang) : std::string(w.not_available),
                         change(d.change_pct, lang));
  }

  std::ostringstream prose;
  write_summary_text(prose, s, lang);
  out << "\n## " << (lang == Language::tr ? "Değerlendirme" : "Summary") << "\n\n"
      << output::markdown_escape(prose.str(), false);
}

}  // namespace kexport
