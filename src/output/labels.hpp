// Words for people, in Turkish and English: one table per language, picked by Language.
#pragma once

#include <string>
#include <string_view>

#include "kexport/model/gazetteer.hpp"
#include "kexport/model/period.hpp"

namespace kexport::output {

struct Labels {
  std::string_view exports_of;  // "{month} ihracatı" / "exports, {month}"
  std::string_view currency;    // "ABD doları"
  std::string_view source;      // "Kaynak"
  std::string_view period;      // column headers
  std::string_view value;
  std::string_view change;
  std::string_view previous_month;
  std::string_view previous_year;
  std::string_view rolling_12m;
  std::string_view previous_12m;
  std::string_view year_to_date;
  std::string_view previous_ytd;
  std::string_view countries;
  std::string_view top_title;  // "En çok ihracat yapılan {} ülke"
  std::string_view rank;
  std::string_view country;
  std::string_view share;
  std::string_view change_yoy;
  std::string_view not_available;  // a figure that cannot be computed
  std::string_view no_breakdown;   // the data has no country breakdown
  // Imports, and what exports and imports make together.
  std::string_view imports_of;   // "{month} ithalatı" / "imports, {month}"
  std::string_view origins;      // how many countries imports came from
  std::string_view top_origins;  // "En çok ithalat yapılan {} ülke"
  std::string_view trade_title;  // the balance and the coverage ratio
  std::string_view balance;
  std::string_view coverage;
  std::string_view year_earlier;
  std::string_view unit_value;  // "Birim değer ($/kg)"
  std::string_view exports;
  std::string_view imports;
};

const Labels& labels(Language language);

// The words in the style's language: say(style, "Dönem", "Period").
template <typename Style>
std::string say(const Style& style, std::string_view tr, std::string_view en) {
  return std::string(style.language == Language::tr ? tr : en);
}

// "Ocak 2026" / "January 2026".
std::string month_label(Period period, Language language);

}  // namespace kexport::output
