// Turkish grammar against tables written by hand, independently of the rules in the code.
#include <catch2/catch.hpp>

#include "kexport/model/gazetteer.hpp"
#include "kexport/output/turkish.hpp"

using kexport::turkish::Suffix;
using kexport::turkish::suffixed;

TEST_CASE("the genitive of all 81 provinces", "[turkish]") {
  // In plate-code order.
  const std::vector<std::string> expected = {
      "Adana'nın",        "Adıyaman'ın",   "Afyonkarahisar'ın", "Ağrı'nın",       "Amasya'nın",
      "Ankara'nın",       "Antalya'nın",   "Artvin'in",         "Aydın'ın",       "Balıkesir'in",
      "Bilecik'in",       "Bingöl'ün",     "Bitlis'in",         "Bolu'nun",       "Burdur'un",
      "Bursa'nın",        "Çanakkale'nin", "Çankırı'nın",       "Çorum'un",       "Denizli'nin",
      "Diyarbakır'ın",    "Edirne'nin",    "Elazığ'ın",         "Erzincan'ın",    "Erzurum'un",
      "Eskişehir'in",     "Gaziantep'in",  "Giresun'un",        "Gümüşhane'nin",  "Hakkari'nin",
      "Hatay'ın",         "Isparta'nın",   "Mersin'in",         "İstanbul'un",    "İzmir'in",
      "Kars'ın",          "Kastamonu'nun", "Kayseri'nin",       "Kırklareli'nin", "Kırşehir'in",
      "Kocaeli'nin",      "Konya'nın",     "Kütahya'nın",       "Malatya'nın",    "Manisa'nın",
      "Kahramanmaraş'ın", "Mardin'in",     "Muğla'nın",         "Muş'un",         "Nevşehir'in",
      "Niğde'nin",        "Ordu'nun",      "Rize'nin",          "Sakarya'nın",    "Samsun'un",
      "Siirt'in",         "Sinop'un",      "Sivas'ın",          "Tekirdağ'ın",    "Tokat'ın",
      "Trabzon'un",       "Tunceli'nin",   "Şanlıurfa'nın",     "Uşak'ın",        "Van'ın",
      "Yozgat'ın",        "Zonguldak'ın",  "Aksaray'ın",        "Bayburt'un",     "Karaman'ın",
      "Kırıkkale'nin",    "Batman'ın",     "Şırnak'ın",         "Bartın'ın",      "Ardahan'ın",
      "Iğdır'ın",         "Yalova'nın",    "Karabük'ün",        "Kilis'in",       "Osmaniye'nin",
      "Düzce'nin"};
  const auto& provinces = kexport::Gazetteer::builtin().provinces();
  REQUIRE(provinces.size() == expected.size());
  for (std::size_t i = 0; i < provinces.size(); ++i)
    CHECK(suffixed(provinces[i].name, Suffix::genitive) == expected[i]);
}

TEST_CASE("locative and ablative follow the last consonant", "[turkish]") {
  CHECK(suffixed("Kayseri", Suffix::locative) == "Kayseri'de");
  CHECK(suffixed("Tokat", Suffix::locative) == "Tokat'ta");
  CHECK(suffixed("Muş", Suffix::locative) == "Muş'ta");
  CHECK(suffixed("Sivas", Suffix::locative) == "Sivas'ta");
  CHECK(suffixed("Uşak", Suffix::locative) == "Uşak'ta");
  CHECK(suffixed("Ankara", Suffix::locative) == "Ankara'da");
  CHECK(suffixed("Bingöl", Suffix::locative) == "Bingöl'de");
  CHECK(suffixed("İzmir", Suffix::ablative) == "İzmir'den");
  CHECK(suffixed("Muş", Suffix::ablative) == "Muş'tan");
  CHECK(suffixed("ABD", Suffix::locative) == "ABD'de");
}

TEST_CASE("the dative of the largest destinations", "[turkish]") {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Almanya", "Almanya'ya"},
      {"ABD", "ABD'ye"},
      {"Polonya", "Polonya'ya"},
      {"İtalya", "İtalya'ya"},
      {"Irak", "Irak'a"},
      {"Birleşik Krallık", "Birleşik Krallık'a"},
      {"Fransa", "Fransa'ya"},
      {"İspanya", "İspanya'ya"},
      {"Hollanda", "Hollanda'ya"},
      {"Romanya", "Romanya'ya"},
      {"İsrail", "İsrail'e"},
      {"Azerbaycan", "Azerbaycan'a"},
      {"Gürcistan", "Gürcistan'a"},
      {"Rusya", "Rusya'ya"},
      {"Bulgaristan", "Bulgaristan'a"},
      {"Belçika", "Belçika'ya"},
      {"Suudi Arabistan", "Suudi Arabistan'a"},
      {"BAE", "BAE'ye"},
      {"Yunanistan", "Yunanistan'a"},
      {"Mısır", "Mısır'a"},
      {"Libya", "Libya'ya"},
      {"Cezayir", "Cezayir'e"},
      {"Ukrayna", "Ukrayna'ya"},
      {"Türkmenistan", "Türkmenistan'a"},
      {"Kazakistan", "Kazakistan'a"},
      {"Özbekistan", "Özbekistan'a"},
      {"İran", "İran'a"},
      {"İsveç", "İsveç'e"},
      {"Avusturya", "Avusturya'ya"},
      {"Çekya", "Çekya'ya"},
      {"Macaristan", "Macaristan'a"},
      {"Danimarka", "Danimarka'ya"},
      {"İsviçre", "İsviçre'ye"},
      {"Fas", "Fas'a"},
      {"Tunus", "Tunus'a"},
      {"Ürdün", "Ürdün'e"},
      {"Lübnan", "Lübnan'a"},
      {"Katar", "Katar'a"},
      {"Kuveyt", "Kuveyt'e"},
      {"KKTC", "KKTC'ye"},
      {"Çin", "Çin'e"},
      {"Güney Kore", "Güney Kore'ye"},
      {"Kanada", "Kanada'ya"},
      {"Hindistan", "Hindistan'a"},
      {"Japonya", "Japonya'ya"},
      {"Umman", "Umman'a"}};
  for (const auto& [name, dative] : expected) CHECK(suffixed(name, Suffix::dative) == dative);
  CHECK(suffixed("ABD", Suffix::genitive) == "ABD'nin");
  CHECK(suffixed("BAE", Suffix::genitive) == "BAE'nin");
  CHECK(suffixed("Irak", Suffix::genitive) == "Irak'ın");
  CHECK(suffixed("TÜİK", Suffix::genitive) == "TÜİK'in");
  CHECK(suffixed("TİM", Suffix::genitive) == "TİM'in");
}

