#include "validate_lines.hpp"

#include <fmt/format.h>

#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"

namespace kexport::output {

std::vector<std::string> flow_names(const std::vector<Flow>& flows) {
  std::vector<std::string> names;
  for (const Flow flow : flows) names.emplace_back(name_of(flow));
  return names;
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
    case FileNote::Kind::basis_assumed:
      return "basis_assumed";
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
    case FileNote::Kind::basis_assumed:
      return tr ? fmt::format(
                      "il esası yazılmamış; {} tablolarının öteden beri esası kabul edildi: firmanın "
                      "merkezinin bulunduğu il",
                      note.detail)
                : fmt::format(
                      "no province basis stated; {}'s long-standing one is assumed: the province of "
                      "the firm's head office",
                      note.detail);
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

}  // namespace kexport::output
