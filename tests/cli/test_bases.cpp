// Province bases, through the real binary: TÜİK's head-office tables, its production-place tables
// and TİM's registration tables are three sources of figures that are never added, ranked or
// compared together; --basis chooses among them, and every output names the one it rests on.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "helpers.hpp"

using nlohmann::json;
using test::run_kexport;

namespace {

// January 2026 in thousands of dollars, shaped as the three bases differ (İstanbul far ahead on
// head office and registration, İzmir above Bursa on production place only): a hand-written table,
// the oracle of the tests below.
struct Figures {
  const char* basis;
  std::map<std::string, long> thousands;
};
const std::vector<Figures> january = {
    {"head_office",
     {{"İstanbul", 8500},
      {"Ankara", 1200},
      {"Bursa", 1400},
      {"İzmir", 1100},
      {"Kayseri", 300},
      {"Gaziantep", 900}}},
    {"production_place",
     {{"İstanbul", 5000},
      {"Ankara", 900},
      {"Bursa", 1500},
      {"İzmir", 1600},
      {"Kayseri", 320},
      {"Gaziantep", 700}}},
    {"registration",
     {{"İstanbul", 8800},
      {"Ankara", 1100},
      {"Bursa", 1450},
      {"İzmir", 1000},
      {"Kayseri", 310},
      {"Gaziantep", 950}}},
};

// A table as each publisher heads it: TÜİK's name their basis in the title, TİM's do not need to.
std::string table_of(const Figures& f, const std::string& title, const std::string& source) {
  std::string csv = title + "\nperiod,province,value_usd,source\n";
  // Türkiye's row is the sum of the provinces listed: it proves the others exported nothing.
  long total = 0, total_before = 0;
  for (const auto& [province, thousands] : f.thousands) {
    total += thousands;
    total_before += thousands * 9 / 10;
  }
  csv += fmt::format("2026-01,Türkiye,{}000,{}\n2025-01,Türkiye,{}000,{}\n", total, source, total_before,
                     source);
  for (const auto& [province, thousands] : f.thousands) {
    csv += fmt::format("2026-01,{},{}000,{}\n", province, thousands, source);
    // A year earlier, every province at 90 % of its figure, so that changes are comparable.
    csv += fmt::format("2025-01,{},{}000,{}\n", province, thousands * 9 / 10, source);
  }
  return csv;
}

struct BasesData {
  test::TempDir dir;
  BasesData() {
    test::write_text(
        dir.path / "tuik-merkez.csv",
        table_of(january[0], "İL BAZINDA İHRACAT (firmanın merkezinin bulunduğu il esas alınır)", "TÜİK"));
    test::write_text(dir.path / "tuik-faaliyet.csv",
                     table_of(january[1], "FAALİYET İLİNE GÖRE İL BAZINDA İHRACAT", "TÜİK"));
    test::write_text(dir.path / "tim.csv", table_of(january[2], "İL BAZINDA İHRACAT", "TİM"));
  }
  [[nodiscard]] std::string data() const { return "--data " + dir.path.string() + " "; }
};

// The provinces of one basis, largest first: the ranking the binary must give.
std::vector<std::string> ranked(const Figures& f) {
  std::vector<std::pair<long, std::string>> order;
  for (const auto& [province, thousands] : f.thousands) order.emplace_back(-thousands, province);
  std::sort(order.begin(), order.end());
  std::vector<std::string> names;
  for (const auto& entry : order) names.push_back(entry.second);
  return names;
}

}  // namespace

TEST_CASE("two bases of one source are never mixed: the question says which", "[cli][bases]") {
  const BasesData d;
  const auto mixed = run_kexport(d.data() + "--source TÜİK summary -p Kayseri -m 2026-01");
  CHECK(mixed.exit_code == 64);
  CHECK(mixed.out.empty());
  // The entries are listed in the order the files were read (by name in a directory).
  CHECK_THAT(mixed.err, Catch::Contains("TÜİK figures on several bases (TÜİK (production_place), TÜİK "
                                        "(head_office))") &&
                            Catch::Contains("choose one with --basis"));
  const auto all = run_kexport(d.data() + "rank -m 2026-01");
  CHECK(all.exit_code == 64);
  CHECK_THAT(all.err, Catch::Contains("several sources (TİM, TÜİK (production_place), TÜİK (head_office))") &&
                          Catch::Contains("--source and --basis"));

  for (std::size_t b = 0; b < january.size(); ++b) {
    const Figures& f = january[b];
    INFO(f.basis);
    // TİM's is the only registration basis: --basis alone is enough.
    const std::string choice =
        b == 2 ? "--basis registration " : std::string("--source TÜİK --basis ") + f.basis + " ";
    const auto summary = run_kexport(d.data() + choice + "summary -p Kayseri -m 2026-01 -f json");
    REQUIRE(summary.exit_code == 0);
    const json doc = json::parse(summary.out);
    CHECK(doc["basis"] == f.basis);
    CHECK(doc["source"] == (b == 2 ? "TİM" : "TÜİK"));
    CHECK(doc["value"] == static_cast<double>(f.thousands.at("Kayseri") * 1000));
    CHECK(doc["previous_year"]["value"] == static_cast<double>(f.thousands.at("Kayseri") * 9 / 10 * 1000));

    const auto rank = run_kexport(d.data() + choice + "rank -m 2026-01 -f json");
    REQUIRE(rank.exit_code == 0);
    const json ranking = json::parse(rank.out);
    CHECK(ranking["basis"] == f.basis);
    // The six with figures, in the basis's own order; the rest exported nothing, as Türkiye's row
    // (their sum) proves.
    std::vector<std::string> names;
    for (const json& row : ranking["rows"])
      if (row["value"] != 0.0) names.push_back(row["province"].get<std::string>());
    CHECK(names == ranked(f));
    CHECK(ranking["rows"].size() == 81);
  }
}

