#include <algorithm>
#include <map>

#include "kexport/compute/analysis.hpp"

namespace kexport {
namespace {

void note(Coverage& c, Period month, const std::string& source) {
  ++c.rows;
  if (!c.first || month < *c.first) c.first = month;
  if (!c.last || month > *c.last) c.last = month;
  if (std::find(c.sources.begin(), c.sources.end(), source) == c.sources.end()) c.sources.push_back(source);
}

}  // namespace

DataCoverage compute_coverage(const Dataset& data, const Gazetteer& gazetteer) {
  DataCoverage coverage;
  coverage.provinces.resize(province_count + 1);  // by plate code; 0 unused
  coverage.chapters.resize(256);
  std::vector<Coverage> countries(data.countries.size());
  for (std::size_t row = 0; row < data.size(); ++row) {
    const RecordKey key = data.key(row);
    if (key.measure == Measure::weight) continue;  // a value's weight is no record of its own here
    const std::string& source = data.sources[key.source];
    note(coverage.provinces[key.province], key.month, source);
    if (key.country != all_countries) note(countries[key.country], key.month, source);
    if (key.chapter != all_chapters) note(coverage.chapters[key.chapter], key.month, source);
  }
  for (std::size_t id = 1; id < data.countries.size(); ++id) {
    const CountryEntry& entry = data.countries[id];
    coverage.countries.emplace_back(entry.gazetteer ? entry.code(gazetteer) : entry.written, countries[id]);
  }
  coverage.sectors = data.sectors;
  return coverage;
}

}  // namespace kexport
