// The validate report: for people, a block per file; for machines, one JSON document.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "json_values.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "text_table.hpp"

namespace kexport {
namespace {

std::vector<std::string> flow_names(const std::vector<Flow>& flows) {
  std::vector<std::string> names;
  for (const Flow flow : flows) names.emplace_back(name_of(flow));
  return names;
}

struct ValidateWords {
  std::string_view format, rows, months, coverage_none, missing, provinces, countries, unknown, free_zones,
      totals, total_exceeds, total_short, problems, none, notices, revisions, revised, title_rows, notes,
      groups, unpublished, clean, not_clean, fatal, not_read;
};

constexpr ValidateWords turkish{"biçim",
                                "kayıt",
                                "aylar",
                                "kayıt yok",
                                "eksik ay",
                                "il",
                                "ülke",
                                "bilinmeyen ülke adı",
                                "serbest bölgeler",
                                "toplamlar",
                                "toplam, parçaların toplamından {} fazla",
                                "toplam, parçaların toplamından {} az",
                                "sorunlar",
                                "yok",
                                "notlar",
                                "düzeltmeler",
                                "{} → {}",
                                "başlık satırı",
                                "not satırı",
                                "alt grup satırı",
                                "yayımlanmamış aylar",
                                "Sorun bulunmadı.",
                                "{} sorun bulundu.",
                                "dosya okunamadı",
                                "okunmayan dosyalar"};
constexpr ValidateWords english{"format",
                                "records",
                                "months",
                                "no records",
                                "missing months",
                                "provinces",
                                "countries",
                                "unknown country names",
                                "free zones",
                                "totals",
                                "total exceeds its parts by {}",
                                "total falls short of its parts by {}",
                                "problems",
                                "none",
                                "notices",
                                "revisions",
                                "{} → {}",
                                "title row",
                                "note row",
                                "sub-group row",
                                "unpublished months",
                                "No problems found.",
                                "{} problem{} found.",
                                "the file could not be read",
                                "not read"};

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  return fmt::format("{}", fmt::join(items, separator));
}

std::string period_span(const FileValidation& f, const ValidateWords& w) {
  if (!f.first_month) return std::string(w.coverage_none);
  return f.first_month == f.last_month ? f.first_month->iso()
                                       : fmt::format("{} – {}", f.first_month->iso(), f.last_month->iso());
}

// "1 title row" / "2 title rows": the English words take a plural s, the Turkish ones do not.
std::string counted(std::uint64_t n, std::string_view word, Language lang) {
  return fmt::format("{} {}{}", format_count(n, lang), word, lang == Language::en && n != 1 ? "s" : "");
}

// Cents as written for people, exactly: "1.000,40" / "1,000.40".
std::string exact_amount(Cents cents, Language lang) {
  const Cents magnitude = cents < 0 ? -cents : cents;
  return fmt::format("{}{}{}{:02}", cents < 0 ? "-" : "",
                     format_count(static_cast<std::uint64_t>(magnitude / 100), lang),
                     lang == Language::tr ? ',' : '.', magnitude % 100);
}

std::string total_line(const TotalCheck& t, const ValidateWords& w, Language lang) {
  const Cents gap = t.total - t.sum_of_parts;
  const std::string what = fmt::format(fmt::runtime(gap > 0 ? w.total_exceeds : w.total_short),
                                       format_dollars(gap > 0 ? gap : -gap, lang) + " $");
  const std::string whose =
      t.country ? t.province + " · " + t.country->name(Gazetteer::builtin(), lang) : t.province;
  return fmt::format("{} {} {} ({}): {}", whose, t.month.iso(), t.source, t.parts, what);
}

// "tuik.csv:6:61: the total 25.600.001 is not the sum of the months ($25,600,001,000.00 written, …)".
std::string mismatch_line(const TotalColumnMismatch& m, Language lang) {
  const auto dollars = [&](Cents c) {
    return lang == Language::tr ? fmt::format("{},{:02} $", format_dollars(c / 100 * 100, lang), c % 100)
                                : fmt::format("${}.{:02}", format_dollars(c / 100 * 100, lang), c % 100);
  };
  const std::string at = m.where.text();
  if (lang == Language::tr)
    return fmt::format(
        "{}: TOPLAM hücresindeki {}, ayların toplamına eşit değil (yazılan {}, ayların toplamı {})", at,
        m.written, dollars(m.stated), dollars(m.months));
  return fmt::format("{}: the total {} is not the sum of the months ({} written, the months make {})", at,
                     m.written, dollars(m.stated), dollars(m.months));
}

std::string_view note_key(FileNote::Kind kind) {
  switch (kind) {
    case FileNote::Kind::hidden_sheet:
      return "hidden_sheet";
    case FileNote::Kind::hidden_rows:
      return "hidden_rows";
    case FileNote::Kind::no_table:
      return "no_table";
    case FileNote::Kind::fitted_name:
      return "fitted_name";
    case FileNote::Kind::months_from_cumulative:
      return "months_from_cumulative";
    case FileNote::Kind::template_month:
      return "template_month";
    case FileNote::Kind::hidden_sheet_skipped:
      return "hidden_sheet_skipped";
    case FileNote::Kind::unit_stated:
      return "unit_stated";
    case FileNote::Kind::unit_by_convention:
      return "unit_by_convention";
    case FileNote::Kind::skipped_row_unknown:
      return "skipped_row_unknown";
    case FileNote::Kind::total_by_sums:
      return "total_by_sums";
    case FileNote::Kind::numeric_country_codes:
      return "numeric_country_codes";
  }
  return {};
}

std::string note_line(const FileNote& note, Language lang) {
  const bool tr = lang == Language::tr;
  switch (note.kind) {
    case FileNote::Kind::hidden_sheet:
      return tr ? "gizli bir sayfa; ötekiler gibi okundu" : "a hidden sheet, read like the others";
    case FileNote::Kind::hidden_rows:
      return tr ? fmt::format("{} gizli satır ötekiler gibi okundu", note.count)
                : fmt::format("{} hidden row{} read like the others", note.count, note.count == 1 ? "" : "s");
    case FileNote::Kind::no_table:
      return (tr ? "tablo yok, okunmadı: " : "no table, not read: ") + note.detail;
    case FileNote::Kind::fitted_name:
      return (tr ? "Türkçe harfleri ? olmuş ad, uyan tek adla okundu: "
                 : "a name with '?' for its Turkish letters, read as the one name that fits: ") +
             note.detail;
    case FileNote::Kind::months_from_cumulative:
      return tr ? "sütunlar yılbaşından birikimli; aylar, art arda iki sütunun farkı olarak hesaplandı"
                : "the columns are cumulative from January; each month is the difference of two in a row";
    case FileNote::Kind::template_month:
      return tr ? fmt::format(
                      "{} henüz yayımlanmamış bir ay (şablon): sıfırları yok sayıldı, yalnız dolu "
                      "hücreleri okundu",
                      note.detail)
                : fmt::format(
                      "{} is a month not yet published (a template): its zeros are absent, only "
                      "its filled cells were read",
                      note.detail);
    case FileNote::Kind::hidden_sheet_skipped:
      return tr ? "gizli bir sayfa; okunmadı (okumak için --sheet ile adını verin)"
                : "a hidden sheet, not read (name it with --sheet to read it)";
    case FileNote::Kind::unit_stated:
      return (tr ? "birim dosyadan: " : "unit from the file: ") + note.detail;
    case FileNote::Kind::unit_by_convention:
      return tr ? "birim yazılmamış; TİM'in 2010'dan beri yayımladığı gibi bin dolar kabul edildi"
                : "no unit stated; read as thousands of dollars, as TİM publishes since 2010";
    case FileNote::Kind::skipped_row_unknown:
      return (tr ? "atlanan satır yüzünden bilinmiyor: " : "unknown because of a skipped row: ") +
             skipped_key_text(note.detail, lang);
    case FileNote::Kind::total_by_sums:
      return tr ? fmt::format(
                      "'{}' satırları, gruplarının öteki satırlarının toplamına eşit: toplam satırı "
                      "sayıldı, toplamlara katılmadı",
                      note.detail)
                : fmt::format(
                      "the rows of '{}' equal the sum of the other rows of their group: read as a "
                      "total, kept out of the sums",
                      note.detail);
    case FileNote::Kind::numeric_country_codes:
      return tr ? "sayısal ülke kodları (TÜİK'in) okunmadı; ülkeler yanlarındaki adlarından okundu"
                : "numeric country codes (TÜİK's) were not read; the countries were read by the names beside "
                  "them";
  }
  return {};
}

std::string_view passed_over_key(PassedOver::Why why) {
  switch (why) {
    case PassedOver::Why::spreadsheet:
      return "spreadsheet";
    case PassedOver::Why::not_data:
      return "not_data";
    case PassedOver::Why::documentation:
      return "documentation";
    case PassedOver::Why::hidden:
      return "hidden";
    case PassedOver::Why::directory:
      return "directory";
  }
  return {};
}

// "2 tutar bir programın kayan nokta artığıyla yazılmış (ilki 4. satırda: '0.30000000000000004'); en
// yakın kuruşa yuvarlandı".
std::string rounded_line(const LoadedFile& f, Language lang) {
  if (lang == Language::tr)
    return fmt::format(
        "{} tutar bir programın kayan nokta artığıyla yazılmış (ilki {}. satırda: '{}'); en "
        "yakın kuruşa yuvarlandı",
        f.rounded_amounts, f.first_rounded_line, f.first_rounded);  // satır: a line or a sheet's row
  return fmt::format(
      "{} amount{} written with a float artefact (the first on {} {}: '{}') {} rounded to the "
      "nearest cent",
      f.rounded_amounts, f.rounded_amounts == 1 ? "" : "s", f.is_sheet() ? "row" : "line",
      f.first_rounded_line, f.first_rounded, f.rounded_amounts == 1 ? "was" : "were");
}

// "UTF-8", "UTF-8 with BOM", "Windows-1254", as the report has always said.
std::string encoding_text(const LoadedFile& f) {
  return std::string(name_of(*f.encoding)) + (f.byte_order_mark ? " with BOM" : "");
}

}  // namespace

