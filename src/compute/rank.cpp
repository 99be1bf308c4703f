#include <fmt/format.h>
#include <algorithm>

#include "kexport/compute/analysis.hpp"
#include "kexport/model/error.hpp"
#include "province_timeline.hpp"
#include "resolve.hpp"

namespace kexport {
namespace {

// Whether a month holds every province, of both flows where imports are asked for too.
struct Completeness {
  const Dataset& data;
  Stream stream;
  std::optional<Stream> imports;
  [[nodiscard]] bool of(Period m) const {
    return data.complete(stream, m) && (!imports || data.complete(*imports, m));
  }
  // The first and last month in [from, to] that does not hold them all, if any.
  [[nodiscard]] std::optional<std::pair<Period, Period>> gap(Period from, Period to) const {
    std::optional<std::pair<Period, Period>> span;
    for (Period m = from; m <= to; m = m.plus_months(1)) {
      if (of(m)) continue;
      if (!span) span = std::pair{m, m};
      span->second = m;
    }
    return span;
  }
};

const char* measure_name(RankBy by) {
  return by == RankBy::balance ? "balance" : "coverage";
}

// The month to rank: the one asked for, or the latest that is complete (of both flows, for the
// balance and the coverage).
Period rank_month(const Dataset& data, const RankQuery& query, const Completeness& complete,
                  Ranking& ranking) {
  Period month = compute::resolve_complete_month(data, complete.stream, query.month, ranking.passed_over);
  if (!complete.imports || query.month || complete.of(month)) return month;
  const Period exports_month = month;
  while (month > Period::from_index(data.coverage_base) && !complete.of(month)) month = month.plus_months(-1);
  if (!complete.of(month))
    throw Error(ExitCode::unavailable,
                fmt::format("no month of the data holds the imports of all {} provinces (the latest, {}, "
                            "holds {}), so it cannot rank them by {}",
                            province_count, exports_month.iso(),
                            data.provinces_known(*complete.imports, exports_month), measure_name(query.by)));
  if (!ranking.passed_over)
    ranking.passed_over =
        IncompleteMonth{exports_month, data.provinces_known(*complete.imports, exports_month)};
  return month;
}

// Each province's figures over the window and a year earlier, and its trade where imports are
// asked for; in plate order.
void rank_rows(const Dataset& data, const Completeness& complete, Period before_from, Period before_to,
               Ranking& ranking) {
  const compute::ProvinceTimeline turkey =
      compute::ProvinceTimeline::turkey(data, complete.stream, {}, ranking.turkey_made_of);
  ranking.turkey = turkey.window(ranking.from, ranking.to);
  for (ProvinceId p = 1; p <= province_count; ++p) {
    const compute::ProvinceTimeline timeline(data, complete.stream, p);
    RankRow row;
    row.province = p;
    ranking.sample = ranking.sample || timeline.sample_in(before_from, ranking.to);
    row.value = timeline.window(ranking.from, ranking.to);
    row.previous_value = timeline.window(before_from, before_to);
    row.change_pct = percent_change(row.value, row.previous_value);
    if (row.value) row.share_pct = share_pct(*row.value, ranking.turkey);
    if (complete.imports) {
      const compute::ProvinceTimeline imported(data, *complete.imports, p);
      ranking.sample = ranking.sample || imported.sample_in(ranking.from, ranking.to);
      RankRow::Trade t;
      t.imports = imported.window(ranking.from, ranking.to);
      Cents balance = 0;
      if (row.value && t.imports && !__builtin_sub_overflow(*row.value, *t.imports, &balance))
        t.balance = balance;
      if (row.value) t.coverage_pct = share_pct(*row.value, t.imports);
      row.trade = t;
    }
    ranking.rows.push_back(std::move(row));
  }
}

// The rank a year earlier (by value, equal values by plate code), then the rows in the order of
// the chosen measure: largest first, figures that cannot be computed last, equal figures by plate
// code (the rows are in plate order, and the sorts are stable).
void order_rows(RankBy by, std::vector<RankRow>& rows) {
  std::vector<const RankRow*> earlier;
  for (const RankRow& row : rows)
    if (row.previous_value) earlier.push_back(&row);
  std::stable_sort(earlier.begin(), earlier.end(), [](const RankRow* a, const RankRow* b) {
    return *a->previous_value > *b->previous_value;
  });
  std::vector<std::optional<std::size_t>> previous_rank(province_count + 1);
  for (std::size_t i = 0; i < earlier.size(); ++i) previous_rank[earlier[i]->province] = i + 1;
  for (RankRow& row : rows) row.previous_rank = previous_rank[row.province];

  const auto key = [&](const RankRow& row) -> std::optional<double> {
    if (by == RankBy::change) return row.change_pct;
    if (by == RankBy::coverage) return row.trade->coverage_pct;
    if (by == RankBy::balance)
      return row.trade->balance ? std::optional<double>(static_cast<double>(*row.trade->balance))
                                : std::nullopt;
    if (!row.value) return std::nullopt;
    return static_cast<double>(*row.value);
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const RankRow& a, const RankRow& b) {
    const auto ka = key(a), kb = key(b);
    if (ka && kb) return *ka > *kb;
    return ka.has_value() && !kb.has_value();
  });
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].rank = i + 1;
}

}  // namespace

