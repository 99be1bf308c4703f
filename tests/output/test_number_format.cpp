#include <catch2/catch.hpp>

#include "kexport/output/english.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/turkish.hpp"

using kexport::Language;

TEST_CASE("dollars are rounded once and grouped in the language's style", "[format]") {
  CHECK(kexport::format_dollars(29180423645, Language::tr) == "291.804.236");
  CHECK(kexport::format_dollars(29180423645, Language::en) == "291,804,236");
  CHECK(kexport::format_dollars(29180423650, Language::en) == "291,804,237");  // half rounds up
  CHECK(kexport::format_dollars(49, Language::tr) == "0");
  CHECK(kexport::format_dollars(100000, Language::tr) == "1.000");
  CHECK(kexport::format_dollars(99999, Language::tr) == "1.000");
  CHECK(kexport::format_dollars(-150, Language::en) == "-2");
  CHECK(kexport::format_dollars(INT64_MAX, Language::en) == "92,233,720,368,547,758");
}

TEST_CASE("changes carry a sign and two decimals", "[format]") {
  CHECK(kexport::format_change(-5.93989, Language::tr) == "-5,94 %");
  CHECK(kexport::format_change(-5.93989, Language::en) == "-5.94%");
  CHECK(kexport::format_change(1.42006, Language::tr) == "+1,42 %");
  CHECK(kexport::format_change(0.001, Language::en) == "0.00%");
  CHECK(kexport::format_change(-0.001, Language::en) == "0.00%");
  CHECK(kexport::format_change(150.0, Language::tr) == "+150,00 %");
  CHECK(kexport::format_share(10.335, Language::tr) == "10,34 %");
  CHECK(kexport::format_share(7.4914, Language::en) == "7.49%");
}

TEST_CASE("machine amounts are exact decimals", "[format]") {
  CHECK(kexport::cents_to_decimal(29180423645) == "291804236.45");
  CHECK(kexport::cents_to_decimal(5) == "0.05");
  CHECK(kexport::cents_to_decimal(0) == "0.00");
  CHECK(kexport::format_count(1234567, Language::tr) == "1.234.567");
  CHECK(kexport::format_count(140, Language::en) == "140");
}

TEST_CASE("prose amounts round exact decimals half up and carry into the next unit", "[format][prose]") {
  using kexport::Language;
  // Before: "$1000,000" and "1000 bin dolar" for $999,500; "$9.9 million" for 9,950,000 but
  // "$1.1 million" for 1,050,000; "0 dolar" for one cent.
  CHECK(kexport::english::amount_short(99'950'000) == "$1 million");
  CHECK(kexport::english::amount_short(995'000'000) == "$10 million");
  CHECK(kexport::english::amount_short(105'000'000) == "$1.1 million");
  CHECK(kexport::english::amount_short(99'949'999) == "$999,000");
  CHECK(kexport::english::amount_short(1) == "$0.01");
  CHECK(kexport::english::amount_short(99'950'000'000) == "$1 billion");
  CHECK(kexport::english::amount_short(382'840'924'500) == "$3.83 billion");
  CHECK(kexport::turkish::amount_short(99'950'000) == "1 milyon dolar");
  CHECK(kexport::turkish::amount_short(995'000'000) == "10 milyon dolar");
  CHECK(kexport::turkish::amount_short(105'000'000) == "1,1 milyon dolar");
  CHECK(kexport::turkish::amount_short(99'995'000'000) == "1 milyar dolar");
  CHECK(kexport::turkish::amount_words(1) == "0,01 dolar");
  CHECK(kexport::turkish::amount_words(99'950'000) == "1 milyon dolar");
  // A change of exactly 0.625 % is 0,63, as is one computed a hair below it.
  CHECK(kexport::format_change(0.625, Language::tr) == "+0,63 %");
  CHECK(kexport::format_change(-0.625, Language::en) == "-0.63%");
  CHECK(kexport::format_change(0.6250000000000001, Language::en) == "+0.63%");
  CHECK(kexport::format_change(-0.004, Language::tr) == "0,00 %");
  CHECK(kexport::format_decimal(9.995, 2, Language::en) == "10.00");
  CHECK(kexport::format_decimal(1234567.125, 2, Language::tr) == "1.234.567,13");
}
