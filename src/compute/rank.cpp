#include <fmt/format.h>
#include <algorithm>

#include "kexport/analysis.hpp"
#include "kexport/error.hpp"
#include "province_timeline.hpp"
#include "resolve.hpp"

namespace kexport {
Ranking compute_rank(const Dataset& data, const Gazetteer& gazetteer, const RankQuery& query) {
  Ranking ranking;
  ranking.by = query.by;
  ranking.window = query.window;
  const SourceId source = compute::resolve_source(data, query.source);
  ranking.source = data.sources[source];
  const Period month = compute::resolve_month(data, source, query.month);
  std::tie(ranking.from, ranking.to) = compute::window_span(query.window, month);
  if (query.province) ranking.highlight = compute::resolve_province(gazetteer, *query.province);
  const Period before_from = ranking.from.plus_months(-12), before_to = ranking.to.plus_months(-12);

  const compute::ProvinceTimeline turkey =
      compute::ProvinceTimeline::turkey(data, source, {}, ranking.turkey_basis);
  if (auto gap = turkey.missing(ranking.from, ranking.to))
    throw Error(ExitCode::unavailable, fmt::format("{} – {} is not fully in the data ({} is missing)",
                                                   ranking.from.iso(), ranking.to.iso(), gap->first.iso()));
  if (auto gap = turkey.missing(before_from, before_to))
    ranking.gaps.push_back({"previous_year", gap->first, gap->second});
  ranking.turkey = turkey.window(ranking.from, ranking.to);

  for (ProvinceId p = 1; p <= 81; ++p) {
    const auto [begin, end] = data.rows_of(source, p);
    if (begin == end) continue;
    const compute::ProvinceTimeline timeline(data, source, p);
    RankRow row;
    row.province = p;
    row.name = std::string(gazetteer.province_name(p));
    row.value = timeline.window(ranking.from, ranking.to);
    row.previous_value = timeline.window(before_from, before_to);
    row.change_pct = percent_change(row.value, row.previous_value);
    if (row.value && ranking.turkey && *ranking.turkey != 0)
      row.share_pct = static_cast<double>(static_cast<long double>(*row.value) /
                                          static_cast<long double>(*ranking.turkey) * 100.0L);
    ranking.rows.push_back(std::move(row));
  }

  // The rank a year earlier, by value; equal values by plate code.
  std::vector<const RankRow*> earlier;
  for (const RankRow& row : ranking.rows)
    if (row.previous_value) earlier.push_back(&row);
  std::stable_sort(earlier.begin(), earlier.end(), [](const RankRow* a, const RankRow* b) {
    return *a->previous_value > *b->previous_value;
  });
  std::vector<std::optional<std::size_t>> previous_rank(82);
  for (std::size_t i = 0; i < earlier.size(); ++i) previous_rank[earlier[i]->province] = i + 1;
  for (RankRow& row : ranking.rows) row.previous_rank = previous_rank[row.province];

  // Largest first by the chosen measure; figures that cannot be computed last; equal figures by
  // plate code (the rows are in plate-code order, and the sort is stable).
  const auto key = [&](const RankRow& row) -> std::optional<double> {
    if (query.by == RankBy::change) return row.change_pct;
    if (!row.value) return std::nullopt;
    return static_cast<double>(*row.value);
  };
  std::stable_sort(ranking.rows.begin(), ranking.rows.end(), [&](const RankRow& a, const RankRow& b) {
    const auto ka = key(a), kb = key(b);
    if (ka && kb) return *ka > *kb;
    return ka.has_value() && !kb.has_value();
  });
  for (std::size_t i = 0; i < ranking.rows.size(); ++i) ranking.rows[i].rank = i + 1;
  return ranking;
}

}  // namespace kexport
