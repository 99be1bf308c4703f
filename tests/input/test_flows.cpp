// Exports and imports: how each kind of file says which way its figures went, and that the two
// flows are kept apart record by record.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "kexport/model/error.hpp"

using kexport::Flow;
using test::load_text;
using test::records_of;

namespace {

// The records of a file, each with its flow: what the loaders must agree on.
std::vector<std::string> records(const std::string& name, const std::string& text,
                                 kexport::LoadOptions options = {}) {
  return records_of(load_text(name, text, std::move(options)));
}

}  // namespace

TEST_CASE("a flow column names each row's flow, in Turkish or English", "[flows]") {
  const auto read = records("a.csv",
                            "period,province,value_usd,flow\n"
                            "2025-01,Kayseri,10,ihracat\n"
                            "2025-01,Kayseri,4,İTHALAT\n"
                            "2025-02,Kayseri,11,export\n"
                            "2025-02,Kayseri,5,imports\n"
                            "2025-03,Kayseri,12,\n");
  const std::vector<std::string> expected = {
      "Kayseri 2025-01 * * 1000 ",       "Kayseri 2025-01 * * 400  import", "Kayseri 2025-02 * * 1100 ",
      "Kayseri 2025-02 * * 500  import", "Kayseri 2025-03 * * 1200 ",
  };
  CHECK(read == expected);
}

TEST_CASE("the same key in both flows is two records, never a duplicate or a revision", "[flows]") {
  const auto data = load_text("a.csv",
                              "period,province,value_usd,flow\n"
                              "2025-01,Kayseri,10,export\n"
                              "2025-01,Kayseri,4,import\n");
  CHECK(data.size() == 2);
  CHECK(data.revisions.empty());
  CHECK(data.has({0, Flow::exports}));
  CHECK(data.has({0, Flow::imports}));
  CHECK(data.knows({0, Flow::imports}, 38, kexport::Period::from_year_month(2025, 1)));
  CHECK_FALSE(data.knows({0, Flow::imports}, 6, kexport::Period::from_year_month(2025, 1)));
}

TEST_CASE("a flow the loader does not know is refused at its cell", "[flows]") {
  CHECK_THROWS_WITH(load_text("a.csv", "period,province,value_usd,flow\n2025-01,Kayseri,10,transit\n"),
                    Catch::Contains("a.csv:2:20: 'transit' is not a flow; expected ihracat (export) or "
                                    "ithalat (import)"));
}

TEST_CASE("columns of exports and imports give a record of each per row", "[flows]") {
  const auto read = records("a.csv",
                            "İl,Dönem,İhracat (USD),İthalat (USD)\n"
                            "Kayseri,2025-01,10,4\n"
                            "Kayseri,2025-02,-,5\n"    // a dash: nothing exported, a figure of 0
                            "Kayseri,2025-03,12,-\n"   // nothing imported
                            "Kayseri,2025-04,13,\n");  // a blank: imports unknown, no record
  const std::vector<std::string> expected = {
      "Kayseri 2025-01 * * 1000 ",       "Kayseri 2025-01 * * 400  import", "Kayseri 2025-02 * * 0 ",
      "Kayseri 2025-02 * * 500  import", "Kayseri 2025-03 * * 0  import",   "Kayseri 2025-03 * * 1200 ",
      "Kayseri 2025-04 * * 1300 "};
  CHECK(read == expected);
  // A row with neither amount says nothing, and is an error like any empty amount.
  CHECK_THROWS_WITH(load_text("a.csv", "İl,Dönem,İhracat (USD),İthalat (USD)\nKayseri,2025-01,,\n"),
                    Catch::Contains("a.csv:2:17"));
  // A bad amount of imports is reported at its own cell.
  CHECK_THROWS_WITH(load_text("a.csv", "İl,Dönem,İhracat (USD),İthalat (USD)\nKayseri,2025-01,1,x\n"),
                    Catch::Contains("a.csv:2:19"));
  // Both a flow column and a column of imports cannot both say the flow.
  CHECK_THROWS_WITH(load_text("a.csv", "İl,Dönem,Değer,İthalat,Akış\nKayseri,2025-01,1,2,ihracat\n"),
                    Catch::Contains("a.csv:1:16: a flow column beside a column of imports"));
}

TEST_CASE("a table whose only amount is of imports is a table of imports", "[flows]") {
  const auto read = records("a.csv", "İl,Dönem,İthalat (Bin $)\nKayseri,2025-01,4\n");
  CHECK(read == std::vector<std::string>{"Kayseri 2025-01 * * 400000  import"});
}