std::string unit_doubt_line(const FileValidation::UnitDoubt& d, Language lang) {
  const std::string amount = format_dollars(d.cents, lang) + " $";
  if (lang == Language::tr)
    return fmt::format(
        "birim belirtilmemiş, tutarlar dolar sayıldı; ama {} {} yalnızca {}: tutarlar bin dolar "
        "olabilir (öyleyse --unit thousand)",
        d.province, d.month.iso(), amount);
  return fmt::format(
      "no unit stated, the amounts were read as dollars; but {} {} is only {}: they may be "
      "thousands of dollars (if so, --unit thousand)",
      d.province, d.month.iso(), amount);
}

void write_validation_table(std::ostream& out, const ValidationReport& report, const TableStyle& style) {
  const ValidateWords& w = style.language == Language::tr ? turkish : english;
  const Language lang = style.language;
  std::size_t problems = 0;
  for (const FileValidation& f : report.files) {
    problems += f.problem_count();
    out << output::paint(f.file.name, output::Tone::strong, style.color) << '\n';
    output::TextTable table({output::Align::left, output::Align::left});
    if (f.fatal) {
      table.add_row({std::string(w.problems), std::string(w.fatal)});
    } else {
      std::vector<std::string> format = {f.file.format};
      if (f.file.layout) format.emplace_back(name_of(*f.file.layout));
      if (!f.file.delimiter.empty())
        format.push_back(fmt::format("'{}'", f.file.delimiter == "tab" ? "\\t" : f.file.delimiter));
      if (f.file.encoding) format.push_back(encoding_text(f.file));
      if (f.file.decimal)
        format.push_back(*f.file.decimal == DecimalStyle::point ? "291804236.45" : "291.804.236,45");
      if (f.file.unit) format.emplace_back(name_of(*f.file.unit));
      for (const auto& source : f.sources)
        if (!source.empty()) format.push_back(source);
      // Which way the figures went, said only when imports are among them: exports are the default.
      if (std::find(f.flows.begin(), f.flows.end(), Flow::imports) != f.flows.end())
        for (const Flow flow : f.flows)
          format.emplace_back(lang == Language::tr ? (flow == Flow::imports ? "ithalat" : "ihracat")
                                                   : (flow == Flow::imports ? "imports" : "exports"));
      table.add_row({std::string(w.format), join(format)});
      std::vector<std::string> rows = {format_count(f.file.rows, lang)};
      if (f.file.title_rows) rows.push_back(counted(f.file.title_rows, w.title_rows, lang));
      if (f.file.note_rows) rows.push_back(counted(f.file.note_rows, w.notes, lang));
      if (f.file.group_rows) rows.push_back(counted(f.file.group_rows, w.groups, lang));
      table.add_row({std::string(w.rows), join(rows)});
      table.add_row({std::string(w.months), period_span(f, w)});
      if (!f.missing_months.empty()) {
        std::vector<std::string> months;
        for (Period m : f.missing_months) months.push_back(m.iso());
        table.add_row({std::string(w.missing), join(months)});
      }
      if (!f.file.unpublished.empty()) table.add_row({std::string(w.unpublished), join(f.file.unpublished)});
      table.add_row({std::string(w.provinces), std::to_string(f.provinces)});
      table.add_row({std::string(w.countries), std::to_string(f.countries)});
      if (!f.unknown_countries.empty()) table.add_row({std::string(w.unknown), join(f.unknown_countries)});
      if (!f.free_zones.empty()) table.add_row({std::string(w.free_zones), join(f.free_zones)});
    }
    for (const TotalCheck& t : f.totals) table.add_row({std::string(w.totals), total_line(t, w, lang)});
    if (f.unit_doubt) table.add_row({std::string(w.notices), unit_doubt_line(*f.unit_doubt, lang)});
    for (const auto& mismatch : f.file.total_mismatches)
      table.add_row({std::string(w.notices), mismatch_line(mismatch, lang)});
    if (f.file.rounded_amounts > 0) table.add_row({std::string(w.notices), rounded_line(f.file, lang)});
    for (const FileNote& note : f.file.notes) table.add_row({std::string(w.notices), note_line(note, lang)});
    if (f.problem_count() == 0 && !f.fatal) table.add_row({std::string(w.problems), std::string(w.none)});
    for (const auto& problem : f.file.problems)
      table.add_row({std::string(w.problems), {problem, output::Tone::fall}});
    table.write(out, "  ", style);
    out << '\n';
  }
  if (!report.combined_totals.empty()) {
    out << output::paint(std::string(w.totals), output::Tone::strong, style.color) << '\n';
    output::TextTable table({output::Align::left});
    for (const TotalCheck& t : report.combined_totals) {
      problems += t.total < t.sum_of_parts ? 1 : 0;
      table.add_row({total_line(t, w, lang)});
    }
    table.write(out, "  ", style);
    out << '\n';
  }
  if (!report.revisions.empty()) {
    out << output::paint(std::string(w.revisions), output::Tone::strong, style.color) << '\n';
    output::TextTable table(
        {output::Align::left, output::Align::left, output::Align::right, output::Align::right});
    const bool tr = lang == Language::tr;
    table.add_header({tr ? "kayıt" : "record", tr ? "dosyalar" : "files", tr ? "eski ($)" : "old ($)",
                      tr ? "yeni ($)" : "new ($)"});
    for (const RevisionNote& r : report.revisions) {
      std::string what = fmt::format("{} {}", r.province, r.month.iso());
      if (r.country) what += " " + r.country->name(Gazetteer::builtin(), lang);
      if (r.chapter) what += fmt::format(" {:02}", r.chapter);
      if (!r.source.empty()) what += " " + r.source;
      table.add_row({what, fmt::format(fmt::runtime(w.revised), r.earlier_file, r.later_file),
                     exact_amount(r.old_value, lang), exact_amount(r.new_value, lang)});
    }
    table.write(out, "  ", style);
    out << '\n';
  }
  if (!report.passed_over.empty()) {
    out << output::paint(std::string(w.not_read), output::Tone::strong, style.color) << '\n';
    output::TextTable table({output::Align::left, output::Align::left});
    for (const PassedOver& entry : report.passed_over)
      table.add_row({entry.path, std::string(passed_over_reason(entry.why, lang))});
    table.write(out, "  ", style);
    out << '\n';
  }
  if (problems == 0)
    out << w.clean << '\n';
  else if (lang == Language::tr)
    out << fmt::format(fmt::runtime(w.not_clean), problems) << '\n';
  else
    out << fmt::format(fmt::runtime(w.not_clean), problems, problems == 1 ? "" : "s") << '\n';
}

