#include <catch2/catch.hpp>

#include "kexport/amount.hpp"

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
