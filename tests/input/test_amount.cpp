#include <catch2/catch.hpp>

#include "kexport/input/amount.hpp"

using kexport::DecimalStyle;
using kexport::parse_amount;
using kexport::ValueUnit;

namespace {
std::optional<kexport::Cents> point(std::string_view text, ValueUnit unit = ValueUnit::dollars) {
  return parse_amount(text, DecimalStyle::point, unit).cents;
}
std::optional<kexport::Cents> comma(std::string_view text, ValueUnit unit = ValueUnit::dollars) {
  return parse_amount(text, DecimalStyle::comma, unit).cents;
}
}  // namespace

TEST_CASE("amounts parse exactly into cents", "[amount]") {
  CHECK(point("291804236.45") == 29180423645);
  CHECK(point("291804236") == 29180423600);
  CHECK(point("0.1") == 10);
  CHECK(point(".5") == 50);
  CHECK(point("7.") == 700);
  CHECK(point("0") == 0);
  CHECK(point(" 12.30 ") == 1230);
  CHECK(point("1.230") == 123);  // a trailing zero is not a fraction of a cent
  CHECK(point("291,804,236.45") == 29180423645);
  CHECK(comma("291.804.236,45") == 29180423645);
  CHECK(comma("291804236,45") == 29180423645);
  CHECK(comma("1.234") == 123400);
}

TEST_CASE("thousands of dollars scale exactly", "[amount]") {
  CHECK(point("291804.23645", ValueUnit::thousand_dollars) == 29180423645);
  CHECK(point("291804", ValueUnit::thousand_dollars) == 29180400000);
  CHECK(comma("291.804,236", ValueUnit::thousand_dollars) == 29180423600);
  CHECK_FALSE(point("1.000001", ValueUnit::thousand_dollars).has_value());
}

TEST_CASE("what is not an amount is refused with a reason", "[amount]") {
  for (const char* bad : {"", "1.2.3", "1e400", "NaN", "nan", "inf", "-5", "12,3,4", "abc", "1 000", "1.005",
                          "+5", "0x10", "1,23.4", "12,34"}) {
    const auto result = parse_amount(bad, DecimalStyle::point, ValueUnit::dollars);
    CHECK_FALSE(result.cents.has_value());
    CHECK_FALSE(result.problem.empty());
  }
  CHECK_THAT(parse_amount("-5", DecimalStyle::point, ValueUnit::dollars).problem,
             Catch::Contains("non-negative"));
  CHECK_THAT(parse_amount("1.005", DecimalStyle::point, ValueUnit::dollars).problem,
             Catch::Contains("fractions of a cent"));
}

TEST_CASE("amounts beyond 64-bit cents are refused, not wrapped", "[amount]") {
  CHECK(point("92233720368547758.07") == INT64_MAX);
  CHECK_FALSE(point("92233720368547758.08").has_value());
  CHECK_FALSE(point(std::string(10000, '9')).has_value());
}

TEST_CASE("numbers as programs write them: exponents exact, float artefacts rounded within 1e-9 of a cent",
          "[amount]") {
  CHECK(point("1e3") == 100000);
  CHECK(point("1E3") == 100000);
  CHECK(point("1e+3") == 100000);
  CHECK(point("2.9180423645E8") == 29180423645);
  CHECK(point("2.9180423645e8", ValueUnit::thousand_dollars) == 29180423645000);
  CHECK(point("0.123e1") == 123);
  CHECK(point(".5e1") == 500);
  CHECK(point("1500e-3") == 150);
  CHECK_FALSE(parse_amount("1e3", DecimalStyle::point, ValueUnit::dollars).rounded);

  // Float artefacts: the decimal text lies within a billionth of a cent of a whole cent.
  const auto artefact = parse_amount("0.30000000000000004", DecimalStyle::point, ValueUnit::dollars);
  CHECK(artefact.cents == 30);
  CHECK(artefact.rounded);
  CHECK(point("300.29999999999995") == 30030);
  CHECK(point("291804236.44999999999") == 29180423645);  // 1e-11 dollars below: rounded up
  CHECK(point("1.00000000001") == 100);                  // 1e-11 dollars = 1e-9 cents above: the bound
  CHECK(point("1e-11") == 0);                            // a billionth of a cent above 0

  // Anything further from a cent is refused, as before.
  for (const char* bad : {"1.5e-3", "0.3000001", "0.30000000002", "1.0000000000101", "1e", "e5", "1e99999",
                          "1,000e3", "1e3.5", "1.2e-11"}) {
    INFO(bad);
    const auto result = parse_amount(bad, DecimalStyle::point, ValueUnit::dollars);
    CHECK_FALSE(result.cents.has_value());
    CHECK_FALSE(result.problem.empty());
  }
  CHECK_THAT(parse_amount("1.5e-3", DecimalStyle::point, ValueUnit::dollars).problem,
             Catch::Contains("'1.5e-3' has fractions of a cent"));
}
