#include "names.hpp"

#include <fmt/format.h>

namespace kexport::output {
namespace {
const Gazetteer& gazetteer() {
  return Gazetteer::builtin();
}
}  // namespace

std::string province_name(ProvinceId province) {
  return std::string(gazetteer().province_name(province));
}

std::string country_name(const Place& place, Language language) {
  return place.name(gazetteer(), language);
}

std::string country_code(const Place& place) {
  return place.code(gazetteer());
}

std::string sector_name(const SectorRef& sector, Language language) {
  return sector.name(gazetteer(), language);
}

std::string sector_code(const SectorRef& sector) {
  return sector.chapter == 0 ? std::string() : fmt::format("{:02}", sector.chapter);
}

std::string series_subject(const Series& series, Language language) {
  std::string subject = province_name(series.province);
  std::string slice;
  if (series.country) slice = country_name(*series.country, language);
  if (series.sector) slice += (slice.empty() ? "" : " · ") + sector_name(*series.sector, language);
  return slice.empty() ? subject : subject + " → " + slice;
}

std::string_view code_of(Breakdown parts) {
  switch (parts) {
    case Breakdown::countries:
      return "countries";
    case Breakdown::chapters:
      return "chapters";
    case Breakdown::sectors:
      return "sectors";
    case Breakdown::provinces:
      return "provinces";
  }
  return {};
}

std::string_view code_of(TurkeyMadeOf made_of) {
  return made_of == TurkeyMadeOf::national_total_rows ? "national_total" : "sum_of_provinces";
}

std::string_view basis_name(Basis basis, Language language) {
  const bool tr = language == Language::tr;
  switch (basis) {
    case Basis::head_office:
      return tr ? "firmanın merkezinin bulunduğu il" : "province of the firm's head office";
    case Basis::production_place:
      return tr ? "üretimin yapıldığı il (faaliyet ili)" : "province of production";
    case Basis::registration:
      return tr ? "ihracatçının birliğe kayıtlı olduğu il" : "province of the exporter's registration";
    case Basis::unstated:
      break;
  }
  return tr ? "il esası belirtilmemiş" : "province basis not stated";
}

std::string release_date(Vintage vintage, Language language) {
  if (vintage == unknown_vintage) return {};
  const int month = vintage_month(vintage), day = vintage_day(vintage), year = vintage_year(vintage);
  const std::string_view name = language == Language::tr ? month_name_tr(month) : month_name_en(month);
  return day == 0 ? fmt::format("{} {}", name, year) : fmt::format("{} {} {}", day, name, year);
}

std::string release_text(Vintage vintage, Language language) {
  const std::string date = release_date(vintage, language);
  if (date.empty()) return {};
  return language == Language::tr ? date + " itibarıyla" : "as of " + date;
}

std::string source_label(const std::string& source, Basis basis, Vintage vintage, Language language) {
  std::string label = source;
  if (basis != Basis::unstated) {
    const std::string_view name = basis_name(basis, language);
    label = label.empty() ? std::string(name) : label + " (" + std::string(name) + ")";
  }
  if (const std::string release = release_text(vintage, language); !release.empty())
    label = label.empty() ? release : label + ", " + release;
  return label;
}

}  // namespace kexport::output
