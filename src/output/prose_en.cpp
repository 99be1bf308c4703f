// The summary as English press-release paragraphs.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "kexport/model/text.hpp"
#include "kexport/output/english.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "names.hpp"
#include "prose_common.hpp"
#include "sample_notice.hpp"

namespace kexport {
namespace {

using namespace english;
using output::Movement;

std::string month_year(Period p) {
  return fmt::format("{} {}", month_name_en(p.month()), p.year());
}

std::string span_en(Period from, Period to) {
  if (from.year() == to.year())
    return fmt::format("{}–{} {}", month_name_en(from.month()), month_name_en(to.month()), to.year());
  return fmt::format("{} – {}", month_year(from), month_year(to));
}

std::string list_en(std::vector<std::string> items) {
  for (auto& item : items) item = country_in_sentence(item);
  if (items.size() == 1) return items[0];
  if (items.size() == 2) return items[0] + " and " + items[1];
  std::string out;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) out += items[i] + ", ";
  return out + "and " + items.back();
}

// "down 5.94% year on year", "up 3.20% …", "unchanged …", "2.3 times the level of …".
std::string year_on_year(double pct) {
  switch (output::movement_of(pct)) {
    case Movement::unchanged:
      return "unchanged year on year";
    case Movement::multiplied:
      return fmt::format("{} times the level of a year earlier", factor(output::factor_of(pct)));
    case Movement::rose:
      return "up " + percent(pct) + " year on year";
    case Movement::fell:
      return "down " + percent(pct) + " year on year";
  }
  return {};
}

std::string against(double pct, const std::string& when) {
  switch (output::movement_of(pct)) {
    case Movement::unchanged:
      return "the same as in " + when;
    case Movement::multiplied:
      return fmt::format("{} times the level of {}", factor(output::factor_of(pct)), when);
    case Movement::rose:
      return percent(pct) + " higher than in " + when;
    case Movement::fell:
      return percent(pct) + " lower than in " + when;
  }
  return {};
}

std::string moved(double pct) {
  switch (output::movement_of(pct)) {
    case Movement::unchanged:
      return "held steady at";
    case Movement::multiplied:
      return fmt::format("grew {}-fold to", factor(output::factor_of(pct)));
    case Movement::rose:
      return "rose " + percent(pct) + " to";
    case Movement::fell:
      return "fell " + percent(pct) + " to";
  }
  return {};
}

std::string sample_source_line_en() {
  return "Source: sample data. The figures in this text are made up; they are not figures published by "
         "TÜİK or any other body.";
}

// What the province of a figure is, by basis.
std::string_view basis_phrase(Basis basis, bool imports) {
  switch (basis) {
    case Basis::head_office:
      return imports ? "by province of the trading firm's head office"
                     : "by province of the exporter's head office";
    case Basis::production_place:
      return "by province of production";
    case Basis::registration:
      return "by province of the exporter's registration with its exporters' association";
    case Basis::unstated:
      break;
  }
  return "by province (the basis is not stated)";
}

// The publisher, and the basis the figures are counted on.
std::string source_line_en(const std::string& source, Basis basis, Vintage vintage, bool imports) {
  if (source.empty() && basis == Basis::unstated) return "The data do not name their source.";
  const bool known = source == "TÜİK" || source == "TİM" || source == "Ticaret Bakanlığı";
  const std::string publisher = source == "TÜİK"                ? "TÜİK (Turkish Statistical Institute)"
                                : source == "TİM"               ? "TİM (Turkish Exporters Assembly)"
                                : source == "Ticaret Bakanlığı" ? "Ministry of Trade"
                                : source.empty()                ? "unnamed"
                                                                : source;
  const std::string release = output::release_text(vintage, Language::en);
  return fmt::format("Source: {}, {}{} {}.{}", publisher, release.empty() ? "" : release + ", ",
                     imports ? "exports and imports" : "exports", basis_phrase(basis, imports),
                     known ? " Monthly figures are provisional and may be revised." : "");
}

}  // namespace

