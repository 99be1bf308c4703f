#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"
#include "kexport/output/report.hpp"

using kexport::Period;

namespace {

kexport::Summary sample_summary() {
  kexport::Summary s;
  s.province = 38;
  s.source = "TÜİK";
  s.period = Period::from_year_month(2026, 1);
  s.value = 29180423645;
  s.previous_month = {Period::from_year_month(2025, 12), 37858200000, -22.9};
  s.previous_year = {Period::from_year_month(2025, 1), std::nullopt, std::nullopt};
  s.rolling_12m = {Period::from_year_month(2025, 2), s.period, 382840900001, std::nullopt, std::nullopt};
  s.year_to_date = {s.period, s.period, 29180423645, 31023200000, -5.94};
  s.countries = 140;
  s.top_destinations.push_back({1, test::place("Almanya"), 3015877115, 10.335, 4.5});
  s.top_destinations.push_back({2, test::place("Atlantis \"x\""), 7, std::nullopt, std::nullopt});
  s.gaps.push_back({kexport::Comparison::previous_year, kexport::Gap::Part::comparison,
                    Period::from_year_month(2025, 1), Period::from_year_month(2025, 1)});
  return s;
}

}  // namespace

TEST_CASE("the JSON document follows the contract", "[report][json]") {
  std::ostringstream out;
  kexport::write_summary_json(out, sample_summary(), kexport::Language::tr);
  const auto doc = nlohmann::json::parse(out.str());
  const std::vector<std::string> keys = {"province",    "province_code", "period",         "source",
                                         "basis",       "vintage",       "sample",         "sample_parts",
                                         "currency",    "value",         "previous_month", "previous_year",
                                         "rolling_12m", "year_to_date",  "countries",      "top_destinations",
                                         "standing",    "top_sectors",   "trend"};
  std::vector<std::string> actual;
  const auto ordered = nlohmann::ordered_json::parse(out.str());
  for (auto it = ordered.begin(); it != ordered.end(); ++it) actual.push_back(it.key());
  CHECK(actual == keys);
  CHECK(doc["province"] == "Kayseri");
  CHECK(doc["province_code"] == 38);
  CHECK(doc["period"] == "2026-01");
  CHECK(doc["currency"] == "USD");
  CHECK(doc["value"].is_number_float());
  // The exact decimal, as written.
  CHECK_THAT(out.str(), Catch::Contains("\"value\": 291804236.45,"));
  CHECK_THAT(out.str(), Catch::Contains("\"value\": 3828409000.01,"));
  CHECK(doc["previous_month"]["period"] == "2025-12");
  CHECK(doc["previous_month"]["change_pct"].get<double>() == -22.9);
  CHECK(doc["previous_year"]["value"].is_null());
  CHECK(doc["previous_year"]["change_pct"].is_null());
  CHECK(doc["rolling_12m"]["from"] == "2025-02");
  CHECK(doc["rolling_12m"]["previous_value"].is_null());
  CHECK(doc["year_to_date"]["change_pct"].get<double>() == -5.94);
  CHECK(doc["countries"] == 140);
  REQUIRE(doc["top_destinations"].size() == 2);
  CHECK(doc["top_destinations"][0]["rank"] == 1);
  CHECK(doc["top_destinations"][0]["country_code"] == "DE");
  CHECK(doc["top_destinations"][0]["share_pct"].get<double>() == 10.335);
  CHECK(doc["top_destinations"][1]["country"] == "Atlantis \"x\"");
  CHECK(doc["top_destinations"][1]["country_code"].is_null());
  CHECK(doc["standing"].is_null());
  CHECK(doc["top_sectors"].empty());
  CHECK(doc["trend"].empty());
}

TEST_CASE("standing, sectors and trend in JSON", "[report][json]") {
  auto s = sample_summary();
  s.standing = kexport::Standing{10, 81, 1.5625, false};
  s.top_sectors = {{{94, {}}, 100, 50.0, std::nullopt}, {{0, "Halı"}, 50, 25.0, -3.0}};
  s.trend = {{Period::from_year_month(2025, 1), 12345, std::nullopt}};
  std::ostringstream out;
  kexport::write_summary_json(out, s, kexport::Language::tr);
  const auto doc = nlohmann::json::parse(out.str());
  CHECK(doc["standing"]["rank"] == 10);
  CHECK(doc["standing"]["of"] == 81);
  CHECK(doc["standing"]["share_of_turkey_pct"].get<double>() == 1.5625);
  CHECK(doc["standing"]["turkey_basis"] == "sum_of_provinces");
  CHECK(doc["top_sectors"][0]["chapter"] == 94);
  CHECK(doc["top_sectors"][1]["chapter"].is_null());
  CHECK(doc["top_sectors"][1]["change_pct"].get<double>() == -3.0);
  CHECK(doc["trend"][0]["period"] == "2025-01");
  CHECK(doc["trend"][0]["value"].get<double>() == 123.45);
  CHECK(doc["trend"][0]["previous_year_value"].is_null());
}

