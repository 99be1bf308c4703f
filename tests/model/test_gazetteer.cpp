#include <catch2/catch.hpp>
#include <set>

#include "kexport/model/gazetteer.hpp"

using kexport::Gazetteer;

TEST_CASE("the gazetteer has Turkey's 81 provinces", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  REQUIRE(g.provinces().size() == 81);
  std::set<std::string> regions;
  for (std::size_t i = 0; i < 81; ++i) {
    CHECK(g.provinces()[i].code == i + 1);
    regions.insert(g.provinces()[i].nuts2);
  }
  CHECK(regions.size() == 26);  // Turkey's NUTS-2 regions
  CHECK(g.province(38).name == "Kayseri");
  CHECK(g.province(38).nuts2 == "TR72");
  CHECK(g.province(34).name == "İstanbul");
}

TEST_CASE("provinces are found by any spelling or plate code", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  for (const char* text : {"Kayseri", "kayseri", "KAYSERİ", "KAYSERI", "38", "Kayseri "})
    CHECK(g.find_province(text) == 38);
  CHECK(g.find_province("Afyon") == 3);
  CHECK(g.find_province("İçel") == 33);
  CHECK(g.find_province("K.Maraş") == 46);
  CHECK(g.find_province("Urfa") == 63);
  CHECK(g.find_province("Antep") == 27);
  CHECK(g.find_province("Hakkâri") == 30);
  CHECK(g.find_province("01") == 1);
  CHECK(g.find_province("TOPLAM") == kexport::national_total);
  CHECK(g.find_province("Türkiye") == kexport::national_total);
  CHECK_FALSE(g.find_province("Kayseriyye").has_value());
  CHECK_FALSE(g.find_province("82").has_value());
  CHECK_FALSE(g.find_province("KAYSERÝ").has_value());
}

TEST_CASE("unknown provinces get near suggestions", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  const auto suggestions = g.suggest_provinces("Kaysery");
  REQUIRE_FALSE(suggestions.empty());
  CHECK(suggestions.front() == "Kayseri");
  CHECK(g.suggest_provinces("Istambul").front() == "İstanbul");
  CHECK(g.suggest_provinces("zzzzzzzzzzzz").empty());
}

TEST_CASE("countries are found by names, codes and customary short names", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  const auto us = g.find_country("ABD");
  REQUIRE(us.has_value());
  CHECK(g.countries()[*us].code == "US");
  for (const char* text :
       {"AMERİKA BİRLEŞİK DEVLETLERİ", "Amerika Birleşik Devletleri", "USA", "US", "United States"})
    CHECK(g.find_country(text) == us);
  CHECK(g.countries()[*g.find_country("RUSYA FEDERASYONU")].code == "RU");
  CHECK(g.countries()[*g.find_country("Almanya")].code == "DE");
  CHECK(g.countries()[*g.find_country("BAE")].code == "AE");
  CHECK(g.countries()[*g.find_country("KKTC")].code == "XC");
  CHECK(g.countries()[*g.find_country("Güney Kore")].code == "KR");
  CHECK(g.countries()[*g.find_country("Birleşik Krallık")].code == "GB");
  CHECK(g.countries()[*g.find_country_code("de")].name_tr == "Almanya");
  CHECK(g.countries()[*g.find_country_code("it")].name_tr == "İtalya");
  CHECK(g.countries()[*g.find_country_code("DEU")].name_tr == "Almanya");
  CHECK(g.country_name(*us, kexport::Language::tr) == "ABD");
  CHECK(g.country_name(*us, kexport::Language::en) == "United States");
  CHECK_FALSE(g.find_country("Atlantis").has_value());
}

TEST_CASE("the HS chapters", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  CHECK(g.chapters().size() == 97);
  REQUIRE(g.find_chapter(84) != nullptr);
  CHECK(g.find_chapter(84)->name_en == "Machinery and mechanical appliances");
  CHECK(g.find_chapter(98) == nullptr);
}

TEST_CASE("TİM's sectors and the HS chapters they correspond to", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  CHECK(g.sectors().size() == 27);
  const auto* carpets = g.find_sector("HALI");
  REQUIRE(carpets != nullptr);
  CHECK(carpets->chapters == std::vector<int>{57});
  const auto* cereals = g.find_sector("Hububat, Bakliyat, Yağlı Tohumlar ve Mamulleri");
  REQUIRE(cereals != nullptr);
  CHECK(cereals->chapters.size() == 5);
  CHECK(g.find_sector("Uzay Turizmi") == nullptr);
  // Every chapter named by a sector is a real HS chapter.
  for (const auto& sector : g.sectors())
    for (int chapter : sector.chapters) CHECK(g.find_chapter(chapter) != nullptr);
}

TEST_CASE("names with '?' for lost Turkish letters fit the names they were", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  using Ids = std::vector<kexport::ProvinceId>;
  // Each '?' stands for one letter outside ASCII, in any letter case.
  CHECK(g.provinces_fitting("?STANBUL") == Ids{34});
  CHECK(g.provinces_fitting("?zm?r") == Ids{35});
  CHECK(g.provinces_fitting("KAYSER?") == Ids{38});
  CHECK(g.provinces_fitting("I?DIR") == Ids{76});
  CHECK(g.provinces_fitting("?ANLIURFA") == Ids{63});
  CHECK(g.provinces_fitting("MU?") == Ids{49});
  // An ASCII letter is never what a '?' lost; nothing fits a name of another length.
  CHECK(g.provinces_fitting("KAYSE??").empty());
  CHECK(g.provinces_fitting("?STANBULL").empty());
  CHECK(g.provinces_fitting("KAYSERI").empty());  // no '?': not this function's business
  // Countries by their customary and official names.
  const auto sweden = g.countries_fitting("?SVEÇ");
  REQUIRE(sweden.size() == 1);
  CHECK(g.countries()[sweden.front()].code == "SE");
  const auto iran = g.countries_fitting("?RAN");
  REQUIRE(iran.size() == 1);
  CHECK(g.countries()[iran.front()].code == "IR");
}
