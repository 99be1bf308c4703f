// A differential test: random sparse data with gaps, summarized by the library and by a
// brute-force reference written here from the rules in the README, compared figure by figure.
#include <fmt/format.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "helpers.hpp"
#include "kexport/compute/summary.hpp"
#include "kexport/model/error.hpp"
#include "reference_model.hpp"

using kexport::Cents;
using kexport::Period;

namespace {

using namespace oracle;

void check_pct(std::optional<double> actual, std::optional<double> expected) {
  REQUIRE(actual.has_value() == expected.has_value());
  if (expected) CHECK(*actual == Approx(*expected).epsilon(1e-12));
}

}  // namespace

TEST_CASE("summary agrees with a brute-force reference on random sparse data", "[summary][oracle]") {
  const auto& gazetteer = kexport::Gazetteer::builtin();
  std::mt19937_64 rng(20260226);
  int compared = 0, ranked_months = 0;
  for (int round = 0; round < 340; ++round) {
    // Every eighth case is a table of all 81 provinces (some dropping out of a month), with a
    // national total in every other one of those: where the province stands can then be said.
    const bool all_provinces = round % 8 == 7;
    const Case c = make_case(rng, all_provinces && round % 16 == 15, all_provinces);
    if (c.covered.empty()) continue;
    const auto data = test::load_text("random.csv", to_csv(c));
    const Reference ref{c};
    std::vector<Period> months(c.covered.begin(), c.covered.end());
    for (int q = 0; q < 3; ++q) {
      const Period m = months[std::uniform_int_distribution<std::size_t>(0, months.size() - 1)(rng)];
      const int p = c.provinces[std::uniform_int_distribution<std::size_t>(0, c.provinces.size() - 1)(rng)];
      kexport::SummaryQuery query;
      query.province = static_cast<kexport::ProvinceId>(p);
      query.month = m;
      query.top_n = 5;
      INFO("round " << round << " province " << p << " month " << m.iso());
      if (!ref.known(p, m)) {  // a province the table never lists: refused, never 0
        try {
          kexport::compute_summary(data, gazetteer, query);
          FAIL("a month the data says nothing of was summarised");
        } catch (const kexport::Error& e) {
          CHECK(e.code() == kexport::ExitCode::unavailable);
        }
        continue;
      }
      const auto s = kexport::compute_summary(data, gazetteer, query);

      CHECK(s.value == ref.total(p, m));
      CHECK(s.previous_month.value == ref.total(p, m.plus_months(-1)));
      check_pct(s.previous_month.change_pct, change(ref.total(p, m), ref.total(p, m.plus_months(-1))));
      CHECK(s.previous_year.value == ref.total(p, m.plus_months(-12)));
      check_pct(s.previous_year.change_pct, change(ref.total(p, m), ref.total(p, m.plus_months(-12))));
      const auto r12 = ref.window(p, m.plus_months(-11), m);
      const auto r12_before = ref.window(p, m.plus_months(-23), m.plus_months(-12));
      CHECK(s.rolling_12m.value == r12);
      CHECK(s.rolling_12m.previous_value == r12_before);
      check_pct(s.rolling_12m.change_pct, change(r12, r12_before));
      const auto ytd = ref.window(p, m.january(), m);
      const auto ytd_before = ref.window(p, m.january().plus_months(-12), m.plus_months(-12));
      CHECK(s.year_to_date.value == ytd);
      CHECK(s.year_to_date.previous_value == ytd_before);
      check_pct(s.year_to_date.change_pct, change(ytd, ytd_before));

      // Destinations: value > 0, largest first, ties by name; change on a year earlier.
      const auto now = ref.by_country(p, m);
      const auto before = ref.by_country(p, m.plus_months(-12));
      std::vector<std::pair<Cents, std::string>> ranked;
      for (const auto& [code, v] : now)
        if (v > 0) ranked.emplace_back(v, gazetteer.countries()[*gazetteer.find_country_code(code)].name_tr);
      std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      const bool breakdown = !ranked.empty() || ref.total(p, m).value_or(0) == 0;
      CHECK(s.countries == (breakdown ? std::optional<std::size_t>(ranked.size()) : std::nullopt));
      REQUIRE(s.top_destinations.size() == std::min<std::size_t>(5, ranked.size()));
      for (std::size_t i = 0; i < s.top_destinations.size(); ++i) {
        const auto& d = s.top_destinations[i];
        CHECK(d.value == ranked[i].first);
        CHECK(test::name(d.country) == ranked[i].second);
        const bool year_before_covered = ref.known(p, m.plus_months(-12));
        std::optional<Cents> base;
        if (year_before_covered)
          base = before.count(test::code(d.country)) ? before.at(test::code(d.country)) : 0;
        check_pct(d.change_pct, change(d.value, base));
        check_pct(d.share_pct, s.value && *s.value > 0 ? std::optional(static_cast<double>(d.value) /
                                                                       static_cast<double>(*s.value) * 100.0)
                                                       : std::nullopt);
      }

      // Where the province stands: its rank among the 81 in a complete month, its share of
      // Turkey wherever Turkey's figure is known.
      const auto turkey = ref.turkey(m);
      if (!s.value || (!ref.complete(m) && !turkey)) {
        CHECK_FALSE(s.standing.has_value());
      } else {
        REQUIRE(s.standing.has_value());
        if (ref.complete(m)) {
          std::size_t larger = 0;
          for (int other = 1; other <= 81; ++other) larger += *ref.total(other, m) > *s.value ? 1 : 0;
          CHECK(s.standing->rank == larger + 1);
        } else {
          CHECK_FALSE(s.standing->rank.has_value());
        }
        check_pct(s.standing->share_of_turkey,
                  turkey && *turkey != 0
                      ? std::optional(static_cast<double>(*s.value) / static_cast<double>(*turkey) * 100.0)
                      : std::nullopt);
        if (ref.complete(m)) ++ranked_months;
      }
      ++compared;
    }
  }
  CHECK(compared > 800);
  CHECK(ranked_months > 20);  // complete months: all 81 listed, or proven by an exact national total
}

