#include "kexport/compute/publication.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kexport/model/error.hpp"
#include "kexport/model/parallel.hpp"
#include "resolve.hpp"

namespace kexport {
namespace {

// The provinces asked for, each once, in plate order.
std::vector<ProvinceId> provinces_of(const std::vector<ProvinceId>& asked) {
  std::vector<ProvinceId> ids = asked;
  if (ids.empty())
    for (ProvinceId p = 1; p <= province_count; ++p) ids.push_back(p);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// "latest" for a set: the latest month that holds any of its provinces, so that every page of the
// set is of one month and the provinces it lacks are said to be missing.
Period publication_month(const Dataset& data, Stream stream, const std::vector<ProvinceId>& provinces,
                         const std::optional<Period>& wanted) {
  if (wanted) return *wanted;
  std::optional<Period> latest;
  for (const ProvinceId p : provinces)
    if (const auto last = data.last_known_month(stream, p); last && (!latest || *last > *latest))
      latest = last;
  if (!latest)
    throw Error(ExitCode::unavailable,
                provinces.size() == 1
                    ? fmt::format("the data holds no exports of province {:02}", provinces.front())
                    : "the data holds none of the provinces asked for");
  return *latest;
}

// A part of the answer the data may not hold: its value, or the reason it gives.
template <typename Answer, typename Compute>
std::optional<Answer> unless_unavailable(std::string& reason, Compute compute) {
  try {
    return compute();
  } catch (const Error& e) {
    if (e.code() != ExitCode::unavailable) throw;
    reason = e.what();
    return std::nullopt;
  }
}

NationalMonth national_month(const Dataset& data, const Gazetteer& gazetteer, const PublicationQuery& query,
                             Period month) {
  NationalMonth national;
  SummaryQuery turkey{national_total, month, query.top_n, query.source, query.basis};
  national.turkey = unless_unavailable<Summary>(national.turkey_missing,
                                                [&] { return compute_summary(data, gazetteer, turkey); });

  RankQuery rank;
  rank.month = month;
  rank.source = query.source;
  rank.basis = query.basis;
  national.ranking =
      unless_unavailable<Ranking>(national.ranking_missing, [&] { return compute_rank(data, rank); });
  if (!national.ranking) return national;
  national.month_counts = count_provinces(*national.ranking);
  rank.window = Window::rolling_12m;
  std::string rolling_missing;  // a year of complete months is more than a month: said by its absence
  if (auto rolling = unless_unavailable<Ranking>(rolling_missing, [&] { return compute_rank(data, rank); }))
    national.rolling_counts = count_provinces(*rolling);
  return national;
}

}  // namespace

ProvinceCounts count_provinces(const Ranking& ranking, std::size_t moves) {
  ProvinceCounts counts;
  counts.window = ranking.window;
  counts.from = ranking.from;
  counts.to = ranking.to;
  std::vector<ProvinceMove> compared;
  for (const RankRow& row : ranking.rows) {
    if (!row.value) continue;
    ++counts.provinces;
    if (*row.value > one_billion_dollars) ++counts.above_billion;
    if (!row.previous_value) continue;
    const ProvinceMove move{row.province, *row.value, *row.previous_value, *row.value - *row.previous_value,
                            row.change_pct};
    compared.push_back(move);
    if (move.change > 0) ++counts.increased;
    if (move.change < 0) ++counts.decreased;
  }
  counts.compared = compared.size();
  // The largest moves first, equal ones in plate order, so that the lists never depend on the
  // ranking's order.
  const auto largest = [&](std::vector<ProvinceMove>& list, int sign) {
    for (const ProvinceMove& m : compared)
      if ((sign > 0 && m.change > 0) || (sign < 0 && m.change < 0)) list.push_back(m);
    std::sort(list.begin(), list.end(), [sign](const ProvinceMove& a, const ProvinceMove& b) {
      return a.change != b.change ? (sign > 0 ? a.change > b.change : a.change < b.change)
                                  : a.province < b.province;
    });
    if (list.size() > moves) list.resize(moves);
  };
  largest(counts.largest_increases, +1);
  largest(counts.largest_decreases, -1);
  return counts;
}

Publication compute_publication(const Dataset& data, const Gazetteer& gazetteer,
                                const PublicationQuery& query) {
  const Stream stream = compute::resolve_stream(data, query.source, query.basis, Flow::exports);
  const std::vector<ProvinceId> provinces = provinces_of(query.provinces);
  Publication publication;
  publication.source = data.sources[stream.source];
  publication.basis = data.bases[stream.source];
  publication.month = publication_month(data, stream, provinces, query.month);
  publication.vintage = data.latest_vintage(stream, publication.month.plus_months(-23), publication.month);

  // Each province's summary on its own thread of work: they only read the data.
  std::vector<std::optional<Summary>> summaries(provinces.size());
  std::vector<std::string> reasons(provinces.size());
  for_each_parallel(provinces.size(), query.threads, [&](std::size_t i) {
    const SummaryQuery one{provinces[i], publication.month, query.top_n, query.source, query.basis};
    summaries[i] =
        unless_unavailable<Summary>(reasons[i], [&] { return compute_summary(data, gazetteer, one); });
  });
  for (std::size_t i = 0; i < provinces.size(); ++i) {
    if (summaries[i])
      publication.provinces.push_back(std::move(*summaries[i]));
    else
      publication.missing.push_back({provinces[i], std::move(reasons[i])});
  }
  if (publication.provinces.empty())
    throw Error(ExitCode::unavailable,
                provinces.size() == 1
                    ? publication.missing.front().reason
                    : fmt::format("none of the {} provinces asked for is in the data for {}",
                                  provinces.size(), publication.month.iso()));
  publication.national = national_month(data, gazetteer, query, publication.month);
  return publication;
}

}  // namespace kexport
