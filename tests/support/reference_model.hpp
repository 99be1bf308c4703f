// A brute-force reference for the differential (oracle) tests: random sparse data with gaps, and
// the README's rules ("How figures are computed") applied to it by plain loops, independently of
// the library.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kexport/model/period.hpp"

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
  std::set<Period> covered;    // months with any row
  std::vector<int> provinces;  // the provinces the case draws from
};

inline const std::vector<int> provinces = {1, 6, 38};
inline const std::vector<std::string> countries = {"DE", "US", "PL", "IQ", "IT", "FR", "GB", "XC"};

inline std::vector<int> all_81() {
  std::vector<int> out;
  for (int p = 1; p <= 81; ++p) out.push_back(p);
  return out;
}

// With `national`, every covered month also has a national total row: the provinces' sum (which
// proves that those left out exported nothing) or more. With `all_provinces`, the rows are of all
// 81 provinces, each of which may rarely drop out of a month (and is then missing unless the
// national total proves it zero).
inline Case make_case(std::mt19937_64& rng, bool national = false, bool all_provinces = false) {
  Case c;
  c.provinces = all_provinces ? all_81() : provinces;
  std::bernoulli_distribution covered(0.85), has_country(all_provinces ? 0.1 : 0.45), has_total(0.3),
      zero(0.05), drops_out(0.004), exact_national(0.5);
  std::uniform_int_distribution<Cents> value(1, 5'000'000'000);
  const Period first = Period::from_year_month(2023, 1);
  for (int i = 0; i < 42; ++i) {
    const Period m = first.plus_months(i);
    if (!covered(rng)) continue;
    c.covered.insert(m);
    bool any = false;
    Cents all_sum = 0;
    for (int p : c.provinces) {
      if (all_provinces && drops_out(rng)) continue;
      Cents sum = 0;
      for (const auto& country : countries) {
        if (!has_country(rng)) continue;
        const Cents v = zero(rng) ? 0 : value(rng);
        c.rows.push_back({p, m, country, v});
        sum += v;
        any = true;
      }
      if (has_total(rng) || (all_provinces && sum == 0)) {
        const Cents total = sum + (zero(rng) ? 0 : value(rng) / 10);
        c.rows.push_back({p, m, "", total});
        sum = total;
        any = true;
      }
      all_sum += sum;
    }
    // Half the national totals equal the sum of the provinces listed (proving the others zero).
    if (national)
      c.rows.push_back({0, m, "", all_sum + (exact_national(rng) ? 0 : value(rng))});
    else if (!any)
      c.rows.push_back({c.provinces.front(), m, "", value(rng)});
  }
  std::shuffle(c.rows.begin(), c.rows.end(), rng);
  return c;
}

// The case as CSV; with a flow ("ihracat", "ithalat"), every row names it in a flow column.
inline std::string to_csv(const Case& c, const std::string& flow = {}, bool header = true) {
  std::string csv = header ? (flow.empty() ? "period,province,country_code,value_usd\n"
                                           : "period,province,country_code,value_usd,flow\n")
                           : "";
  for (const Row& r : c.rows)
    csv += fmt::format("{},{},{},{}.{:02}{}\n", r.month.iso(),
                       r.province == 0 ? "Türkiye" : std::to_string(r.province), r.country, r.cents / 100,
                       r.cents % 100, flow.empty() ? "" : "," + flow);
  return csv;
}

// The README's rules by brute force. A case is one file, so "the table" is the case.
struct Reference {
  explicit Reference(const Case& cs) : c(cs) {
    for (const Row& r : c.rows) {
      by_month[{r.province, r.month}].push_back(&r);
      if (r.province != 0) {
        listed[r.month].insert(r.province);
        anywhere.insert(r.province);
      }
    }
  }
  const Case& c;
  std::map<std::pair<int, Period>, std::vector<const Row*>> by_month;
  std::map<Period, std::set<int>> listed;  // provinces with a row, per month
  std::set<int> anywhere;                  // provinces with a row in any month (never proof of a 0)

  // Whether the month's national total row equals the sum of the provinces listed in it, to the
  // rounding of the figures: each figure may be off by half their grain (the greatest common
  // divisor of them all), and the sum by that much per figure, the total's own included.
  bool proven_zero_elsewhere(Period m) const {
    const auto national = by_month.find({0, m});
    if (national == by_month.end()) return false;
    const Cents stated = *figure(0, m);
    Cents sum = 0, grain = std::gcd(Cents{0}, stated);
    std::size_t figures = 1;
    const auto it = listed.find(m);
    if (it != listed.end())
      for (const int p : it->second) {
        const Cents f = *figure(p, m);
        sum += f;
        grain = std::gcd(grain, f);
        ++figures;
      }
    const Cents gap = stated > sum ? stated - sum : sum - stated;
    return gap == 0 || gap <= static_cast<Cents>(figures) * (grain / 2);
  }
  // Whether a province's month is known: it has a row, or the month's national total proves the
  // provinces left out exported nothing. The national total (0) only by its own rows.
  bool known(int p, Period m) const {
    if (!c.covered.count(m)) return false;
    if (by_month.count({p, m})) return true;
    if (p == 0) return false;
    return proven_zero_elsewhere(m);
  }
  // A listed province's (or the national) figure: its total row, else the sum of its countries.
  std::optional<Cents> figure(int p, Period m) const {
    const auto it = by_month.find({p, m});
    if (it == by_month.end()) return std::nullopt;
    std::optional<Cents> total_row;
    Cents sum = 0;
    for (const Row* r : it->second) {
      if (r->country.empty())
        total_row = r->cents;
      else
        sum += r->cents;
    }
    return total_row ? *total_row : sum;
  }
  bool complete(Period m) const {
    for (int p = 1; p <= 81; ++p)
      if (!known(p, m)) return false;
    return true;
  }
  // A province's (or, for 0, the national) month: its total row where there is one, else the
  // sum of its country rows; empty when the month is not known.
  std::optional<Cents> total(int p, Period m) const {
    if (!known(p, m)) return std::nullopt;
    return figure(p, m).value_or(0);  // known and not listed: proven zero
  }
  // Turkey: the national total rows where the case has them, else the 81's sum in complete months.
  std::optional<Cents> turkey(Period m) const {
    bool national = false;
    for (const Row& r : c.rows) national = national || r.province == 0;
    if (national) return total(0, m);
    if (!complete(m)) return std::nullopt;
    Cents sum = 0;
    for (int p = 1; p <= 81; ++p) sum += *total(p, m);
    return sum;
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
    const auto it = by_month.find({p, m});
    if (it != by_month.end())
      for (const Row* r : it->second)
        if (!r->country.empty()) out[r->country] += r->cents;
    return out;
  }
  // A country's month: empty when not known, or when the province exported but has no country
  // rows that month (the breakdown is unknown, not zero).
  std::optional<Cents> country_value(int p, const std::string& country, Period m) const {
    if (!known(p, m)) return std::nullopt;
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