TEST_CASE("imports, balance and coverage agree with a brute-force reference", "[summary][oracle]") {
  const auto& gazetteer = kexport::Gazetteer::builtin();
  std::mt19937_64 rng(20260301);
  int compared = 0, with_imports = 0, with_ratio = 0;
  for (int round = 0; round < 200; ++round) {
    // Exports and imports drawn independently, each with its own gaps: in one file with a flow
    // column, or in two files.
    const Case exports = make_case(rng);
    const Case imports = make_case(rng);
    if (exports.covered.empty() || imports.covered.empty()) continue;
    const bool one_file = round % 2 == 0;
    const auto data =
        one_file
            ? test::load_text("trade.csv", to_csv(exports, "ihracat") + to_csv(imports, "ithalat", false))
            : test::load_texts(
                  {{"exports.csv", to_csv(exports, "export")}, {"imports.csv", to_csv(imports, "import")}});
    const Reference ex{exports}, im{imports};
    std::vector<Period> months(exports.covered.begin(), exports.covered.end());
    for (int q = 0; q < 3; ++q) {
      const Period m = months[std::uniform_int_distribution<std::size_t>(0, months.size() - 1)(rng)];
      const int p = provinces[std::uniform_int_distribution<std::size_t>(0, provinces.size() - 1)(rng)];
      if (!ex.known(p, m)) continue;
      kexport::SummaryQuery query;
      query.province = static_cast<kexport::ProvinceId>(p);
      query.month = m;
      query.top_n = 4;
      INFO("round " << round << " province " << p << " month " << m.iso());
      const auto s = kexport::compute_summary(data, gazetteer, query);
      CHECK(s.value == ex.total(p, m));
      REQUIRE(s.imports.has_value());
      const kexport::Imports& in = *s.imports;
      CHECK(in.value == im.total(p, m));
      CHECK(in.previous_month.value == im.total(p, m.plus_months(-1)));
      check_pct(in.previous_month.change_pct, change(im.total(p, m), im.total(p, m.plus_months(-1))));
      CHECK(in.previous_year.value == im.total(p, m.plus_months(-12)));
      check_pct(in.previous_year.change_pct, change(im.total(p, m), im.total(p, m.plus_months(-12))));

      // The balance and coverage of a span, from each flow's sums by the reference.
      const auto check_balance = [&](const kexport::TradeBalance& t, Period from, Period to) {
        const auto e = ex.window(p, from, to), i = im.window(p, from, to);
        const auto e0 = ex.window(p, from.plus_months(-12), to.plus_months(-12));
        const auto i0 = im.window(p, from.plus_months(-12), to.plus_months(-12));
        CHECK(t.from == from);
        CHECK(t.to == to);
        const auto balance = e && i ? std::optional<Cents>(*e - *i) : std::nullopt;
        const auto previous = e0 && i0 ? std::optional<Cents>(*e0 - *i0) : std::nullopt;
        CHECK(t.balance == balance);
        CHECK(t.previous_balance == previous);
        CHECK(t.balance_change ==
              (balance && previous ? std::optional<Cents>(*balance - *previous) : std::nullopt));
        const auto ratio = [](std::optional<Cents> a, std::optional<Cents> b) -> std::optional<double> {
          if (!a || !b || *b == 0) return std::nullopt;
          return static_cast<double>(*a) / static_cast<double>(*b) * 100.0;
        };
        check_pct(t.coverage_pct, ratio(e, i));
        check_pct(t.previous_coverage_pct, ratio(e0, i0));
        const auto now = ratio(e, i), before = ratio(e0, i0);
        REQUIRE(t.coverage_change_pp.has_value() == (now && before));
        if (now && before) CHECK(*t.coverage_change_pp == Approx(*now - *before).margin(1e-9));
        with_ratio += now ? 1 : 0;
      };
      check_balance(in.balance, m, m);
      check_balance(in.balance_rolling_12m, m.plus_months(-11), m);
      check_balance(in.balance_year_to_date, m.january(), m);

      // Origins: as destinations are, of the imports alone.
      std::vector<std::pair<Cents, std::string>> ranked;
      for (const auto& [code, v] : im.by_country(p, m))
        if (v > 0) ranked.emplace_back(v, gazetteer.countries()[*gazetteer.find_country_code(code)].name_tr);
      std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      if (im.known(p, m)) {
        REQUIRE(in.top_origins.size() == std::min<std::size_t>(4, ranked.size()));
        for (std::size_t i = 0; i < in.top_origins.size(); ++i) {
          CHECK(in.top_origins[i].value == ranked[i].first);
          CHECK(test::name(in.top_origins[i].country) == ranked[i].second);
        }
        ++with_imports;
      } else {
        CHECK(in.top_origins.empty());
      }
      ++compared;
    }
  }
  CHECK(compared > 300);
  CHECK(with_imports > 150);
  CHECK(with_ratio > 150);
}
