// series, top and rank: against a brute-force reference on random data with gaps, and on small
// cases whose answers are worked out by hand.
#include <catch2/catch.hpp>
#include <sstream>

#include "helpers.hpp"
#include "kexport/compute/analysis.hpp"
#include "kexport/model/error.hpp"
#include "kexport/output/report.hpp"
#include "reference_model.hpp"

using kexport::Period;
using namespace oracle;

namespace {

const kexport::Gazetteer& gazetteer() {
  return kexport::Gazetteer::builtin();
}
Period ym(int y, int m) {
  return Period::from_year_month(y, m);
}

void check_pct(std::optional<double> actual, std::optional<double> expected) {
  REQUIRE(actual.has_value() == expected.has_value());
  if (expected) CHECK(*actual == Approx(*expected).epsilon(1e-12));
}

}  // namespace

TEST_CASE("series agrees with the reference, gaps included", "[analysis][series][oracle]") {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 60; ++round) {
    const Case c = make_case(rng, round % 2 == 0);
    const auto data = test::load_text("random.csv", to_csv(c));
    const Reference ref{c};
    for (const int p : provinces) {
      if (!ref.anywhere.count(p)) continue;  // a province the case never lists is refused (tested elsewhere)
      for (const std::optional<std::string>& country :
           {std::optional<std::string>{}, std::optional<std::string>{"DE"}}) {
        kexport::SeriesQuery query;
        query.province = static_cast<kexport::ProvinceId>(p);
        query.country = country;
        query.from = ym(2023, 1);
        query.to = ym(2026, 6);
        const auto series = kexport::compute_series(data, gazetteer(), query);
        INFO("round " << round << " province " << p << " country " << country.value_or("-"));
        REQUIRE(series.rows.size() == 42);
        const auto value = [&](Period m) {
          return country ? ref.country_value(p, *country, m) : ref.total(p, m);
        };
        const auto window = [&](Period from, Period to) -> std::optional<kexport::Cents> {
          kexport::Cents sum = 0;
          for (Period m = from; m <= to; m = m.plus_months(1)) {
            const auto v = value(m);
            if (!v) return std::nullopt;
            sum += *v;
          }
          return sum;
        };
        for (const auto& row : series.rows) {
          const Period m = row.period;
          CHECK(row.covered == ref.known(p, m));
          INFO("month " << m.iso());
          CHECK(row.value == value(m));
          check_pct(row.change_previous_month, change(value(m), value(m.plus_months(-1))));
          check_pct(row.change_previous_year, change(value(m), value(m.plus_months(-12))));
          CHECK(row.rolling_12m == window(m.plus_months(-11), m));
          check_pct(row.rolling_12m_change,
                    change(window(m.plus_months(-11), m), window(m.plus_months(-23), m.plus_months(-12))));
          CHECK(row.year_to_date == window(m.january(), m));
          check_pct(row.year_to_date_change,
                    change(window(m.january(), m), window(m.january().plus_months(-12), m.plus_months(-12))));
        }
      }
    }
  }
}

