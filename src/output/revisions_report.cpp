// kexport revisions as a Report: what a release changed, old and new, for people and machines.
#include <fmt/format.h>

#include <algorithm>

#include "grid.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "labels.hpp"
#include "names.hpp"

namespace kexport {
namespace {

using output::Column;
using output::Kind;
using output::Report;
using output::say;
using output::Value;

Value release_value(Vintage vintage) {
  return vintage == unknown_vintage ? Value::null() : Value::of_text(vintage_iso(vintage));
}

// "31 Ocak 2026" for a release; "tarihsiz dosyalar" / "undated files" for files that give none.
std::string release_label(Vintage vintage, const TableStyle& style) {
  if (vintage == unknown_vintage) return say(style, "tarihsiz dosyalar", "undated files");
  return output::release_date(vintage, style.language);
}

std::vector<Value> row_values(const RevisionRow& r, const TableStyle& style) {
  const auto text = [](std::string t) { return t.empty() ? Value::null() : Value::of_text(std::move(t)); };
  return {Value::of_text(output::province_name(r.province)),
          Value::of_text(r.month.iso()),
          r.country ? text(output::country_name(*r.country, style.language)) : Value::null(),
          r.country ? text(output::country_code(*r.country)) : Value::null(),
          r.sector ? text(output::sector_name(*r.sector, style.language)) : Value::null(),
          r.sector ? text(output::sector_code(*r.sector)) : Value::null(),
          Value::of_money(r.old_value),
          Value::of_money(r.new_value),
          Value::of_money(r.difference),
          Value::of_number(r.change_pct)};
}

}  // namespace

void write_revisions(std::ostream& out, const Revisions& revisions, Format format, const TableStyle& style) {
  Report report;
  const std::string named =
      output::source_label(revisions.source, revisions.basis, unknown_vintage, style.language);
  report.title = say(style, "Düzeltmeler", "Revisions");
  if (revisions.releases_found)
    report.title += fmt::format(" · {} → {}", release_label(revisions.old_release, style),
                                release_label(revisions.new_release, style));
  if (!named.empty()) report.title += say(style, " · Kaynak: ", " · Source: ") + named;
  report.meta = {{"source", revisions.source.empty() ? Value::null() : Value::of_text(revisions.source)},
                 {"basis", revisions.basis == Basis::unstated
                               ? Value::null()
                               : Value::of_text(std::string(basis_code(revisions.basis)))},
                 {"flow", Value::of_text(std::string(name_of(revisions.flow)))},
                 {"old_release", release_value(revisions.old_release)},
                 {"new_release", release_value(revisions.new_release)},
                 {"currency", Value::of_text("USD")},
                 {"count", Value::of_count(static_cast<std::int64_t>(revisions.rows.size()))}};
  const std::vector<Column> columns = {{"province", say(style, "İl", "Province"), Kind::text},
                                       {"period", say(style, "Ay", "Month"), Kind::text},
                                       {"country", say(style, "Ülke", "Country"), Kind::text},
                                       {"country_code", say(style, "Kod", "Code"), Kind::text},
                                       {"sector", say(style, "Sektör", "Sector"), Kind::text},
                                       {"sector_code", say(style, "Kod", "Code"), Kind::text},
                                       {"old_value", say(style, "Eski ($)", "Old ($)"), Kind::money},
                                       {"new_value", say(style, "Yeni ($)", "New ($)"), Kind::money},
                                       {"difference", say(style, "Fark ($)", "Difference ($)"), Kind::money},
                                       {"change_pct", say(style, "Değişim", "Change"), Kind::change}};
  std::vector<Column> shown = columns;
  std::vector<std::vector<Value>> rows;
  for (const RevisionRow& r : revisions.rows) rows.push_back(row_values(r, style));
  // People are not shown a destination or sector column no row has; machines always get every key.
  if (format == Format::table || format == Format::markdown)
    for (std::size_t c = shown.size(); c-- > 2;) {
      const bool all_null =
          std::all_of(rows.begin(), rows.end(), [&](const std::vector<Value>& row) { return !row[c].text; });
      if (!all_null || shown[c].kind != Kind::text) continue;
      shown.erase(shown.begin() + static_cast<std::ptrdiff_t>(c));
      for (auto& row : rows) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
    }
  // A row without a destination or sector is the province's total: people read that word, not
  // the mark of a missing figure.
  if (format == Format::table || format == Format::markdown)
    for (std::size_t c = 0; c < shown.size(); ++c)
      if (shown[c].key == "country" || shown[c].key == "sector")
        for (auto& row : rows)
          if (!row[c].text) row[c] = Value::of_text(say(style, "Toplam", "Total"));
  report.sections.push_back({"rows", "", shown, std::move(rows), std::nullopt, {}});
  if (revisions.rows.empty())
    report.notes.push_back(
        revisions.releases_found
            ? say(style, "Bu iki yayım arasında düzeltme yok.", "No revisions between these two releases.")
            : say(style, "Düzeltme yok: verideki hiçbir rakam başka bir dosyada farklı verilmemiş.",
                  "No revisions: no figure in the data is given differently by another file."));
  else if (revisions.old_release == unknown_vintage && revisions.new_release == unknown_vintage)
    report.notes.push_back(
        say(style,
            "Dosyalar tarih vermiyor: sonra okunan dosyanın rakamı düzeltme sayıldı (--vintage "
            "bir tarih verir).",
            "The files give no date: the figure of the file read later counts as the revision "
            "(--vintage gives one)."));
  output::write_report(out, report, format, style);
}

}  // namespace kexport