namespace {

// "a trade surplus of $162.3 million" / "a trade deficit of …": the word follows the sign.
std::string balance_words_en(Cents balance) {
  if (balance == 0) return "trade in balance";
  return fmt::format("a trade {} of {}", balance > 0 ? "surplus" : "deficit",
                     amount_short(balance > 0 ? balance : -balance));
}

// Imports in the month against a year earlier, the balance and the coverage ratio, and the same
// over the last twelve months: only what the data gives.
std::optional<std::string> imports_paragraph_en(const Summary& s) {
  if (!s.imports || !s.imports->value) return std::nullopt;
  const Imports& in = *s.imports;
  std::string p;
  if (*in.value == 0)
    p = "Nothing was imported in the same month";
  else if (in.previous_year.change_pct)
    p = fmt::format("Imports in the same month were {}, {}", amount_short(*in.value),
                    year_on_year(*in.previous_year.change_pct));
  else
    p = fmt::format("Imports in the same month were {}", amount_short(*in.value));
  if (in.balance.balance && (*in.balance.balance != 0 || in.balance.coverage_pct))
    p += ", leaving " + balance_words_en(*in.balance.balance);
  if (in.balance.coverage_pct)
    p += fmt::format("; exports covered {} of imports", share(*in.balance.coverage_pct));
  p += ".";
  if (in.balance.coverage_change_pp) {
    const double pp = *in.balance.coverage_change_pp;
    p += std::round(std::abs(pp) * 100.0) == 0.0
             ? " The coverage ratio was the same as a year earlier."
             : fmt::format(" The coverage ratio {} {} points on a year earlier.", pp > 0 ? "rose" : "fell",
                           format_decimal(std::abs(pp), 2, Language::en));
  }
  const TradeBalance& year = s.period.month() == 12 ? in.balance_year_to_date : in.balance_rolling_12m;
  if (year.balance && year.coverage_pct)
    p += fmt::format(" {} there was {}, with a coverage ratio of {}.",
                     s.period.month() == 12 ? fmt::format("Over {} as a whole", s.period.year())
                                            : std::string("Over the last 12 months"),
                     balance_words_en(*year.balance), share(*year.coverage_pct));
  return p;
}

}  // namespace

