#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "helpers.hpp"
#include "kexport/compute/summary.hpp"
#include "kexport/model/error.hpp"

using kexport::Cents;
using kexport::Period;

namespace {

const kexport::Gazetteer& gazetteer() {
  return kexport::Gazetteer::builtin();
}

kexport::Summary summarize(const kexport::Dataset& data, const std::string& province,
                           std::optional<Period> month, std::size_t top = 10) {
  kexport::SummaryQuery query;
  query.province = test::province(province);
  query.month = month;
  query.top_n = top;
  return kexport::compute_summary(data, gazetteer(), query);
}

Period ym(int y, int m) {
  return Period::from_year_month(y, m);
}

// Reads the bundled sample with nothing but string splitting (its files have no quoted fields),
// so that the expected figures do not come from the code under test.
struct Sample {
  std::map<std::string, Cents> kayseri_total;                     // period -> cents
  std::map<std::string, std::map<std::string, Cents>> countries;  // period -> code -> cents
};

Cents to_cents(const std::string& text) {
  const auto point = text.find('.');
  return std::stoll(text.substr(0, point)) * 100 + std::stoll(text.substr(point + 1));
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) out.push_back(field);
  return out;
}

Sample read_sample() {
  Sample sample;
  std::ifstream provinces(std::string(KEXPORT_DATA_DIR) + "/provinces-2024-01-2026-01.csv");
  std::string line;
  std::getline(provinces, line);
  REQUIRE(line == "period,province_code,province,value_usd,source,status");
  while (std::getline(provinces, line)) {
    const auto f = split(line);
    if (f[1] == "38") sample.kayseri_total[f[0]] = to_cents(f[3]);
  }
  std::ifstream countries(std::string(KEXPORT_DATA_DIR) + "/kayseri-countries-2024-01-2026-01.csv");
  std::getline(countries, line);
  REQUIRE(line == "period,province,country,country_code,value_usd,source,status");
  while (std::getline(countries, line)) {
    const auto f = split(line);
    sample.countries[f[0]][f[3]] += to_cents(f[4]);
  }
  return sample;
}

double pct(Cents now, Cents before) {
  return (static_cast<double>(now) - static_cast<double>(before)) / static_cast<double>(before) * 100.0;
}

kexport::Dataset bundled() {
  return kexport::load_dataset(kexport::read_input(KEXPORT_DATA_DIR));
}

}  // namespace

TEST_CASE("the bundled data reproduces Kayseri's January 2026 release", "[summary][sample]") {
  const Sample sample = read_sample();
  const auto s = summarize(bundled(), "Kayseri", ym(2026, 1));
  const auto& t = sample.kayseri_total;

  REQUIRE(s.value == t.at("2026-01"));
  CHECK(*s.value == 29180423645);
  // The published figures, in thousand dollars.
  CHECK((*s.value + 50000) / 100000 == 291804);
  REQUIRE(s.previous_year.change_pct.has_value());
  CHECK(std::round(*s.previous_year.change_pct * 100) / 100 == Approx(-5.94));
  REQUIRE(s.rolling_12m.value.has_value());
  CHECK((*s.rolling_12m.value + 50000) / 100000 == 3828409);
  CHECK(std::round(*s.rolling_12m.change_pct * 100) / 100 == Approx(1.42));
  CHECK(s.countries == 140u);
  REQUIRE(s.top_destinations.size() == 10);
  CHECK(test::name(s.top_destinations[0].country) == "Almanya");
  CHECK(test::name(s.top_destinations[1].country) == "ABD");
  CHECK(test::name(s.top_destinations[2].country) == "Polonya");

  // Every figure against sums made here.
  CHECK(s.previous_month.value == t.at("2025-12"));
  CHECK(s.previous_month.change_pct == Approx(pct(t.at("2026-01"), t.at("2025-12"))));
  CHECK(s.previous_year.value == t.at("2025-01"));
  CHECK(*s.previous_year.change_pct == Approx(pct(t.at("2026-01"), t.at("2025-01"))));
  Cents last12 = 0, prior12 = 0;
  for (Period m = ym(2025, 2); m <= ym(2026, 1); m = m.plus_months(1)) last12 += t.at(m.iso());
  for (Period m = ym(2024, 2); m <= ym(2025, 1); m = m.plus_months(1)) prior12 += t.at(m.iso());
  CHECK(s.rolling_12m.value == last12);
  CHECK(s.rolling_12m.previous_value == prior12);
  CHECK(*s.rolling_12m.change_pct == Approx(pct(last12, prior12)));
  CHECK(s.year_to_date.value == t.at("2026-01"));
  CHECK(s.year_to_date.previous_value == t.at("2025-01"));

  const auto& now = sample.countries.at("2026-01");
  const auto& before = sample.countries.at("2025-01");
  for (const auto& d : s.top_destinations) {
    CHECK(d.value == now.at(test::code(d.country)));
    CHECK(*d.share_pct ==
          Approx(static_cast<double>(d.value) / static_cast<double>(t.at("2026-01")) * 100.0));
    CHECK(*d.change_pct == Approx(pct(d.value, before.at(test::code(d.country)))));
  }
  // The country rows add up to the province total in the sample.
  Cents sum = 0;
  for (const auto& [code, cents] : now) sum += cents;
  CHECK(sum == t.at("2026-01"));
}