void write_validation_json(std::ostream& out, const ValidationReport& report) {
  using Json = nlohmann::ordered_json;
  const auto total_json = [&](const TotalCheck& t) {
    return Json{{"source", t.source},
                {"province", t.province},
                {"country", t.country ? Json(t.country->name(Gazetteer::builtin(), Language::tr)) : Json()},
                {"period", t.month.iso()},
                {"parts", t.parts},
                {"total", output::json_dollars(t.total)},
                {"sum_of_parts", output::json_dollars(t.sum_of_parts)}};
  };
  Json files = Json::array();
  for (const FileValidation& f : report.files) {
    Json totals = Json::array();
    for (const TotalCheck& t : f.totals) totals.push_back(total_json(t));
    Json missing = Json::array();
    for (Period m : f.missing_months) missing.push_back(m.iso());
    // Notices as sentences (stable since the first release), and the same as fields.
    Json notices = Json::array();
    Json mismatches = Json::array();
    if (f.file.rounded_amounts > 0)
      notices.push_back(f.file.name + ": " + rounded_line(f.file, Language::en));
    for (const TotalColumnMismatch& m : f.file.total_mismatches) {
      notices.push_back(fmt::format(
          "{}: the total {} is not the sum of the months ({}.{:02} USD against {}.{:02} USD)", m.where.text(),
          m.written, m.stated / 100, m.stated % 100, m.months / 100, m.months % 100));
      mismatches.push_back({{"position", m.where.text()},
                            {"line", m.where.line},
                            {"column", m.where.column},
                            {"written", m.written},
                            {"total", output::json_dollars(m.stated)},
                            {"sum_of_months", output::json_dollars(m.months)}});
    }
    Json notes = Json::array();
    for (const FileNote& note : f.file.notes) {
      notices.push_back(f.file.name + ": " + note_line(note, Language::en));
      notes.push_back({{"kind", note_key(note.kind)}, {"count", note.count}, {"detail", note.detail}});
    }
    files.push_back(
        {{"file", f.file.name},
         {"readable", !f.fatal},
         {"format", f.file.format},
         {"layout", f.file.layout ? name_of(*f.file.layout) : ""},
         {"delimiter", f.file.delimiter},
         {"encoding", f.file.encoding ? encoding_text(f.file) : ""},
         {"decimal", f.file.decimal ? name_of(*f.file.decimal) : ""},
         {"unit", f.file.unit ? name_of(*f.file.unit) : ""},
         {"sources", f.sources},
         {"flows", flow_names(f.flows)},
         {"rows", f.file.rows},
         {"title_rows", f.file.title_rows},
         {"note_rows", f.file.note_rows},
         {"group_rows", f.file.group_rows},
         {"first_period", f.first_month ? Json(f.first_month->iso()) : Json(nullptr)},
         {"last_period", f.last_month ? Json(f.last_month->iso()) : Json(nullptr)},
         {"missing_periods", missing},
         {"unpublished_months", f.file.unpublished},
         {"provinces", f.provinces},
         {"countries", f.countries},
         {"unknown_countries", f.unknown_countries},
         {"free_zones", f.free_zones},
         {"unit_assumed", f.file.unit_assumed},
         {"unit_doubt", f.unit_doubt ? Json{{"province", f.unit_doubt->province},
                                            {"period", f.unit_doubt->month.iso()},
                                            {"value_usd", output::json_dollars(f.unit_doubt->cents)}}
                                     : Json()},
         {"totals", totals},
         {"notices", notices},
         {"total_mismatches", mismatches},
         {"rounded_amounts", f.file.rounded_amounts},
         {"notes", notes},
         {"problems", f.file.problems}});
  }
  Json revisions = Json::array();
  for (const RevisionNote& r : report.revisions)
    revisions.push_back(
        {{"earlier_file", r.earlier_file},
         {"later_file", r.later_file},
         {"source", r.source},
         {"province", r.province},
         {"period", r.month.iso()},
         {"country", r.country ? Json(r.country->name(Gazetteer::builtin(), Language::tr)) : Json(nullptr)},
         {"chapter", r.chapter == 0 ? Json(nullptr) : Json(r.chapter)},
         {"old_value", output::json_dollars(r.old_value)},
         {"new_value", output::json_dollars(r.new_value)}});
  Json combined = Json::array();
  for (const TotalCheck& t : report.combined_totals) combined.push_back(total_json(t));
  Json not_read = Json::array();
  for (const PassedOver& entry : report.passed_over)
    not_read.push_back({{"path", entry.path}, {"reason", passed_over_key(entry.why)}});
  Json doc{{"clean", report.clean()},
           {"files", files},
           {"combined_totals", combined},
           {"revisions", revisions},
           {"not_read", not_read}};
  out << doc.dump(2) << '\n';
}

}  // namespace kexport
