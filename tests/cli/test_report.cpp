// `kexport report` through the real binary: the set's files and manifest (golden), the documents
// byte for byte as the other commands write them, the manifest's hashes against sha256sum, a set
// written whole or not at all, and provinces the data lacks.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>

#include "helpers.hpp"

namespace fs = std::filesystem;
using test::run_kexport;

namespace {

const std::string data_dir = KEXPORT_DATA_DIR;
const std::string data = "--data " + data_dir;

// Every file under a directory, as paths relative to it, sorted.
std::vector<std::string> files_under(const fs::path& root) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), root).string());
  std::sort(files.begin(), files.end());
  return files;
}

// What sha256sum (coreutils), not kexport, says of a file.
std::string sha256sum(const fs::path& path) {
  std::string command = "sha256sum '" + path.string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char digest[65] = {};
  REQUIRE(std::fread(digest, 1, 64, pipe) == 64);
  ::pclose(pipe);
  return digest;
}

// The golden file, or with KEXPORT_UPDATE_GOLDEN=1 (tests/update_golden.sh) a new golden file.
void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(KEXPORT_TEST_DIR) + "/golden/" + name;
  if (const char* update = std::getenv("KEXPORT_UPDATE_GOLDEN");
      update != nullptr && std::string(update) == "1")
    test::write_text(path, actual);
  CHECK(actual == test::read_file(path));
}

// The report of the bundled data for 2026-01, made once for the tests that only read it.
const fs::path& bundled_report() {
  static test::TempDir dir;
  static const fs::path report = [] {
    const auto r = run_kexport(data + " report --month 2026-01 --dir " + (dir.path / "out").string());
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.out.empty());
    REQUIRE(r.err.empty());
    return dir.path / "out";
  }();
  return report;
}

}  // namespace

TEST_CASE("a report of the bundled data writes the golden list of files and manifest",
          "[cli][report][golden]") {
  const fs::path& report = bundled_report();
  std::string list;
  for (const std::string& file : files_under(report)) list += file + '\n';
  check_golden("report-2026-01-files.txt", list);

  // The manifest with its hashes (checked below against sha256sum) left out, and the inputs' paths
  // relative to the repository, so that the golden file holds on any machine.
  auto manifest = nlohmann::ordered_json::parse(test::read_file(report / "manifest.json"));
  for (auto& file : manifest["files"]) file["sha256"] = "";
  for (auto& input : manifest["inputs"]) {
    input["sha256"] = "";
    input["path"] = fs::relative(input["path"].get<std::string>(), fs::path(data_dir).parent_path()).string();
  }
  check_golden("report-2026-01-manifest.json", manifest.dump(2) + '\n');
}

TEST_CASE("the manifest lists every file written, with its size and SHA-256", "[cli][report]") {
  const fs::path& report = bundled_report();
  const auto manifest = nlohmann::json::parse(test::read_file(report / "manifest.json"));
  std::set<std::string> listed;
  for (const auto& file : manifest["files"]) {
    const std::string path = file["path"];
    INFO(path);
    listed.insert(path);
    CHECK(file["size"] == fs::file_size(report / path));
    CHECK(file["sha256"] == sha256sum(report / path));
  }
  std::set<std::string> on_disk;
  for (const std::string& file : files_under(report))
    if (file != "manifest.json") on_disk.insert(file);
  CHECK(listed == on_disk);
  REQUIRE(manifest["inputs"].size() == 3);
  for (const auto& input : manifest["inputs"])
    CHECK(input["sha256"] == sha256sum(input["path"].get<std::string>()));
  CHECK(manifest["month"] == "2026-01");
  CHECK(manifest["provinces"].size() == 81);
  CHECK(manifest["missing"].empty());
  CHECK(manifest["national"]["ranking"] == true);
}

