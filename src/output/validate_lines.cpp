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
    case FileNote::Kind::bulletin:
      return "bulletin";
    case FileNote::Kind::year_to_date_checked:
      return "year_to_date_checked";
    case FileNote::Kind::change_checked:
      return "change_checked";
    case FileNote::Kind::change_mismatch:
      return "change_mismatch";
    case FileNote::Kind::totals_summed:
      return "totals_summed";
    case FileNote::Kind::remainders:
      return "remainders";
    case FileNote::Kind::block_not_read:
      return "block_not_read";
    case FileNote::Kind::group_sums_checked:
      return "group_sums_checked";
    case FileNote::Kind::columns_left_out:
      return "columns_left_out";
  }
  return {};
}

namespace {

// The '|'-separated parts of a note's detail.
std::vector<std::string> detail_parts(const std::string& detail) {
  std::vector<std::string> parts(1);
  for (const char c : detail) {
    if (c == '|')
      parts.emplace_back();
    else
      parts.back() += c;
  }
  return parts;
}

// "Şubat 2026" / "February 2026" from "2026-02"; as written when it is not a month.
std::string month_words(const std::string& iso, Language lang) {
  const auto month = parse_iso_period(iso);
  if (!month) return iso;
  return fmt::format("{} {}",
                     lang == Language::tr ? month_name_tr(month->month()) : month_name_en(month->month()),
                     month->year());
}

// "TİM il × sektör bülteni, Şubat 2026: 81 il, 27 sektör".
std::string bulletin_line(const std::string& detail, Language lang) {
  const bool tr = lang == Language::tr;
  auto parts = detail_parts(detail);
  parts.resize(4);
  const std::string& kind = parts[0];
  const std::string month = parts[1].empty() ? (tr ? "ay yok" : "no month") : month_words(parts[1], lang);
  const std::string sectors = tr ? parts[3] + " sektör" : parts[3] + " sectors";
  if (kind == "province_sector")
    return tr ? fmt::format("TİM il × sektör bülteni, {}: {} il, {}", month, parts[2], sectors)
              : fmt::format("TİM's province × sector bulletin, {}: {} provinces, {}", month, parts[2],
                            sectors);
  if (kind == "country_sector")
    return tr ? fmt::format("TİM ülke × sektör bülteni, {}: {} ülke, {}", month, parts[2], sectors)
              : fmt::format("TİM's country × sector bulletin, {}: {} countries, {}", month, parts[2],
                            sectors);
  return tr ? fmt::format("TİM sektör bülteni, {}: {}", month, sectors)
            : fmt::format("TİM's sector bulletin, {}: {}", month, sectors);
}

std::string block_not_read_line(const std::string& detail, Language lang) {
  const bool tr = lang == Language::tr;
  auto parts = detail_parts(detail);
  parts.resize(2);
  const std::string& why = parts[1];
  if (why == "day")
    return tr ? fmt::format("'{}' bloğu tek bir gün: ay olarak okunmadı", parts[0])
              : fmt::format("the block '{}' is a single day, not read as a month", parts[0]);
  if (why == "part_of_month")
    return tr ? fmt::format("'{}' bloğu ayın yalnız bir bölümü: ay olarak okunmadı", parts[0])
              : fmt::format("the block '{}' is part of a month, not read as the month", parts[0]);
  return tr ? fmt::format("'{}' bloğu ne bir ay ne yılbaşından bugüne: okunmadı", parts[0])
            : fmt::format("the block '{}' is neither a month nor the year to date, not read", parts[0]);
}

std::string remainders_line(const FileNote& note, Language lang) {
  auto parts = detail_parts(note.detail);
  parts.resize(2);
  Cents cents = 0;
  for (const char c : parts[1])
    if (c >= '0' && c <= '9') cents = cents * 10 + (c - '0');
  if (lang == Language::tr)
    return fmt::format(
        "{} ilin TOPLAM satırı sektörlerinin toplamını aşıyor ({} için toplam {} $): TİM'in ihracatçı "
        "birliklerine göre dağıttığı kalan; il toplamında var, hiçbir sektörde yok",
        note.count, month_words(parts[0], lang), format_dollars(cents, lang));
  return fmt::format(
      "{} province{} TOPLAM exceeds the sum of {} sectors ({} $ in all for {}): the remainder TİM "
      "allocates by exporters' unions, in the province total and in no sector",
      note.count, note.count == 1 ? "'s" : "s'", note.count == 1 ? "its" : "their",
      format_dollars(cents, lang), month_words(parts[0], lang));
}

}  // namespace

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
    case FileNote::Kind::bulletin:
      return bulletin_line(note.detail, lang);
    case FileNote::Kind::year_to_date_checked:
      return tr ? fmt::format("yılbaşından bugüne {} rakam, dosyadaki aylarının toplamına eşit",
                              format_count(note.count, lang))
                : fmt::format("{} year-to-date figures equal the sum of their months in the file",
                              format_count(note.count, lang));
    case FileNote::Kind::change_checked:
      return tr ? fmt::format("{} DEĞ. hücresi tutarlarla denetlendi (DEĞ. hiçbir rakamda kullanılmaz)",
                              format_count(note.count, lang))
                : fmt::format("{} DEĞ. cells checked against the amounts (DEĞ. is never used as a figure)",
                              format_count(note.count, lang));
    case FileNote::Kind::change_mismatch: {
      auto parts = detail_parts(note.detail);
      parts.resize(3);
      return tr ? fmt::format("{} hücresindeki DEĞ. {}, tutarlar ise {} veriyor: bakmaya değer", parts[0],
                              parts[1], parts[2])
                : fmt::format("DEĞ. at {} says {}, the amounts give {}: worth a look", parts[0], parts[1],
                              parts[2]);
    }
    case FileNote::Kind::totals_summed:
      return tr ? fmt::format("{}: TOPLAM satırı {} kez yazılmış, toplandı (parçaları birbirini tamamlıyor)",
                              note.detail, note.count)
                : fmt::format("{}: its TOPLAM row appears {} times, added up (the parts make the whole)",
                              note.detail, note.count);
    case FileNote::Kind::remainders:
      return remainders_line(note, lang);
    case FileNote::Kind::block_not_read:
      return block_not_read_line(note.detail, lang);
    case FileNote::Kind::columns_left_out:
      return tr ? fmt::format(
                      "başka para birimindeki ya da miktar sütunları okunmadı ({}): değer dolar "
                      "sütunundan okundu, ötekiler toplanmadı",
                      note.detail)
                : fmt::format(
                      "columns in other currencies or of quantities not read ({}): the value is the "
                      "dollar column's, the others are never summed",
                      note.detail);
    case FileNote::Kind::group_sums_checked:
      return tr ? fmt::format(
                      "{} ayda ana gruplar ve alt gruplar sektörlerinin toplamına, ana gruplar genel "
                      "toplama eşit",
                      note.count)
                : fmt::format(
                      "in {} month{} the groups equal the sum of their sectors and the main groups "
                      "the total",
                      note.count, note.count == 1 ? "" : "s");
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
