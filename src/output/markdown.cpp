// The summary as Markdown: a heading, the key figures, the top destinations, imports and the
// balance where the data has them, and the prose.
#include <fmt/format.h>
#include <sstream>

#include "escape.hpp"
#include "kexport/output/english.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "kexport/output/turkish.hpp"
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

  const auto countries = [&](std::string_view title, const std::vector<Destination>& list) {
    if (list.empty()) return;
    out << "\n## " << fmt::format(fmt::runtime(title), list.size()) << "\n\n";
    out << fmt::format("| {} | {} | {} | {} | {} |\n| ---: | --- | ---: | ---: | ---: |\n", w.rank, w.country,
                       w.value, w.share, w.change_yoy);
    for (const Destination& d : list)
      out << fmt::format("| {} | {} | {} | {} | {} |\n", d.rank,
                         escape(output::country_name(d.country, lang)), format_dollars(d.value, lang),
                         d.share_pct ? format_share(*d.share_pct, lang) : std::string(w.not_available),
                         change(d.change_pct, lang));
  };
  countries(w.top_title, s.top_destinations);

  if (s.imports && !s.imports->any_known())
    out << "\n## " << escape(fmt::format(fmt::runtime(w.imports_of), month)) << "\n\n"
        << (lang == Language::tr ? "Veride bu döneme ait ithalat yok.\n"
                                 : "The data holds no imports for this period.\n");
  if (s.imports && s.imports->any_known()) {
    const Imports& in = *s.imports;
    out << "\n## " << escape(fmt::format(fmt::runtime(w.imports_of), month)) << "\n\n";
    out << fmt::format("| | {} | {} | {} |\n| --- | --- | ---: | ---: |\n", w.period, w.value, w.change);
    out << fmt::format("| **{}** | {} | **{}** | |\n", escape(month), s.period.iso(), amount(in.value, lang));
    month_row(w.previous_month, in.previous_month);
    month_row(w.previous_year, in.previous_year);
    window_rows(w.rolling_12m, w.previous_12m, in.rolling_12m);
    window_rows(w.year_to_date, w.previous_ytd, in.year_to_date);
    out << fmt::format("| {} | | {} | |\n", w.origins,
                       in.countries ? format_count(*in.countries, lang) : std::string(w.no_breakdown));
    out << "\n## " << escape(w.trade_title) << "\n\n";
    out << fmt::format(
        "| | {} | {} | {} | {} | {} | {} |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n", w.period,
        w.balance, w.year_earlier, w.coverage, w.year_earlier, w.change);
    const auto ratio = [&](MaybePercent pct) {
      return pct ? format_share(*pct, lang) : std::string(w.not_available);
    };
    const auto trade_row = [&](std::string_view label, const TradeBalance& t) {
      out << fmt::format(
          "| {} | {} | {} | {} | {} | {} | {} |\n", label, span(t.from, t.to), amount(t.balance, lang),
          amount(t.previous_balance, lang), ratio(t.coverage_pct), ratio(t.previous_coverage_pct),
          t.coverage_change_pp ? format_points(*t.coverage_change_pp, lang) : std::string(w.not_available));
    };
    trade_row(escape(month), in.balance);
    trade_row(w.rolling_12m, in.balance_rolling_12m);
    trade_row(w.year_to_date, in.balance_year_to_date);
    countries(w.top_origins, in.top_origins);
  }

  if (s.unit_value) {
    const UnitValues& u = *s.unit_value;
    const auto per_kg = [&](std::optional<double> v) {
      return v ? format_decimal(*v, 2, lang) : std::string(w.not_available);
    };
    out << "\n## " << escape(w.unit_value) << "\n\n";
    out << fmt::format("| | {} | {} |\n| --- | ---: | ---: |\n", escape(output::province_name(s.province)),
                       escape(output::province_name(national_total)));
    out << fmt::format("| {} | {} | {} |\n", w.exports, per_kg(u.exports), per_kg(u.turkey_exports));
    if (s.imports)
      out << fmt::format("| {} | {} | {} |\n", w.imports, per_kg(u.imports), per_kg(u.turkey_imports));
  }

  std::ostringstream prose;
  write_summary_text(prose, s, lang);
  out << "\n## " << (lang == Language::tr ? "Değerlendirme" : "Summary") << "\n\n"
      << output::markdown_escape(prose.str(), false);
}

}  // namespace kexport