TEST_CASE("year to date adds January to the month", "[summary][sample]") {
  const Sample sample = read_sample();
  const auto s = summarize(bundled(), "38", ym(2025, 9));
  Cents ytd = 0, before = 0;
  for (int m = 1; m <= 9; ++m) {
    ytd += sample.kayseri_total.at(ym(2025, m).iso());
    before += sample.kayseri_total.at(ym(2024, m).iso());
  }
  CHECK(s.year_to_date.from == ym(2025, 1));
  CHECK(s.year_to_date.value == ytd);
  CHECK(s.year_to_date.previous_value == before);
  CHECK(s.countries == 147u);
  CHECK(test::code(s.top_destinations[0].country) == "IT");
  CHECK(test::code(s.top_destinations[1].country) == "US");
  CHECK(test::code(s.top_destinations[2].country) == "IQ");
}

TEST_CASE("latest is the last covered month", "[summary]") {
  const auto s = summarize(bundled(), "Ankara", std::nullopt);
  CHECK(s.period == ym(2026, 1));
  CHECK(kexport::output::province_name(s.province) == "Ankara");
  CHECK_FALSE(s.countries.has_value());  // the sample has no country breakdown for Ankara
  CHECK(s.top_destinations.empty());
}

TEST_CASE("missing months give null figures and gaps, never a wrong comparison", "[summary]") {
  // 2025-06 is missing from the data altogether; 2024 is absent.
  std::string csv = "period,province,value_usd\n";
  for (int m = 1; m <= 12; ++m)
    if (m != 6) csv += "2025-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + ",Kayseri,100\n";
  csv += "2026-01,Kayseri,150\n2026-02,Ankara,7\n";
  const auto data = test::load_text("gaps.csv", csv);

  const auto jul = summarize(data, "Kayseri", ym(2025, 7));
  CHECK(jul.value == 10000);
  CHECK_FALSE(jul.previous_month.value.has_value());  // June is not covered
  CHECK_FALSE(jul.previous_month.change_pct.has_value());
  CHECK_FALSE(jul.previous_year.value.has_value());
  CHECK_FALSE(jul.rolling_12m.value.has_value());
  CHECK_FALSE(jul.year_to_date.value.has_value());
  // A window missing months of its own cannot be summed: that is said, not also its comparison.
  REQUIRE(jul.gaps.size() == 4);
  CHECK(jul.gaps[0].figure == kexport::Comparison::previous_month);
  CHECK(jul.gaps[0].from == ym(2025, 6));
  CHECK(jul.gaps[1].figure == kexport::Comparison::previous_year);
  CHECK(jul.gaps[1].part == kexport::Gap::Part::comparison);
  CHECK(jul.gaps[2].figure == kexport::Comparison::rolling_12m);
  CHECK(jul.gaps[2].part == kexport::Gap::Part::value);
  CHECK(jul.gaps[3].figure == kexport::Comparison::year_to_date);
  CHECK(jul.gaps[3].part == kexport::Gap::Part::value);
  CHECK(jul.gaps[3].from == ym(2025, 6));
  CHECK(jul.gaps[3].to == ym(2025, 6));

  // For January 2026 the year to date is there; only what it is compared with is partly missing.
  const auto jan26 = summarize(data, "Kayseri", ym(2026, 1));
  REQUIRE(jan26.gaps.size() == 1);
  CHECK(jan26.gaps[0].figure == kexport::Comparison::rolling_12m);
  CHECK(jan26.gaps[0].part == kexport::Gap::Part::value);

  // February lists Ankara alone, which says nothing of Kayseri: refused, naming why.
  CHECK_THROWS_WITH(summarize(data, "Kayseri", ym(2026, 2)), Catch::Contains("says nothing of Kayseri"));
  // With a national total equal to Ankara's, the table proves that Kayseri exported nothing.
  const auto proven = test::load_text("gaps.csv", csv + "2026-02,Türkiye,7\n");
  const auto feb = summarize(proven, "Kayseri", ym(2026, 2));
  CHECK(feb.value == 0);
  CHECK(feb.previous_month.value == 15000);
  CHECK(feb.previous_month.change_pct == Approx(-100.0));
  CHECK(feb.countries == 0u);

  const auto jan = summarize(data, "Kayseri", ym(2026, 1));
  CHECK(jan.previous_year.value == 10000);
  CHECK(*jan.previous_year.change_pct == Approx(50.0));
  CHECK_FALSE(jan.rolling_12m.value.has_value());  // June 2025 is inside the window
  CHECK(jan.year_to_date.value == 15000);
  CHECK(jan.year_to_date.previous_value == 10000);
}

