#include <fmt/format.h>

#include "kexport/report.hpp"

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

}  // namespace kexport
