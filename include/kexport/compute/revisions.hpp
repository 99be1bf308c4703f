// What a release changed: every figure of one source and basis that two releases give differently,
// old and new, largest change first. "Last month we said X; now the figure is Y."
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kexport/compute/summary.hpp"
#include "kexport/model/dataset.hpp"

namespace kexport {

struct RevisionsQuery {
  std::optional<ProvinceId> province;  // every province when empty (national_total: Türkiye)
  std::optional<Period> month;         // every month when empty
  // The two releases. Default: the latest release that changed a figure, and the latest release
  // before it that gave one of those figures.
  std::optional<Vintage> old_release;
  std::optional<Vintage> new_release;
  std::optional<std::string> source;
  std::optional<Basis> basis;  // required when the data holds the source on several bases
  Flow flow = Flow::exports;
};

struct RevisionRow {
  ProvinceId province = national_total;
  Period month;
  std::optional<Place> country;     // for a destination's figure; none for the province's total
  std::optional<SectorRef> sector;  // for a sector's figure
  Cents old_value = 0;
  Cents new_value = 0;
  Cents difference = 0;     // new - old
  MaybePercent change_pct;  // of the old figure; none when it was 0
  std::string old_file, new_file;
};

struct Revisions {
  std::string source;
  Basis basis = Basis::unstated;
  Flow flow = Flow::exports;
  Vintage old_release = unknown_vintage;  // unknown: files that give no date (the later read revises)
  Vintage new_release = unknown_vintage;
  bool releases_found = false;  // whether any release changed any figure of the source at all
  std::vector<RevisionRow> rows;
};

// Error(usage) for an ambiguous source or basis; an answer without rows when nothing was revised.
Revisions compute_revisions(const Dataset& data, const RevisionsQuery& query);

}  // namespace kexport
