#include "sample_notice.hpp"

#include <fmt/format.h>

namespace kexport::output {

std::string_view sample_source_label(Language language) {
  return language == Language::tr ? "örnek veri (uydurma)" : "sample data (made up)";
}

namespace {

// "a", "a ve b", "a, b ve c" / "a", "a and b", "a, b, and c".
std::string listed(const std::vector<std::string_view>& items, Language language) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      const bool last = i + 1 == items.size();
      if (language == Language::tr)
        out += last ? " ve " : ", ";
      else
        out += last ? (items.size() > 2 ? ", and " : " and ") : ", ";
    }
    out += items[i];
  }
  return out;
}

}  // namespace

std::string sample_notice(const SampleParts& parts, Language language) {
  if (!parts.any()) return {};
  const bool tr = language == Language::tr;
  std::vector<std::string_view> named;
  if (parts.value) named.push_back(tr ? "ihracat tutarları" : "the export figures");
  if (parts.destinations) named.push_back(tr ? "ülkelere göre dağılım" : "the split by country");
  if (parts.sectors) named.push_back(tr ? "sektörlere göre dağılım" : "the split by sector");
  if (parts.standing) {
    named.push_back(tr ? "iller arası sıralama" : "the rank among provinces");
    named.push_back(tr ? "Türkiye içindeki pay" : "the share of Türkiye");
  }
  // Imports name their made-up months: the others are published figures.
  std::string import_months;
  if (parts.imports && !parts.import_months.empty()) {
    std::vector<std::string> months;
    for (const Period m : parts.import_months) months.push_back(m.iso());
    const std::vector<std::string_view> views(months.begin(), months.end());
    const bool one = months.size() == 1;
    import_months = tr ? fmt::format("ithalatın {} {} (ve {} hesaplanan denge ile karşılama oranı)",
                                     listed(views, language), one ? "ayı tutarı" : "aylarının tutarları",
                                     one ? "onunla" : "onlarla")
                       : fmt::format("the imports of {} (and the balance and coverage reckoned with {})",
                                     listed(views, language), one ? "it" : "them");
  }
  if (parts.imports)
    named.push_back(!import_months.empty() ? std::string_view(import_months)
                                           : (tr ? "ithalat tutarları" : "the import figures"));
  if (parts.origins)
    named.push_back(tr ? "ithalatın ülkelere göre dağılımı" : "the split of imports by country");
  if (tr)
    return fmt::format("Örnek veri: {} uydurmadır, yayımlanmış rakamlar değildir.", listed(named, language));
  return fmt::format("Sample data: {} {} made up, not published figures.", listed(named, language),
                     named.size() == 1 && !parts.value && !parts.imports ? "is" : "are");
}

std::string sample_table_notice(Language language) {
  return language == Language::tr
             ? "Örnek veri: bu tablodaki rakamların bir kısmı ya da tamamı uydurmadır, yayımlanmış rakamlar "
               "değildir."
             : "Sample data: some or all of the figures in this table are made up, not published figures.";
}

std::vector<std::string> sample_part_keys(const SampleParts& parts) {
  std::vector<std::string> keys;
  if (parts.value) keys.emplace_back("value");
  if (parts.destinations) keys.emplace_back("top_destinations");
  if (parts.sectors) keys.emplace_back("top_sectors");
  if (parts.standing) keys.emplace_back("standing");
  if (parts.imports) keys.emplace_back("imports");
  if (parts.origins) keys.emplace_back("top_origins");
  return keys;
}

}  // namespace kexport::output