TEST_CASE("basis names are accepted in Turkish, and a wrong one is refused", "[cli][bases]") {
  const BasesData d;
  const auto merkez = run_kexport(d.data() + "--source tuik --basis merkez summary -p 38 -m 2026-01 -f json");
  REQUIRE(merkez.exit_code == 0);
  CHECK(json::parse(merkez.out)["basis"] == "head_office");
  const auto faaliyet =
      run_kexport(d.data() + "--source TÜİK --basis Üretim-Yeri summary -p 38 -m 2026-01 -f json");
  REQUIRE(faaliyet.exit_code == 0);
  CHECK(json::parse(faaliyet.out)["basis"] == "production_place");

  const auto wrong = run_kexport(d.data() + "--basis customs summary -p 38");
  CHECK(wrong.exit_code == 64);
  CHECK(wrong.out.empty());
  CHECK_THAT(wrong.err, Catch::Contains("head_office, production_place or registration"));
  // A basis the data does not hold for the source is said, with what it holds.
  const auto absent = run_kexport(d.data() + "--source TİM --basis head_office summary -p 38");
  CHECK(absent.exit_code == 64);
  CHECK_THAT(absent.err, Catch::Contains("no figures from TİM on the basis head_office"));
}

TEST_CASE("every output names the basis its figures rest on", "[cli][bases]") {
  const BasesData d;
  const std::string choice = d.data() + "--source TÜİK --basis production_place ";
  const auto prose_tr = run_kexport(choice + "summary -p Kayseri -m 2026-01 -f text");
  REQUIRE(prose_tr.exit_code == 0);
  CHECK_THAT(
      prose_tr.out,
      Catch::Contains("Kaynak: TÜİK, il bazında ihracat (malın üretildiği il (faaliyet ili) esas alınır)."));
  CHECK_THAT(prose_tr.out, !Catch::Contains("merkez"));
  const auto prose_en = run_kexport(choice + "summary -p Kayseri -m 2026-01 -f text --lang en");
  CHECK_THAT(prose_en.out,
             Catch::Contains("Source: TÜİK (Turkish Statistical Institute), exports by province of "
                             "production."));
  const auto table = run_kexport(choice + "summary -p Kayseri -m 2026-01");
  CHECK_THAT(table.out, Catch::Contains("Kaynak: TÜİK (üretimin yapıldığı il (faaliyet ili))"));
  for (const std::string format : {"markdown", "svg", "html"}) {
    INFO(format);
    const auto page = run_kexport(choice + "summary -p Kayseri -m 2026-01 -f " + format);
    REQUIRE(page.exit_code == 0);
    CHECK_THAT(page.out, Catch::Contains("faaliyet ili"));
  }
  const auto top = run_kexport(d.data() + "--basis registration top -p Kayseri -m 2026-01 --by country");
  // No split by country in these tables: the refusal names the province, not a figure.
  CHECK(top.exit_code == 69);
  const auto series = run_kexport(choice + "series -p Kayseri -f json");
  REQUIRE(series.exit_code == 0);
  CHECK(json::parse(series.out)["basis"] == "production_place");
  const auto tim = run_kexport(d.data() + "--source TİM summary -p Kayseri -m 2026-01 -f text");
  CHECK_THAT(tim.out, Catch::Contains("ihracatçının kayıtlı olduğu il esas alınır"));
}