TEST_CASE("series for Turkey uses the national total, else the sum of 81 provinces", "[analysis][series]") {
  std::mt19937_64 rng(11);
  const Case national = make_case(rng, true);
  const auto data = test::load_text("n.csv", to_csv(national));
  const Reference ref{national};
  const auto series = kexport::compute_series(data, gazetteer(), {});
  CHECK(kexport::output::series_subject(series, kexport::Language::tr) == "Türkiye");
  CHECK(series.turkey_made_of == kexport::TurkeyMadeOf::national_total_rows);
  for (const auto& row : series.rows) CHECK(row.value == ref.total(0, row.period));

  std::string all = "period,province_code,value_usd\n";
  kexport::Cents expected = 0;
  for (int p = 1; p <= 81; ++p) {
    all += fmt::format("2025-01,{},{}\n", p, p);
    expected += p * 100;
  }
  const auto provinces81 = kexport::compute_series(test::load_text("all.csv", all), gazetteer(), {});
  CHECK(provinces81.turkey_made_of == kexport::TurkeyMadeOf::sum_of_provinces);
  CHECK(provinces81.rows.at(0).value == expected);

  try {
    kexport::compute_series(test::load_text("few.csv", "period,province,value_usd\n2025-01,Kayseri,1\n"),
                            gazetteer(), {});
    FAIL("one province spoke for Turkey");
  } catch (const kexport::Error& e) {
    CHECK(e.code() == kexport::ExitCode::unavailable);
    CHECK_THAT(e.what(), Catch::Contains("it holds 1 province: Kayseri"));
  }

  // All 81 provinces, some dropping out of a month: the sum of the complete months, by brute force.
  for (int round = 0; round < 6; ++round) {
    const Case c = make_case(rng, false, true);
    const Reference sum_ref{c};
    const auto csv = to_csv(c);
    if (std::none_of(c.covered.begin(), c.covered.end(), [&](Period m) { return sum_ref.complete(m); })) {
      // No month lists every province, and no total proves the rest zero: refused.
      CHECK_THROWS_WITH(kexport::compute_series(test::load_text("s.csv", csv), gazetteer(), {}),
                        Catch::Contains("no month with all 81 provinces"));
      continue;
    }
    const auto sum = kexport::compute_series(test::load_text("s.csv", csv), gazetteer(), {});
    CHECK(sum.turkey_made_of == kexport::TurkeyMadeOf::sum_of_provinces);
    for (const auto& row : sum.rows) {
      CHECK(row.value == sum_ref.turkey(row.period));
      CHECK(row.covered == sum_ref.complete(row.period));
    }
  }
}

TEST_CASE("a country without a breakdown that month is unknown, not zero", "[analysis][series]") {
  const auto data =
      test::load_text("b.csv",
                      "period,province,country,value_usd\n2025-01,Kayseri,,100\n"
                      "2025-02,Kayseri,Almanya,30\n2025-02,Kayseri,Irak,20\n2025-03,Ankara,,5\n");
  kexport::SeriesQuery query;
  query.province = 38;  // Kayseri
  query.country = "Almanya";
  const auto series = kexport::compute_series(data, gazetteer(), query);
  REQUIRE(series.rows.size() == 3);
  CHECK_FALSE(series.rows[0].value.has_value());  // only a total: the split is unknown
  CHECK(series.rows[1].value == 3000);
  // March: the file lists only Ankara, which says nothing of Kayseri (absence is not zero).
  CHECK_FALSE(series.rows[2].value.has_value());
  // A national total equal to the provinces listed proves that Kayseri exported nothing.
  const auto proven = test::load_text("b.csv",
                                      "period,province,country,value_usd\n2025-01,Kayseri,,100\n"
                                      "2025-02,Kayseri,Almanya,30\n2025-02,Kayseri,Irak,20\n"
                                      "2025-03,Ankara,,5\n2025-03,Türkiye,,5\n");
  CHECK(kexport::compute_series(proven, gazetteer(), query).rows[2].value == 0);
  CHECK(kexport::output::series_subject(series, kexport::Language::tr) == "Kayseri → Almanya");
  query.country = "Almanyaa";
  CHECK_THROWS_WITH(kexport::compute_series(data, gazetteer(), query),
                    Catch::Contains("did you mean Almanya"));
}

