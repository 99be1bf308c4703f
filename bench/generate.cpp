// Writes realistic canonical export data for benchmarks: 81 provinces, up to 229 destinations,
// heavy-tailed province and destination sizes, seasonality, growth, and gaps (destinations that
// buy only in some months). Deterministic: the same arguments give the same bytes.
//
//   kexport-bench-generate ROWS FILE      (ROWS: the approximate number of rows wanted)
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "kexport/model/gazetteer.hpp"

namespace {

// SplitMix64: a small, fast, well-mixed generator that is the same on every platform.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double normal() {  // Box-Muller
    const double u = std::max(uniform(), 1e-300), v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
};

constexpr double season[12] = {0.88, 0.95, 1.05, 0.98, 1.02, 0.97, 1.01, 0.92, 1.02, 1.08, 1.04, 1.08};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s ROWS FILE\n", argv[0]);
    return 64;
  }
  const double wanted = std::atof(argv[1]);
  std::FILE* out = std::fopen(argv[2], "wb");
  if (out == nullptr) {
    std::perror(argv[2]);
    return 73;
  }
  const auto& g = kexport::Gazetteer::builtin();
  std::vector<const kexport::Country*> countries;
  std::vector<std::string> written;  // the name as a CSV field, quoted where it holds a comma
  for (const auto& c : g.countries())
    if (c.code != "TR" && c.code != "XZ" && countries.size() < 229) {
      countries.push_back(&c);
      written.push_back(c.name_tr.find(',') == std::string::npos ? c.name_tr : '"' + c.name_tr + '"');
    }

  Random rng{20260226};
  // Province sizes: heavy-tailed (Istanbul dwarfs Bayburt); destination sizes: Zipf-like.
  std::vector<double> province_size(82), country_size(countries.size()), country_presence(countries.size());
  for (int p = 1; p <= 81; ++p)
    province_size[p] = 2e9 * std::pow(static_cast<double>(p), -1.3) * (0.5 + rng.uniform());
  // Which destination is largest is drawn at random (a Fisher-Yates shuffle of the ranks).
  std::vector<std::size_t> rank(countries.size());
  for (std::size_t c = 0; c < rank.size(); ++c) rank[c] = c;
  for (std::size_t c = rank.size() - 1; c > 0; --c) std::swap(rank[c], rank[rng.next() % (c + 1)]);
  for (std::size_t c = 0; c < countries.size(); ++c) {
    country_size[c] = std::pow(static_cast<double>(rank[c] + 1), -1.1);
    country_presence[c] = std::min(1.0, 0.72 + 8.0 / static_cast<double>(rank[c] + 3));
  }
  double expected_presence = 0;
  for (double presence : country_presence) expected_presence += presence;
  // Months back from 2026-01, as many as the rows need.
  const auto months = static_cast<int>(std::ceil(wanted / (81.0 * expected_presence)));
  const int first = 2026 * 12 - months;  // index of the first month (January 2026 is 2026*12)

  // Each row names its source, basis and release, as the real record shape does (TÜİK's table on
  // the head-office basis, of one release): the loader reads and checks all three on every row.
  std::fputs("period,province,country,country_code,value_usd,source,basis,vintage\n", out);
  std::uint64_t rows = 0;
  std::string line;
  for (int m = 0; m < months; ++m) {
    const int index = first + m + 1;
    const int year = (index - 1) / 12, month = (index - 1) % 12 + 1;
    const double growth = std::pow(1.04, (index - 2026 * 12) / 12.0);
    for (int p = 1; p <= 81; ++p) {
      const double province_month = province_size[p] * season[month - 1] * growth;
      for (std::size_t c = 0; c < countries.size(); ++c) {
        if (rng.uniform() > country_presence[c]) continue;  // a gap: nothing bought this month
        const double dollars = province_month * country_size[c] / 5.0 * std::exp(0.25 * rng.normal());
        const auto cents = static_cast<std::uint64_t>(dollars * 100.0) + 1;
        line.clear();
        line += std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month) + ',';
        line += g.province(static_cast<kexport::ProvinceId>(p)).name + ',' + written[c] + ',' +
                countries[c]->code + ',' + std::to_string(cents / 100) + '.' + (cents % 100 < 10 ? "0" : "") +
                std::to_string(cents % 100) + ",TÜİK,head_office,2026-02-16\n";
        std::fputs(line.c_str(), out);
        ++rows;
      }
    }
  }
  std::fclose(out);
  std::fprintf(stderr, "%llu rows, %d months (%04d-%02d to 2026-01)\n", static_cast<unsigned long long>(rows),
               months, (first) / 12, (first) % 12 + 1);
  return 0;
}
