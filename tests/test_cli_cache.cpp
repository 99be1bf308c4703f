// The cache through the real binary: a second run answers from the image with the very same
// output; --no-cache leaves the cache alone; cache info and cache clear; a damaged image is said.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "helpers.hpp"

namespace fs = std::filesystem;
using test::run_kexport;

namespace {

// Every province, eight destinations, six years: a little over 1 MiB, enough for the cache to be
// used (smaller inputs are parsed every time).
std::string big_csv() {
  static const char* const countries[] = {"DE", "US", "PL", "IQ", "IT", "FR", "GB", "NL"};
  std::string csv = "period,province,country_code,value_usd\n";
  for (int province = 1; province <= 81; ++province)
    for (int year = 2020; year <= 2025; ++year)
      for (int month = 1; month <= 12; ++month)
        for (int c = 0; c < 8; ++c) {
          const long cents =
              (province * 7919L + year * 104729L + month * 1299709L + c * 15485863L) % 900000000L;
          csv += fmt::format("{}-{:02},{},{},{}.{:02}\n", year, month, province, countries[c], cents / 100,
                             cents % 100);
        }
  return csv;
}

struct Scratch {
  fs::path dir;
  fs::path data;
  std::string env;
  Scratch() {
    char name[] = "/tmp/kexport-cli-cache-XXXXXX";
    dir = mkdtemp(name);
    data = dir / "exports.csv";
    std::ofstream(data, std::ios::binary) << big_csv();
    env = "XDG_CACHE_HOME=" + (dir / "cache").string();
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  [[nodiscard]] std::string with_data(const std::string& arguments) const {
    return "--data " + data.string() + " " + arguments;
  }
  [[nodiscard]] std::vector<fs::path> images() const {
    std::vector<fs::path> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir / "cache" / "kexport", ec), end; !ec && it != end; it.increment(ec))
      found.push_back(it->path());
    return found;
  }
};

}  // namespace

TEST_CASE("answers from the cache are the answers from the file", "[cli][cache]") {
  Scratch s;
  REQUIRE(fs::file_size(s.data) > (1u << 20));
  const std::vector<std::string> questions = {"summary -p Kayseri -f json",
                                              "summary -p 34 -m 2024-02 -f text",
                                              "rank -m 2025-06 --period 12m -f csv",
                                              "top -p Ankara --by country -f json",
                                              "series -p Konya --from 2024-01 -f csv",
                                              "series -c DE -f json"};
  for (const std::string& question : questions) {
    INFO(question);
    const auto parsed = run_kexport("--no-cache " + s.with_data(question), "", s.env);
    REQUIRE(parsed.exit_code == 0);
    CHECK(s.images().empty());  // --no-cache neither reads nor writes
    const auto first = run_kexport(s.with_data(question), "", s.env);
    CHECK(s.images().size() == 1);
    const auto cached = run_kexport(s.with_data(question), "", s.env);
    CHECK(first.out == parsed.out);
    CHECK(cached.out == parsed.out);
    CHECK(cached.err == parsed.err);
    CHECK(cached.exit_code == 0);
    fs::remove_all(s.dir / "cache");
  }
}

TEST_CASE("cache info and cache clear", "[cli][cache]") {
  Scratch s;
  const auto empty = run_kexport("cache info --format json", "", s.env);
  CHECK(empty.exit_code == 0);
  CHECK(nlohmann::json::parse(empty.out)["images"].empty());

  REQUIRE(run_kexport(s.with_data("summary -p Kayseri"), "", s.env).exit_code == 0);
  const auto info = run_kexport("cache info --format json", "", s.env);
  REQUIRE(info.exit_code == 0);
  const auto json = nlohmann::json::parse(info.out);
  CHECK(json["directory"] == (s.dir / "cache" / "kexport").string());
  REQUIRE(json["images"].size() == 1);
  const auto& image = json["images"][0];
  CHECK(image["state"] == "current");
  CHECK(image["inputs"] == nlohmann::json::array({fs::weakly_canonical(s.data).string()}));
  CHECK(image["records"] == 81 * 6 * 12 * 8);
  CHECK(image["bytes"] == fs::file_size(s.images().front()));
  CHECK(json["bytes"] == image["bytes"]);

  std::ofstream(s.data, std::ios::app) << "2026-01,38,DE,1.00\n";
  CHECK(nlohmann::json::parse(run_kexport("cache info -f json", "", s.env).out)["images"][0]["state"] ==
        "stale");
  const auto table = run_kexport("cache info --lang en", "", s.env);
  CHECK_THAT(table.out, Catch::Contains("stale") && Catch::Contains(s.data.filename().string()));

  const auto cleared = run_kexport("cache clear --stale --lang en", "", s.env);  // it is stale
  CHECK(cleared.exit_code == 0);
  CHECK_THAT(cleared.out, Catch::Contains("removed 1 file"));
  CHECK(s.images().empty());
  CHECK(run_kexport("cache", "", s.env).exit_code == 64);  // info or clear must be named
  CHECK(run_kexport("cache info", "", "HOME= XDG_CACHE_HOME=").exit_code == 64);
}

TEST_CASE("a damaged image is said on stderr, and the answer is still right", "[cli][cache]") {
  Scratch s;
  // A question about one country reads every slice, so any damaged record is met.
  const std::string question = s.with_data("series -c DE -f json");
  const auto parsed = run_kexport("--no-cache " + question, "", s.env);
  REQUIRE(run_kexport(question, "", s.env).exit_code == 0);
  REQUIRE(s.images().size() == 1);
  // The middle of the file lies in the records.
  const fs::path image = s.images().front();
  const auto size = fs::file_size(image);
  for (std::uint64_t offset = size / 4; offset < size; offset += size / 4) {
    std::fstream file(image, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(offset));
    file.put('\x7f');
  }
  const auto r = run_kexport(question, "", s.env);
  CHECK(r.exit_code == 0);
  CHECK(r.out == parsed.out);
  CHECK_THAT(r.err, Catch::StartsWith("kexport: note: the cache image") && Catch::Contains("damaged"));
  const auto again = run_kexport(question, "", s.env);
  CHECK(again.err.empty());
  CHECK(again.out == parsed.out);
}
