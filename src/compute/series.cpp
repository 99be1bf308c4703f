#include <fmt/format.h>

#include "kexport/analysis.hpp"
#include "kexport/error.hpp"
#include "province_timeline.hpp"
#include "resolve.hpp"

namespace kexport {

Series compute_series(const Dataset& data, const Gazetteer& gazetteer, const SeriesQuery& query,
                      Language names) {
  Series series;
  const SourceId source = compute::resolve_source(data, query.source);
  series.source = data.sources[source];

  compute::Slice slice;
  std::string slice_name;
  if (query.country) {
    const auto id = compute::resolve_country(data, gazetteer, *query.country);
    // A known country the data never names: no id, so a slice that matches no row (exported 0).
    slice.country = id.value_or(static_cast<CountryId>(0xFFFF));
    const auto known = gazetteer.find_country(*query.country);
    series.country = known ? gazetteer.country_name(*known, names) : data.countries[*id].written;
    if (known) series.country_code = gazetteer.countries()[*known].code;
    slice_name = *series.country;
  }
  if (query.chapter) {
    slice.chapter = compute::resolve_chapter(data, gazetteer, *query.chapter);
    if (*slice.chapter >= Dataset::first_sector_code) {
      series.sector = gazetteer.sector_name(data.sectors[*slice.chapter - Dataset::first_sector_code], names);
    } else {
      series.chapter = *slice.chapter;
      const Chapter* known = gazetteer.find_chapter(*slice.chapter);
      series.sector = known ? (names == Language::tr ? known->name_tr : known->name_en)
                            : fmt::format("{:02}", *slice.chapter);
    }
    slice_name = slice_name.empty() ? *series.sector : slice_name + " · " + *series.sector;
  }

  std::optional<compute::ProvinceTimeline> timeline;
  const ProvinceId province =
      query.province ? compute::resolve_province(gazetteer, *query.province) : national_total;
  series.province = province;
  series.province_name = std::string(gazetteer.province_name(province));
  series.subject = series.province_name;
  if (province == national_total)
    timeline.emplace(compute::ProvinceTimeline::turkey(data, source, slice, series.turkey_basis));
  else
    timeline.emplace(data, source, province, slice);
  compute::require_known(data, gazetteer, source, province, *timeline);
  if (!slice_name.empty()) series.subject += " → " + slice_name;

  const auto first = data.first_month(source), last = data.last_month(source);
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
  return series;
}

}  // namespace kexport
