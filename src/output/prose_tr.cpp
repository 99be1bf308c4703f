// The summary as Turkish press-release paragraphs. Every number comes from the Summary, so the
// words always match the figures: the verb follows the sign, the suffix follows the word.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "kexport/model/text.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "kexport/output/turkish.hpp"
#include "names.hpp"
#include "prose_common.hpp"
#include "sample_notice.hpp"

namespace kexport {
namespace {

using namespace turkish;
using output::Movement;

std::string span_tr(Period from, Period to) {
  if (from.year() == to.year())
    return fmt::format("{} {}-{}", from.year(), month_lower(from.month()), month_lower(to.month()));
  return fmt::format("{} {}-{} {}", month_lower(from.month()), from.year(), month_lower(to.month()),
                     to.year());
}

// "yüzde 5,94 azaldı" / "yüzde 3,20 arttı" / "değişmedi" / "2,3 katına çıktı".
std::string change_clause(double pct, std::string_view rose, std::string_view fell) {
  switch (output::movement_of(pct)) {
    case Movement::unchanged:
      return "değişmedi";
    case Movement::multiplied:
      return factor_number(output::factor_of(pct)) + " katına çıktı";
    case Movement::rose:
      return fmt::format("{} {}", percent_words(pct), rose);
    case Movement::fell:
      return fmt::format("{} {}", percent_words(pct), fell);
  }
  return {};
}

// "yüzde 1,42 artarak" / "yüzde 5,94 azalarak" / "aynı düzeyde kalarak" / "2,3 katına çıkarak".
std::string change_adverb(double pct) {
  switch (output::movement_of(pct)) {
    case Movement::unchanged:
      return "bir önceki dönemle aynı düzeyde kalarak";
    case Movement::multiplied:
      return factor_number(output::factor_of(pct)) + " katına çıkarak";
    case Movement::rose:
      return percent_words(pct) + " artarak";
    case Movement::fell:
      return percent_words(pct) + " azalarak";
  }
  return {};
}

std::string list_tr(const std::vector<std::string>& items) {
  if (items.empty()) return {};
  if (items.size() == 1) return items[0];
  std::string out;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + " ve " + items.back();
}

std::string sample_source_line_tr() {
  return "Kaynak: örnek veri. Bu metindeki tutarlar uydurmadır; TÜİK'in ya da başka bir kurumun yayımladığı "
         "rakamlar değildir.";
}

// What the province of a figure is, by basis: the clause a source line ends with.
std::string_view basis_clause(Basis basis, bool imports) {
  switch (basis) {
    case Basis::head_office:
      return imports ? "firmanın merkezinin bulunduğu il esas alınır"
                     : "ihracatçı firmanın merkezinin bulunduğu il esas alınır";
    case Basis::production_place:
      return "malın üretildiği il (faaliyet ili) esas alınır";
    case Basis::registration:
      return "ihracatçının kayıtlı olduğu il esas alınır";
    case Basis::unstated:
      break;
  }
  return "il esası belirtilmemiştir";
}

// "Kaynak: TÜİK, il bazında ihracat (ihracatçı firmanın merkezinin bulunduğu il esas alınır). …":
// the publisher, and the basis the figures are counted on, which differs between publishers and
// between one publisher's tables.
std::string source_line_tr(const std::string& source, Basis basis, Vintage vintage, bool imports) {
  if (source.empty() && basis == Basis::unstated) return "Verilerin kaynağı belirtilmemiştir.";
  const bool known = source == "TÜİK" || source == "TİM" || source == "Ticaret Bakanlığı";
  const std::string_view what = source == "TİM" ? "ihracatçı birliklerine kayıtlı ihracat"
                                : imports       ? "il bazında ihracat ve ithalat"
                                                : "il bazında ihracat";
  const std::string release = output::release_text(vintage, Language::tr);
  return fmt::format("Kaynak: {}, {}{} ({}).{}", source.empty() ? "kaynağı belirtilmemiş veri" : source,
                     release.empty() ? "" : release + ", ", what, basis_clause(basis, imports),
                     known ? " Aylık veriler geçicidir ve sonradan düzeltilebilir." : "");
}

}  // namespace

// "… dolara yükseldi" / "… dolara geriledi" / "… dolar oldu": the amount a window reached.
std::string reached(Cents cents, double pct) {
  switch (output::movement_of(pct)) {
    case Movement::unchanged:
      return amount_words(cents) + " oldu";
    case Movement::fell:
      return amount_words(cents) + suffix_of("dolar", Suffix::dative) + " geriledi";
    default:
      return amount_words(cents) + suffix_of("dolar", Suffix::dative) + " yükseldi";
  }
}

namespace {

// "dış ticaret fazlası 162 milyon 272 bin dolar" / "dış ticaret açığı …": the word follows the sign.
std::string balance_words_tr(Cents balance) {
  if (balance == 0) return "dış ticaret dengede";
  const Cents magnitude = balance > 0 ? balance : -balance;
  return fmt::format("dış ticaret {} {}", balance > 0 ? "fazlası" : "açığı", amount_words(magnitude));
}

// Imports in the month against a year earlier, the balance and the coverage ratio, and the same
// over the last twelve months: only what the data gives.
std::optional<std::string> imports_paragraph_tr(const Summary& s) {
  if (!s.imports || !s.imports->value) return std::nullopt;
  const Imports& in = *s.imports;
  std::string p = "Aynı ay ithalat";
  if (*in.value == 0)
    p += " yapılmadı";
  else if (in.previous_year.change_pct)
    p += fmt::format(", geçen yılın aynı ayına göre {} {} oldu", change_adverb(*in.previous_year.change_pct),
                     amount_words(*in.value));
  else
    p += fmt::format(" {} oldu", amount_words(*in.value));
  // The one verb at the end serves both clauses: "…; dış ticaret fazlası X, … oranı yüzde Y oldu".
  std::vector<std::string> clauses;
  if (in.balance.balance && (*in.balance.balance != 0 || in.balance.coverage_pct))
    clauses.push_back(balance_words_tr(*in.balance.balance));
  if (in.balance.coverage_pct)
    clauses.push_back("ihracatın ithalatı karşılama oranı " +
                      share_words(*in.balance.coverage_pct, Suffix::none));
  if (!clauses.empty()) p += fmt::format("; {} oldu", fmt::join(clauses, ", "));
  p += ".";
  if (in.balance.coverage_change_pp) {
    const double pp = *in.balance.coverage_change_pp;
    const std::string points = percent_number(std::abs(pp)) + " puan";
    p += std::round(std::abs(pp) * 100.0) == 0.0
             ? " Karşılama oranı geçen yılın aynı ayıyla aynı kaldı."
             : fmt::format(" Karşılama oranı geçen yılın aynı ayına göre {} {}.", points,
                           pp > 0 ? "yükseldi" : "geriledi");
  }
  const TradeBalance& year = in.balance_rolling_12m;
  if (s.period.month() != 12 && year.balance && year.coverage_pct)
    p += fmt::format(" Son 12 ayda {}, karşılama oranı {} oldu.", balance_words_tr(*year.balance),
                     share_words(*year.coverage_pct, Suffix::none));
  else if (s.period.month() == 12 && in.balance_year_to_date.balance && in.balance_year_to_date.coverage_pct)
    p += fmt::format(" {} yılının tamamında {}, karşılama oranı {} oldu.", s.period.year(),
                     balance_words_tr(*in.balance_year_to_date.balance),
                     share_words(*in.balance_year_to_date.coverage_pct, Suffix::none));
  return p;
}

// The month, against the same month a year earlier and the month before.
std::optional<std::string> month_paragraph_tr(const Summary& s, const std::string& province,
                                              const std::string& month) {
  if (!s.value) return std::nullopt;
  std::string p = fmt::format("{} {} ayı ihracatı {} oldu.", suffixed(province, Suffix::genitive), month,
                              amount_words(*s.value));
  std::vector<std::string> clauses;
  // A comparison with a figure a later release revised says so, as chambers do.
  const auto revised = [](const MonthComparison& m) {
    return m.revised_since ? " (revize edilmiş rakamla)" : "";
  };
  const std::string previous_month =
      month_lower(s.previous_month.period.month()) + " ayına" + revised(s.previous_month);
  const std::string year_earlier = std::string("geçen yılın aynı ayına") + revised(s.previous_year);
  const auto unchanged = [](const MaybePercent& pct) {
    return pct && output::movement_of(*pct) == Movement::unchanged;
  };
  if (unchanged(s.previous_year.change_pct) && unchanged(s.previous_month.change_pct)) {
    // Said once, not as "… göre değişmedi, … ise değişmedi".
    clauses.push_back(fmt::format("{} ve {} göre değişmedi", year_earlier, previous_month));
  } else {
    if (s.previous_year.change_pct)
      clauses.push_back(year_earlier + " göre " +
                        change_clause(*s.previous_year.change_pct, "arttı", "azaldı"));
    if (s.previous_month.change_pct)
      clauses.push_back(fmt::format("{} göre {}{}", previous_month, clauses.empty() ? "" : "ise ",
                                    change_clause(*s.previous_month.change_pct, "yükseldi", "geriledi")));
  }
  if (!clauses.empty()) p += fmt::format(" İhracat {}.", fmt::join(clauses, ", "));
  return p;
}

// The year to date (from February on) and the last twelve months.
std::optional<std::string> windows_paragraph_tr(const Summary& s) {
  std::vector<std::string> windows;
  if (s.period.month() == 12 && s.year_to_date.value && s.year_to_date.change_pct) {
    // In December the year to date is the year, and the last 12 months the same months: said once.
    windows.push_back(fmt::format("{} yılının tamamında ihracat, bir önceki yıla göre {} {}.",
                                  s.period.year(), change_adverb(*s.year_to_date.change_pct),
                                  reached(*s.year_to_date.value, *s.year_to_date.change_pct)));
  } else if (s.period.month() > 1 && s.year_to_date.value && s.year_to_date.change_pct)
    windows.push_back(fmt::format("{} döneminde ihracat, geçen yılın aynı dönemine göre {} {}.",
                                  span_tr(s.year_to_date.from, s.year_to_date.to),
                                  change_adverb(*s.year_to_date.change_pct),
                                  amount_words(*s.year_to_date.value) + " oldu"));
  if (s.period.month() != 12 && s.rolling_12m.value && s.rolling_12m.change_pct)
    windows.push_back(fmt::format(
        "Son 12 ayda ({}) ihracat, önceki 12 aya göre {} {}.", span_tr(s.rolling_12m.from, s.rolling_12m.to),
        change_adverb(*s.rolling_12m.change_pct), reached(*s.rolling_12m.value, *s.rolling_12m.change_pct)));
  if (windows.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(windows, " "));
}

// How many countries bought, the leading three, and the first one's share.
std::optional<std::string> destinations_paragraph_tr(const Summary& s) {
  if (!s.countries || *s.countries == 0) return std::nullopt;
  std::string p =
      fmt::format("{} ayında {} ülkeye ihracat yapıldı.", month_name_tr(s.period.month()), *s.countries);
  const auto leaders = output::leading_countries(s, 3, Language::tr);
  if (leaders.size() > 1)
    p += fmt::format(" En çok ihracat yapılan ülkeler sırasıyla {} oldu.", list_tr(leaders));
  const Destination* first = s.top_destinations.empty() ? nullptr : &s.top_destinations[0];
  if (first && first->share_pct)
    p += fmt::format(" {} yapılan {} dolarlık ihracat, toplamın {} oluşturdu.",
                     suffixed(output::country_name(first->country, Language::tr), Suffix::dative),
                     dollar_figure(first->value),
                     share_words(*first->share_pct, Suffix::possessive_accusative));
  return p;
}

// Standing among the provinces, and the sectors.
std::optional<std::string> standing_paragraph_tr(const Summary& s, const std::string& province,
                                                 const std::string& month) {
  std::vector<std::string> standing;
  if (s.standing && s.standing->rank && s.standing->share_of_turkey)
    standing.push_back(fmt::format(
        "{}, {} ayında {} il arasında {} sırada yer aldı ve Türkiye ihracatının {} gerçekleştirdi{}.",
        province, month, s.standing->provinces, suffixed(std::to_string(*s.standing->rank), Suffix::ordinal),
        share_words(*s.standing->share_of_turkey, Suffix::possessive_accusative),
        s.standing->national_total_row ? "" : " (81 ilin toplamına göre)"));
  else if (s.standing && s.standing->share_of_turkey)
    standing.push_back(fmt::format("{} Türkiye ihracatındaki payı {} oldu.",
                                   suffixed(province, Suffix::genitive),
                                   share_words(*s.standing->share_of_turkey, Suffix::none)));
  if (!s.top_sectors.empty()) {
    std::vector<std::string> names;
    for (const auto& sector : s.top_sectors)
      if (names.size() < 3) names.push_back(output::sector_name(sector.sector, Language::tr));
    std::string p = fmt::format("Sektörler arasında ilk sırada {} yer aldı", names[0]);
    if (s.top_sectors[0].share_pct)
      p += fmt::format(" ({} pay)", share_words(*s.top_sectors[0].share_pct, Suffix::none));
    // Sector names often hold "ve" themselves: the list is separated by semicolons.
    if (names.size() > 1)
      p += fmt::format("; onu sırasıyla şu sektörler izledi: {}",
                       fmt::join(names.begin() + 1, names.end(), "; "));
    standing.push_back(p + ".");
  }
  if (standing.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(standing, " "));
}

// The value of a kilogram exported, beside Türkiye's and the imports'.
std::optional<std::string> unit_value_paragraph_tr(const Summary& s) {
  if (!s.unit_value || !s.unit_value->exports) return std::nullopt;
  const auto dollars = [](double v) { return format_decimal(v, 2, Language::tr) + " dolar"; };
  std::string p = "İhracatın kilogram başına değeri " + dollars(*s.unit_value->exports);
  if (s.province != national_total && s.unit_value->turkey_exports)
    p += " (Türkiye ortalaması " + dollars(*s.unit_value->turkey_exports) + ")";
  if (s.unit_value->imports) p += ", ithalatınki " + dollars(*s.unit_value->imports);
  return p + " oldu.";
}

}  // namespace

void write_summary_text_tr(std::ostream& out, const Summary& s) {
  const std::string province = output::province_name(s.province);
  const std::string month = month_lower(s.period.month());
  std::vector<std::string> paragraphs;
  for (auto paragraph :
       {month_paragraph_tr(s, province, month), windows_paragraph_tr(s), destinations_paragraph_tr(s),
        standing_paragraph_tr(s, province, month), imports_paragraph_tr(s), unit_value_paragraph_tr(s)})
    if (paragraph) paragraphs.push_back(std::move(*paragraph));

  // Made-up figures are said before anything else, so that no paragraph is pasted without it.
  if (s.sample.any()) paragraphs.insert(paragraphs.begin(), output::sample_notice(s.sample, Language::tr));
  paragraphs.push_back(s.sample.value ? sample_source_line_tr()
                                      : source_line_tr(s.source, s.basis, s.vintage, s.imports.has_value()));
  out << printable(fmt::format("{}", fmt::join(paragraphs, "\n\n")), true) << '\n';
}

}  // namespace kexport