TEST_CASE("a province's documents are the bytes the summary command writes", "[cli][report]") {
  const fs::path& report = bundled_report();
  // Kayseri (exports, imports and countries), and provinces of the totals only.
  for (const auto& [code, directory] : std::vector<std::pair<std::string, std::string>>{
           {"38", "38-kayseri"}, {"34", "34-istanbul"}, {"46", "46-kahramanmaras"}, {"81", "81-duzce"}}) {
    INFO(directory);
    const std::string question = data + " summary -p " + code + " -m 2026-01";
    const fs::path dir = report / directory;
    CHECK(test::read_file(dir / "summary.json") == run_kexport(question + " -f json").out);
    CHECK(test::read_file(dir / "summary.en.json") == run_kexport(question + " -f json --lang en").out);
    CHECK(test::read_file(dir / "release.tr.txt") == run_kexport(question + " -f text").out);
    CHECK(test::read_file(dir / "release.en.txt") == run_kexport(question + " -f text --lang en").out);
    CHECK(test::read_file(dir / "report.md") == run_kexport(question + " -f markdown").out);
    CHECK(test::read_file(dir / "report.en.md") == run_kexport(question + " -f markdown --lang en").out);
    CHECK(test::read_file(dir / "chart.svg") == run_kexport(question + " -f svg").out);
    CHECK(test::read_file(dir / "chart.en.svg") == run_kexport(question + " -f svg --lang en").out);
    // The page is summary --format html with the report's links above it.
    const std::string page = test::read_file(dir / "index.html");
    std::string alone = run_kexport(question + " -f html").out;
    const auto nav_begin = page.find("<nav>"), nav_end = page.find("</nav>\n");
    REQUIRE(nav_begin != std::string::npos);
    REQUIRE(nav_end != std::string::npos);
    CHECK(page.substr(0, nav_begin) + page.substr(nav_end + 7) == alone);
  }
}

TEST_CASE("every link of the report's pages leads to a file of the report", "[cli][report]") {
  const fs::path& report = bundled_report();
  const std::regex href("href=\"([^\"]*)\"");
  std::size_t links = 0;
  for (const std::string& file : files_under(report)) {
    if (file.find(".html") == std::string::npos) continue;
    const std::string page = test::read_file(report / file);
    for (auto m = std::sregex_iterator(page.begin(), page.end(), href); m != std::sregex_iterator(); ++m) {
      const fs::path target = (report / file).parent_path() / (*m)[1].str();
      INFO(file << " → " << (*m)[1].str());
      CHECK(fs::is_regular_file(target));
      CHECK(fs::weakly_canonical(target).string().rfind(fs::weakly_canonical(report).string(), 0) == 0);
      ++links;
    }
  }
  // Each province page links Türkiye, the other language and 5 documents, in 2 languages; each index
  // the other language, the manifest and the 81 provinces (twice: ranking, rises or falls, in part).
  CHECK(links > 81 * 2 * 7 + 2 * 83);
}

TEST_CASE("the index says what the analysts count, from the ranking rank writes", "[cli][report]") {
  const fs::path& report = bundled_report();
  // Counted here from rank's JSON, independently of the report's code.
  const auto ranking = nlohmann::json::parse(run_kexport(data + " rank -m 2026-01 -f json").out);
  std::size_t above = 0, up = 0, down = 0;
  for (const auto& row : ranking["rows"]) {
    if (row["value"].get<double>() > 1e9) ++above;
    if (row["previous_value"].is_null()) continue;
    if (row["value"].get<double>() > row["previous_value"].get<double>()) ++up;
    if (row["value"].get<double>() < row["previous_value"].get<double>()) ++down;
  }
  const std::string index = test::read_file(report / "index.html");
  CHECK_THAT(index, Catch::Contains("Ocak 2026&apos;da " + std::to_string(above) +
                                    " il 1 milyar doların üzerinde ihracat yaptı."));
  CHECK_THAT(index,
             Catch::Contains("Geçen yılın aynı ayına göre " + std::to_string(up) + " ilin ihracatı arttı, " +
                             std::to_string(down) + " ilin ihracatı azaldı."));
  const std::string english = test::read_file(report / "index.en.html");
  CHECK_THAT(english, Catch::Contains("In January 2026, " + std::to_string(above) +
                                      " provinces exported more than $1 billion."));
  CHECK_THAT(index, Catch::Contains("<html lang=\"tr\">"));
  // Türkiye's card of the month before names that month, and says whose change it shows: before,
  // December's value stood beside January's change on it as if it were December's.
  CHECK_THAT(index, Catch::Contains("Bir önceki ay (Aralık 2025)"));
  CHECK_THAT(index, Catch::Contains("Ocak 2026 buna göre"));
  CHECK_THAT(english, Catch::Contains("Previous month (December 2025)"));
  CHECK_THAT(english, Catch::Contains("<html lang=\"en\">"));
}