TEST_CASE("the table speaks Turkish by default and English when asked", "[report][table]") {
  std::ostringstream tr;
  kexport::write_summary_table(tr, sample_summary(), {kexport::Language::tr, false});
  CHECK_THAT(tr.str(), Catch::StartsWith("Kayseri (38) · Ocak 2026 ihracatı"));
  CHECK_THAT(tr.str(), Catch::Contains("291.804.236"));
  CHECK_THAT(tr.str(), Catch::Contains("-22,90 %"));
  CHECK_THAT(tr.str(), Catch::Contains("İhracat yapılan ülke sayısı"));
  CHECK_THAT(tr.str(), Catch::Contains("10,34 %"));
  CHECK_THAT(tr.str(), Catch::Contains("yok"));
  CHECK(tr.str().find('\x1b') == std::string::npos);

  std::ostringstream en;
  kexport::write_summary_table(en, sample_summary(), {kexport::Language::en, false});
  CHECK_THAT(en.str(), Catch::StartsWith("Kayseri (38) · exports, January 2026"));
  CHECK_THAT(en.str(), Catch::Contains("291,804,236"));
  CHECK_THAT(en.str(), Catch::Contains("-22.90%"));
  CHECK_THAT(en.str(), Catch::Contains("n/a"));
}

TEST_CASE("columns line up by characters, and colour only on request", "[report][table]") {
  std::ostringstream out;
  kexport::write_summary_table(out, sample_summary(), {kexport::Language::tr, false});
  // The value column ends at the same character on every figure row.
  std::istringstream lines(out.str());
  std::string line;
  std::vector<std::size_t> ends;
  while (std::getline(lines, line)) {
    if (line.find("291.804.236") != std::string::npos && line.rfind("Ocak 2026", 0) == 0) {
      std::size_t chars = 0;
      for (char c : line.substr(0, line.find("291.804.236") + 11))
        chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      ends.push_back(chars);
    }
    if (line.rfind("Bir önceki ay", 0) == 0) {
      std::size_t chars = 0;
      for (char c : line.substr(0, line.find("378.582.000") + 11))
        chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      ends.push_back(chars);
    }
  }
  REQUIRE(ends.size() == 2);
  CHECK(ends[0] == ends[1]);

  std::ostringstream colored;
  kexport::write_summary_table(colored, sample_summary(), {kexport::Language::tr, true});
  CHECK(colored.str().find("\x1b[31m-22,90 %") != std::string::npos);
}

TEST_CASE("gaps become warnings that name what cannot be computed", "[report]") {
  std::ostringstream tr, en;
  kexport::write_gaps(tr, sample_summary().gaps, kexport::Language::tr);
  kexport::write_gaps(en, sample_summary().gaps, kexport::Language::en);
  CHECK(tr.str() ==
        "kexport: uyarı: geçen yılın aynı ayına göre değişim hesaplanamadı: 2025-01 verisi yok\n");
  CHECK(en.str() ==
        "kexport: warning: the change on the same month a year earlier cannot be computed: 2025-01 is not in "
        "the data\n");
  using Part = kexport::Gap::Part;
  const std::vector<kexport::Gap> windows = {
      {kexport::Comparison::rolling_12m, Part::comparison, Period::from_year_month(2024, 2),
       Period::from_year_month(2025, 1)},
      {kexport::Comparison::rolling_12m, Part::value, Period::from_year_month(2025, 2),
       Period::from_year_month(2025, 12)},
      {kexport::Comparison::year_to_date, Part::comparison, Period::from_year_month(2025, 1),
       Period::from_year_month(2025, 1)}};
  std::ostringstream words;
  kexport::write_gaps(words, windows, kexport::Language::en);
  CHECK(words.str() ==
        "kexport: warning: the change of the last 12 months cannot be computed: of the 12 months before, "
        "2024-02 – 2025-01 are not in the data\n"
        "kexport: warning: the last 12 months cannot be summed: 2025-02 – 2025-12 are not in the data\n"
        "kexport: warning: the change of the year to date cannot be computed: of the same months a year "
        "earlier, 2025-01 is not in the data\n");
}
