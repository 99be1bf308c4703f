#include "kexport/app/data_source.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kexport/model/error.hpp"

namespace kexport {

ProvinceId province_named(const std::string& name) {
  return resolve_province(Gazetteer::builtin(), name);
}

std::vector<ProvinceId> provinces_named(const std::vector<std::string>& names) {
  std::vector<ProvinceId> ids;
  for (const std::string& name : names) {
    const ProvinceId id = province_named(name);
    if (id == national_total)
      throw Error(ExitCode::usage, fmt::format("'{}' is Turkey as a whole, which every report's index page "
                                               "gives; name provinces, or all",
                                               name));
    ids.push_back(id);
  }
  return ids;
}

DataNeeds needs_of(const SummaryQuery& query) {
  return {query.province, false};
}

DataNeeds needs_of(const SeriesQuery& query) {
  // Turkey as a whole needs every province's totals; a slice of it (a country, a sector) needs
  // every record of the provinces.
  if (query.province == national_total) return {std::nullopt, !query.country && !query.chapter};
  return {query.province, false};
}

DataNeeds needs_of(const TopQuery& query) {
  return {query.province, false};
}

DataNeeds needs_of(const RankQuery&) {
  return {std::nullopt, true};
}

LoadedData load(const DataSource& source, const DataNeeds& needs) {
  LoadedData loaded;
  // The directories are listed once: the cache's identity of the inputs and the reading both take
  // the files from this listing.
  const InputListing listed = list_inputs(source.paths);
  loaded.passed_over = listed.passed_over;
  LoadOptions options = source.options;
  options.focus_province = needs.province;
  options.totals_only = needs.totals_only;
  if (source.cache) {
    CachedLoad cached = load_through_cache(source.paths, listed, options, *source.cache);
    loaded.cache_note = std::move(cached.note);
    loaded.data = std::move(cached.data);
  } else {
    loaded.data = load_dataset(read_listed(listed), options);
  }
  // Every command says when figures read as dollars look like thousands, not only validate.
  if (std::any_of(loaded.data.files.begin(), loaded.data.files.end(),
                  [](const LoadedFile& f) { return f.unit_assumed; }))
    loaded.unit_doubt = doubt_unit(loaded.data);
  return loaded;
}

}  // namespace kexport
