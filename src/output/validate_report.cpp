// The validate report for people: a block per file (validate_json.cpp writes it for machines).
#include <fmt/format.h>

#include <algorithm>

#include "json_values.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "names.hpp"
#include "text_table.hpp"
#include "validate_lines.hpp"

namespace kexport {
namespace {

struct ValidateWords {
  std::string_view format, rows, months, coverage_none, missing, provinces, countries, unknown, free_zones,
      totals, total_exceeds, total_short, problems, none, notices, revisions, revised, title_rows, notes,
      groups, unpublished, clean, not_clean, fatal, not_read, release, release_unknown, from_title, from_name;
};

constexpr ValidateWords validate_turkish{"biçim",
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
                                         "okunmayan dosyalar",
                                         "yayım",
                                         "bilinmiyor (başlığında ya da adında tarih yok; --vintage verir)",
                                         "başlıktan",
                                         "dosya adından"};
constexpr ValidateWords validate_english{"format",
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
                                         "not read",
                                         "release",
                                         "unknown (no date in its title or name; --vintage gives one)",
                                         "from the title",
                                         "from the file name"};

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
      t.country ? output::province_name(t.province) + " · " + t.country->name(Gazetteer::builtin(), lang)
                : output::province_name(t.province);
  return fmt::format("{} {} {} ({}): {}", whose, t.month.iso(), t.source, output::code_of(t.parts), what);
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

}  // namespace

std::string unit_doubt_line(const FileValidation::UnitDoubt& d, Language lang) {
  const std::string amount = format_dollars(d.cents, lang) + " $";
  if (lang == Language::tr)
    return fmt::format(
        "birim belirtilmemiş, tutarlar dolar sayıldı; ama {} {} yalnızca {}: tutarlar bin dolar "
        "olabilir (öyleyse --unit thousand)",
        output::province_name(d.province), d.month.iso(), amount);
  return fmt::format(
      "no unit stated, the amounts were read as dollars; but {} {} is only {}: they may be "
      "thousands of dollars (if so, --unit thousand)",
      output::province_name(d.province), d.month.iso(), amount);
}

namespace {

// What a readable file holds: its format, rows, months, provinces and destinations.
void add_contents(output::TextTable& table, const FileValidation& f, const ValidateWords& w, Language lang) {
  std::vector<std::string> format = {f.file.format};
  if (f.file.layout) format.emplace_back(name_of(*f.file.layout));
  if (!f.file.delimiter.empty())
    format.push_back(fmt::format("'{}'", f.file.delimiter == "tab" ? "\\t" : f.file.delimiter));
  if (f.file.encoding) format.push_back(output::encoding_text(f.file));
  if (f.file.decimal)
    format.push_back(*f.file.decimal == DecimalStyle::point ? "291804236.45" : "291.804.236,45");
  if (f.file.unit) format.emplace_back(name_of(*f.file.unit));
  for (std::size_t i = 0; i < f.sources.size(); ++i)
    if (const std::string named = output::source_label(f.sources[i], f.bases[i], unknown_vintage, lang);
        !named.empty())
      format.push_back(named);
  // Which way the figures went, said only when imports are among them: exports are the default.
  if (std::find(f.flows.begin(), f.flows.end(), Flow::imports) != f.flows.end())
    for (const Flow flow : f.flows)
      format.emplace_back(lang == Language::tr ? (flow == Flow::imports ? "ithalat" : "ihracat")
                                               : (flow == Flow::imports ? "imports" : "exports"));
  table.add_row({std::string(w.format), join(format)});
  if (f.file.vintage == unknown_vintage) {
    table.add_row({std::string(w.release), std::string(w.release_unknown)});
  } else {
    const std::string_view from = f.file.vintage_from == "title" ? w.from_title
                                  : f.file.vintage_from == "file name"
                                      ? w.from_name
                                      : std::string_view(f.file.vintage_from);
    table.add_row({std::string(w.release), fmt::format("{} ({})", vintage_iso(f.file.vintage), from)});
  }
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

// One file's block: what it holds, its totals and notices, and its problems.
void write_file_block(std::ostream& out, const FileValidation& f, const ValidateWords& w,
                      const TableStyle& style) {
  const Language lang = style.language;
  out << output::paint(f.file.name, output::Tone::strong, style.color) << '\n';
  output::TextTable table({output::Align::left, output::Align::left});
  if (f.fatal)
    table.add_row({std::string(w.problems), std::string(w.fatal)});
  else
    add_contents(table, f, w, lang);
  for (const TotalCheck& t : f.totals) table.add_row({std::string(w.totals), total_line(t, w, lang)});
  if (f.unit_doubt) table.add_row({std::string(w.notices), unit_doubt_line(*f.unit_doubt, lang)});
  for (const auto& mismatch : f.file.total_mismatches)
    table.add_row({std::string(w.notices), mismatch_line(mismatch, lang)});
  if (f.file.rounded_amounts > 0) table.add_row({std::string(w.notices), output::rounded_line(f.file, lang)});
  for (const FileNote& note : f.file.notes)
    table.add_row({std::string(w.notices), output::note_line(note, lang)});
  if (f.problem_count() == 0 && !f.fatal) table.add_row({std::string(w.problems), std::string(w.none)});
  for (const auto& problem : f.file.problems)
    table.add_row({std::string(w.problems), {problem, output::Tone::fall}});
  table.write(out, "  ", style);
  out << '\n';
}

// The records a later file changed, old and new.
void write_revisions(std::ostream& out, const std::vector<RevisionNote>& revisions, const ValidateWords& w,
                     const TableStyle& style) {
  const Language lang = style.language;
  out << output::paint(std::string(w.revisions), output::Tone::strong, style.color) << '\n';
  output::TextTable table(
      {output::Align::left, output::Align::left, output::Align::right, output::Align::right});
  const bool tr = lang == Language::tr;
  table.add_header({tr ? "kayıt" : "record", tr ? "dosyalar" : "files", tr ? "eski ($)" : "old ($)",
                    tr ? "yeni ($)" : "new ($)"});
  for (const RevisionNote& r : revisions) {
    std::string what = fmt::format("{} {}", output::province_name(r.province), r.month.iso());
    if (r.country) what += " " + r.country->name(Gazetteer::builtin(), lang);
    if (r.chapter) what += fmt::format(" {:02}", r.chapter);
    if (!r.source.empty()) what += " " + r.source;
    table.add_row({what, fmt::format(fmt::runtime(w.revised), r.earlier_file, r.later_file),
                   exact_amount(r.old_value, lang), exact_amount(r.new_value, lang)});
  }
  table.write(out, "  ", style);
  out << '\n';
}

}  // namespace

void write_validation_table(std::ostream& out, const ValidationReport& report, const TableStyle& style) {
  const ValidateWords& w = style.language == Language::tr ? validate_turkish : validate_english;
  const Language lang = style.language;
  std::size_t problems = 0;
  for (const FileValidation& f : report.files) {
    problems += f.problem_count();
    write_file_block(out, f, w, style);
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
  if (!report.revisions.empty()) write_revisions(out, report.revisions, w, style);
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

}  // namespace kexport