TEST_CASE("a report replaces an earlier one whole, and nothing else", "[cli][report]") {
  test::TempDir dir;
  const fs::path out = dir.path / "latest";
  const std::string report = data + " report -p Kayseri,Ankara --month 2026-01 --dir " + out.string();
  REQUIRE(run_kexport(report).exit_code == 0);
  // A report for other provinces before it: its files go, and only the new set is there.
  REQUIRE(run_kexport(data + " report -p Kayseri,Bayburt --month 2026-01 --dir " + out.string()).exit_code ==
          0);
  REQUIRE(fs::exists(out / "69-bayburt"));
  const auto again = run_kexport(report);
  CHECK(again.exit_code == 0);
  CHECK(again.out.empty());
  CHECK_FALSE(fs::exists(out / "69-bayburt"));
  CHECK(fs::is_regular_file(out / "38-kayseri" / "index.html"));
  CHECK(fs::is_regular_file(out / "06-ankara" / "index.html"));
  // Nothing is left beside it: neither the new directory's temporary name nor the old report.
  CHECK(files_under(dir.path).size() == files_under(out).size());
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++entries;
  CHECK(entries == 1);
  // Readable by others, as a directory made by mkdir is under the usual umask.
  CHECK((fs::status(out).permissions() & fs::perms::others_read) != fs::perms::none);

  SECTION("a directory that holds something else is never replaced") {
    const fs::path mine = dir.path / "mine";
    fs::create_directory(mine);
    test::write_text(mine / "thesis.tex", "years of work");
    const auto r = run_kexport(data + " report -p Kayseri --month 2026-01 --dir " + mine.string());
    CHECK(r.exit_code == 73);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("holds no manifest.json of a report kexport wrote"));
    CHECK(files_under(mine) == std::vector<std::string>{"thesis.tex"});
  }
  SECTION("a web root that merely holds a manifest.json is never replaced") {
    // Before: exit 0, nothing said, and index.html, css/site.css and uyeler.xlsx were gone.
    const fs::path web = dir.path / "webroot";
    fs::create_directories(web / "css");
    test::write_text(web / "index.html", "<h1>Oda</h1>");
    test::write_text(web / "css" / "site.css", "h1{}");
    test::write_text(web / "uyeler.xlsx", "members");
    for (const std::string manifest : {R"({"name":"Oda","start_url":"/"})", ""}) {
      INFO(manifest);
      test::write_text(web / "manifest.json", manifest);
      const auto before = files_under(web);
      const auto r = run_kexport(data + " report -p Kayseri --month 2026-01 --dir " + web.string());
      CHECK(r.exit_code == 73);
      CHECK(r.out.empty());
      CHECK_THAT(r.err, Catch::Contains("manifest.json that is not one kexport writes"));
      CHECK(files_under(web) == before);
      CHECK(test::read_file((web / "index.html").string()) == "<h1>Oda</h1>");
    }
  }
  SECTION("a report a person has added to or edited is never replaced, --force or not") {
    const auto before = files_under(out);
    test::write_text(out / "notlar.txt", "basın bülteni taslağı");
    auto r = run_kexport(report);
    CHECK(r.exit_code == 73);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("notlar.txt is not a file of the report its manifest.json lists"));
    CHECK(fs::exists(out / "notlar.txt"));
    fs::remove(out / "notlar.txt");
    // An edited page: named, and kept.
    const fs::path page = out / "38-kayseri" / "index.html";
    const std::string edited = test::read_file(page.string()) + "<!-- düzeltme -->";
    test::write_text(page, edited);
    r = run_kexport(report);
    CHECK(r.exit_code == 73);
    CHECK_THAT(r.err, Catch::Contains("38-kayseri/index.html has changed since kexport wrote it"));
    CHECK(test::read_file(page.string()) == edited);
    CHECK(run_kexport(report + " --force").exit_code != 0);
    CHECK(test::read_file(page.string()) == edited);
    CHECK(files_under(out) == before);
  }
  SECTION("a set that cannot be made leaves the earlier one as it was") {
    const auto before = files_under(out);
    const auto r = run_kexport(data + " report -p Kayseri --month 2030-01 --dir " + out.string());
    CHECK(r.exit_code == 69);
    CHECK(r.out.empty());
    CHECK(files_under(out) == before);
  }
  SECTION("a directory that cannot be made is an output error, with nothing left behind") {
    test::write_text(dir.path / "a-file", "");
    const auto r = run_kexport(data + " report -p Kayseri --month 2026-01 --dir " +
                               (dir.path / "a-file" / "out").string());
    CHECK(r.exit_code == 74);
    CHECK(r.out.empty());
    CHECK(files_under(dir.path).size() == files_under(out).size() + 1);
  }
}