TEST_CASE("top agrees with the reference: shares, changes, contributions, new and lost",
          "[analysis][top][oracle]") {
  std::mt19937_64 rng(13);
  int compared = 0, refused = 0;
  for (int round = 0; round < 120; ++round) {
    const Case c = make_case(rng);
    const auto data = test::load_text("random.csv", to_csv(c));
    const Reference ref{c};
    for (const Period m : c.covered) {
      if (m < ym(2024, 1)) continue;
      const int p = provinces[static_cast<std::size_t>(round) % provinces.size()];
      if (!ref.known(p, m)) continue;
      kexport::TopQuery query;
      query.province = static_cast<kexport::ProvinceId>(p);
      query.month = m;
      query.n = 3;
      INFO("round " << round << " month " << m.iso());
      const auto now = ref.by_country(p, m);
      if (now.empty() && ref.total(p, m).value_or(0) > 0) {
        // Exports without a split by country: which countries they went to is unknown.
        try {
          kexport::compute_top(data, gazetteer(), query);
          FAIL("a top list was made of a total without its split");
        } catch (const kexport::Error& e) {
          CHECK(e.code() == kexport::ExitCode::unavailable);
          ++refused;
        }
        continue;
      }
      const auto top = kexport::compute_top(data, gazetteer(), query);
      const auto before_split = ref.by_country(p, m.plus_months(-12));
      const bool before_covered = ref.known(p, m.plus_months(-12)) &&
                                  !(before_split.empty() && ref.total(p, m.plus_months(-12)).value_or(0) > 0);
      const auto before = ref.by_country(p, m.plus_months(-12));
      const auto total = ref.total(p, m), previous_total = ref.total(p, m.plus_months(-12));
      CHECK(top.total == total);
      CHECK(top.previous_total == previous_total);
      std::vector<std::pair<kexport::Cents, std::string>> ranked;
      for (const auto& [code, v] : now)
        if (v > 0)
          ranked.emplace_back(v, gazetteer().countries()[*gazetteer().find_country_code(code)].name_tr);
      std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      REQUIRE(top.rows.size() == std::min<std::size_t>(3, ranked.size()));
      for (std::size_t i = 0; i < top.rows.size(); ++i) {
        const auto& row = top.rows[i];
        CHECK(row.value == ranked[i].first);
        CHECK(test::name(row.country) == ranked[i].second);
        const auto base = before_covered ? std::optional(before.count(test::code(row.country))
                                                             ? before.at(test::code(row.country))
                                                             : 0)
                                         : std::nullopt;
        CHECK(row.previous_value == base);
        check_pct(row.change_pct, change(row.value, base));
        check_pct(row.contribution_pp,
                  base && previous_total && *previous_total != 0
                      ? std::optional((static_cast<double>(row.value) - static_cast<double>(*base)) /
                                      static_cast<double>(*previous_total) * 100.0)
                      : std::nullopt);
      }
      std::size_t new_count = 0, lost_count = 0;
      if (before_covered) {
        for (const auto& [code, v] : now)
          if (v > 0 && (!before.count(code) || before.at(code) == 0)) ++new_count;
        for (const auto& [code, v] : before)
          if (v > 0 && (!now.count(code) || now.at(code) == 0)) ++lost_count;
      }
      CHECK(top.new_entries.size() == new_count);
      CHECK(top.lost_entries.size() == lost_count);
      ++compared;
    }
  }
  CHECK(compared > 500);
  CHECK(refused > 3);
}

TEST_CASE("top over the year to date and twelve months, and by sector", "[analysis][top]") {
  const auto data = test::load_text("w.csv",
                                    "period,province,country,chapter,value_usd\n"
                                    "2024-01,Kayseri,Almanya,94,10\n2024-02,Kayseri,Almanya,94,10\n"
                                    "2025-01,Kayseri,Almanya,94,30\n2025-02,Kayseri,Almanya,94,10\n"
                                    "2025-02,Kayseri,Irak,72,25\n2024-02,Kayseri,Fas,72,5\n");
  kexport::TopQuery query;
  query.province = 38;  // Kayseri
  query.month = ym(2025, 2);
  query.window = kexport::Window::ytd;
  const auto ytd = kexport::compute_top(data, gazetteer(), query);
  CHECK(ytd.from == ym(2025, 1));
  CHECK(ytd.total == 6500);
  CHECK(ytd.previous_total == 2500);
  REQUIRE(ytd.rows.size() == 2);
  CHECK(test::name(ytd.rows[0].country) == "Almanya");
  CHECK(ytd.rows[0].value == 4000);
  CHECK(ytd.rows[0].previous_value == 2000);
  CHECK(*ytd.rows[0].contribution_pp == Approx(80.0));  // (40 - 20) / 25
  REQUIRE(ytd.new_entries.size() == 1);
  CHECK(test::name(ytd.new_entries[0].country) == "Irak");
  REQUIRE(ytd.lost_entries.size() == 1);
  CHECK(test::name(ytd.lost_entries[0].country) == "Fas");
  CHECK(*ytd.lost_entries[0].contribution_pp == Approx(-20.0));

  query.by = kexport::TopBy::chapter;
  query.window = kexport::Window::month;
  const auto sectors = kexport::compute_top(data, gazetteer(), query);
  REQUIRE(sectors.rows.size() == 2);
  CHECK(sectors.rows[0].sector.chapter == 72);
  CHECK(sectors.rows[0].value == 2500);
  CHECK(sectors.rows[1].sector.chapter == 94);

  query.window = kexport::Window::rolling_12m;  // 2024-03 … 2025-02 is not all in the data
  CHECK_THROWS_AS(kexport::compute_top(data, gazetteer(), query), kexport::Error);
}

