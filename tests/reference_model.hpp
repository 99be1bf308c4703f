// A brute-force reference for the differential (oracle) tests: random sparse data with gaps, and
// the README's rules ("How figures are computed") applied to it by plain loops, independently of
// the library.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kexport/period.hpp"

namespace oracle {

using kexport::Cents;
using kexport::Period;

struct Row {
  int province;  // 0 for a national total row
  Period month;
  std::string country;  // "" for a total row
  Cents cents;
};

struct Case {
  std::vector<Row> rows;
  std::set<Period> covered;
};

inline const std::vector<int> provinces = {1, 6, 38};
inline const std::vector<std::string> countries = {"DE", "US", "PL", "IQ", "IT", "FR", "GB", "XC"};

// With `national`, every covered month also has a national total row, at least the provinces' sum.
inline Case make_case(std::mt19937_64& rng, bool national = false) {
  Case c;
  std::bernoulli_distribution covered(0.85), has_country(0.45), has_total(0.3), zero(0.05);
  std::uniform_int_distribution<Cents> value(1, 5'000'000'000);
  const Period first = Period::from_year_month(2023, 1);
  for (int i = 0; i < 42; ++i) {
    const Period m = first.plus_months(i);
    if (!covered(rng)) continue;
    c.covered.insert(m);
    bool any = false;
    Cents all_provinces = 0;
    for (int p : provinces) {
      Cents sum = 0;
      for (const auto& country : countries) {
        if (!has_country(rng)) continue;
        const Cents v = zero(rng) ? 0 : value(rng);
        c.rows.push_back({p, m, country, v});
        sum += v;
        any = true;
      }
      if (has_total(rng)) {
        const Cents total = sum + (zero(rng) ? 0 : value(rng) / 10);
        c.rows.push_back({p, m, "", total});
        sum = total;
        any = true;
      }
      all_provinces += sum;
    }
    if (national)
      c.rows.push_back({0, m, "", all_provinces + value(rng)});
    else if (!any)
      c.rows.push_back({1, m, "", value(rng)});
  }
  std::shuffle(c.rows.begin(), c.rows.end(), rng);
  return c;
}

inline std::string to_csv(const Case& c) {
  std::string csv = "period,province,country_code,value_usd\n";
  for (const Row& r : c.rows)
    csv += fmt::format("{},{},{},{}.{:02}\n", r.month.iso(),
                       r.province == 0 ? "Türkiye" : std::to_string(r.province), r.country, r.cents / 100,
                       r.cents % 100);
  return csv;
}

// The README's rules by brute force.
struct Reference {
  const Case& c;
  // A province's (or, for 0, the national) month: its total row where there is one, else the
  // sum of its country rows; empty when the month is not covered.
  std::optional<Cents> total(int p, Period m) const {
    if (!c.covered.count(m)) return std::nullopt;
    std::optional<Cents> total_row;
    Cents sum = 0;
    for (const Row& r : c.rows) {
      if (r.province != p || r.month != m) continue;
      if (r.country.empty())
        total_row = r.cents;
      else
        sum += r.cents;
    }
    return total_row ? *total_row : sum;
  }
  std::optional<Cents> window(int p, Period from, Period to) const {
    Cents sum = 0;
    for (Period m = from; m <= to; m = m.plus_months(1)) {
      auto v = total(p, m);
      if (!v) return std::nullopt;
      sum += *v;
    }
    return sum;
  }
  std::map<std::string, Cents> by_country(int p, Period m) const {
    std::map<std::string, Cents> out;
    for (const Row& r : c.rows)
      if (r.province == p && r.month == m && !r.country.empty()) out[r.country] += r.cents;
    return out;
  }
  // A country's month: empty when not covered, or when the province exported but has no country
  // rows that month (the breakdown is unknown, not zero).
  std::optional<Cents> country_value(int p, const std::string& country, Period m) const {
    if (!c.covered.count(m)) return std::nullopt;
    const auto all = by_country(p, m);
    if (all.empty() && total(p, m).value_or(0) > 0) return std::nullopt;
    const auto it = all.find(country);
    return it == all.end() ? 0 : it->second;
  }
};

inline std::optional<double> change(std::optional<Cents> now, std::optional<Cents> base) {
  if (!now || !base || *base == 0) return std::nullopt;
  return (static_cast<double>(*now) - static_cast<double>(*base)) / static_cast<double>(*base) * 100.0;
}

}  // namespace oracle
