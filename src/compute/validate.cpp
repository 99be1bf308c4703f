#include "kexport/validate.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "kexport/error.hpp"

namespace kexport {

namespace {
bool totals_hold(const std::vector<TotalCheck>& checks) {
  return std::all_of(checks.begin(), checks.end(),
                     [](const TotalCheck& t) { return t.total >= t.sum_of_parts; });
}
}  // namespace

bool ValidationReport::clean() const {
  return totals_hold(combined_totals) && std::all_of(files.begin(), files.end(), [](const FileValidation& f) {
           return !f.fatal && f.file.problems.empty() && totals_hold(f.totals);
         });
}

namespace {

std::string country_name(const Dataset& data, const Gazetteer& gazetteer, CountryId id) {
  const CountryEntry& entry = data.countries[id];
  return entry.gazetteer ? gazetteer.countries()[*entry.gazetteer].name_tr : entry.written;
}

// Compares every total row with the sum of its parts, per source, province and month.
std::vector<TotalCheck> check_totals(const Dataset& data, const Gazetteer& gazetteer) {
  struct Parts {
    std::optional<Cents> total;
    std::optional<Cents> countries, chapters;
  };
  std::map<std::tuple<SourceId, ProvinceId, std::int32_t>, Parts> months;
  std::map<std::pair<SourceId, std::int32_t>, Cents> provinces_sum;
  for (std::size_t row = 0; row < data.size(); ++row) {
    const RecordKey key = data.key(row);
    Parts& parts = months[{key.source, key.province, key.month.index()}];
    const Cents v = data.cents[row];
    if (key.country == all_countries && key.chapter == all_chapters) {
      parts.total = v;
      if (key.province != national_total) provinces_sum[{key.source, key.month.index()}] += v;
    } else if (key.chapter == all_chapters) {
      parts.countries = parts.countries.value_or(0) + v;
    } else if (key.country == all_countries) {
      parts.chapters = parts.chapters.value_or(0) + v;
    }
  }
  std::vector<TotalCheck> checks;
  for (const auto& entry : months) {
    // Named copies rather than structured bindings, which lambdas may not capture before C++20
    // compilers all support it.
    const Parts& parts = entry.second;
    const SourceId source = std::get<0>(entry.first);
    const ProvinceId province = std::get<1>(entry.first);
    const std::int32_t month = std::get<2>(entry.first);
    if (!parts.total) continue;
    const auto add = [&](const char* kind, Cents sum) {
      if (sum == *parts.total) return;
      checks.push_back({data.sources[source], std::string(gazetteer.province_name(province)),
                        Period::from_index(month), kind, *parts.total, sum});
    };
    if (parts.countries) add("countries", *parts.countries);
    if (parts.chapters) add("chapters", *parts.chapters);
    if (province == national_total) {
      auto it = provinces_sum.find({source, month});
      if (it != provinces_sum.end()) add("provinces", it->second);
    }
  }
  return checks;
}

FileValidation validate_one(const InputFile& input, const Gazetteer& gazetteer, const LoadOptions& options) {
  FileValidation v;
  try {
    const Dataset data = load_dataset({input}, options);
    v.file = data.files.front();
    for (SourceId s = 0; s < data.sources.size(); ++s) {
      const auto first = data.first_month(s), last = data.last_month(s);
      if (!first) continue;
      v.sources.push_back(data.sources[s]);
      if (!v.first_month || *first < *v.first_month) v.first_month = first;
      if (!v.last_month || *last > *v.last_month) v.last_month = last;
      for (Period m = *first; m <= *last; m = m.plus_months(1))
        if (!data.covers(s, m) &&
            std::find(v.missing_months.begin(), v.missing_months.end(), m) == v.missing_months.end())
          v.missing_months.push_back(m);
    }
    std::set<ProvinceId> provinces;
    std::set<CountryId> countries;
    for (std::size_t row = 0; row < data.size(); ++row) {
      const RecordKey key = data.key(row);
      if (key.province != national_total) provinces.insert(key.province);
      if (key.country != all_countries) countries.insert(key.country);
    }
    v.provinces = provinces.size();
    v.countries = countries.size();
    for (CountryId id : countries)
      if (!data.countries[id].gazetteer) v.unknown_countries.push_back(country_name(data, gazetteer, id));
    v.totals = check_totals(data, gazetteer);
  } catch (const Error& e) {
    v.file.name = input.name;
    v.file.problems.emplace_back(e.what());
    v.fatal = true;
  }
  return v;
}

}  // namespace

ValidationReport validate_files(const std::vector<InputFile>& files, const Gazetteer& gazetteer,
                                const LoadOptions& base_options) {
  LoadOptions options = base_options;
  options.collect_problems = true;
  ValidationReport report;
  std::vector<InputFile> readable;
  for (const InputFile& file : files) {
    report.files.push_back(validate_one(file, gazetteer, options));
    if (!report.files.back().fatal) readable.push_back(file);
  }
  if (readable.size() > 1) {
    const Dataset all = load_dataset(readable, options);
    // Checks within one file were reported with it; here only those that need several files.
    for (const TotalCheck& check : check_totals(all, gazetteer)) {
      const bool seen = std::any_of(report.files.begin(), report.files.end(), [&](const FileValidation& f) {
        return std::any_of(f.totals.begin(), f.totals.end(), [&](const TotalCheck& t) {
          return t.province == check.province && t.month == check.month && t.parts == check.parts &&
                 t.source == check.source;
        });
      });
      if (!seen) report.combined_totals.push_back(check);
    }
    for (const Revision& r : all.revisions) {
      report.revisions.push_back(
          {all.files[r.old_file].name, all.files[r.new_file].name, all.sources[r.key.source],
           std::string(gazetteer.province_name(r.key.province)), r.key.month,
           r.key.country == all_countries ? "" : country_name(all, gazetteer, r.key.country), r.key.chapter,
           r.old_cents, r.new_cents});
    }
  }
  return report;
}

}  // namespace kexport
