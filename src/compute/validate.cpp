#include "kexport/compute/validate.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "kexport/model/error.hpp"

namespace kexport {

namespace {
bool totals_hold(const std::vector<TotalCheck>& checks) {
  return std::all_of(checks.begin(), checks.end(),
                     [](const TotalCheck& t) { return t.total >= t.sum_of_parts; });
}
}  // namespace

std::size_t FileValidation::problem_count() const {
  std::size_t n = file.problems.size();
  for (const auto& t : totals) n += t.total < t.sum_of_parts ? 1 : 0;
  return n;
}

bool ValidationReport::clean() const {
  return totals_hold(combined_totals) && std::all_of(files.begin(), files.end(), [](const FileValidation& f) {
           return !f.fatal && f.problem_count() == 0;
         });
}

bool ValidationReport::unreadable() const {
  return std::any_of(files.begin(), files.end(), [](const FileValidation& f) { return f.unreadable; });
}

namespace {

std::string country_name(const Dataset& data, const Gazetteer& gazetteer, CountryId id) {
  return data.countries[id].name(gazetteer, Language::tr);
}

// Compares every total row with the sum of its parts, per stream, province and month. The rows
// are sorted by that key, so each month of a province is one block: two linear passes.
std::vector<TotalCheck> check_totals(const Dataset& data) {
  // The provinces' total rows per stream and month, for the national total rows.
  std::map<std::pair<std::size_t, std::int32_t>, Cents> provinces_sum;
  // The provinces' rows per stream, month and country, for the countries' national subtotals.
  std::map<std::tuple<std::size_t, std::int32_t, CountryId>, Cents> country_sum;
  for (std::size_t row = 0; row < data.size(); ++row) {
    const RecordKey key = data.key(row);
    if (key.province == national_total || key.chapter != all_chapters || key.measure == Measure::weight)
      continue;
    const std::size_t stream = key.stream().index();
    Cents& sum = key.country == all_countries ? provinces_sum[{stream, key.month.index()}]
                                              : country_sum[{stream, key.month.index(), key.country}];
    sum = checked_add(sum, data.cents[row]);
  }
  std::vector<TotalCheck> checks;
  for (std::size_t row = 0; row < data.size(); ++row) {
    const RecordKey key = data.key(row);
    if (key.province != national_total || key.country == all_countries || key.chapter != all_chapters ||
        key.measure == Measure::weight)
      continue;
    const auto it = country_sum.find({key.stream().index(), key.month.index(), key.country});
    if (it == country_sum.end() || it->second == data.cents[row]) continue;
    checks.push_back({data.sources[key.source], key.flow, key.province, data.countries[key.country],
                      key.month, Breakdown::provinces, data.cents[row], it->second});
  }
  for (std::size_t row = 0; row < data.size();) {
    const RecordKey first = data.key(row);
    std::optional<Cents> total, countries, chapters;
    for (; row < data.size(); ++row) {
      const RecordKey key = data.key(row);
      if (key.stream() != first.stream() || key.province != first.province || key.month != first.month) break;
      const Cents v = data.cents[row];
      if (key.country == all_countries && key.chapter == all_chapters)
        total = v;
      else if (key.chapter == all_chapters)
        countries = checked_add(countries.value_or(0), v);
      else if (key.country == all_countries)
        chapters = checked_add(chapters.value_or(0), v);
    }
    // Weights are checked only through the values they belong to.
    if (!total || first.measure == Measure::weight) continue;
    const auto add = [&](Breakdown kind, Cents sum) {
      if (sum == *total) return;
      checks.push_back(
          {data.sources[first.source], first.flow, first.province, {}, first.month, kind, *total, sum});
    };
    if (countries) add(Breakdown::countries, *countries);
    if (chapters) add(Breakdown::chapters, *chapters);
    if (first.province == national_total) {
      auto it = provinces_sum.find({first.stream().index(), first.month.index()});
      if (it != provinces_sum.end()) add(Breakdown::provinces, it->second);
    }
  }
  return checks;
}

}  // namespace

// Amounts in thousands of dollars read as dollars are a thousand times too small. No month of
// Türkiye's exports since 1990 is under a billion dollars, and no province that exports at all
// sells abroad for under a thousand dollars in a month: a figure below those says the file is in
// thousands, though it does not say so.
std::optional<FileValidation::UnitDoubt> doubt_unit(const Dataset& data) {
  constexpr Cents national_floor = Cents{1'000'000'000} * 100;
  constexpr Cents province_floor = Cents{1'000} * 100;
  // Per flow and month: imports are not added to exports.
  std::map<std::pair<Flow, std::int32_t>, std::pair<Cents, std::size_t>> provinces_in_month;  // sum, count
  std::optional<FileValidation::UnitDoubt> national, province;
  for (std::size_t row = 0; row < data.size(); ++row) {
    const RecordKey key = data.key(row);
    if (key.country != all_countries || key.chapter != all_chapters || key.measure == Measure::weight)
      continue;
    const Cents cents = data.cents[row];
    if (key.province == national_total) {
      if (cents > 0 && cents < national_floor && !national) national = {national_total, key.month, cents};
      continue;
    }
    auto& [sum, count] = provinces_in_month[{key.flow, key.month.index()}];
    sum = checked_add(sum, cents);
    ++count;
    if (cents > 0 && cents < province_floor && !province) province = {key.province, key.month, cents};
  }
  if (national) return national;
  for (const auto& [flow_month, sum_count] : provinces_in_month)
    if (sum_count.second >= provinces_that_enumerate && sum_count.first > 0 &&
        sum_count.first < national_floor)
      return FileValidation::UnitDoubt{national_total, Period::from_index(flow_month.second),
                                       sum_count.first};
  return province;
}

FileValidation describe_file(const Dataset& data, const Gazetteer& gazetteer) {
  FileValidation v;
  v.file = data.files.front();
  for (std::size_t index = 0; index < data.coverage.size(); ++index) {
    const Stream s = Stream::of_index(index);
    const auto first = data.first_month(s), last = data.last_month(s);
    if (!first || s.measure == Measure::weight) continue;
    bool listed = false;
    for (std::size_t i = 0; i < v.sources.size(); ++i)
      listed = listed || (v.sources[i] == data.sources[s.source] && v.bases[i] == data.bases[s.source]);
    if (!listed) {
      v.sources.push_back(data.sources[s.source]);
      v.bases.push_back(data.bases[s.source]);
    }
    if (std::find(v.flows.begin(), v.flows.end(), s.flow) == v.flows.end()) v.flows.push_back(s.flow);
    if (!v.first_month || *first < *v.first_month) v.first_month = first;
    if (!v.last_month || *last > *v.last_month) v.last_month = last;
    for (Period m = *first; m <= *last; m = m.plus_months(1))
      if (!data.covers(s, m) &&
          std::find(v.missing_months.begin(), v.missing_months.end(), m) == v.missing_months.end())
        v.missing_months.push_back(m);
  }
  std::vector<bool> province_seen(province_count + 1), country_seen(data.countries.size());
  for (std::size_t row = 0; row < data.size(); ++row) {
    const RecordKey key = data.key(row);
    if (key.province != national_total) province_seen[key.province] = true;
    if (key.country != all_countries) country_seen[key.country] = true;
  }
  v.provinces = static_cast<std::size_t>(std::count(province_seen.begin(), province_seen.end(), true));
  v.countries = static_cast<std::size_t>(std::count(country_seen.begin(), country_seen.end(), true));
  for (std::size_t id = 1; id < country_seen.size(); ++id)
    if (country_seen[id] && !data.countries[id].gazetteer) {
      std::string name = country_name(data, gazetteer, static_cast<CountryId>(id));
      (is_free_zone(name) ? v.free_zones : v.unknown_countries).push_back(std::move(name));
    }
  v.totals = check_totals(data);
  if (v.file.unit_assumed) v.unit_doubt = doubt_unit(data);
  if (data.size() == 0 && v.file.problems.empty())
    v.file.problems.push_back(
        v.file.name + ": no records: the file has a header but no data below it; expected at least one row");
  return v;
}

FileValidation failed_file(const std::string& name, const std::string& problem, bool unreadable) {
  FileValidation v;
  v.file.name = name;
  v.file.problems.push_back(problem);
  v.fatal = true;
  v.unreadable = unreadable;
  return v;
}

namespace {

// One country as two datasets name it: the same gazetteer entry, or the same name as written.
bool same_country(const std::optional<CountryEntry>& a, const std::optional<CountryEntry>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return a->gazetteer ? a->gazetteer == b->gazetteer : !b->gazetteer && a->written == b->written;
}

}  // namespace

void describe_together(ValidationReport& report, const Dataset& all) {
  // Checks within one file were reported with it; here only those that need several files.
  for (const TotalCheck& check : check_totals(all)) {
    const bool seen = std::any_of(report.files.begin(), report.files.end(), [&](const FileValidation& f) {
      return std::any_of(f.totals.begin(), f.totals.end(), [&](const TotalCheck& t) {
        return t.province == check.province && t.month == check.month && t.parts == check.parts &&
               t.source == check.source && t.flow == check.flow && same_country(t.country, check.country);
      });
    });
    if (!seen) report.combined_totals.push_back(check);
  }
  for (const Revision& r : all.revisions) {
    // A revised weight goes with its value's revision, which is listed; alone it is no change of
    // the figures reported in dollars.
    if (r.key.measure == Measure::weight) continue;
    report.revisions.push_back(
        {all.files[r.old_file].name, all.files[r.new_file].name, all.sources[r.key.source], r.key.flow,
         r.key.province, r.key.month,
         r.key.country == all_countries ? std::nullopt : std::optional(all.countries[r.key.country]),
         r.key.chapter, r.old_cents, r.new_cents});
  }
}

}  // namespace kexport
