#include "kexport/summary.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kexport/error.hpp"
#include "province_timeline.hpp"
#include "resolve.hpp"

namespace kexport {

MaybePercent percent_change(MaybeCents current, MaybeCents base) {
  if (!current || !base || *base == 0) return std::nullopt;
  // The difference is exact in integers; only the division is floating point.
  Cents difference = 0;
  if (__builtin_sub_overflow(*current, *base, &difference))
    return static_cast<double>((static_cast<long double>(*current) - static_cast<long double>(*base)) /
                               static_cast<long double>(*base) * 100.0L);
  return static_cast<double>(static_cast<long double>(difference) / static_cast<long double>(*base) * 100.0L);
}

MaybePercent share_pct(Cents part, MaybeCents whole) {
  if (!whole || *whole == 0) return std::nullopt;
  return static_cast<double>(static_cast<long double>(part) / static_cast<long double>(*whole) * 100.0L);
}

std::string SectorRef::name(const Gazetteer& g, Language language) const {
  return chapter == 0 ? g.sector_name(written, language) : g.chapter_name(chapter, language);
}

std::string sort_name(const Place& place, const Gazetteer& g) {
  return place.name(g, Language::tr);
}

std::string sort_name(const SectorRef& sector, const Gazetteer& g) {
  // A sector the data names sorts by the name as written: looking it up in the gazetteer's list
  // of TİM sectors for every comparison would cost more than the sort.
  return sector.chapter == 0 ? sector.written : g.chapter_name(sector.chapter, Language::tr);
}

namespace {

// The value of one country (or sector) a year earlier: 0 when it bought nothing then, empty when
// that month is not in the data.
template <typename Values, typename Id, typename Member>
MaybeCents year_earlier(const Values& before, Id id, bool covered, Member member) {
  if (!covered) return std::nullopt;
  for (const auto& entry : before)
    if (entry.*member == id) return entry.value;
  return Cents{0};
}

// The province's rank among the 81 and its share of Turkey (of the national total row, else of
// the 81's sum), in a month that is complete (every province known). A month that is not says
// nothing of where the province stands: empty.
std::optional<Standing> standing_of(const Dataset& data, SourceId source, ProvinceId province, Period month,
                                    MaybeCents value) {
  if (province == national_total || !value) return std::nullopt;
  std::string basis;
  const MaybeCents turkey = compute::ProvinceTimeline::turkey(data, source, {}, basis).total(month);
  const bool complete = data.complete(source, month);
  if (!complete && !turkey) return std::nullopt;
  Standing standing;
  standing.national_total_row = basis == "national_total";
  standing.share_of_turkey = share_pct(*value, turkey);
  if (complete) {
    std::size_t larger = 0;
    for (ProvinceId p = 1; p <= province_count; ++p)
      if (compute::ProvinceTimeline(data, source, p).total(month).value_or(0) > *value) ++larger;
    standing.rank = larger + 1;
    standing.provinces = province_count;
  }
  return standing;
}

std::vector<SectorShare> top_sectors(const Dataset& data, const Gazetteer& gazetteer, SourceId source,
                                     const Summary& summary, bool year_earlier_covered, std::size_t limit) {
  const auto now = compute::chapter_values(data, source, summary.province, summary.period);
  const auto before = compute::chapter_values(data, source, summary.province, summary.previous_year.period);
  std::vector<SectorShare> sectors;
  for (const auto& [chapter, value] : now) {
    if (value <= 0) continue;
    SectorShare sector;
    sector.sector = compute::sector_ref(data, chapter);
    sector.value = value;
    sector.share_pct = share_pct(value, summary.value);
    sector.change_pct = percent_change(
        value, year_earlier(before, chapter, year_earlier_covered, &compute::ChapterValue::chapter));
    sectors.push_back(std::move(sector));
  }
  // Largest first; equal values by name (in Turkish, whatever the report's language).
  std::sort(sectors.begin(), sectors.end(), [&](const SectorShare& a, const SectorShare& b) {
    return a.value != b.value ? a.value > b.value
                              : sort_name(a.sector, gazetteer) < sort_name(b.sector, gazetteer);
  });
  if (sectors.size() > limit) sectors.resize(limit);
  return sectors;
}

}  // namespace

Summary compute_summary(const Dataset& data, const Gazetteer& gazetteer, const SummaryQuery& query) {
  Summary summary;
  summary.province = compute::resolve_province(gazetteer, query.province);
  const SourceId source = compute::resolve_source(data, query.source);
  summary.source = data.sources[source];
  std::string turkey_basis;
  const compute::ProvinceTimeline timeline =
      summary.province == national_total ? compute::ProvinceTimeline::turkey(data, source, {}, turkey_basis)
                                         : compute::ProvinceTimeline(data, source, summary.province);
  summary.period = compute::resolve_month(data, gazetteer, source, summary.province, timeline, query.month,
                                          summary.passed_over);
  const Period month = summary.period;
  // A window's own months missing leave the figure out; only when it is there does a gap in what
  // it is compared with need saying.
  const auto note_gap = [&](const char* figure, Gap::Part part, Period from, Period to) {
    if (auto span = timeline.missing(from, to))
      summary.gaps.push_back({figure, part, span->first, span->second});
  };

  summary.value = timeline.total(month);

  summary.previous_month.period = month.plus_months(-1);
  summary.previous_month.value = timeline.total(summary.previous_month.period);
  summary.previous_month.change_pct = percent_change(summary.value, summary.previous_month.value);
  note_gap("previous_month", Gap::Part::comparison, summary.previous_month.period,
           summary.previous_month.period);

  summary.previous_year.period = month.plus_months(-12);
  summary.previous_year.value = timeline.total(summary.previous_year.period);
  summary.previous_year.change_pct = percent_change(summary.value, summary.previous_year.value);
  note_gap("previous_year", Gap::Part::comparison, summary.previous_year.period,
           summary.previous_year.period);

  const auto compare_window = [&](WindowComparison& w, const char* figure, Period from) {
    w.from = from;
    w.to = month;
    w.value = timeline.window(from, month);
    w.previous_value = timeline.window(from.plus_months(-12), month.plus_months(-12));
    w.change_pct = percent_change(w.value, w.previous_value);
    if (timeline.missing(from, month))
      note_gap(figure, Gap::Part::value, from, month);
    else
      note_gap(figure, Gap::Part::comparison, from.plus_months(-12), month.plus_months(-12));
  };
  compare_window(summary.rolling_12m, "rolling_12m", month.plus_months(-11));
  compare_window(summary.year_to_date, "year_to_date", month.january());

  // Destinations this month and a year earlier.
  const auto now = compute::country_values(data, source, summary.province, month);
  const bool year_earlier_covered = timeline.knows(summary.previous_year.period);
  const auto before = compute::country_values(data, source, summary.province, summary.previous_year.period);
  std::vector<Destination> destinations;
  Cents countries_sum = 0;
  for (const auto& [country, value] : now) countries_sum = checked_add(countries_sum, value);
  if (summary.value && countries_sum > *summary.value)
    summary.parts_over_total.push_back({"countries", month, month, *summary.value, countries_sum});
  for (const auto& [country, value] : now) {
    if (value <= 0) continue;
    Destination d;
    d.country = compute::place_of(data, country);
    d.value = value;
    d.share_pct = share_pct(value, summary.value);
    d.change_pct = percent_change(
        value, year_earlier(before, country, year_earlier_covered, &compute::CountryValue::country));
    destinations.push_back(std::move(d));
  }
  // A province with exports but no country rows this month has no breakdown, which is not zero.
  if (!destinations.empty() || summary.value.value_or(0) == 0) summary.countries = destinations.size();

  // Largest first; equal values by name (in Turkish, whatever the report's language), so that the
  // order never depends on the input's.
  std::sort(destinations.begin(), destinations.end(), [&](const Destination& a, const Destination& b) {
    if (a.value != b.value) return a.value > b.value;
    return sort_name(a.country, gazetteer) < sort_name(b.country, gazetteer);
  });
  if (destinations.size() > query.top_n) destinations.resize(query.top_n);
  for (std::size_t i = 0; i < destinations.size(); ++i) destinations[i].rank = i + 1;
  summary.top_destinations = std::move(destinations);

  for (Period m = month.plus_months(-12); m <= month; m = m.plus_months(1))
    summary.trend.push_back({m, timeline.total(m), timeline.total(m.plus_months(-12))});
  summary.standing = standing_of(data, source, summary.province, month, summary.value);

  // What rests on made-up figures: the months the comparisons reach back to, the parts of the
  // month and of a year earlier, and, for the standing, every province's month.
  summary.sample.value = timeline.sample_in(month.plus_months(-23), month);
  const bool parts_sample = data.sample_parts(source, summary.province, month) ||
                            data.sample_parts(source, summary.province, summary.previous_year.period);
  summary.sample.destinations = parts_sample && !summary.top_destinations.empty();
  if (summary.standing) {
    std::string basis;
    summary.sample.standing =
        compute::ProvinceTimeline::turkey(data, source, {}, basis).sample_in(month, month);
    for (ProvinceId p = 1; p <= province_count && !summary.sample.standing; ++p)
      summary.sample.standing = data.sample_total(source, p, month);
  }
  summary.top_sectors =
      top_sectors(data, gazetteer, source, summary, year_earlier_covered, query.top_sectors);
  summary.sample.sectors = parts_sample && !summary.top_sectors.empty();
  Cents sectors_sum = 0;
  for (const auto& [chapter, value] : compute::chapter_values(data, source, summary.province, month))
    sectors_sum = checked_add(sectors_sum, value);
  if (summary.value && sectors_sum > *summary.value)
    summary.parts_over_total.push_back({"sectors", month, month, *summary.value, sectors_sum});
  return summary;
}

}  // namespace kexport
