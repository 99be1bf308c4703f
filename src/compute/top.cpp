#include <fmt/format.h>
#include <algorithm>
#include <map>

#include "kexport/compute/analysis.hpp"
#include "kexport/model/error.hpp"
#include "province_timeline.hpp"
#include "resolve.hpp"

namespace kexport {

namespace {

// Per country (or sector), the sum over the window. Empty when a month of the window is missing,
// or when the province exported in a month whose rows have no split of the kind asked for (a
// total alone says nothing of its destinations); `unsplit` then names that month.
std::optional<std::map<int, Cents>> sums(const Dataset& data, const compute::ProvinceTimeline& timeline,
                                         Stream stream, ProvinceId province, TopBy by, Period from, Period to,
                                         std::optional<Period>& unsplit) {
  std::map<int, Cents> out;
  for (Period m = from; m <= to; m = m.plus_months(1)) {
    if (!timeline.knows(m)) return std::nullopt;
    bool split = false;
    if (by == TopBy::country) {
      for (const auto& [country, value] : compute::country_values(data, stream, province, m)) {
        out[country] = checked_add(out[country], value);
        split = true;
      }
    } else {
      for (const auto& [chapter, value] : compute::chapter_values(data, stream, province, m)) {
        out[chapter] = checked_add(out[chapter], value);
        split = true;
      }
    }
    if (!split && timeline.total(m).value_or(0) > 0) {
      unsplit = m;
      return std::nullopt;
    }
  }
  return out;
}

// A row for a destination or a sector of the data, as facts.
TopRow entry_of(const Dataset& data, TopBy by, int id) {
  TopRow row;
  if (by == TopBy::country)
    row.country = compute::place_of(data, static_cast<CountryId>(id));
  else
    row.sector = compute::sector_ref(data, static_cast<std::uint8_t>(id));
  return row;
}

using Sums = std::map<int, Cents>;

// The rows of the window with a figure, each against the year before where that is known; those
// that bought nothing then are new entries as well.
std::vector<TopRow> top_rows_of(const Dataset& data, TopBy by, const Sums& now,
                                const std::optional<Sums>& before, Top& top) {
  std::vector<TopRow> rows;
  for (const auto& [id, value] : now) {
    if (value <= 0) continue;
    TopRow row = entry_of(data, by, id);
    row.value = value;
    row.share_pct = share_pct(value, top.total);
    if (before) {
      const auto it = before->find(id);
      row.previous_value = it == before->end() ? 0 : it->second;
      row.change_pct = percent_change(row.value, row.previous_value);
      if (top.previous_total && *top.previous_total != 0)
        row.contribution_pp = share_pct(value - *row.previous_value, top.previous_total);
      if (*row.previous_value == 0) top.new_entries.push_back(row);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Those that bought a year before and nothing in the window.
std::vector<TopRow> lost_entries(const Dataset& data, TopBy by, const Sums& now, const Sums& before,
                                 const Top& top) {
  std::vector<TopRow> lost;
  for (const auto& [id, value] : before) {
    if (value <= 0) continue;
    const auto it = now.find(id);
    if (it != now.end() && it->second > 0) continue;
    TopRow row = entry_of(data, by, id);
    row.value = 0;
    // Bought nothing: none of the total, which is a figure, not an unknown.
    if (top.total && *top.total > 0) row.share_pct = 0.0;
    row.previous_value = value;
    row.change_pct = -100.0;
    if (top.previous_total && *top.previous_total != 0)
      row.contribution_pp = share_pct(-value, top.previous_total);
    lost.push_back(std::move(row));
  }
  return lost;
}

// Largest first, equal values by name (in Turkish, whatever the report's language): the order
// never depends on the input's.
void order_top(std::vector<TopRow>& rows, TopBy by, const Gazetteer& gazetteer) {
  const auto name = [&](const TopRow& r) {
    return by == TopBy::country ? sort_name(r.country, gazetteer) : sort_name(r.sector, gazetteer);
  };
  std::sort(rows.begin(), rows.end(), [&](const TopRow& a, const TopRow& b) {
    const Cents av = a.value != 0 ? a.value : a.previous_value.value_or(0);
    const Cents bv = b.value != 0 ? b.value : b.previous_value.value_or(0);
    return av != bv ? av > bv : name(a) < name(b);
  });
}

}  // namespace

Top compute_top(const Dataset& data, const Gazetteer& gazetteer, const TopQuery& query) {
  Top top;
  top.by = query.by;
  top.window = query.window;
  const ProvinceId province = query.province;
  top.province = province;
  const Stream stream = compute::resolve_stream(data, query.source, query.basis, query.flow);
  top.source = data.sources[stream.source];
  top.basis = data.bases[stream.source];
  top.flow = stream.flow;
  const compute::ProvinceTimeline timeline(data, stream, province);
  const Period month =
      compute::resolve_month(data, gazetteer, stream, province, timeline, query.month, top.passed_over);
  std::tie(top.from, top.to) = compute::window_span(query.window, month);

  if (auto gap = timeline.missing(top.from, top.to))
    throw Error(ExitCode::unavailable, fmt::format("{} – {} is not fully in the data ({} is missing)",
                                                   top.from.iso(), top.to.iso(), gap->first.iso()));
  top.total = timeline.window(top.from, top.to);
  const Period before_from = top.from.plus_months(-12), before_to = top.to.plus_months(-12);
  top.previous_total = timeline.window(before_from, before_to);
  if (auto gap = timeline.missing(before_from, before_to))
    top.gaps.push_back({Comparison::previous_year, Gap::Part::comparison, gap->first, gap->second});

  std::optional<Period> unsplit;
  const auto now = sums(data, timeline, stream, province, query.by, top.from, top.to, unsplit);
  if (!now)
    throw Error(
        ExitCode::unavailable,
        fmt::format("the data has no split of {}'s exports by {} in {}; it holds {}'s total for that "
                    "month only, so it cannot say which {} the exports went to",
                    gazetteer.province_name(top.province), query.by == TopBy::country ? "country" : "sector",
                    unsplit.value_or(top.to).iso(), gazetteer.province_name(top.province),
                    query.by == TopBy::country ? "countries" : "sectors"));
  std::optional<Period> unsplit_before;
  const auto before =
      sums(data, timeline, stream, province, query.by, before_from, before_to, unsplit_before);
  top.year_earlier_covered = before.has_value();

  Cents parts_sum = 0;
  for (const auto& [id, value] : *now) parts_sum = checked_add(parts_sum, value);
  if (top.total && parts_sum <= *top.total) top.unallocated = *top.total - parts_sum;
  if (top.total && parts_sum > *top.total)
    top.parts_over_total =
        PartsOverTotal{query.by == TopBy::country ? Breakdown::countries : Breakdown::sectors, top.from,
                       top.to, *top.total, parts_sum};
  std::vector<TopRow> rows = top_rows_of(data, query.by, *now, before, top);
  if (before) top.lost_entries = lost_entries(data, query.by, *now, *before, top);
  order_top(rows, query.by, gazetteer);
  order_top(top.new_entries, query.by, gazetteer);
  order_top(top.lost_entries, query.by, gazetteer);
  for (Period m = before_from; m <= top.to && !top.sample; m = m.plus_months(1))
    top.sample = data.sample_parts(stream, province, m);
  if (rows.size() > query.n) rows.resize(query.n);
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].rank = i + 1;
  top.rows = std::move(rows);
  top.vintage = data.latest_vintage(stream, top.from.plus_months(-12), top.to);
  return top;
}

}  // namespace kexport
