// The one place where facts become names for people: provinces, destinations and sectors in the
// report's language, from the gazetteer, or as the data writes them.
#pragma once

#include <string>

#include "kexport/compute/analysis.hpp"
#include "kexport/compute/summary.hpp"

namespace kexport::output {

std::string province_name(ProvinceId province);  // "Kayseri"; "Türkiye" for the country as a whole
std::string country_name(const Place& place, Language language);  // "ABD" / "United States"
std::string country_code(const Place& place);                     // "US"; empty when not known
std::string sector_name(const SectorRef& sector, Language language);
std::string sector_code(const SectorRef& sector);  // "72"; empty for a sector the data names
// What a series is of: "Kayseri", "Kayseri → Almanya · Halılar ve diğer yer kaplamaları".
std::string series_subject(const Series& series, Language language);

// The basis a province's figures are counted on, for people: "firmanın merkezinin bulunduğu il" /
// "province of the firm's head office".
std::string_view basis_name(Basis basis, Language language);
// A release's date for people: "28 Şubat 2026" / "28 February 2026", "Şubat 2026" for a month;
// "" when the data does not say.
std::string release_date(Vintage vintage, Language language);
// The release figures stand at: "28 Şubat 2026 itibarıyla" / "as of 28 February 2026"; "" when the
// data does not say.
std::string release_text(Vintage vintage, Language language);
// A source with its basis and release, for a title: "TÜİK (firmanın merkezinin bulunduğu il),
// 28 Şubat 2026 itibarıyla"; what is not known is left out, and "" for data that says nothing.
std::string source_label(const std::string& source, Basis basis, Vintage vintage, Language language);

// The stable codes JSON and CSV give compute's enums.
std::string_view code_of(Breakdown parts);       // "countries", "chapters", "sectors", "provinces"
std::string_view code_of(TurkeyMadeOf made_of);  // "national_total", "sum_of_provinces"

}  // namespace kexport::output