TEST_CASE("a change against zero is null", "[summary]") {
  const auto data =
      test::load_text("z.csv", "period,province,value_usd\n2025-01,Kayseri,0\n2025-02,Kayseri,5\n");
  const auto s = summarize(data, "Kayseri", ym(2025, 2));
  CHECK(s.previous_month.value == 0);
  CHECK_FALSE(s.previous_month.change_pct.has_value());
  CHECK(kexport::percent_change(5, 0) == std::nullopt);
  CHECK(kexport::percent_change(std::nullopt, 5) == std::nullopt);
  CHECK(*kexport::percent_change(110, 100) == Approx(10.0));
}

TEST_CASE("a total row wins over the sum of its parts", "[summary]") {
  const auto data =
      test::load_text("t.csv",
                      "period,province,country,value_usd\n"
                      "2025-01,Kayseri,,100\n2025-01,Kayseri,Almanya,60\n2025-01,Kayseri,Irak,30\n"
                      "2025-02,Kayseri,Almanya,10\n2025-02,Kayseri,Irak,20\n");
  const auto jan = summarize(data, "Kayseri", ym(2025, 1));
  CHECK(jan.value == 10000);  // the total row, though the countries add up to 90
  CHECK(jan.countries == 2u);
  CHECK(*jan.top_destinations[0].share_pct == Approx(60.0));
  const auto feb = summarize(data, "Kayseri", ym(2025, 2));
  CHECK(feb.value == 3000);  // no total row: the sum of the countries
  CHECK(test::name(feb.top_destinations[0].country) == "Irak");
}

TEST_CASE("chapter rows add up to a country's value", "[summary]") {
  const auto data = test::load_text("h.csv",
                                    "period,province,country,chapter,value_usd\n"
                                    "2025-01,Kayseri,Almanya,94,60\n2025-01,Kayseri,Almanya,84,40\n"
                                    "2025-01,Kayseri,Irak,94,70\n");
  const auto s = summarize(data, "Kayseri", ym(2025, 1));
  CHECK(s.value == 17000);
  REQUIRE(s.top_destinations.size() == 2);
  CHECK(test::code(s.top_destinations[0].country) == "DE");
  CHECK(s.top_destinations[0].value == 10000);
}

TEST_CASE("ties in the destination ranking are broken by name", "[summary]") {
  const auto data =
      test::load_text("tie.csv",
                      "period,province,country,value_usd\n"
                      "2025-01,Kayseri,Polonya,5\n2025-01,Kayseri,Almanya,5\n2025-01,Kayseri,Irak,9\n");
  const auto s = summarize(data, "Kayseri", ym(2025, 1));
  REQUIRE(s.top_destinations.size() == 3);
  CHECK(test::name(s.top_destinations[0].country) == "Irak");
  CHECK(test::name(s.top_destinations[1].country) == "Almanya");
  CHECK(test::name(s.top_destinations[2].country) == "Polonya");
  CHECK(s.top_destinations[2].rank == 3);
  CHECK(summarize(data, "Kayseri", ym(2025, 1), 1).top_destinations.size() == 1);
}

TEST_CASE("questions the data cannot answer are errors with their exit codes", "[summary]") {
  const auto data = bundled();
  try {
    summarize(data, "Kaysery", ym(2026, 1));
    FAIL("an unknown province was accepted");
  } catch (const kexport::Error& e) {
    CHECK(e.code() == kexport::ExitCode::usage);
    CHECK_THAT(e.what(), Catch::Contains("did you mean Kayseri"));
  }
  try {
    summarize(data, "Kayseri", ym(2026, 2));
    FAIL("a month outside the data was accepted");
  } catch (const kexport::Error& e) {
    CHECK(e.code() == kexport::ExitCode::unavailable);
    CHECK_THAT(e.what(), Catch::Contains("2024-01 to 2026-01"));
  }
  const auto mixed = test::load_text(
      "m.csv", "period,province,value_usd,source\n2025-01,Kayseri,1,TÜİK\n2025-01,Kayseri,2,TİM\n");
  try {
    summarize(mixed, "Kayseri", ym(2025, 1));
    FAIL("two sources were combined");
  } catch (const kexport::Error& e) {
    CHECK(e.code() == kexport::ExitCode::usage);
    CHECK_THAT(e.what(), Catch::Contains("--source"));
  }
  kexport::SummaryQuery query;
  query.province = 38;  // Kayseri
  query.source = "tim";
  CHECK(kexport::compute_summary(mixed, gazetteer(), query).value == 200);
}
