#include "kexport/compute/revisions.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "resolve.hpp"

namespace kexport {
namespace {

// The pair of releases to compare: as asked, else the latest that changed a figure of the stream
// and the latest before it that gave one of those figures.
std::pair<Vintage, Vintage> releases_of(const Dataset& data, const std::vector<const Revision*>& revised,
                                        const RevisionsQuery& query) {
  const auto vintage_of = [&](std::uint32_t file) { return data.files[file].vintage; };
  Vintage newer = unknown_vintage;
  if (query.new_release) {
    newer = *query.new_release;
  } else {
    for (const Revision* r : revised) newer = std::max(newer, vintage_of(r->new_file));
  }
  Vintage older = unknown_vintage;
  if (query.old_release) {
    older = *query.old_release;
  } else {
    for (const Revision* r : revised)
      if (vintage_of(r->new_file) == newer) older = std::max(older, vintage_of(r->old_file));
  }
  return {older, newer};
}

}  // namespace

Revisions compute_revisions(const Dataset& data, const RevisionsQuery& query) {
  const Stream stream = compute::resolve_stream(data, query.source, query.basis, query.flow);
  Revisions answer;
  answer.source = data.sources[stream.source];
  answer.basis = data.bases[stream.source];
  answer.flow = stream.flow;
  std::vector<const Revision*> revised;
  for (const Revision& r : data.revisions)
    if (r.key.stream() == stream) revised.push_back(&r);
  answer.releases_found = !revised.empty();
  std::tie(answer.old_release, answer.new_release) = releases_of(data, revised, query);

  for (const Revision* r : revised) {
    if (data.files[r->old_file].vintage != answer.old_release ||
        data.files[r->new_file].vintage != answer.new_release)
      continue;
    if (query.province && r->key.province != *query.province) continue;
    if (query.month && r->key.month != *query.month) continue;
    RevisionRow row;
    row.province = r->key.province;
    row.month = r->key.month;
    if (r->key.country != all_countries) row.country = compute::place_of(data, r->key.country);
    if (r->key.chapter != all_chapters) row.sector = compute::sector_ref(data, r->key.chapter);
    row.old_value = r->old_cents;
    row.new_value = r->new_cents;
    row.difference = r->new_cents - r->old_cents;
    row.change_pct = percent_change(r->new_cents, r->old_cents);
    row.old_file = data.files[r->old_file].name;
    row.new_file = data.files[r->new_file].name;
    answer.rows.push_back(std::move(row));
  }
  // The largest change first; then by province, month, destination and sector, as the data keys
  // them, so that the order never depends on the files'.
  std::stable_sort(answer.rows.begin(), answer.rows.end(), [](const RevisionRow& a, const RevisionRow& b) {
    const Cents da = a.difference < 0 ? -a.difference : a.difference;
    const Cents db = b.difference < 0 ? -b.difference : b.difference;
    return da > db;
  });
  return answer;
}

}  // namespace kexport
