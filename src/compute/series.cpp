#include <fmt/format.h>

#include "kexport/compute/analysis.hpp"
#include "kexport/model/error.hpp"
#include "province_timeline.hpp"
#include "resolve.hpp"

namespace kexport {

Series compute_series(const Dataset& data, const Gazetteer& gazetteer, const SeriesQuery& query) {
  Series series;
  const Stream stream = compute::resolve_stream(data, query.source, query.basis, query.flow);
  series.source = data.sources[stream.source];
  series.basis = data.bases[stream.source];
  series.flow = stream.flow;

  compute::Slice slice;
  if (query.country) {
    const auto id = compute::resolve_country(data, gazetteer, *query.country);
    // A known country the data never names: no id, so a slice that matches no row (exported 0).
    slice.country = id.value_or(static_cast<CountryId>(0xFFFF));
    series.country =
        id ? compute::place_of(data, *id) : Place{*query.country, gazetteer.find_country(*query.country)};
  }
  if (query.chapter) {
    slice.chapter = compute::resolve_chapter(data, gazetteer, *query.chapter);
    series.sector = compute::sector_ref(data, *slice.chapter);
  }

  std::optional<compute::ProvinceTimeline> timeline;
  const ProvinceId province = query.province;
  series.province = province;
  if (province == national_total) {
    TurkeyMadeOf made_of = TurkeyMadeOf::national_total_rows;
    timeline.emplace(compute::ProvinceTimeline::turkey(data, stream, slice, made_of));
    series.turkey_made_of = made_of;
  } else {
    timeline.emplace(data, stream, province, slice);
  }
  compute::require_known(data, gazetteer, stream, province, *timeline);

  const auto first = data.first_month(stream), last = data.last_month(stream);
  if (!first || !last) throw Error(ExitCode::unavailable, "the data holds no records");
  const Period from =
      query.from_latest ? timeline->last_known().value_or(*last) : query.from.value_or(*first);
  const Period to = query.to.value_or(*last);
  series.from = from;
  series.to = to;
  if (from > to)
    throw Error(ExitCode::usage, fmt::format("--from {} is after --to {}", from.iso(), to.iso()));
  if (to < *first || from > *last)
    throw Error(ExitCode::unavailable, fmt::format("{} to {} is outside the data, which covers {} to {}",
                                                   from.iso(), to.iso(), first->iso(), last->iso()));

  // A slice the data never splits out: refused, not a column of unknowns.
  if (query.country || query.chapter) {
    bool any_split = false, any_known = false;
    for (Period m = from; m <= to && !any_split; m = m.plus_months(1)) {
      any_known = any_known || timeline->knows(m);
      any_split = timeline->total(m).has_value();
    }
    if (any_known && !any_split)
      throw Error(
          ExitCode::unavailable,
          fmt::format("the data has no split of {}'s exports by {} from {} to {}; it holds totals only, "
                      "so it cannot give the exports {}",
                      gazetteer.province_name(province), query.country ? "country" : "sector", from.iso(),
                      to.iso(), query.country ? "to one country" : "of one sector"));
  }
  for (Period m = from; m <= to; m = m.plus_months(1)) {
    SeriesRow row;
    row.period = m;
    row.covered = timeline->knows(m);
    row.value = timeline->total(m);
    row.change_previous_month = percent_change(row.value, timeline->total(m.plus_months(-1)));
    row.change_previous_year = percent_change(row.value, timeline->total(m.plus_months(-12)));
    row.rolling_12m = timeline->window(m.plus_months(-11), m);
    row.rolling_12m_change =
        percent_change(row.rolling_12m, timeline->window(m.plus_months(-23), m.plus_months(-12)));
    row.year_to_date = timeline->window(m.january(), m);
    row.year_to_date_change =
        percent_change(row.year_to_date, timeline->window(m.january().plus_months(-12), m.plus_months(-12)));
    series.rows.push_back(row);
  }
  series.sample = timeline->sample_in(from.plus_months(-23), to);
  series.vintage = data.latest_vintage(stream, series.from, series.to);
  return series;
}

}  // namespace kexport
