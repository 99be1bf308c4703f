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

std::string months_span(Period from, Period to) {
  return from == to ? from.iso() : fmt::format("{} – {}", from.iso(), to.iso());
}

// The summary's page in Markdown, a section at a time.
class SummaryPage {
 public:
  SummaryPage(std::ostream& out, const Summary& s, Language lang)
      : out_(out),
        s_(s),
        lang_(lang),
        w_(output::labels(lang)),
        month_(output::month_label(s.period, lang)) {}

  void headline() {
    // The headline carries the short form of the amount: "291,8 milyon dolar" / "$291.8 million".
    std::string text = escape(output::province_name(s_.province)) + " — " +
                       escape(fmt::format(fmt::runtime(w_.exports_of), month_));
    if (s_.value)
      text += ": " +
              (lang_ == Language::tr ? turkish::amount_short(*s_.value) : english::amount_short(*s_.value));
    out_ << "# " << text << "\n\n";
    if (s_.sample.any()) out_ << "> **" << escape(output::sample_notice(s_.sample, lang_)) << "**\n\n";
  }

  void exports() {
    comparisons(s_.value, s_.previous_month, s_.previous_year, s_.rolling_12m, s_.year_to_date);
    out_ << fmt::format("| {} | | {} | |\n", w_.countries,
                        s_.countries ? format_count(*s_.countries, lang_) : std::string(w_.no_breakdown));
    countries(w_.top_title, s_.top_destinations);
  }

  void imports() {
    if (!s_.imports) return;
    const Imports& in = *s_.imports;
    out_ << "\n## " << escape(fmt::format(fmt::runtime(w_.imports_of), month_)) << "\n\n";
    if (!in.any_known()) {
      out_ << (lang_ == Language::tr ? "Veride bu döneme ait ithalat yok.\n"
                                     : "The data holds no imports for this period.\n");
      return;
    }
    comparisons(in.value, in.previous_month, in.previous_year, in.rolling_12m, in.year_to_date);
    out_ << fmt::format("| {} | | {} | |\n", w_.origins,
                        in.countries ? format_count(*in.countries, lang_) : std::string(w_.no_breakdown));
    out_ << "\n## " << escape(w_.trade_title) << "\n\n";
    out_ << fmt::format(
        "| | {} | {} | {} | {} | {} | {} |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n", w_.period,
        w_.balance, w_.year_earlier, w_.coverage, w_.year_earlier, w_.change);
    trade_row(escape(month_), in.balance);
    trade_row(w_.rolling_12m, in.balance_rolling_12m);
    trade_row(w_.year_to_date, in.balance_year_to_date);
    countries(w_.top_origins, in.top_origins);
  }

  void unit_values() {
    if (!s_.unit_value) return;
    const UnitValues& u = *s_.unit_value;
    const auto per_kg = [&](std::optional<double> v) {
      return v ? format_decimal(*v, 2, lang_) : std::string(w_.not_available);
    };
    out_ << "\n## " << escape(w_.unit_value) << "\n\n";
    out_ << fmt::format("| | {} | {} |\n| --- | ---: | ---: |\n", escape(output::province_name(s_.province)),
                        escape(output::province_name(national_total)));
    out_ << fmt::format("| {} | {} | {} |\n", w_.exports, per_kg(u.exports), per_kg(u.turkey_exports));
    if (s_.imports)
      out_ << fmt::format("| {} | {} | {} |\n", w_.imports, per_kg(u.imports), per_kg(u.turkey_imports));
  }

  void prose() {
    std::ostringstream text;
    write_summary_text(text, s_, lang_);
    out_ << "\n## " << (lang_ == Language::tr ? "Değerlendirme" : "Summary") << "\n\n"
         << output::markdown_escape(text.str(), false);
  }

 private:
  // The month, the month before, a year earlier and the two windows, with their changes.
  void comparisons(const std::optional<Cents>& value, const MonthComparison& previous_month,
                   const MonthComparison& previous_year, const WindowComparison& rolling,
                   const WindowComparison& year_to_date) {
    out_ << fmt::format("| | {} | {} | {} |\n| --- | --- | ---: | ---: |\n", w_.period, w_.value, w_.change);
    out_ << fmt::format("| **{}** | {} | **{}** | |\n", escape(month_), s_.period.iso(),
                        amount(value, lang_));
    month_row(w_.previous_month, previous_month);
    month_row(w_.previous_year, previous_year);
    window_rows(w_.rolling_12m, w_.previous_12m, rolling);
    window_rows(w_.year_to_date, w_.previous_ytd, year_to_date);
  }
  void month_row(std::string_view label, const MonthComparison& m) {
    out_ << fmt::format("| {} | {} | {} | {} |\n", label, m.period.iso(), amount(m.value, lang_),
                        change(m.change_pct, lang_));
  }
  void window_rows(std::string_view label, std::string_view before, const WindowComparison& x) {
    out_ << fmt::format("| {} | {} | {} | {} |\n", label, months_span(x.from, x.to), amount(x.value, lang_),
                        change(x.change_pct, lang_));
    out_ << fmt::format("| {} | {} | {} | |\n", before,
                        months_span(x.from.plus_months(-12), x.to.plus_months(-12)),
                        amount(x.previous_value, lang_));
  }
  void countries(std::string_view title, const std::vector<Destination>& list) {
    if (list.empty()) return;
    out_ << "\n## " << fmt::format(fmt::runtime(title), list.size()) << "\n\n";
    out_ << fmt::format("| {} | {} | {} | {} | {} |\n| ---: | --- | ---: | ---: | ---: |\n", w_.rank,
                        w_.country, w_.value, w_.share, w_.change_yoy);
    for (const Destination& d : list)
      out_ << fmt::format("| {} | {} | {} | {} | {} |\n", d.rank,
                          escape(output::country_name(d.country, lang_)), format_dollars(d.value, lang_),
                          d.share_pct ? format_share(*d.share_pct, lang_) : std::string(w_.not_available),
                          change(d.change_pct, lang_));
  }
  void trade_row(std::string_view label, const TradeBalance& t) {
    const auto ratio = [&](MaybePercent pct) {
      return pct ? format_share(*pct, lang_) : std::string(w_.not_available);
    };
    out_ << fmt::format(
        "| {} | {} | {} | {} | {} | {} | {} |\n", label, months_span(t.from, t.to), amount(t.balance, lang_),
        amount(t.previous_balance, lang_), ratio(t.coverage_pct), ratio(t.previous_coverage_pct),
        t.coverage_change_pp ? format_points(*t.coverage_change_pp, lang_) : std::string(w_.not_available));
  }

  std::ostream& out_;
  const Summary& s_;
  Language lang_;
  const output::Labels& w_;
  std::string month_;
};

}  // namespace

void write_summary_markdown(std::ostream& out, const Summary& s, Language lang) {
  SummaryPage page(out, s, lang);
  page.headline();
  page.exports();
  page.imports();
  page.unit_values();
  page.prose();
}

}  // namespace kexport
