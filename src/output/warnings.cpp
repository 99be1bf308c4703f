#include <fmt/format.h>

#include "kexport/report.hpp"
#include "kexport/turkish.hpp"

namespace kexport {
namespace {

std::string_view figure_label(const std::string& figure, Language language) {
  const bool tr = language == Language::tr;
  if (figure == "previous_month") return tr ? "bir önceki ay" : "previous month";
  if (figure == "previous_year") return tr ? "geçen yılın aynı ayı" : "same month last year";
  if (figure == "rolling_12m") return tr ? "son 12 ay" : "last 12 months";
  if (figure == "year_to_date") return tr ? "yılbaşından bu yana" : "year to date";
  return figure;
}

}  // namespace

void write_gap_warnings(std::ostream& err, const Summary& summary, Language language) {
  for (const Gap& gap : summary.gaps) {
    const std::string months =
        gap.from == gap.to ? gap.from.iso() : fmt::format("{} – {}", gap.from.iso(), gap.to.iso());
    if (language == Language::tr)
      err << fmt::format("kexport: uyarı: {} hesaplanamadı: {} veride yok\n",
                         figure_label(gap.figure, language), months);
    else
      err << fmt::format("kexport: warning: {} not computed: {} not in the data\n",
                         figure_label(gap.figure, language), months);
  }
}

std::string_view passed_over_reason(PassedOver::Why why, Language language) {
  const bool tr = language == Language::tr;
  switch (why) {
    case PassedOver::Why::spreadsheet:
      return tr ? "hesap tabloları okunmaz; CSV olarak kaydedin"
                : "spreadsheets are not read; save it as CSV";
    case PassedOver::Why::not_data:
      return tr ? "veri dosyası değil (.csv, .tsv, .json, .jsonl okunur)"
                : "not a data file (.csv, .tsv, .json and .jsonl are read)";
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
                       language == Language::tr ? "okunmadı" : "skipped", entry.path,
                       passed_over_reason(entry.why, language));
  }
}

void write_passed_over(std::ostream& err, const std::optional<IncompleteMonth>& passed_over, Period reported,
                       std::optional<std::string_view> province, Language language) {
  if (!passed_over) return;
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