TEST_CASE("numbers take suffixes by how they are read", "[turkish]") {
  CHECK(suffixed("5,94", Suffix::adjective) == "5,94'lük");
  CHECK(suffixed("1,42", Suffix::adjective) == "1,42'lik");
  CHECK(suffixed("20", Suffix::adjective) == "20'lik");
  CHECK(suffixed("6,5", Suffix::adjective) == "6,5'lik");
  CHECK(suffixed("3,9", Suffix::adjective) == "3,9'luk");
  CHECK(suffixed("40", Suffix::adjective) == "40'lık");
  CHECK(suffixed("11,23", Suffix::possessive_accusative) == "11,23'ünü");
  CHECK(suffixed("12,50", Suffix::possessive_accusative) == "12,50'sini");
  CHECK(suffixed("140", Suffix::dative) == "140'a");
  const std::vector<std::pair<int, std::string>> ordinals = {
      {1, "1'inci"},     {2, "2'nci"},       {3, "3'üncü"},   {4, "4'üncü"},   {5, "5'inci"},
      {6, "6'ncı"},      {7, "7'nci"},       {8, "8'inci"},   {9, "9'uncu"},   {10, "10'uncu"},
      {12, "12'nci"},    {20, "20'nci"},     {30, "30'uncu"}, {40, "40'ıncı"}, {50, "50'nci"},
      {60, "60'ıncı"},   {70, "70'inci"},    {80, "80'inci"}, {81, "81'inci"}, {90, "90'ıncı"},
      {100, "100'üncü"}, {1000, "1000'inci"}};
  for (const auto& [n, text] : ordinals) CHECK(suffixed(std::to_string(n), Suffix::ordinal) == text);
}

TEST_CASE("amounts in words", "[turkish]") {
  using kexport::turkish::amount_words;
  CHECK(amount_words(0) == "0 dolar");
  // Below 100 bin dolar, exact dollars: rounding to thousands would lose too much.
  CHECK(amount_words(49'900) == "499 dolar");
  CHECK(amount_words(85'049) == "850 dolar");
  CHECK(amount_words(190'000) == "1.900 dolar");
  CHECK(amount_words(9'999'999) == "100.000 dolar");  // 99.999,99 rounds to whole dollars
  CHECK(amount_words(10'000'000) == "100 bin dolar");
  CHECK(amount_words(99'900'000) == "999 bin dolar");
  CHECK(amount_words(100'000'000) == "1 milyon dolar");
  CHECK(amount_words(85'000'000) == "850 bin dolar");
  CHECK(amount_words(100'000'500'000) == "1 milyar 5 bin dolar");
  CHECK(amount_words(1'200'000'000'000) == "12 milyar dolar");
  CHECK(amount_words(29'180'423'645) == "291 milyon 804 bin dolar");
  CHECK(amount_words(382'840'900'000) == "3 milyar 828 milyon 409 bin dolar");
  CHECK(amount_words(300'089'200'000) == "3 milyar 892 bin dolar");
}

TEST_CASE("short amounts and percentages", "[turkish]") {
  using namespace kexport::turkish;
  CHECK(amount_short(382'840'924'500) == "3,8 milyar dolar");
  CHECK(amount_short(29'180'423'645) == "291,8 milyon dolar");
  CHECK(amount_short(100'000'000) == "1 milyon dolar");
  CHECK(amount_short(85'000'000) == "850 bin dolar");
  CHECK(amount_short(99'996'000'000) == "1 milyar dolar");
  CHECK(percent_words(-5.93989) == "yüzde 5,94");
  CHECK(percent_words(20.0) == "yüzde 20");
  CHECK(percent_words(19.996) == "yüzde 20");
  CHECK(percent_number(1.420061) == "1,42");
  CHECK(percent_number(0.5) == "0,50");
  CHECK(factor_number(2.345) == "2,3");
  CHECK(month_lower(8) == "ağustos");
  CHECK(month_lower(12) == "aralık");
}
