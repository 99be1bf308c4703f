#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "kexport/model/error.hpp"

using test::load_text;

namespace {

std::vector<std::pair<std::uint64_t, kexport::Cents>> rows(const kexport::Dataset& data) {
  std::vector<std::pair<std::uint64_t, kexport::Cents>> out;
  for (std::size_t i = 0; i < data.size(); ++i) out.emplace_back(data.keys[i], data.cents[i]);
  return out;
}

kexport::DataError json_error(const std::string& name, const std::string& text) {
  try {
    load_text(name, text);
  } catch (const kexport::DataError& e) {
    return e;
  }
  FAIL("accepted: " << text.substr(0, 80));
  throw std::logic_error("unreachable");
}

const std::string csv_equivalent =
    "period,province,country,country_code,value_usd\n"
    "2026-01,Kayseri,Almanya,DE,30158771.15\n"
    "2026-01,Kayseri,,,291804236.45\n"
    "2025-01,Kayseri,ABD,,12\n";

}  // namespace

TEST_CASE("the JSON shapes load to the same records as CSV", "[load][json]") {
  const auto expected = rows(load_text("a.csv", csv_equivalent));
  const std::string records =
      R"([{"period":"2026-01","province":"Kayseri","country":"Almanya","country_code":"DE","value_usd":30158771.15},
          {"period":"2026-01","province":"Kayseri","value_usd":"291804236.45"},
          {"period":"2025-01","province":"Kayseri","country":"ABD","value_usd":12, "note": null}])";
  CHECK(rows(load_text("a.json", records)) == expected);
  CHECK(rows(load_text("b.json", R"({"source_note": {"x": [1, 2]}, "records": )" + records + "}")) ==
        expected);
  const std::string lines =
      R"({"period":"2026-01","province":"Kayseri","country":"Almanya","country_code":"DE","value_usd":30158771.15})"
      "\n\n"
      R"({"period":"2026-01","province":"Kayseri","value_usd":291804236.45})"
      "\n"
      R"({"year":2025,"month":1,"province":"Kayseri","country":"ABD","value_usd":12})"
      "\n";
  CHECK(rows(load_text("c.jsonl", lines)) == expected);
  CHECK(rows(load_text("-", lines)) == expected);  // detected by content
  CHECK(rows(load_text("-", records)) == expected);
}

TEST_CASE("JSON numbers keep every cent", "[load][json]") {
  const auto data =
      load_text("a.json", R"([{"period":"2026-01","province":"38","value_usd":92233720368547758.07}])");
  CHECK(data.cents.at(0) == INT64_MAX);
}

TEST_CASE("JSON problems name the line and column", "[load][json]") {
  SECTION("a bad value") {
    const auto e = json_error("a.json",
                              "[\n {\"period\":\"2026-01\",\"province\":\"Kayseri\",\"value_usd\":1},\n"
                              " {\"period\":\"2026-01\",\"province\":\"Ankara\",\"value_usd\":\"1.2.3\"}\n]");
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 42);
    CHECK_THAT(e.what(), Catch::Contains("'1.2.3' is not an amount"));
  }
  SECTION("syntax") {
    const auto e = json_error("a.json", "[\n {\"period\": \"2026-01\",, }\n]");
    CHECK(e.where().line == 2);
    CHECK_THAT(e.what(), Catch::Contains("invalid JSON"));
  }
  SECTION("a nested value") {
    const auto e =
        json_error("a.json", R"([{"period":"2026-01","province":{"name":"Kayseri"},"value_usd":1}])");
    CHECK_THAT(e.what(), Catch::Contains("nested object"));
  }
  SECTION("a missing key") {
    const auto e = json_error("a.json", "[{\"period\":\"2026-01\",\"value_usd\":1}]");
    CHECK_THAT(e.what(), Catch::Contains("missing column province"));
  }
  SECTION("a key twice") {
    const auto e =
        json_error("a.json", R"([{"period":"2026-01","province":"Kayseri","il":"Ankara","value_usd":1}])");
    CHECK_THAT(e.what(), Catch::Contains("a second time"));
  }
  SECTION("a huge number") {
    const auto e = json_error("a.json", "[{\"period\":\"2026-01\",\"province\":\"Kayseri\",\"value_usd\":" +
                                            std::string(10000, '9') + "}]");
    CHECK_THAT(e.what(), Catch::Contains("too large"));
    CHECK(std::string(e.what()).size() < 300);  // the message does not repeat the number
  }
  SECTION("1e400") {
    const auto e = json_error("a.json", R"([{"period":"2026-01","province":"Kayseri","value_usd":1e400}])");
    CHECK_THAT(e.what(), Catch::Contains("too large"));
  }
  SECTION("JSON Lines names the line") {
    const auto e = json_error("a.jsonl",
                              "{\"period\":\"2026-01\",\"province\":\"Kayseri\",\"value_usd\":1}\n"
                              "{\"period\":\"2026-13\",\"province\":\"Kayseri\",\"value_usd\":1}\n");
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 2);
  }
  SECTION("an object without records") {
    CHECK_THAT(json_error("a.json", R"({"data": []})").what(), Catch::Contains("\"records\""));
  }
}

TEST_CASE("deep nesting fails fast without recursion", "[load][json]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto e = json_error("deep.json", deep);
  CHECK(e.where().line == 1);
  CHECK(e.where().column == 2);
}