void write_summary_text_en(std::ostream& out, const Summary& s) {
  const std::string province = output::province_name(s.province);
  std::vector<std::string> paragraphs;
  if (s.value) {
    std::string p =
        fmt::format("{}'s exports in {} were {}", province, month_year(s.period), amount_short(*s.value));
    std::vector<std::string> clauses;
    // A comparison with a figure a later release revised says so.
    const auto revised = [](const MonthComparison& m) { return m.revised_since ? " (as revised)" : ""; };
    if (s.previous_year.change_pct)
      clauses.push_back(year_on_year(*s.previous_year.change_pct) + revised(s.previous_year));
    if (s.previous_month.change_pct)
      clauses.push_back(against(*s.previous_month.change_pct, month_year(s.previous_month.period)) +
                        revised(s.previous_month));
    if (!clauses.empty()) p += ", " + fmt::format("{}", fmt::join(clauses, " and "));
    paragraphs.push_back(p + ".");
  }

  std::vector<std::string> windows;
  if (s.period.month() == 12 && s.year_to_date.value && s.year_to_date.change_pct) {
    // In December the year to date is the year, and the last 12 months the same months: said once.
    windows.push_back(fmt::format("Over {} as a whole, exports {} {} against the year before.",
                                  s.period.year(), moved(*s.year_to_date.change_pct),
                                  amount_short(*s.year_to_date.value)));
  } else if (s.period.month() > 1 && s.year_to_date.value && s.year_to_date.change_pct)
    windows.push_back(fmt::format("In {}, exports {} {} against the same period a year earlier.",
                                  span_en(s.year_to_date.from, s.year_to_date.to),
                                  moved(*s.year_to_date.change_pct), amount_short(*s.year_to_date.value)));
  if (s.period.month() != 12 && s.rolling_12m.value && s.rolling_12m.change_pct)
    windows.push_back(fmt::format("Over the last 12 months ({}), exports {} {}.",
                                  span_en(s.rolling_12m.from, s.rolling_12m.to),
                                  moved(*s.rolling_12m.change_pct), amount_short(*s.rolling_12m.value)));
  if (!windows.empty()) paragraphs.push_back(fmt::format("{}", fmt::join(windows, " ")));

  if (s.countries && *s.countries > 0) {
    std::string p = fmt::format("Goods went to {}.", count_of(*s.countries, "country", "countries"));
    const auto leaders = output::leading_countries(s, 3, Language::en);
    if (leaders.size() > 1) p += fmt::format(" The largest markets were {}", list_en(leaders));
    if (!s.top_destinations.empty() && s.top_destinations[0].share_pct && leaders.size() > 1)
      p += fmt::format("; {} alone took {}, {} of the total",
                       country_in_sentence(output::country_name(s.top_destinations[0].country, Language::en)),
                       amount_short(s.top_destinations[0].value), share(*s.top_destinations[0].share_pct));
    paragraphs.push_back(leaders.size() > 1 ? p + "." : p);
  }

  std::vector<std::string> standing;
  if (s.standing && s.standing->rank && s.standing->share_of_turkey)
    standing.push_back(fmt::format(
        "{} ranked {} among Türkiye's {} provinces and accounted for {} of the country's "
        "exports{}.",
        province, ordinal(*s.standing->rank), s.standing->provinces, share(*s.standing->share_of_turkey),
        s.standing->national_total_row ? "" : " (of the 81 provinces' sum)"));
  else if (s.standing && s.standing->share_of_turkey)
    standing.push_back(fmt::format("{} accounted for {} of Türkiye's exports.", province,
                                   share(*s.standing->share_of_turkey)));
  if (!s.top_sectors.empty()) {
    std::string p = "The largest sector was " + output::sector_name(s.top_sectors[0].sector, Language::en);
    if (s.top_sectors[0].share_pct) p += fmt::format(" ({})", share(*s.top_sectors[0].share_pct));
    // Sector names often hold "and" themselves: the list is separated by semicolons.
    std::vector<std::string> rest;
    for (std::size_t i = 1; i < s.top_sectors.size() && i < 3; ++i)
      rest.push_back(output::sector_name(s.top_sectors[i].sector, Language::en));
    if (!rest.empty()) p += fmt::format("; next came {}", fmt::join(rest, "; then "));
    standing.push_back(p + ".");
  }
  if (!standing.empty()) paragraphs.push_back(fmt::format("{}", fmt::join(standing, " ")));
  if (auto trade = imports_paragraph_en(s)) paragraphs.push_back(std::move(*trade));
  if (s.unit_value && s.unit_value->exports) {
    const auto dollars = [](double v) { return "$" + format_decimal(v, 2, Language::en); };
    std::string p = "Exports were worth " + dollars(*s.unit_value->exports) + " per kilogram";
    if (s.province != national_total && s.unit_value->turkey_exports)
      p += " (Türkiye: " + dollars(*s.unit_value->turkey_exports) + ")";
    if (s.unit_value->imports) p += ", imports " + dollars(*s.unit_value->imports);
    paragraphs.push_back(p + ".");
  }

  // Made-up figures are said before anything else, so that no paragraph is pasted without it.
  if (s.sample.any()) paragraphs.insert(paragraphs.begin(), output::sample_notice(s.sample, Language::en));
  paragraphs.push_back(s.sample.value ? sample_source_line_en()
                                      : source_line_en(s.source, s.basis, s.vintage, s.imports.has_value()));
  out << printable(fmt::format("{}", fmt::join(paragraphs, "\n\n")), true) << '\n';
}

}  // namespace kexport

namespace kexport {

void write_summary_text(std::ostream& out, const Summary& summary, Language language) {
  if (language == Language::tr)
    write_summary_text_tr(out, summary);
  else
    write_summary_text_en(out, summary);
}

}  // namespace kexport