TEST_CASE("a title that names imports alone makes the file's rows imports", "[flows]") {
  const std::string body = "İl,Dönem,Değer ($)\nKayseri,2025-01,4\n";
  CHECK(records("a.csv", "2025 YILI İL BAZINDA İTHALAT\n" + body) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 400  import"});
  // Both flows in the title: the columns decide, and a plain value column is of exports.
  CHECK(records("a.csv", "DIŞ TİCARET (İHRACAT VE İTHALAT)\n" + body) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 400 "});
  // A wide sheet of imports, titled so.
  CHECK(records("a.csv", "2025 İTHALAT (Bin $)\nİL,OCAK,ŞUBAT\nKAYSERİ,1,2\n") ==
        std::vector<std::string>{"Kayseri 2025-01 * * 100000  import", "Kayseri 2025-02 * * 200000  import"});
}

TEST_CASE("the flow of files that say nothing of theirs, as --data-flow gives it", "[flows]") {
  kexport::LoadOptions imports;
  imports.flow = Flow::imports;
  CHECK(records("a.csv", "period,province,value_usd\n2025-01,Kayseri,4\n", imports) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 400  import"});
  // The file's own word wins: a flow column, a title.
  CHECK(records("a.csv", "period,province,value_usd,flow\n2025-01,Kayseri,4,ihracat\n", imports) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 400 "});
  CHECK(records("a.csv", "İHRACAT\nİl,Dönem,Değer\nKayseri,2025-01,4\n", imports) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 400 "});
  CHECK(records("a.json", R"([{"period":"2025-01","province":"Kayseri","value_usd":4}])", imports) ==
        std::vector<std::string>{"Kayseri 2025-01 * * 400  import"});
}

TEST_CASE("JSON: a flow key, or imports_usd beside value_usd", "[flows]") {
  CHECK(records("a.json", R"([{"period":"2025-01","province":"Kayseri","value_usd":4,"flow":"ithalat"}])") ==
        std::vector<std::string>{"Kayseri 2025-01 * * 400  import"});
  CHECK(records("a.jsonl", R"({"period":"2025-01","province":"Kayseri","value_usd":10,"imports_usd":4})"
                           "\n") ==
        std::vector<std::string>{"Kayseri 2025-01 * * 1000 ", "Kayseri 2025-01 * * 400  import"});
  CHECK_THROWS_WITH(
      load_text("a.jsonl",
                R"({"period":"2025-01","province":"Kayseri","value_usd":10,"imports_usd":4,"flow":"ihracat"})"
                "\n"),
      Catch::Contains("a flow beside imports_usd"));
  CHECK_THROWS_WITH(
      load_text("a.jsonl", R"({"period":"2025-01","province":"Kayseri","value_usd":10,"imports_usd":"x"})"
                           "\n"),
      Catch::Contains("a.jsonl:1:57"));
}

TEST_CASE("a net weight rides beside the value as a record of its own, in grams", "[flows][weights]") {
  const auto read = records("a.csv",
                            "İl;Dönem;Değer;Net Ağırlık (kg)\n"
                            "Kayseri;2025-01;1.234,56;10.500,25\n"
                            "Kayseri;2025-02;100,00;\n");  // no weight given: none, not 0
  const std::vector<std::string> expected = {"Kayseri 2025-01 * * 10500250  grams",
                                             "Kayseri 2025-01 * * 123456 ", "Kayseri 2025-02 * * 10000 "};
  CHECK(read == expected);
  CHECK_THROWS_WITH(
      load_text("a.csv", "period,province,value_usd,net_weight_kg\n2025-01,Kayseri,1,0.0001\n"),
      Catch::Contains("a.csv:2:19: '0.0001' is not a weight; expected kilograms with at most three "
                      "decimals"));
  // Whose weight would a weight beside exports and imports be? Refused at its header.
  CHECK_THROWS_WITH(load_text("a.csv", "İl,Dönem,İhracat,İthalat,Net Ağırlık\nKayseri,2025-01,1,2,3\n"),
                    Catch::Contains("a.csv:1:26: a weight column beside columns of exports and imports"));
  // A row refused for its weight leaves no value behind under --skip-bad-rows.
  kexport::LoadOptions skip;
  skip.skip_bad_rows = true;
  const auto data =
      load_text("a.csv", "period,province,value_usd,net_weight_kg\n2025-01,Kayseri,1,x\n", skip);
  CHECK(data.size() == 0);
  CHECK(data.skipped_count == 1);
}
