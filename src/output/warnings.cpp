#include <fmt/format.h>

#include <algorithm>

#include "kexport/model/text.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "kexport/output/turkish.hpp"
#include "names.hpp"

namespace kexport {
namespace {

// What cannot be computed, and which months are missing for it, in the language.
std::string gap_sentence(const Gap& gap, Language language) {
  const bool one = gap.from == gap.to;
  const std::string months = one ? gap.from.iso() : fmt::format("{} – {}", gap.from.iso(), gap.to.iso());
  const bool value = gap.part == Gap::Part::value;
  if (language == Language::tr) {
    if (gap.figure == Comparison::previous_month)
      return fmt::format("bir önceki aya göre değişim hesaplanamadı: {} verisi yok", months);
    if (gap.figure == Comparison::previous_year && one)
      return fmt::format("geçen yılın aynı ayına göre değişim hesaplanamadı: {} verisi yok", months);
    if (gap.figure == Comparison::previous_year)
      return fmt::format("bir yıl önceki aynı döneme göre değişim hesaplanamadı: {} verisi yok", months);
    if (gap.figure == Comparison::rolling_12m)
      return value
                 ? fmt::format("son 12 ayın toplamı hesaplanamadı: {} verisi yok", months)
                 : fmt::format("son 12 aydaki değişim hesaplanamadı: önceki 12 aydan {} verisi yok", months);
    return value ? fmt::format("yılbaşından bu yana toplam hesaplanamadı: {} verisi yok", months)
                 : fmt::format(
                       "yılbaşından bu yana değişim hesaplanamadı: geçen yılın aynı döneminden {} verisi "
                       "yok",
                       months);
  }
  const std::string missing = fmt::format("{} {} not in the data", months, one ? "is" : "are");
  if (gap.figure == Comparison::previous_month)
    return "the change on the previous month cannot be computed: " + missing;
  if (gap.figure == Comparison::previous_year && one)
    return "the change on the same month a year earlier cannot be computed: " + missing;
  if (gap.figure == Comparison::previous_year)
    return "the change on the same period a year earlier cannot be computed: " + missing;
  if (gap.figure == Comparison::rolling_12m)
    return value ? "the last 12 months cannot be summed: " + missing
                 : fmt::format(
                       "the change of the last 12 months cannot be computed: of the 12 months before, {}",
                       missing);
  return value ? "the year to date cannot be summed: " + missing
               : fmt::format(
                     "the change of the year to date cannot be computed: of the same months a year "
                     "earlier, {}",
                     missing);
}

}  // namespace

void write_gaps(std::ostream& err, const std::vector<Gap>& gaps, Language language) {
  const bool tr = language == Language::tr;
  for (const Gap& gap : gaps)
    err << (tr ? "kexport: uyarı: " : "kexport: warning: ")
        << (gap.flow == Flow::imports ? (tr ? "ithalatta " : "imports: ") : "") << gap_sentence(gap, language)
        << '\n';
}

void write_parts_over_total(std::ostream& err, const std::vector<PartsOverTotal>& cases, ProvinceId id,
                            Language language) {
  const std::string province = output::province_name(id);
  for (const PartsOverTotal& c : cases) {
    const std::string months =
        c.from == c.to ? c.from.iso() : fmt::format("{} – {}", c.from.iso(), c.to.iso());
    const bool countries = c.parts == Breakdown::countries;
    if (language == Language::tr)
      err << fmt::format(
          "kexport: uyarı: {} {} toplamı ({} $), {} toplamından ({} $) küçük; paylar toplama göre "
          "hesaplandı ve toplamları yüzde 100'ü aşıyor\n",
          turkish::suffixed(province, turkish::Suffix::genitive), months, format_dollars(c.total, language),
          countries ? "ülkelerin" : "sektörlerin", format_dollars(c.sum_of_parts, language));
    else
      err << fmt::format(
          "kexport: warning: {}'s total for {} (${}) is less than the sum of its {} (${}); the "
          "shares are of the total and add up to more than 100%\n",
          province, months, format_dollars(c.total, language), countries ? "countries" : "sectors",
          format_dollars(c.sum_of_parts, language));
  }
}

std::string skipped_key_text(std::string_view detail, Language language) {
  const bool tr = language == Language::tr;
  const auto bar = detail.find('|');
  const std::string_view province = detail.substr(0, bar);
  const std::string_view month = bar == std::string_view::npos ? std::string_view() : detail.substr(bar + 1);
  return fmt::format("{}, {}", province.empty() ? (tr ? "her il" : "every province") : province,
                     month.empty() ? (tr ? "dosyanın her ayı" : "every month of the file") : month);
}

void write_skipped_rows(std::ostream& err, const Dataset& data, Language language) {
  if (data.skipped_count == 0) return;
  const bool tr = language == Language::tr;
  err << (tr ? fmt::format("kexport: hatalı {} satır atlandı:\n", data.skipped_count)
             : fmt::format("kexport: skipped {} malformed row{}:\n", data.skipped_count,
                           data.skipped_count == 1 ? "" : "s"));
  for (const auto& row : data.skipped) err << "  " << printable(row.message) << '\n';
  if (data.skipped_count > data.skipped.size()) {
    const std::uint64_t more = data.skipped_count - data.skipped.size();
    err << (tr ? fmt::format("  … ve {} satır daha\n", more) : fmt::format("  … and {} more\n", more));
  }
  // What they were about is unknown now: said, so that a missing figure is not a surprise.
  std::vector<std::string> unknown;
  for (const LoadedFile& file : data.files)
    for (const FileNote& note : file.notes)
      if (note.kind == FileNote::Kind::skipped_row_unknown) {
        std::string text = skipped_key_text(note.detail, language);
        if (std::find(unknown.begin(), unknown.end(), text) == unknown.end())
          unknown.push_back(std::move(text));
      }
  if (!unknown.empty())
    err << (tr ? "  bunların ili ve ayı artık bilinmiyor: " : "  their provinces' months are now unknown: ")
        << printable(fmt::format("{}", fmt::join(unknown, "; "))) << '\n';
}

void write_file_warnings(std::ostream& err, const Dataset& data, Language language) {
  for (const LoadedFile& file : data.files) {
    std::size_t mismatches = 0;
    std::string first;
    for (const FileNote& note : file.notes)
      if (note.kind == FileNote::Kind::change_mismatch && mismatches++ == 0) {
        first = note.detail.substr(0, note.detail.find('|'));  // "book.xlsx[Sheet]!E627": its cell
        if (const auto bang = first.rfind('!'); bang != std::string::npos) first.erase(0, bang + 1);
      }
    if (mismatches == 0) continue;
    if (language == Language::tr)
      err << printable(
          fmt::format(
              "kexport: uyarı: {}: {}{} DEĞ. hücresi tutarların verdiği değişimi göstermiyor (ilki {}); "
              "DEĞ. hiçbir rakamda kullanılmaz, ayrıntılar için validate\n",
              file.name, mismatches, mismatches >= 20 ? "+" : "", first),
          true);
    else
      err << printable(
          fmt::format(
              "kexport: warning: {}: {}{} DEĞ. cell{} not show the change the amounts give (the first "
              "at {}); DEĞ. is never used as a figure, validate gives the details\n",
              file.name, mismatches, mismatches >= 20 ? "+" : "", mismatches == 1 ? " does" : "s do", first),
          true);
  }
}

std::string_view passed_over_reason(PassedOver::Why why, Language language) {
  const bool tr = language == Language::tr;
  switch (why) {
    case PassedOver::Why::spreadsheet:
      return tr ? "ikili çalışma kitabı (.xlsb) okunmaz; .xlsx ya da CSV olarak kaydedin"
                : "binary workbooks (.xlsb) are not read; save it as .xlsx or CSV";
    case PassedOver::Why::not_data:
      // The extensions are input's (extensions_read()); a test holds this list to them.
      return tr ? "veri dosyası değil (.csv, .tsv, .json, .jsonl, .ndjson, .xlsx, .xlsm, .xls, .ods okunur)"
                : "not a data file (.csv, .tsv, .json, .jsonl, .ndjson, .xlsx, .xlsm, .xls and .ods are "
                  "read)";
    case PassedOver::Why::documentation:
      return tr ? "belge" : "documentation";
    case PassedOver::Why::hidden:
      return tr ? "gizli dosya" : "a hidden file";
    case PassedOver::Why::directory:
      return tr ? "alt klasörler okunmaz" : "subdirectories are not read";
  }
  return {};
}

void write_passed_over_notes(std::ostream& err, const std::vector<PassedOver>& entries, Language language) {
  for (const PassedOver& entry : entries) {
    if (!entry.worth_a_note()) continue;
    err << fmt::format("kexport: {}: {} {}: {}\n", language == Language::tr ? "not" : "note",
                       language == Language::tr ? "okunmadı" : "skipped", printable(entry.path),
                       passed_over_reason(entry.why, language));
  }
}

void write_passed_over(std::ostream& err, const std::optional<IncompleteMonth>& passed_over, Period reported,
                       ProvinceId id, Language language) {
  if (!passed_over) return;
  // For Türkiye (and rank) the month was passed over as incomplete; for a province, as not holding it.
  const std::optional<std::string> province =
      id == national_total ? std::nullopt : std::optional<std::string>(output::province_name(id));
  const std::string skipped = passed_over->month.iso();
  const std::size_t held = passed_over->provinces_known;
  if (language == Language::tr) {
    const std::string count = turkish::suffixed(std::to_string(held), turkish::Suffix::accusative);
    if (province)
      err << fmt::format(
          "kexport: not: veride {} için {} yok (o ay 81 ilden {} içeriyor); {} için en son ay "
          "olan {} raporlandı\n",
          *province, skipped, count, *province, reported.iso());
    else
      err << fmt::format(
          "kexport: not: {} eksik (81 ilden yalnızca {} içeriyor); en son tam ay olan {} "
          "raporlandı\n",
          skipped, count, reported.iso());
  } else {
    if (province)
      err << fmt::format(
          "kexport: note: the data has no figure for {} in {} (that month holds {} of the 81 "
          "provinces); reporting {}, the latest month for {}\n",
          *province, skipped, held, reported.iso(), *province);
    else
      err << fmt::format(
          "kexport: note: {} is incomplete (it holds {} of the 81 provinces); reporting {}, the "
          "latest complete month\n",
          skipped, held, reported.iso());
  }
}

}  // namespace kexport
