#include <catch2/catch.hpp>

#include "kexport/model/text.hpp"

using kexport::fold_name;

TEST_CASE("folding matches names as people type them", "[text]") {
  for (const char* spelling : {"Kayseri", "kayseri", "KAYSERİ", "KAYSERI", "Kayseri ", " kayserı"})
    CHECK(fold_name(spelling) == "kayseri");
  CHECK(fold_name("İstanbul") == fold_name("ISTANBUL"));
  CHECK(fold_name("Şanlıurfa") == "sanliurfa");
  CHECK(fold_name("Çanakkale") == "canakkale");
  CHECK(fold_name("Muğla") == "mugla");
  CHECK(fold_name("Hakkâri") == "hakkari");
  CHECK(fold_name("K.Maraş") == "kmaras");
  CHECK(fold_name("Düzce") == "duzce");
  CHECK(fold_name("Gümüşhane") == "gumushane");
}

TEST_CASE("text mis-decoded as Latin-1 never folds into a real name", "[text]") {
  // Windows-1254 bytes read as Latin-1: İ -> Ý, ş -> þ, ğ -> ð.
  CHECK(fold_name("KAYSERÝ") != fold_name("KAYSERİ"));
  CHECK(fold_name("Muðla") != fold_name("Muğla"));
  CHECK(fold_name("Ýzmir") != fold_name("İzmir"));
}

TEST_CASE("Turkish case mapping", "[text]") {
  CHECK(kexport::to_upper_tr("Kayseri") == "KAYSERİ");
  CHECK(kexport::to_upper_tr("ılık") == "ILIK");
  CHECK(kexport::to_lower_tr("ARALIK") == "aralık");
  CHECK(kexport::to_lower_tr("İZMİR") == "izmir");
  CHECK(kexport::to_upper_tr("şubat") == "ŞUBAT");
}

TEST_CASE("UTF-8 widths and validity", "[text]") {
  CHECK(kexport::display_width("Kayseri") == 7);
  CHECK(kexport::display_width("Değişim") == 7);
  CHECK(kexport::display_width("İhracat yapılan ülke sayısı") == 27);
  // The length of the character at an offset: 0 where UTF-8 breaks.
  const auto length_at = [](std::string_view text, std::size_t i) {
    return kexport::utf8_sequence_length(reinterpret_cast<const unsigned char*>(text.data()), i, text.size());
  };
  CHECK(length_at("Ağrı", 1) == 2);
  CHECK(length_at("Ağrı", 4) == 2);
  CHECK(length_at("\xE2\x82\xAC", 0) == 3);      // €
  CHECK(length_at("\xF0\x9F\x98\x80", 0) == 4);  // an emoji
  CHECK(length_at("A\xF0\x28", 1) == 0);         // a cut sequence
  CHECK(length_at("abc\xFE"
                  "def",
                  3) == 0);
  CHECK(length_at("\xC0\x80", 0) == 0);      // overlong NUL
  CHECK(length_at("\xED\xA0\x80", 0) == 0);  // a surrogate
  CHECK(length_at("\x80", 0) == 0);          // a stray continuation byte
  CHECK(length_at("\xC4", 0) == 0);          // the text ends inside the character
}

TEST_CASE("edit distance", "[text]") {
  CHECK(kexport::edit_distance("kayseri", "kayseri") == 0);
  CHECK(kexport::edit_distance("kaysri", "kayseri") == 1);
  CHECK(kexport::edit_distance("", "abc") == 3);
  CHECK(kexport::edit_distance("ankara", "antalya") == 3);
}