Ranking compute_rank(const Dataset& data, const RankQuery& query) {
  Ranking ranking;
  ranking.by = query.by;
  ranking.window = query.window;
  // The balance and the coverage set exports against imports: both flows, whatever --flow says.
  const bool trade = query.by == RankBy::balance || query.by == RankBy::coverage;
  const Stream stream =
      compute::resolve_stream(data, query.source, query.basis, trade ? Flow::exports : query.flow);
  ranking.source = data.sources[stream.source];
  ranking.basis = data.bases[stream.source];
  ranking.flow = stream.flow;
  Completeness complete{data, stream, std::nullopt};
  if (trade) {
    complete.imports = Stream{stream.source, Flow::imports};
    if (!data.has(*complete.imports))
      throw Error(
          ExitCode::unavailable,
          fmt::format("the data holds no imports{}, so it cannot rank by {}; add a table of every "
                      "province's imports",
                      ranking.source.empty() ? "" : " from " + ranking.source, measure_name(query.by)));
  }
  const Period month = rank_month(data, query, complete, ranking);
  std::tie(ranking.from, ranking.to) = compute::window_span(query.window, month);
  ranking.highlight = query.province;
  const Period before_from = ranking.from.plus_months(-12), before_to = ranking.to.plus_months(-12);

  // Every month of the window must hold every province (of both flows, for the balance); a year
  // earlier may have gaps.
  if (auto gap = complete.gap(ranking.from, ranking.to)) {
    const bool exports_complete = data.complete(stream, gap->first);
    throw Error(
        ExitCode::unavailable,
        fmt::format("{} – {} is not complete: {} holds {} of the {} provinces{}; choose a month whose "
                    "window holds them all",
                    ranking.from.iso(), ranking.to.iso(), gap->first.iso(),
                    data.provinces_known(exports_complete ? *complete.imports : stream, gap->first),
                    province_count, exports_complete ? " for imports" : ""));
  }
  if (auto gap = complete.gap(before_from, before_to))
    ranking.gaps.push_back({Comparison::previous_year, Gap::Part::comparison, gap->first, gap->second});

  rank_rows(data, complete, before_from, before_to, ranking);
  // Ranked by change, there must be changes to rank: never 81 unknowns numbered in plate order.
  if (query.by == RankBy::change && std::none_of(ranking.rows.begin(), ranking.rows.end(),
                                                 [](const RankRow& r) { return r.change_pct.has_value(); }))
    throw Error(
        ExitCode::unavailable,
        fmt::format("no province's change on a year earlier can be computed for {} – {}: {} – {} is not in "
                    "the data (or is zero); rank by value instead",
                    ranking.from.iso(), ranking.to.iso(), before_from.iso(), before_to.iso()));
  order_rows(query.by, ranking.rows);
  ranking.vintage = data.latest_vintage(stream, ranking.from.plus_months(-12), ranking.to);
  if (complete.imports)
    ranking.vintage = std::max(
        ranking.vintage, data.latest_vintage(*complete.imports, ranking.from.plus_months(-12), ranking.to));
  return ranking;
}

}  // namespace kexport
