// Column headers by name: which field a header names, in English or Turkish, and the unit or
// currency its value column states ("Değer (1000 $)", "İhracat (Milyon $)", "Değer (TL)").
#include <fmt/format.h>

#include "kexport/model/text.hpp"
#include "table/record_interpreter.hpp"

namespace kexport::input {
namespace {

constexpr std::array<std::string_view, field_count> canonical_names = {
    "period",    "year",   "month",  "province", "province_code", "country",       "country_code", "chapter",
    "value_usd", "source", "status", "flow",     "imports_usd",   "net_weight_kg", "basis",        "vintage"};

// Folded header names (see fold_name) and the field each stands for.
struct HeaderAlias {
  std::string_view folded;
  Field field;
};
constexpr HeaderAlias header_aliases[] = {
    {"period", Field::period},
    {"donem", Field::period},
    {"date", Field::period},
    {"tarih", Field::period},
    {"year", Field::year},
    {"yil", Field::year},
    {"month", Field::month},
    {"ay", Field::month},
    {"province", Field::province},
    {"il", Field::province},
    {"iladi", Field::province},
    {"ili", Field::province},
    {"provincecode", Field::province_code},
    {"ilkodu", Field::province_code},
    {"plaka", Field::province_code},
    {"plakakodu", Field::province_code},
    {"country", Field::country},
    {"ulke", Field::country},
    {"ulkeadi", Field::country},
    {"destination", Field::country},
    {"countrycode", Field::country_code},
    {"ulkekodu", Field::country_code},
    {"iso", Field::country_code},
    {"chapter", Field::chapter},
    {"fasil", Field::chapter},
    {"hs", Field::chapter},
    {"hs2", Field::chapter},
    {"fasilkodu", Field::chapter},
    {"fasiladi", Field::chapter},
    {"fasilsektor", Field::chapter},
    {"sektor", Field::chapter},
    {"sektorler", Field::chapter},
    {"sector", Field::chapter},
    {"ayadi", Field::month},
    {"ulkeler", Field::country},
    {"iller", Field::province},
    {"ihracattutari", Field::value},
    {"dolar", Field::value},  // TÜİK's query application: the value in dollars (EURO and TL beside it)
    {"valueusd", Field::value},
    {"value", Field::value},
    {"deger", Field::value},
    {"ihracat", Field::value},
    {"ihracatdegeri", Field::value},
    {"tutar", Field::value},
    {"exports", Field::value},
    {"source", Field::source},
    {"kaynak", Field::source},
    {"basis", Field::basis},
    {"esas", Field::basis},
    {"ilesasi", Field::basis},
    {"vintage", Field::vintage},
    {"release", Field::vintage},
    {"surum", Field::vintage},
    {"yayimtarihi", Field::vintage},
    {"yayintarihi", Field::vintage},
    {"veritarihi", Field::vintage},
    {"flow", Field::flow},
    {"ihrith", Field::flow},  // TÜİK's query application: exports or imports
    {"tradeflow", Field::flow},
    {"akis", Field::flow},
    {"ticaretakisi", Field::flow},
    {"yon", Field::flow},
    {"ticaretyonu", Field::flow},
    {"importsusd", Field::imports},
    {"imports", Field::imports},
    {"import", Field::imports},
    {"ithalat", Field::imports},
    {"ithalattutari", Field::imports},
    {"ithalatdegeri", Field::imports},
    {"netweightkg", Field::weight},
    {"netweight", Field::weight},
    {"weightkg", Field::weight},
    {"netagirlik", Field::weight},
    {"netagirlikkg", Field::weight},
    {"agirlik", Field::weight},
    {"agirlikkg", Field::weight},
    {"netkg", Field::weight},
    {"status", Field::status},
    {"durum", Field::status},
    {"veridurumu", Field::status},
};

// Words in a value header that give its unit, folded, longest first. A scale may come with its
// currency ("bin abd doları", "1000 usd") or alone ("Bin", "1000"), and a currency alone.
constexpr std::string_view million_markers[] = {"milyonabddolari", "millionusd", "milyonusd", "million",
                                                "milyon",          "mn",         "mio"};
constexpr std::string_view thousand_markers[] = {"binabddolari", "thousandusd", "thousand",
                                                 "1000usd",      "bin",         "1000"};
constexpr std::string_view dollar_markers[] = {"abddolari", "dolari", "dolar", "dollars", "dollar", "usd"};
// Other currencies, which kexport does not convert: the header names them to be refused.
constexpr std::pair<std::string_view, std::string_view> currency_markers[] = {
    {"turklirasi", "TL"}, {"tl", "TL"}, {"try", "TL"}, {"euro", "EUR"}, {"avro", "EUR"}, {"eur", "EUR"}};

bool strip_suffix(std::string& text, std::string_view suffix) {
  if (text.size() > suffix.size() && text.ends_with(suffix)) {
    text.resize(text.size() - suffix.size());
    return true;
  }
  return false;
}

bool strip_prefix(std::string& text, std::string_view prefix) {
  if (text.size() > prefix.size() && text.starts_with(prefix)) {
    text.erase(0, prefix.size());
    return true;
  }
  return false;
}

}  // namespace

std::string_view field_name(Field field) {
  return canonical_names[static_cast<std::size_t>(field)];
}

std::optional<HeaderMatch> match_header(std::string_view header) {
  std::string folded = fold_name(header);
  for (const auto& alias : header_aliases)
    if (folded == alias.folded)
      // The canonical names say their unit: value_usd is in dollars, whatever --unit says.
      return HeaderMatch{alias.field,
                         folded == "valueusd" || folded == "importsusd" || folded == "dolar"
                             ? std::optional(ValueUnit::dollars)
                             : std::nullopt,
                         std::string()};
  // A value column with its unit: "Değer (1000 $)", "İhracat (Bin ABD Doları)", "value (USD)",
  // "İhracat (Milyon $)", or another currency: "Değer (TL)", "İhracat (Bin Euro)".
  const bool dollar_sign = header.find('$') != std::string_view::npos;
  std::optional<ValueUnit> scale;
  std::string currency;
  bool dollars = dollar_sign;
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const auto& [marker, name] : currency_markers)
      if (currency.empty() && strip_suffix(folded, marker)) {
        currency = name;
        stripped = true;
      }
    for (auto marker : dollar_markers)
      if (!dollars && strip_suffix(folded, marker)) {
        dollars = stripped = true;
        break;
      }
    for (auto marker : million_markers)
      if (!scale && (strip_suffix(folded, marker) || strip_prefix(folded, marker))) {
        scale = ValueUnit::million_dollars;
        stripped = true;
        break;
      }
    for (auto marker : thousand_markers)
      if (!scale && (strip_suffix(folded, marker) || strip_prefix(folded, marker))) {
        scale = ValueUnit::thousand_dollars;
        stripped = true;
        break;
      }
  }
  if (!scale && !dollars && currency.empty()) return std::nullopt;
  for (const auto& alias : header_aliases)
    if ((alias.field == Field::value || alias.field == Field::imports) && folded == alias.folded)
      return HeaderMatch{alias.field, scale.value_or(ValueUnit::dollars), currency};
  return std::nullopt;
}

}  // namespace kexport::input
