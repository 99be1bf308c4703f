// Every command's JSON, through the real binary, against the key tables in docs/json.md: the same
// keys in the same order, each of a documented type. docs/json.md is the contract; this test keeps
// the two from drifting apart.
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <sstream>

#include "helpers.hpp"

using nlohmann::ordered_json;
using test::run_kexport;

namespace {

struct DocumentedKey {
  std::string key;
  std::vector<std::string> types;  // "string", "number", "boolean", "array", "object", "null"
};

// The tables that follow each "<!-- json: NAME -->" marker in docs/json.md.
std::map<std::string, std::vector<DocumentedKey>> documented() {
  std::istringstream readme(test::read_file(std::string(KEXPORT_TEST_DIR) + "/../docs/json.md"));
  std::map<std::string, std::vector<DocumentedKey>> tables;
  const std::regex marker(R"(<!-- json: (\S+) -->)");
  const std::regex row(R"(^\| `([a-z_0-9]+)` \| ([a-z ]+) \|)");
  std::string current;
  for (std::string line; std::getline(readme, line);) {
    std::smatch m;
    if (std::regex_search(line, m, marker)) {
      current = m[1];
      tables[current];
    } else if (!current.empty() && std::regex_search(line, m, row)) {
      DocumentedKey key{m[1], {}};
      std::istringstream types(m[2]);
      for (std::string word; types >> word;)
        if (word != "or") key.types.push_back(word);
      tables[current].push_back(key);
    } else if (!current.empty() && !line.starts_with("|")) {
      if (!tables[current].empty()) current.clear();  // the table has ended
    }
  }
  return tables;
}

std::string type_of(const ordered_json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "boolean";
  if (value.is_number()) return "number";
  if (value.is_string()) return "string";
  if (value.is_array()) return "array";
  return "object";
}

// Checks an object against a table: its keys in the documented order (a prefix of the table when
// `prefix_allowed`, for lists whose coverage columns come only with --data), each of its type.
void check_object(const ordered_json& object, const std::string& table, bool prefix_allowed = false) {
  static const auto tables = documented();
  INFO("table " << table << ": " << object.dump().substr(0, 300));
  REQUIRE(tables.count(table) == 1);
  REQUIRE(object.is_object());
  const auto& keys = tables.at(table);
  std::vector<std::string> actual;
  for (auto it = object.begin(); it != object.end(); ++it) actual.push_back(it.key());
  REQUIRE(actual.size() <= keys.size());
  if (!prefix_allowed) REQUIRE(actual.size() == keys.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    INFO("key " << keys[i].key);
    CHECK(actual[i] == keys[i].key);
    const std::string type = type_of(object[actual[i]]);
    CHECK(std::find(keys[i].types.begin(), keys[i].types.end(), type) != keys[i].types.end());
  }
}

void check_each(const ordered_json& array, const std::string& table, bool prefix_allowed = false) {
  REQUIRE(array.is_array());
  for (const auto& element : array) check_object(element, table, prefix_allowed);
}

ordered_json json_of(const std::string& arguments) {
  const auto r = run_kexport(arguments);
  INFO(arguments << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return ordered_json::parse(r.out);
}

const std::string bundled = std::string("--data ") + KEXPORT_DATA_DIR + " ";

}  // namespace

TEST_CASE("docs/json.md documents a table for every JSON document", "[cli][json]") {
  const auto tables = documented();
  for (const char* name : {"summary",
                           "summary.previous_month",
                           "summary.rolling_12m",
                           "summary.top_destinations[]",
                           "summary.standing",
                           "summary.top_sectors[]",
                           "summary.trend[]",
                           "summary.imports",
                           "summary.balance.month",
                           "summary.coverage_ratio_pct.month",
                           "summary.unit_value",
                           "series",
                           "series.rows[]",
                           "top",
                           "top.rows[]",
                           "top.new[]",
                           "rank",
                           "rank.rows[]",
                           "revisions",
                           "revisions.rows[]",
                           "provinces",
                           "provinces.provinces[]",
                           "countries",
                           "countries.countries[]",
                           "chapters",
                           "chapters.chapters[]",
                           "chapters.sectors[]",
                           "validate",
                           "validate.files[]",
                           "validate.revisions[]",
                           "cache",
                           "cache.images[]",
                           "manifest",
                           "manifest.inputs[]",
                           "manifest.provinces[]",
                           "manifest.missing[]",
                           "manifest.national",
                           "manifest.files[]"}) {
    INFO(name);
    REQUIRE(tables.count(name) == 1);
    CHECK(tables.at(name).size() >= 1);
  }
}

TEST_CASE("summary's JSON is as documented", "[cli][json]") {
  const auto doc = json_of(bundled + "summary -p Kayseri -m 2026-01 -f json");
  check_object(doc, "summary", true);  // the bundled data gives no weights: all keys but unit_value
  CHECK(std::prev(doc.end()).key() == "coverage_ratio_pct");
  check_object(doc["previous_month"], "summary.previous_month");
  check_object(doc["previous_year"], "summary.previous_month");
  check_object(doc["rolling_12m"], "summary.rolling_12m");
  check_object(doc["year_to_date"], "summary.rolling_12m");
  check_each(doc["top_destinations"], "summary.top_destinations[]");
  check_object(doc["standing"], "summary.standing");
  check_each(doc["trend"], "summary.trend[]");
  // The bundled data holds Kayseri's imports.
  check_object(doc["imports"], "summary.imports");
  for (const char* key : {"previous_month", "previous_year"})
    check_object(doc["imports"][key], "summary.previous_month");
  for (const char* key : {"rolling_12m", "year_to_date"})
    check_object(doc["imports"][key], "summary.rolling_12m");
  check_each(doc["imports"]["top_origins"], "summary.top_destinations[]");
  check_each(doc["imports"]["trend"], "summary.trend[]");
  for (const char* key : {"month", "rolling_12m", "year_to_date"}) {
    check_object(doc["balance"][key], "summary.balance.month");
    check_object(doc["coverage_ratio_pct"][key], "summary.coverage_ratio_pct.month");
  }
  // Sectors, from a file that has them; without imports the keys end with the trend.
  const test::TempDir dir;
  test::write_text(dir.path / "sectors.csv",
                   "period,province,chapter,value_usd\n2026-01,Kayseri,94,10\n2026-01,Kayseri,Halı,5\n");
  const auto sectors =
      json_of("--data " + (dir.path / "sectors.csv").string() + " summary -p Kayseri -f json");
  REQUIRE(sectors["top_sectors"].size() == 2);
  check_each(sectors["top_sectors"], "summary.top_sectors[]");
  check_object(sectors, "summary", true);
  CHECK_FALSE(sectors.contains("imports"));
  CHECK(std::prev(sectors.end()).key() == "trend");
}

TEST_CASE("summary's JSON with weights ends with the value per kilogram", "[cli][json]") {
  const test::TempDir dir;
  test::write_text(dir.path / "weights.csv",
                   "period,province,value_usd,net_weight_kg,flow\n2026-01,Kayseri,222,100,export\n"
                   "2026-01,Kayseri,50,40,import\n");
  const auto doc = json_of("--data " + (dir.path / "weights.csv").string() + " summary -p Kayseri -f json");
  check_object(doc, "summary");
  check_object(doc["unit_value"], "summary.unit_value");
}

TEST_CASE("summary's JSON with imports the data does not know for the month: nulls", "[cli][json]") {
  const test::TempDir dir;
  // Imports of Kayseri in December only: January's are unknown, not zero.
  test::write_text(dir.path / "trade.csv",
                   "period,province,value_usd,flow\n2025-12,Kayseri,10,export\n2026-01,Kayseri,12,export\n"
                   "2025-12,Kayseri,4,import\n");
  const auto doc =
      json_of("--data " + (dir.path / "trade.csv").string() + " summary -p Kayseri -m 2026-01 -f json");
  check_object(doc, "summary", true);
  CHECK(doc["imports"]["value"].is_null());
  CHECK(doc["imports"]["previous_month"]["value"] == 4.0);
  CHECK(doc["imports"]["previous_month"]["change_pct"].is_null());
  CHECK(doc["balance"]["month"]["value"].is_null());
  CHECK(doc["coverage_ratio_pct"]["month"]["value"].is_null());
  // Imports of 0: a balance, but no ratio.
  test::write_text(dir.path / "trade.csv",
                   "period,province,value_usd,flow\n2026-01,Kayseri,12,export\n2026-01,Kayseri,0,import\n");
  const auto zero = json_of("--data " + (dir.path / "trade.csv").string() + " summary -p Kayseri -f json");
  CHECK(zero["balance"]["month"]["value"] == 12.0);
  CHECK(zero["coverage_ratio_pct"]["month"]["value"].is_null());
}

TEST_CASE("series, top and rank's JSON is as documented", "[cli][json]") {
  const auto series = json_of(bundled + "series -p Kayseri --country DE --from 2025-10 -f json");
  check_object(series, "series");
  check_each(series["rows"], "series.rows[]");
  const auto turkey = json_of(bundled + "series --from 2025-10 -f json");
  check_object(turkey, "series");
  check_each(turkey["rows"], "series.rows[]");

  const auto top = json_of(bundled + "top -p Kayseri -m 2026-01 -f json");
  check_object(top, "top");
  check_each(top["rows"], "top.rows[]");
  REQUIRE_FALSE(top["new"].empty());
  REQUIRE_FALSE(top["lost"].empty());
  check_each(top["new"], "top.new[]");
  check_each(top["lost"], "top.new[]");
  for (const auto& lost : top["lost"]) CHECK(lost["share_pct"] == 0.0);  // a figure, not unknown

  const auto rank = json_of(bundled + "rank -m 2026-01 -f json");
  check_object(rank, "rank");
  check_each(rank["rows"], "rank.rows[]", true);
  CHECK(rank["rows"][0].size() == 8);  // without the balance's columns

  // Ranked by balance: every province's exports and imports.
  const test::TempDir dir;
  std::string csv = "period,province_code,value_usd,imports_usd\n";
  for (int plate = 1; plate <= 81; ++plate)
    csv += fmt::format("2026-01,{},{},{}\n", plate, 100 + plate, 150 - plate);
  test::write_text(dir.path / "trade.csv", csv);
  const auto by_balance =
      json_of("--data " + (dir.path / "trade.csv").string() + " rank --by balance -f json");
  check_object(by_balance, "rank");
  check_each(by_balance["rows"], "rank.rows[]");

  // What a release changed: two dated tables, the later revising a destination's month.
  test::write_text(dir.path / "tuik-2026-01-31.csv",
                   "period,province,country,value_usd,source\n2025-12,Kayseri,Almanya,100,TÜİK\n");
  test::write_text(dir.path / "tuik-2026-02-28.csv",
                   "period,province,country,value_usd,source\n2025-12,Kayseri,Almanya,110,TÜİK\n");
  const auto revisions = json_of("--data " + (dir.path / "tuik-2026-01-31.csv").string() + " --data " +
                                 (dir.path / "tuik-2026-02-28.csv").string() + " revisions -f json");
  check_object(revisions, "revisions");
  REQUIRE(revisions["rows"].size() == 1);
  check_each(revisions["rows"], "revisions.rows[]");
}

TEST_CASE("the lists' JSON is as documented, lists as arrays", "[cli][json]") {
  const auto provinces = json_of("provinces -f json");
  check_object(provinces, "provinces");
  check_each(provinces["provinces"], "provinces.provinces[]", true);
  CHECK(provinces["provinces"][2]["aliases"] == ordered_json::array({"Afyon", "Afyon Karahisar"}));
  const auto with_data = json_of(bundled + "provinces -f json");
  check_each(with_data["provinces"], "provinces.provinces[]");
  CHECK(with_data["provinces"][37]["sources"] == ordered_json::array({"TÜİK"}));

  check_each(json_of(bundled + "countries -f json")["countries"], "countries.countries[]");
  check_object(json_of("countries -f json"), "countries");
  const auto chapters = json_of(bundled + "chapters -f json");
  check_object(chapters, "chapters");
  check_each(chapters["chapters"], "chapters.chapters[]");
  check_each(json_of("chapters -f json")["chapters"], "chapters.chapters[]", true);
  check_each(chapters["sectors"], "chapters.sectors[]");
}

TEST_CASE("validate's and cache info's JSON is as documented", "[cli][json]") {
  const test::TempDir dir;
  test::write_text(dir.path / "a.csv", "period,province,country,value_usd\n2026-01,Kayseri,Almanya,10\n");
  test::write_text(dir.path / "b.csv", "period,province,country,value_usd\n2026-01,Kayseri,Almanya,11\n");
  test::write_text(dir.path / "wide.csv", "İl,2026-01,2026-02,TOPLAM\nAnkara,1,2,4\n");
  const auto r = run_kexport("validate -f json " + dir.path.string());
  const auto doc = ordered_json::parse(r.out);
  check_object(doc, "validate");
  check_each(doc["files"], "validate.files[]");
  REQUIRE(doc["revisions"].size() == 1);
  check_each(doc["revisions"], "validate.revisions[]");
  const auto& mismatch = doc["files"][2]["total_mismatches"][0];
  CHECK(mismatch["total"] == 4.0);  // numbers as numbers
  CHECK(mismatch["sum_of_months"] == 3.0);

  const auto cache = json_of("cache info -f json");
  check_object(cache, "cache");
  check_each(cache["images"], "cache.images[]");
}

TEST_CASE("a report's manifest.json has the documented keys", "[cli][json][report]") {
  test::TempDir dir;
  // Kayseri's file and standard input (Ankara, for another month): Ankara is missing for 2026-01.
  const std::string out = (dir.path / "out").string();
  const auto r = run_kexport(std::string("--data ") + KEXPORT_DATA_DIR +
                                 "/kayseri-countries-2024-01-2026-01.csv --data - report -p Kayseri,Ankara "
                                 "-m 2026-01 --lang en --dir " +
                                 out,
                             "period,province,value_usd,source\n2025-12,Ankara,100,TÜİK\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto manifest = ordered_json::parse(test::read_file(dir.path / "out" / "manifest.json"));
  check_object(manifest, "manifest");
  check_each(manifest["inputs"], "manifest.inputs[]");
  CHECK(manifest["inputs"].back()["path"] == "-");
  CHECK(manifest["inputs"].back()["sha256"].is_null());
  check_each(manifest["provinces"], "manifest.provinces[]");
  REQUIRE(manifest["missing"].size() == 1);
  check_each(manifest["missing"], "manifest.missing[]");
  check_object(manifest["national"], "manifest.national");
  check_each(manifest["files"], "manifest.files[]");
}
