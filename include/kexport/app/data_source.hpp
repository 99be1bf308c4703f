// Loading what a question needs: the rule of which records a question keeps (everything, one
// province's records and the others' monthly totals, or totals only) lives here, once, beside the
// questions, and the cache is used when it can be.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kexport/app/cache.hpp"
#include "kexport/compute/analysis.hpp"
#include "kexport/compute/province_names.hpp"
#include "kexport/compute/summary.hpp"
#include "kexport/compute/validate.hpp"
#include "kexport/input/load.hpp"
#include "kexport/model/dataset.hpp"

namespace kexport {

// What a question needs of the data.
struct DataNeeds {
  // A question about one province: its records, and only the monthly totals of the others.
  std::optional<ProvinceId> province;
  // A question about provinces' totals only (rank, Turkey's series).
  bool totals_only = false;
};
DataNeeds needs_of(const SummaryQuery& query);
DataNeeds needs_of(const SeriesQuery& query);
DataNeeds needs_of(const TopQuery& query);
DataNeeds needs_of(const RankQuery& query);
// The lists and validate read everything.
inline DataNeeds everything() {
  return {};
}

// A province as the command line names it ("Kayseri", "38", "Türkiye"), resolved once for the
// whole run, before anything is loaded. Error(usage) with "did you mean" when unknown.
ProvinceId province_named(const std::string& name);
// The provinces a report is asked for, by name or plate code: never Türkiye, whose page every
// report has. Error(usage) otherwise.
std::vector<ProvinceId> provinces_named(const std::vector<std::string>& names);

// Where the data is and how to read it.
struct DataSource {
  std::vector<std::string> paths;      // files or directories, "-" for standard input
  LoadOptions options;                 // as the command line sets them
  std::optional<CacheSettings> cache;  // none: --no-cache, or no cache directory
};

// The data a question needs, and what the user should hear about loading it.
struct LoadedData {
  Dataset data;
  std::string cache_note;               // a damaged image replaced, an unsafe directory, …
  std::vector<PassedOver> passed_over;  // directory entries that were not read
  // Where files that state no unit were read as dollars and their figures look like thousands.
  std::optional<FileValidation::UnitDoubt> unit_doubt;
};
LoadedData load(const DataSource& source, const DataNeeds& needs);

}  // namespace kexport