TEST_CASE("validate says each file's basis, and when TÜİK's was assumed", "[cli][bases]") {
  const BasesData d;
  test::write_text(d.dir.path / "tuik-plain.csv",
                   "period,province,value_usd,source\n2026-02,Kayseri,5,TÜİK\n");
  const auto r = run_kexport("validate -f json " + d.dir.path.string());
  const json doc = json::parse(r.out);
  std::map<std::string, json> files;
  for (const json& f : doc["files"])
    files[f["file"].get<std::string>().substr(d.dir.path.string().size() + 1)] = f;
  CHECK(files.at("tuik-merkez.csv")["bases"] == json::array({"head_office"}));
  CHECK(files.at("tuik-faaliyet.csv")["bases"] == json::array({"production_place"}));
  CHECK(files.at("tim.csv")["bases"] == json::array({"registration"}));
  CHECK(files.at("tuik-plain.csv")["bases"] == json::array({"head_office"}));
  const auto assumed = [](const json& f) {
    return std::any_of(f["notes"].begin(), f["notes"].end(),
                       [](const json& n) { return n["kind"] == "basis_assumed" && n["detail"] == "TÜİK"; });
  };
  CHECK(assumed(files.at("tuik-plain.csv")));
  CHECK_FALSE(assumed(files.at("tuik-merkez.csv")));
  CHECK_FALSE(assumed(files.at("tuik-faaliyet.csv")));
  CHECK_FALSE(assumed(files.at("tim.csv")));
  // Figures of two bases are not revisions of each other.
  CHECK(doc["revisions"].empty());
}

TEST_CASE("a basis column keeps the rows of each basis apart, and a wrong one is an error at its cell",
          "[cli][bases]") {
  const test::TempDir dir;
  test::write_text(dir.path / "both.csv",
                   "period,province,value_usd,source,basis\n"
                   "2026-01,Kayseri,300,TÜİK,merkez\n2026-01,Kayseri,320,TÜİK,uretim-yeri\n");
  const std::string data = "--data " + (dir.path / "both.csv").string() + " ";
  const auto production = run_kexport(data + "--basis faaliyet summary -p Kayseri -f json");
  REQUIRE(production.exit_code == 0);
  CHECK(json::parse(production.out)["value"] == 320.0);
  const auto head = run_kexport(data + "--basis head_office summary -p Kayseri -f json");
  REQUIRE(head.exit_code == 0);
  CHECK(json::parse(head.out)["value"] == 300.0);

  test::write_text(dir.path / "both.csv",
                   "period,province,value_usd,source,basis\n2026-01,Kayseri,300,TÜİK,gümrük\n");
  const auto wrong = run_kexport(data + "summary -p Kayseri");
  CHECK(wrong.exit_code == 65);
  CHECK(wrong.out.empty());
  CHECK_THAT(wrong.err, Catch::Contains("both.csv:2:") && Catch::Contains("'gümrük' is not a basis"));
}

TEST_CASE("answers on one basis from the cache equal those from the files", "[cli][bases][cache]") {
  const test::TempDir dir;
  // Over the cache's 1 MiB threshold: two bases of every province for six years.
  std::string csv = "period,province_code,value_usd,source,basis\n";
  for (int year = 2008; year <= 2025; ++year)
    for (int month = 1; month <= 12; ++month)
      for (int province = 1; province <= 81; ++province)
        for (const char* basis : {"head_office", "production_place"}) {
          const long cents =
              (province * 7919L + year * 104729L + month * 1299709L + (basis[0] == 'h') * 31L) % 90000000L;
          csv += fmt::format("{}-{:02},{},{}.{:02},TÜİK,{}\n", year, month, province, cents / 100,
                             cents % 100, basis);
        }
  test::write_text(dir.path / "tuik-2025-12-31.csv", csv);  // a release date in its name
  REQUIRE(csv.size() > (1u << 20));
  const std::string env = "XDG_CACHE_HOME=" + (dir.path / "cache").string();
  const std::string data = "--data " + (dir.path / "tuik-2025-12-31.csv").string() + " ";
  for (const std::string question :
       {"--basis production_place summary -p Kayseri -f json", "--basis head_office rank -m 2025-06 -f csv",
        "--basis production_place series -p 34 -f csv"}) {
    INFO(question);
    const auto truth = run_kexport("--no-cache " + data + question, "", env);
    REQUIRE(truth.exit_code == 0);
    const auto first = run_kexport(data + question, "", env);   // writes the image
    const auto cached = run_kexport(data + question, "", env);  // answers from it
    CHECK(first.out == truth.out);
    CHECK(cached.out == truth.out);
  }
  const auto dated = run_kexport(data + "--basis production_place summary -p Kayseri -f json", "", env);
  CHECK(json::parse(dated.out)["vintage"] == "2025-12-31");
  const auto mixed = run_kexport(data + "summary -p Kayseri", "", env);
  CHECK(mixed.exit_code == 64);
}