TEST_CASE("rank agrees with the reference, against the national total and the 81's sum",
          "[analysis][rank][oracle]") {
  std::mt19937_64 rng(17);
  for (int round = 0; round < 24; ++round) {
    const bool national = round % 2 == 0;
    const Case c = make_case(rng, national, true);
    const auto data = test::load_text("random.csv", to_csv(c));
    const Reference ref{c};
    // The latest month the reference calls complete (all 81 listed, or the rest proven zero).
    std::optional<Period> complete;
    for (const Period month : c.covered)
      if (ref.complete(month)) complete = month;
    if (!complete) continue;
    const Period m = *complete;
    INFO("round " << round << " month " << m.iso());
    kexport::RankQuery query;
    query.month = m;
    const auto ranking = kexport::compute_rank(data, query);
    CHECK(ranking.turkey_made_of ==
          (national ? kexport::TurkeyMadeOf::national_total_rows : kexport::TurkeyMadeOf::sum_of_provinces));
    CHECK(ranking.turkey == ref.turkey(m));
    // Expected order: value descending, equal values by plate code; every province placed,
    // those that dropped out of the month with 0.
    std::vector<std::pair<kexport::Cents, int>> expected;
    for (int p = 1; p <= 81; ++p) expected.emplace_back(*ref.total(p, m), p);
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    REQUIRE(ranking.rows.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const auto& row = ranking.rows[i];
      CHECK(row.rank == i + 1);
      CHECK(row.province == expected[i].second);
      CHECK(row.value == expected[i].first);
      CHECK(*row.share_pct ==
            Approx(static_cast<double>(expected[i].first) / static_cast<double>(*ref.turkey(m)) * 100.0));
      CHECK(row.previous_value == ref.total(expected[i].second, m.plus_months(-12)));
      check_pct(row.change_pct, change(row.value, row.previous_value));
    }
  }
}

TEST_CASE("rank refuses a month that does not hold every province", "[analysis][rank]") {
  std::mt19937_64 rng(29);
  for (int round = 0; round < 10; ++round) {
    // Three provinces without national totals: nothing says the other 78 exported nothing.
    const Case c = make_case(rng);
    const auto data = test::load_text("few.csv", to_csv(c));
    kexport::RankQuery query;
    try {
      kexport::compute_rank(data, query);
      FAIL("three provinces were ranked among 81");
    } catch (const kexport::Error& e) {
      CHECK(e.code() == kexport::ExitCode::unavailable);
      CHECK_THAT(e.what(), Catch::Contains("no month of the data holds all 81 provinces"));
    }
  }
}

