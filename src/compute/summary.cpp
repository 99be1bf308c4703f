#include "kexport/compute/summary.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kexport/model/error.hpp"
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

std::optional<double> dollars_per_kilogram(MaybeCents cents, MaybeCents grams) {
  if (!cents || !grams || *grams == 0) return std::nullopt;
  // (cents / 100) dollars over (grams / 1000) kilograms.
  return static_cast<double>(static_cast<long double>(*cents) * 10.0L / static_cast<long double>(*grams));
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
std::optional<Standing> standing_of(const compute::MonthOfProvinces& all, MaybeCents value) {
  if (!value || (!all.complete && !all.turkey)) return std::nullopt;
  Standing standing;
  standing.national_total_row = all.turkey_made_of == TurkeyMadeOf::national_total_rows;
  standing.share_of_turkey = share_pct(*value, all.turkey);
  if (all.complete) {
    std::size_t larger = 0;
    for (ProvinceId p = 1; p <= province_count; ++p)
      if (all.totals[p].value_or(0) > *value) ++larger;
    standing.rank = larger + 1;
    standing.provinces = province_count;
  }
  return standing;
}

std::vector<SectorShare> top_sectors(const Dataset& data, const Gazetteer& gazetteer, Stream stream,
                                     const Summary& summary, bool year_earlier_covered, std::size_t limit) {
  const auto now = compute::chapter_values(data, stream, summary.province, summary.period);
  const auto before = compute::chapter_values(data, stream, summary.province, summary.previous_year.period);
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

namespace {

// A province's figures month by month, or Turkey's.
compute::ProvinceTimeline timeline_of(const Dataset& data, Stream stream, ProvinceId province) {
  TurkeyMadeOf made_of{};  // a summary of Türkiye says nothing of it
  return province == national_total ? compute::ProvinceTimeline::turkey(data, stream, {}, made_of)
                                    : compute::ProvinceTimeline(data, stream, province);
}

// The 13 months ending at the report month, each beside the same month a year earlier.
std::vector<MonthPoint> trend_of(const compute::ProvinceTimeline& timeline, Period month) {
  std::vector<MonthPoint> trend;
  for (Period m = month.plus_months(-12); m <= month; m = m.plus_months(1))
    trend.push_back({m, timeline.total(m), timeline.total(m.plus_months(-12))});
  return trend;
}

// A flow's month against the calendar's comparison periods, with the gaps that leave a figure or
// its comparison out.
void compare(const compute::ProvinceTimeline& timeline, Period month, Flow flow, FlowFigures& c,
             std::vector<Gap>& gaps) {
  // A window's own months missing leave the figure out; only when it is there does a gap in what
  // it is compared with need saying.
  const auto note_gap = [&](Comparison figure, Gap::Part part, Period from, Period to) {
    if (auto span = timeline.missing(from, to))
      gaps.push_back({figure, part, span->first, span->second, flow});
  };
  c.value = timeline.total(month);
  const auto compare_month = [&](MonthComparison& m, Comparison figure, Period period) {
    m.period = period;
    m.value = timeline.total(period);
    m.change_pct = percent_change(c.value, m.value);
    note_gap(figure, Gap::Part::comparison, period, period);
  };
  compare_month(c.previous_month, Comparison::previous_month, month.plus_months(-1));
  compare_month(c.previous_year, Comparison::previous_year, month.plus_months(-12));
  const auto compare_window = [&](WindowComparison& w, Comparison figure, Period from) {
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
  compare_window(c.rolling_12m, Comparison::rolling_12m, month.plus_months(-11));
  compare_window(c.year_to_date, Comparison::year_to_date, month.january());
}

// What the comparison month's total was before the latest release in the data revised it; none
// when no file gave it differently, or when the figure is not a total row of its own (a sum of
// parts is revised part by part).
std::optional<Revised> revised_since(const Dataset& data, Stream stream, ProvinceId province,
                                     const MonthComparison& m) {
  if (!m.value) return std::nullopt;
  const std::uint64_t key =
      RecordKey{stream.source, stream.flow, province, m.period, all_countries, all_chapters, Measure::value}
          .packed();
  std::optional<Revised> found;
  // Revisions come in release order: the last one into the figure is the release before it.
  for (const Revision& r : data.revisions)
    if (r.key.packed() == key && r.new_cents == *m.value)
      found = Revised{r.old_cents, data.files[r.old_file].vintage};
  return found;
}

// The countries of a flow in the month, largest first, with their shares of `total` and their
// change on a year earlier. `countries` is left empty when the province traded that way but its
// rows say nothing of countries (which is not zero); `sum` is what the countries add up to.
std::vector<Destination> countries_of(const Dataset& data, const Gazetteer& gazetteer, Stream stream,
                                      ProvinceId province, Period month, MaybeCents total,
                                      bool year_earlier_covered, std::size_t limit,
                                      std::optional<std::size_t>& countries, Cents& sum) {
  const auto now = compute::country_values(data, stream, province, month);
  const auto before = compute::country_values(data, stream, province, month.plus_months(-12));
  std::vector<Destination> list;
  sum = 0;
  for (const auto& [country, value] : now) sum = checked_add(sum, value);
  for (const auto& [country, value] : now) {
    if (value <= 0) continue;
    Destination d;
    d.country = compute::place_of(data, country);
    d.value = value;
    d.share_pct = share_pct(value, total);
    d.change_pct = percent_change(
        value, year_earlier(before, country, year_earlier_covered, &compute::CountryValue::country));
    list.push_back(std::move(d));
  }
  // A province with trade but no country rows this month has no breakdown, which is not zero;
  // nor does a month whose figure is unknown.
  if (total && (!list.empty() || *total == 0)) countries = list.size();
  // Largest first; equal values by name (in Turkish, whatever the report's language), so that the
  // order never depends on the input's.
  std::sort(list.begin(), list.end(), [&](const Destination& a, const Destination& b) {
    if (a.value != b.value) return a.value > b.value;
    return sort_name(a.country, gazetteer) < sort_name(b.country, gazetteer);
  });
  if (list.size() > limit) list.resize(limit);
  for (std::size_t i = 0; i < list.size(); ++i) list[i].rank = i + 1;
  return list;
}

// The balance and the coverage ratio of a span from the two flows' sums over it.
TradeBalance balance_of(Period from, Period to, MaybeCents exports, MaybeCents imports,
                        MaybeCents previous_exports, MaybeCents previous_imports) {
  const auto difference = [](MaybeCents a, MaybeCents b) -> MaybeCents {
    Cents d = 0;
    if (!a || !b || __builtin_sub_overflow(*a, *b, &d)) return std::nullopt;
    return d;
  };
  TradeBalance t;
  t.from = from;
  t.to = to;
  t.balance = difference(exports, imports);
  t.previous_balance = difference(previous_exports, previous_imports);
  t.balance_change = difference(t.balance, t.previous_balance);
  if (exports) t.coverage_pct = share_pct(*exports, imports);
  if (previous_exports) t.previous_coverage_pct = share_pct(*previous_exports, previous_imports);
  if (t.coverage_pct && t.previous_coverage_pct)
    t.coverage_change_pp = *t.coverage_pct - *t.previous_coverage_pct;
  return t;
}

Imports imports_of(const Dataset& data, const Gazetteer& gazetteer, Stream stream, const Summary& summary,
                   std::size_t limit, std::vector<Gap>& gaps) {
  const Period month = summary.period;
  const compute::ProvinceTimeline timeline = timeline_of(data, stream, summary.province);
  Imports imports;
  std::vector<Gap> own_gaps;
  compare(timeline, month, Flow::imports, imports, own_gaps);
  // Only where the month itself is known do the gaps of its comparisons need saying; a month of
  // unknown imports is said once, by the null figures.
  if (timeline.knows(month)) gaps.insert(gaps.end(), own_gaps.begin(), own_gaps.end());
  Cents sum = 0;
  imports.top_origins = countries_of(data, gazetteer, stream, summary.province, month, imports.value,
                                     timeline.knows(month.plus_months(-12)), limit, imports.countries, sum);
  imports.trend = trend_of(timeline, month);
  imports.balance = balance_of(month, month, summary.value, imports.value, summary.previous_year.value,
                               imports.previous_year.value);
  const auto window_balance = [&](const WindowComparison& exports, const WindowComparison& in) {
    return balance_of(exports.from, exports.to, exports.value, in.value, exports.previous_value,
                      in.previous_value);
  };
  imports.balance_rolling_12m = window_balance(summary.rolling_12m, imports.rolling_12m);
  imports.balance_year_to_date = window_balance(summary.year_to_date, imports.year_to_date);
  imports.sample_months = timeline.sample_months(month.plus_months(-23), month);
  imports.sample_values = !imports.sample_months.empty();
  imports.sample_origins =
      !imports.top_origins.empty() && (data.sample_parts(stream, summary.province, month) ||
                                       data.sample_parts(stream, summary.province, month.plus_months(-12)));
  return imports;
}

}  // namespace

Summary compute_summary(const Dataset& data, const Gazetteer& gazetteer, const SummaryQuery& query) {
  Summary summary;
  summary.province = query.province;
  const Stream stream = compute::resolve_stream(data, query.source, query.basis, Flow::exports);
  summary.source = data.sources[stream.source];
  summary.basis = data.bases[stream.source];
  const compute::ProvinceTimeline timeline = timeline_of(data, stream, summary.province);
  summary.period = compute::resolve_month(data, gazetteer, stream, summary.province, timeline, query.month,
                                          summary.passed_over);
  const Period month = summary.period;
  compare(timeline, month, Flow::exports, summary, summary.gaps);
  summary.previous_month.revised_since =
      revised_since(data, stream, summary.province, summary.previous_month);
  summary.previous_year.revised_since = revised_since(data, stream, summary.province, summary.previous_year);

  // Destinations this month and a year earlier.
  const bool year_earlier_covered = timeline.knows(summary.previous_year.period);
  Cents countries_sum = 0;
  summary.top_destinations =
      countries_of(data, gazetteer, stream, summary.province, month, summary.value, year_earlier_covered,
                   query.top_n, summary.countries, countries_sum);
  if (summary.value && countries_sum > *summary.value)
    summary.parts_over_total.push_back({Breakdown::countries, month, month, *summary.value, countries_sum});

  summary.trend = trend_of(timeline, month);
  // Where the province stands among the 81 and in Türkiye: one pass over the month's rows.
  std::optional<compute::MonthOfProvinces> all;
  if (summary.province != national_total) {
    all = compute::month_of_provinces(data, stream, month);
    summary.standing = standing_of(*all, summary.value);
  }

  // What rests on made-up figures: the months the comparisons reach back to, the parts of the
  // month and of a year earlier, and, for the standing, every province's month.
  summary.sample.value = timeline.sample_in(month.plus_months(-23), month);
  const bool parts_sample = data.sample_parts(stream, summary.province, month) ||
                            data.sample_parts(stream, summary.province, summary.previous_year.period);
  summary.sample.destinations = parts_sample && !summary.top_destinations.empty();
  summary.sample.standing = summary.standing && all->sample;
  summary.top_sectors =
      top_sectors(data, gazetteer, stream, summary, year_earlier_covered, query.top_sectors);
  summary.sample.sectors = parts_sample && !summary.top_sectors.empty();
  Cents sectors_sum = 0;
  for (const auto& [chapter, value] : compute::chapter_values(data, stream, summary.province, month))
    sectors_sum = checked_add(sectors_sum, value);
  if (summary.value && sectors_sum > *summary.value)
    summary.parts_over_total.push_back({Breakdown::sectors, month, month, *summary.value, sectors_sum});

  // Imports from the same source, where the data holds any: never another source's.
  if (const Stream imports{stream.source, Flow::imports}; data.has(imports)) {
    summary.imports = imports_of(data, gazetteer, imports, summary, query.top_n, summary.gaps);
    summary.sample.imports = summary.imports->sample_values;
    summary.sample.import_months = summary.imports->sample_months;
    summary.sample.origins = summary.imports->sample_origins;
  }
  // Value per kilogram, where the data weighs the source's goods: the province's (Turkey's on the
  // basis its value is taken) and Turkey's.
  if (data.has_weights(stream.source)) {
    UnitValues units;
    const auto weight = [&](Stream values) {
      return compute::month_weight(data, values, summary.province, month);
    };
    // Turkey's from its national total rows alone (see turkey_weight).
    const auto turkey = [&](Stream values) {
      return dollars_per_kilogram(compute::ProvinceTimeline(data, values, national_total).total(month),
                                  compute::turkey_weight(data, values, month));
    };
    units.exports = dollars_per_kilogram(summary.value, weight(stream));
    units.turkey_exports = turkey(stream);
    if (const Stream imports{stream.source, Flow::imports}; summary.imports) {
      units.imports = dollars_per_kilogram(summary.imports->value, weight(imports));
      units.turkey_imports = turkey(imports);
    }
    summary.unit_value = units;
  }
  // The release the answer rests on: the latest among the two years its comparisons reach.
  summary.vintage = data.latest_vintage(stream, summary.period.plus_months(-23), summary.period);
  if (summary.imports)
    summary.vintage =
        std::max(summary.vintage, data.latest_vintage(Stream{stream.source, Flow::imports},
                                                      summary.period.plus_months(-23), summary.period));
  return summary;
}

}  // namespace kexport