TEST_CASE("a province the data lacks is listed, and the rest are written", "[cli][report]") {
  test::TempDir dir;
  const fs::path out = dir.path / "out";
  // Kayseri's countries file alone: no other province, so no ranking either.
  const std::string kayseri_only = "--data " + data_dir + "/kayseri-countries-2024-01-2026-01.csv";
  const auto r = run_kexport(kayseri_only + " report -p Kayseri,Ankara --lang tr --dir " + out.string());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("Ankara: not in the report"));
  CHECK(fs::is_regular_file(out / "38-kayseri" / "index.html"));
  CHECK_FALSE(fs::exists(out / "06-ankara"));
  CHECK_FALSE(fs::exists(out / "38-kayseri" / "release.en.txt"));
  const auto manifest = nlohmann::json::parse(test::read_file(out / "manifest.json"));
  REQUIRE(manifest["missing"].size() == 1);
  CHECK(manifest["missing"][0]["province_code"] == 6);
  CHECK(manifest["national"]["ranking"] == false);
  CHECK(manifest["national"]["total"] == false);
  CHECK(manifest["month"] == "2026-01");
  const std::string index = test::read_file(out / "index.html");
  CHECK_THAT(index, Catch::Contains("81 ilin tamamını tutmuyor"));
  CHECK_THAT(index, Catch::Contains("href=\"38-kayseri/index.html\""));
  CHECK_THAT(index, !Catch::Contains("milyar doların üzerinde"));

  SECTION("none of the provinces in the data: nothing is written") {
    const fs::path none = dir.path / "none";
    const auto missing = run_kexport(kayseri_only + " report -p Ankara --dir " + none.string());
    CHECK(missing.exit_code == 69);
    CHECK(missing.out.empty());
    CHECK_FALSE(fs::exists(none));
  }
}

TEST_CASE("the report's options are checked before anything is written", "[cli][report]") {
  test::TempDir dir;
  const std::string out = " --dir " + (dir.path / "out").string();
  for (const std::string& options :
       {std::string("report --lang de") + out, "report --lang tr,fr" + out, "report -p all,Kayseri" + out,
        "report -p Kaysery" + out, "report -p Türkiye" + out, "report --month 2026-13" + out,
        "-o x.html report" + out, std::string("report")}) {
    INFO(options);
    const auto r = run_kexport(data + " " + options);
    CHECK(r.exit_code == 64);
    CHECK(r.out.empty());
    CHECK_FALSE(fs::exists(dir.path / "out"));
  }
}

TEST_CASE("summary --format html writes the page alone, with no request to make", "[cli][report]") {
  const auto r = run_kexport(data + " summary -p Kayseri -m 2026-01 -f html --lang en");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("<!doctype html>\n<html lang=\"en\">", 0) == 0);
  CHECK_THAT(r.out, Catch::Contains("$291,804,236"));
  CHECK_THAT(r.out, Catch::Contains("<svg"));
  CHECK_THAT(r.out, !Catch::Contains("<nav>"));
  CHECK_THAT(r.out, !Catch::Contains("<script"));
  // The only URL in the page is the SVG's namespace, which is a name and never fetched.
  const std::regex url("(https?:)?//[a-z]");
  std::size_t urls = 0;
  for (auto m = std::sregex_iterator(r.out.begin(), r.out.end(), url); m != std::sregex_iterator(); ++m)
    ++urls;
  CHECK(urls == 1);
  CHECK_THAT(r.out, Catch::Contains("xmlns=\"http://www.w3.org/2000/svg\""));
}