TEST_CASE("rank: ties by plate code, by change with gaps last, previous rank", "[analysis][rank]") {
  std::string csv = "period,province_code,value_usd\n";
  for (int p = 1; p <= 81; ++p) {
    csv += fmt::format("2025-01,{},{}\n", p, p == 38 || p == 6 ? 500 : p);  // Ankara and Kayseri tie
    if (p != 1) csv += fmt::format("2024-01,{},{}\n", p, 100);              // Adana has no year-earlier value
  }
  const auto data = test::load_text("r.csv", csv);
  kexport::RankQuery query;
  query.month = ym(2025, 1);
  query.province = 38;  // Kayseri
  const auto by_value = kexport::compute_rank(data, query);
  REQUIRE(by_value.rows.size() == 81);
  CHECK(by_value.turkey_made_of == kexport::TurkeyMadeOf::sum_of_provinces);
  CHECK(by_value.rows[0].province == 6);  // 500, plate 6 before plate 38
  CHECK(by_value.rows[1].province == 38);
  CHECK(by_value.rows[2].province == 81);
  CHECK(by_value.highlight == 38);
  CHECK(by_value.rows[0].previous_rank == 5);  // all 100 a year earlier: plate order among the 80
  query.by = kexport::RankBy::change;
  const auto by_change = kexport::compute_rank(data, query);
  CHECK(by_change.rows[0].province == 6);
  CHECK(by_change.rows.back().province == 1);  // no change computable: last
  CHECK_FALSE(by_change.rows.back().change_pct.has_value());
}

TEST_CASE("CSV output is RFC 4180 and safe in a spreadsheet", "[analysis][csv]") {
  const auto data =
      test::load_text("c.csv",
                      "period,province,country,value_usd\n2025-01,Kayseri,\"=HYPERLINK(\"\"x\"\")\",5\n"
                      "2025-01,Kayseri,\"Kore, Kuzey\",7\n2024-01,Kayseri,Irak,1\n");
  kexport::TopQuery query;
  query.province = 38;  // Kayseri
  query.month = ym(2025, 1);
  const auto top = kexport::compute_top(data, gazetteer(), query);
  std::ostringstream out;
  kexport::write_top(out, top, kexport::Format::csv, {});
  const std::string csv = out.str();
  CHECK_THAT(csv,
             Catch::StartsWith(
                 "section,rank,name,code,value,share_pct,previous_value,change_pct,contribution_pp\r\n"));
  CHECK_THAT(csv, Catch::Contains("rows,1,\"Kore, Kuzey\",,7.00,"));
  CHECK_THAT(csv, Catch::Contains("rows,2,\"'=HYPERLINK(\"\"x\"\")\",,5.00,"));
  CHECK_THAT(csv, Catch::Contains("lost,,Irak,IQ,0.00,0,1.00,-100,-100\r\n"));
}

TEST_CASE("the lists show the gazetteer, and with data what it covers", "[analysis][lists]") {
  std::ostringstream plain;
  kexport::write_province_list(plain, gazetteer(), nullptr, kexport::Format::csv, {});
  const std::string list = plain.str();
  CHECK(std::count(list.begin(), list.end(), '\n') == 82);
  CHECK_THAT(plain.str(), Catch::Contains("38,Kayseri,TR72,\r\n"));
  const auto data =
      test::load_text("c.csv",
                      "period,province,country,chapter,value_usd\n2025-01,Kayseri,Atlantis,94,5\n"
                      "2025-03,Kayseri,Almanya,Uzay Turizmi,5\n");
  const auto coverage = kexport::compute_coverage(data, gazetteer());
  std::ostringstream province_list, country_list, chapter_list;
  kexport::write_province_list(province_list, gazetteer(), &coverage, kexport::Format::csv, {});
  CHECK_THAT(province_list.str(), Catch::Contains("38,Kayseri,TR72,,2,2025-01,2025-03,\r\n"));
  kexport::write_country_list(country_list, gazetteer(), &coverage, kexport::Format::csv, {});
  CHECK_THAT(country_list.str(), Catch::Contains("DE,DEU,Almanya,ALMANYA,Germany,1,2025-03,2025-03,\r\n"));
  CHECK_THAT(country_list.str(), Catch::Contains(",,Atlantis,,,1,2025-01,2025-01,\r\n"));
  kexport::write_chapter_list(chapter_list, gazetteer(), &coverage, kexport::Format::json, {});
  CHECK_THAT(chapter_list.str(), Catch::Contains("\"name_tr\": \"Uzay Turizmi\""));
}

