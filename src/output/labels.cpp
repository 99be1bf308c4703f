#include "labels.hpp"

#include <fmt/format.h>

namespace kexport::output {

namespace {

constexpr Labels turkish{
    .exports_of = "{} ihracatı",
    .currency = "ABD doları",
    .source = "Kaynak",
    .period = "Dönem",
    .value = "Değer ($)",
    .change = "Değişim",
    .previous_month = "Bir önceki ay",
    .previous_year = "Geçen yılın aynı ayı",
    .rolling_12m = "Son 12 ay",
    .previous_12m = "Önceki 12 ay",
    .year_to_date = "Yılbaşından bu yana",
    .previous_ytd = "Geçen yılın aynı dönemi",
    .countries = "İhracat yapılan ülke sayısı",
    .top_title = "En çok ihracat yapılan {} ülke",
    .rank = "#",
    .country = "Ülke",
    .share = "Pay",
    .change_yoy = "Yıllık değişim",
    .not_available = "yok",
    .no_breakdown = "ülke dağılımı yok",
    .imports_of = "{} ithalatı",
    .origins = "İthalat yapılan ülke sayısı",
    .top_origins = "En çok ithalat yapılan {} ülke",
    .trade_title = "Dış ticaret dengesi (ihracat − ithalat) ve ihracatın ithalatı karşılama oranı",
    .balance = "Denge ($)",
    .coverage = "Karşılama oranı",
    .year_earlier = "Bir yıl önce",
    .unit_value = "Kilogram başına değer ($/kg)",
    .exports = "İhracat",
    .imports = "İthalat",
};

constexpr Labels english{
    .exports_of = "exports, {}",
    .currency = "US dollars",
    .source = "Source",
    .period = "Period",
    .value = "Value ($)",
    .change = "Change",
    .previous_month = "Previous month",
    .previous_year = "Same month last year",
    .rolling_12m = "Last 12 months",
    .previous_12m = "Previous 12 months",
    .year_to_date = "Year to date",
    .previous_ytd = "Same period last year",
    .countries = "Destination countries",
    .top_title = "Top {} destinations",
    .rank = "#",
    .country = "Country",
    .share = "Share",
    .change_yoy = "Change y/y",
    .not_available = "n/a",
    .no_breakdown = "no country breakdown",
    .imports_of = "imports, {}",
    .origins = "Countries of origin",
    .top_origins = "Top {} countries of origin",
    .trade_title = "Trade balance (exports − imports) and the coverage of imports by exports",
    .balance = "Balance ($)",
    .coverage = "Coverage",
    .year_earlier = "A year earlier",
    .unit_value = "Value per kilogram ($/kg)",
    .exports = "Exports",
    .imports = "Imports",
};

}  // namespace

const Labels& labels(Language language) {
  return language == Language::tr ? turkish : english;
}

std::string month_label(Period period, Language language) {
  return fmt::format("{} {}",
                     language == Language::tr ? month_name_tr(period.month()) : month_name_en(period.month()),
                     period.year());
}

}  // namespace kexport::output
