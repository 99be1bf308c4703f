// series, top and rank as Reports: columns, labels in both languages, and the JSON metadata.
#include <fmt/format.h>

#include <algorithm>

#include "grid.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "labels.hpp"
#include "names.hpp"
#include "sample_notice.hpp"

namespace kexport {
namespace {

using output::Column;
using output::Kind;
using output::Meta;
using output::Report;
using output::say;
using output::Section;
using output::Value;

// " · Kaynak: TÜİK (firmanın merkezinin bulunduğu il)" in a title; nothing for data without either.
std::string source_part(const std::string& source, Basis basis, Vintage vintage, const TableStyle& style) {
  const std::string named = output::source_label(source, basis, vintage, style.language);
  return named.empty() ? std::string() : say(style, " · Kaynak: ", " · Source: ") + named;
}

Value basis_value(Basis basis) {
  return basis == Basis::unstated ? Value::null() : Value::of_text(std::string(basis_code(basis)));
}

std::string window_key(Window w) {
  return w == Window::month ? "month" : w == Window::ytd ? "ytd" : "12m";
}

std::string window_label(Window w, Period from, Period to, const TableStyle& style) {
  const std::string span =
      from == to ? output::month_label(to, style.language) : fmt::format("{} – {}", from.iso(), to.iso());
  switch (w) {
    case Window::month:
      return span;
    case Window::ytd:
      return say(style, "yılbaşından bu yana, ", "year to date, ") + span;
    case Window::rolling_12m:
      return say(style, "son 12 ay, ", "last 12 months, ") + span;
  }
  return span;
}

Value text_or_null(const std::string& text) {
  return text.empty() ? Value::null() : Value::of_text(text);
}

bool imports(Flow flow) {
  return flow == Flow::imports;
}

}  // namespace

void write_series(std::ostream& out, const Series& series, Format format, const TableStyle& style) {
  Report report;
  report.title = output::series_subject(series, style.language) +
                 (imports(series.flow) ? say(style, " · aylık ithalat", " · monthly imports")
                                       : say(style, " · aylık ihracat", " · monthly exports")) +
                 source_part(series.source, series.basis, series.vintage, style);
  report.meta = {
      {"province", Value::of_text(output::province_name(series.province))},
      {"province_code", series.province == national_total ? Value::null() : Value::of_count(series.province)},
      {"country", series.country ? Value::of_text(output::country_name(*series.country, style.language))
                                 : Value::null()},
      {"country_code", series.country ? text_or_null(output::country_code(*series.country)) : Value::null()},
      {"chapter", series.sector && series.sector->chapter != 0 ? Value::of_count(series.sector->chapter)
                                                               : Value::null()},
      {"sector",
       series.sector ? Value::of_text(output::sector_name(*series.sector, style.language)) : Value::null()},
      {"from", Value::of_text(series.from.iso())},
      {"to", Value::of_text(series.to.iso())},
      {"source", text_or_null(series.source)},
      {"basis", basis_value(series.basis)},
      {"vintage", text_or_null(vintage_iso(series.vintage))},
      {"flow", Value::of_text(std::string(name_of(series.flow)))},
      {"sample", Value::of_flag(series.sample)},
      {"currency", Value::of_text("USD")},
      {"turkey_basis", series.turkey_made_of
                           ? Value::of_text(std::string(output::code_of(*series.turkey_made_of)))
                           : Value::null()}};
  if (series.sample) report.warning = output::sample_table_notice(style.language);
  Section section;
  section.key = "rows";
  section.columns = {{"period", say(style, "Dönem", "Period"), Kind::period},
                     {"value", say(style, "Değer ($)", "Value ($)"), Kind::money},
                     {"change_previous_month_pct", say(style, "Aylık değişim", "Change m/m"), Kind::change},
                     {"change_previous_year_pct", say(style, "Yıllık değişim", "Change y/y"), Kind::change},
                     {"rolling_12m", say(style, "Son 12 ay ($)", "Last 12 months ($)"), Kind::money},
                     {"rolling_12m_change_pct", say(style, "12 ay değişim", "12m change"), Kind::change},
                     {"year_to_date", say(style, "Yılbaşından ($)", "Year to date ($)"), Kind::money},
                     {"year_to_date_change_pct", say(style, "Yılbaşı değişim", "YTD change"), Kind::change},
                     {"missing", say(style, "Durum", "Status"), Kind::flag, say(style, "eksik", "missing")}};
  for (const SeriesRow& row : series.rows) {
    section.rows.push_back({Value::of_text(row.period.iso()), Value::of_money(row.value),
                            Value::of_number(row.change_previous_month),
                            Value::of_number(row.change_previous_year), Value::of_money(row.rolling_12m),
                            Value::of_number(row.rolling_12m_change), Value::of_money(row.year_to_date),
                            Value::of_number(row.year_to_date_change), Value::of_flag(!row.covered)});
    section.faint.push_back(!row.covered);
  }
  if (series.turkey_made_of)
    report.notes.push_back(
        *series.turkey_made_of == TurkeyMadeOf::national_total_rows
            ? say(style, "Türkiye: verideki ulusal toplam satırları.",
                  "Türkiye: the data's national total rows.")
            : say(style, "Türkiye: 81 ilin toplamı.", "Türkiye: the sum of the 81 provinces."));
  report.sections.push_back(std::move(section));
  output::write_report(out, report, format, style);
}

namespace {

// "Kayseri · ülkelere göre ihracat · Ocak 2026 · Kaynak: TÜİK"
std::string top_title(const Top& top, const TableStyle& style) {
  const bool countries = top.by == TopBy::country;
  return fmt::format("{} · {} · {}", output::province_name(top.province),
                     imports(top.flow)
                         ? (countries ? say(style, "ülkelere göre ithalat", "imports by origin")
                                      : say(style, "sektörlere göre ithalat", "imports by sector"))
                         : (countries ? say(style, "ülkelere göre ihracat", "exports by destination")
                                      : say(style, "sektörlere göre ihracat", "exports by sector")),
                     window_label(top.window, top.from, top.to, style)) +
         source_part(top.source, top.basis, top.vintage, style);
}

// A table's rows: ranked, or (new and lost entries) the same columns without the rank.
std::vector<std::vector<Value>> top_rows(const std::vector<TopRow>& rows, bool ranked, bool countries,
                                         const TableStyle& style) {
  std::vector<std::vector<Value>> out_rows;
  for (const TopRow& r : rows) {
    std::vector<Value> row = {
        Value::of_text(countries ? output::country_name(r.country, style.language)
                                 : output::sector_name(r.sector, style.language)),
        text_or_null(countries ? output::country_code(r.country) : output::sector_code(r.sector)),
        Value::of_money(r.value),
        Value::of_number(r.share_pct),
        Value::of_money(r.previous_value),
        Value::of_number(r.change_pct),
        Value::of_number(r.contribution_pp)};
    if (ranked) row.insert(row.begin(), Value::of_count(static_cast<std::int64_t>(r.rank)));
    out_rows.push_back(std::move(row));
  }
  return out_rows;
}

// What the shares rest on, and what the year before could not give.
std::vector<std::string> top_notes(const Top& top, const TableStyle& style) {
  const bool countries = top.by == TopBy::country;
  std::vector<std::string> notes;
  if (top.parts_over_total)
    notes.push_back(
        say(style,
            fmt::format("Paylar ilin toplam satırına ({} $) göre; {} toplamı ({} $) bundan büyük.",
                        format_dollars(top.parts_over_total->total, style.language),
                        countries ? "ülkelerin" : "sektörlerin",
                        format_dollars(top.parts_over_total->sum_of_parts, style.language)),
            fmt::format("Shares are of the province's total row (${}); the {} add up to more (${}).",
                        format_dollars(top.parts_over_total->total, style.language),
                        countries ? "countries" : "sectors",
                        format_dollars(top.parts_over_total->sum_of_parts, style.language))));
  if (top.unallocated && *top.unallocated > 0 && top.total && *top.total > 0) {
    const double share = 100.0 * static_cast<double>(*top.unallocated) / static_cast<double>(*top.total);
    notes.push_back(say(
        style,
        fmt::format("Hiçbir {} ayrılmamış kısım: {} $ (toplamda payı {}); kaynak bu kısmı dağıtmıyor, "
                    "paylar toplama göre.",
                    countries ? "ülkeye" : "sektöre", format_dollars(*top.unallocated, style.language),
                    format_share(share, style.language)),
        fmt::format("In no {}: ${} ({} of the total), which the source does not split; the shares are of "
                    "the total.",
                    countries ? "destination" : "sector", format_dollars(*top.unallocated, style.language),
                    format_share(share, style.language))));
  }
  if (!top.year_earlier_covered)
    notes.push_back(say(
        style, "Bir yıl önceki dönem veride yok: değişim, katkı, yeni ve kaybedilen pazarlar hesaplanamadı.",
        "The year-earlier period is not in the data: changes, contributions, new and lost "
        "destinations cannot be computed."));
  return notes;
}

}  // namespace

void write_top(std::ostream& out, const Top& top, Format format, const TableStyle& style) {
  const bool countries = top.by == TopBy::country;
  Report report;
  report.title = top_title(top, style);
  report.meta = {{"province", Value::of_text(output::province_name(top.province))},
                 {"source", text_or_null(top.source)},
                 {"basis", basis_value(top.basis)},
                 {"vintage", text_or_null(vintage_iso(top.vintage))},
                 {"flow", Value::of_text(std::string(name_of(top.flow)))},
                 {"sample", Value::of_flag(top.sample)},
                 {"by", Value::of_text(countries ? "country" : "chapter")},
                 {"window", Value::of_text(window_key(top.window))},
                 {"from", Value::of_text(top.from.iso())},
                 {"to", Value::of_text(top.to.iso())},
                 {"currency", Value::of_text("USD")},
                 {"total", Value::of_money(top.total)},
                 {"previous_total", Value::of_money(top.previous_total)},
                 {"change_pct", Value::of_number(percent_change(top.total, top.previous_total))},
                 {"unallocated", Value::of_money(top.unallocated)}};
  if (top.sample) report.warning = output::sample_table_notice(style.language);
  const std::vector<Column> columns = {
      {"rank", "#", Kind::count},
      {"name", countries ? say(style, "Ülke", "Country") : say(style, "Sektör", "Sector"), Kind::text},
      {"code", say(style, "Kod", "Code"), Kind::text},
      {"value", say(style, "Değer ($)", "Value ($)"), Kind::money},
      {"share_pct", say(style, "Pay", "Share"), Kind::share},
      {"previous_value", say(style, "Bir yıl önce ($)", "A year earlier ($)"), Kind::money},
      {"change_pct", say(style, "Değişim", "Change"), Kind::change},
      {"contribution_pp", say(style, "Katkı", "Contribution"), Kind::points}};
  // New and lost entries have no rank: the same columns without the first.
  const std::vector<Column> unranked(columns.begin() + 1, columns.end());
  const auto rows_of = [&](const std::vector<TopRow>& rows, bool ranked) {
    return top_rows(rows, ranked, countries, style);
  };
  report.sections.push_back({"rows", "", columns, rows_of(top.rows, true), std::nullopt, {}});
  report.sections.push_back({"new",
                             !countries ? say(style, "Yeni sektörler", "New sectors")
                             : imports(top.flow)
                                 ? say(style, "Yeni kaynak ülkeler (bir yıl önce ithalat yoktu)",
                                       "New origins (nothing a year earlier)")
                                 : say(style, "Yeni pazarlar (bir yıl önce ihracat yoktu)",
                                       "New destinations (nothing a year earlier)"),
                             unranked,
                             rows_of(top.new_entries, false),
                             std::nullopt,
                             {}});
  report.sections.push_back({"lost",
                             !countries ? say(style, "Kaybedilen sektörler", "Lost sectors")
                             : imports(top.flow)
                                 ? say(style, "Artık ithalat yapılmayan ülkeler (bu dönemde ithalat yok)",
                                       "Lost origins (nothing this period)")
                                 : say(style, "Kaybedilen pazarlar (bu dönemde ihracat yok)",
                                       "Lost destinations (nothing this period)"),
                             unranked,
                             rows_of(top.lost_entries, false),
                             std::nullopt,
                             {}});
  report.notes = top_notes(top, style);
  // People are not shown a code column no row has (TİM's sectors have no code); machines always
  // get the key.
  if (format == Format::table || format == Format::markdown)
    for (auto& section : report.sections) {
      const auto code = std::find_if(section.columns.begin(), section.columns.end(),
                                     [](const Column& c) { return c.key == "code"; });
      if (code == section.columns.end()) continue;
      const auto at = code - section.columns.begin();
      const auto index = static_cast<std::size_t>(at);
      if (std::any_of(section.rows.begin(), section.rows.end(),
                      [&](const std::vector<Value>& row) { return row[index].text.has_value(); }))
        continue;
      section.columns.erase(code);
      for (auto& row : section.rows) row.erase(row.begin() + at);
    }
  output::write_report(out, report, format, style);
}

void write_rank(std::ostream& out, const Ranking& ranking, Format format, const TableStyle& style) {
  Report report;
  const bool trade = ranking.by == RankBy::balance || ranking.by == RankBy::coverage;
  const std::string subject =
      trade ? say(style, "İllerin dış ticaret sıralaması · ", "Provinces ranked by trade · ")
      : imports(ranking.flow) ? say(style, "İllerin ithalat sıralaması · ", "Provinces ranked by imports · ")
                              : say(style, "İllerin ihracat sıralaması · ", "Provinces ranked by exports · ");
  const std::string by = ranking.by == RankBy::change    ? say(style, " · değişime göre", " · by change")
                         : ranking.by == RankBy::balance ? say(style, " · dengeye göre", " · by balance")
                         : ranking.by == RankBy::coverage
                             ? say(style, " · karşılama oranına göre", " · by coverage")
                             : "";
  report.title = subject + window_label(ranking.window, ranking.from, ranking.to, style) + by +
                 source_part(ranking.source, ranking.basis, ranking.vintage, style);
  const char* by_key = ranking.by == RankBy::change     ? "change"
                       : ranking.by == RankBy::balance  ? "balance"
                       : ranking.by == RankBy::coverage ? "coverage"
                                                        : "value";
  report.meta = {{"source", text_or_null(ranking.source)},
                 {"basis", basis_value(ranking.basis)},
                 {"vintage", text_or_null(vintage_iso(ranking.vintage))},
                 {"flow", Value::of_text(std::string(name_of(ranking.flow)))},
                 {"sample", Value::of_flag(ranking.sample)},
                 {"window", Value::of_text(window_key(ranking.window))},
                 {"by", Value::of_text(by_key)},
                 {"from", Value::of_text(ranking.from.iso())},
                 {"to", Value::of_text(ranking.to.iso())},
                 {"currency", Value::of_text("USD")},
                 {"turkey", Value::of_money(ranking.turkey)},
                 {"turkey_basis", Value::of_text(std::string(output::code_of(ranking.turkey_made_of)))}};
  if (ranking.sample) report.warning = output::sample_table_notice(style.language);
  Section section;
  section.key = "rows";
  section.columns = {
      {"rank", "#", Kind::count},
      {"province", say(style, "İl", "Province"), Kind::text},
      {"province_code", say(style, "Kod", "Code"), Kind::count},
      {"value", say(style, "Değer ($)", "Value ($)"), Kind::money},
      {"share_pct", say(style, "Türkiye payı", "Share of Türkiye"), Kind::share},
      {"previous_value", say(style, "Bir yıl önce ($)", "A year earlier ($)"), Kind::money},
      {"change_pct", say(style, "Değişim", "Change"), Kind::change},
      {"previous_rank", say(style, "Bir yıl önceki sıra (değere göre)", "Rank a year earlier (by value)"),
       Kind::count}};
  if (trade) {
    // The value is of exports; imports and what the two make follow.
    section.columns[3].label = say(style, "İhracat ($)", "Exports ($)");
    section.columns.push_back({"imports", say(style, "İthalat ($)", "Imports ($)"), Kind::money});
    section.columns.push_back({"balance", say(style, "Denge ($)", "Balance ($)"), Kind::money});
    section.columns.push_back({"coverage_ratio_pct", say(style, "Karşılama oranı", "Coverage"), Kind::share});
  }
  for (std::size_t i = 0; i < ranking.rows.size(); ++i) {
    const RankRow& r = ranking.rows[i];
    section.rows.push_back(
        {Value::of_count(static_cast<std::int64_t>(r.rank)),
         Value::of_text(output::province_name(r.province)), Value::of_count(r.province),
         Value::of_money(r.value), Value::of_number(r.share_pct), Value::of_money(r.previous_value),
         Value::of_number(r.change_pct),
         r.previous_rank ? Value::of_count(static_cast<std::int64_t>(*r.previous_rank)) : Value::null()});
    if (trade && r.trade) {
      section.rows.back().push_back(Value::of_money(r.trade->imports));
      section.rows.back().push_back(Value::of_money(r.trade->balance));
      section.rows.back().push_back(Value::of_number(r.trade->coverage_pct));
    }
    if (ranking.highlight == r.province) section.highlight = i;
  }
  report.sections.push_back(std::move(section));
  report.notes.push_back(
      ranking.turkey_made_of == TurkeyMadeOf::national_total_rows
          ? say(style, "Paylar, verideki ulusal toplama göre.", "Shares are of the data's national total.")
          : say(style, "Paylar, 81 ilin toplamına göre.", "Shares are of the 81 provinces' sum."));
  output::write_report(out, report, format, style);
}

}  // namespace kexport