TEST_CASE("focused and totals-only loads answer exactly as a full load", "[analysis][focus]") {
  std::mt19937_64 rng(23);
  for (int round = 0; round < 40; ++round) {
    const Case c = make_case(rng, round % 4 == 1, round % 2 == 1);
    const std::string csv = to_csv(c);
    const kexport::InputFile file("random.csv", csv);
    const auto full =
        kexport::load_dataset({file, kexport::InputFile("empty.csv", "period,province,value_usd\n")});
    kexport::LoadOptions focused;
    focused.focus_province = 38;
    const auto focus = kexport::load_dataset({file}, focused);
    kexport::LoadOptions totals;
    totals.totals_only = true;
    const auto totals_only = kexport::load_dataset({file}, totals);
    CHECK(focus.size() <= full.size());

    kexport::SummaryQuery query;
    query.province = 38;  // Kayseri
    std::ostringstream a, b;
    kexport::write_summary_json(a, kexport::compute_summary(full, gazetteer(), query), kexport::Language::tr);
    kexport::write_summary_json(b, kexport::compute_summary(focus, gazetteer(), query),
                                kexport::Language::tr);
    CHECK(a.str() == b.str());
    if (round % 2 == 1) {  // with all provinces, rank can be asked
      std::ostringstream c1, c2;
      kexport::write_rank(c1, kexport::compute_rank(full, {}), kexport::Format::csv, {});
      kexport::write_rank(c2, kexport::compute_rank(totals_only, {}), kexport::Format::csv, {});
      CHECK(c1.str() == c2.str());
    }
  }
}

TEST_CASE("a focused load of monthly files answers exactly as a full load, revisions included",
          "[analysis][focus][parallel]") {
  // The rows of a random case cut into one file per month (as data accumulates for a cron job);
  // in some rounds a last file revises the latest month of other provinces, which their monthly totals
  // alone could not tell from the rest: the load must then keep every record.
  std::mt19937_64 rng(29);
  for (int round = 0; round < 24; ++round) {
    const Case c = make_case(rng, round % 3 == 1, round % 2 == 1);
    std::map<kexport::Period, Case> by_month;
    for (const oracle::Row& r : c.rows) by_month[r.month].rows.push_back(r);
    std::vector<kexport::InputFile> files;
    for (const auto& [month, part] : by_month) files.emplace_back(month.iso() + ".csv", to_csv(part));
    if (round % 4 >= 2 && !by_month.empty()) {
      Case revision;
      for (oracle::Row r : by_month.rbegin()->second.rows)
        if (r.province != 38) {
          r.cents += 1234;
          revision.rows.push_back(r);
        }
      files.emplace_back("revision.csv", to_csv(revision));
    }
    for (unsigned threads : {1u, 2u}) {
      INFO("round " << round << ", " << threads << " threads");
      kexport::LoadOptions whole, focused, totals;
      whole.threads = focused.threads = totals.threads = threads;
      focused.focus_province = 38;
      totals.totals_only = true;
      const auto full = kexport::load_dataset(files, whole);
      const auto focus = kexport::load_dataset(files, focused);
      const auto totals_only = kexport::load_dataset(files, totals);
      if (round % 4 < 2 && round % 2 == 1) CHECK(focus.size() < full.size());  // the focus did keep less

      kexport::SummaryQuery query;
      query.province = 38;  // Kayseri
      std::ostringstream a, b;
      kexport::write_summary_json(a, kexport::compute_summary(full, gazetteer(), query),
                                  kexport::Language::tr);
      kexport::write_summary_json(b, kexport::compute_summary(focus, gazetteer(), query),
                                  kexport::Language::tr);
      CHECK(a.str() == b.str());
      if (round % 2 == 1) {
        std::ostringstream c1, c2;
        kexport::write_rank(c1, kexport::compute_rank(full, {}), kexport::Format::csv, {});
        kexport::write_rank(c2, kexport::compute_rank(totals_only, {}), kexport::Format::csv, {});
        CHECK(c1.str() == c2.str());
      }
    }
  }
}
