#include "kexport/summary.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kexport/dataset_builder.hpp"
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

namespace {

MaybePercent share(Cents part, MaybeCents whole) {
  if (!whole || *whole == 0) return std::nullopt;
  return static_cast<double>(static_cast<long double>(part) / static_cast<long double>(*whole) * 100.0L);
}

}  // namespace

Summary compute_summary(const Dataset& data, const Gazetteer& gazetteer, const SummaryQuery& query,
                        Language names) {
  Summary summary;
  summary.province = compute::resolve_province(gazetteer, query.province);
  summary.province_name = std::string(gazetteer.province_name(summary.province));
  const SourceId source = compute::resolve_source(data, query.source);
  summary.source = data.sources[source];
  summary.period = compute::resolve_month(data, source, query.month);
  const Period month = summary.period;

  const compute::ProvinceTimeline timeline(data, source, summary.province);
  const auto note_gap = [&](const char* figure, Period from, Period to) {
    if (auto span = timeline.missing(from, to)) summary.gaps.push_back({figure, span->first, span->second});
  };

  summary.value = timeline.total(month);

  summary.previous_month.period = month.plus_months(-1);
  summary.previous_month.value = timeline.total(summary.previous_month.period);
  summary.previous_month.change_pct = percent_change(summary.value, summary.previous_month.value);
  note_gap("previous_month", summary.previous_month.period, summary.previous_month.period);

  summary.previous_year.period = month.plus_months(-12);
  summary.previous_year.value = timeline.total(summary.previous_year.period);
  summary.previous_year.change_pct = percent_change(summary.value, summary.previous_year.value);
  note_gap("previous_year", summary.previous_year.period, summary.previous_year.period);

  const auto compare_window = [&](WindowComparison& w, const char* figure, Period from) {
    w.from = from;
    w.to = month;
    w.value = timeline.window(from, month);
    w.previous_value = timeline.window(from.plus_months(-12), month.plus_months(-12));
    w.change_pct = percent_change(w.value, w.previous_value);
    note_gap(figure, from.plus_months(-12), month.plus_months(-12));
    note_gap(figure, from, month);
  };
  compare_window(summary.rolling_12m, "rolling_12m", month.plus_months(-11));
  compare_window(summary.year_to_date, "year_to_date", month.january());

  // Destinations this month and a year earlier.
  const auto now = compute::country_values(data, source, summary.province, month);
  const bool year_earlier_covered = data.covers(source, summary.previous_year.period);
  const auto before = compute::country_values(data, source, summary.province, summary.previous_year.period);
  std::vector<Destination> destinations;
  for (const auto& [country, value] : now) {
    if (value <= 0) continue;
    Destination d;
    const CountryEntry& entry = data.countries[country];
    d.country = entry.gazetteer ? gazetteer.country_name(*entry.gazetteer, names) : entry.written;
    d.country_code = entry.gazetteer ? gazetteer.countries()[*entry.gazetteer].code : "";
    d.value = value;
    d.share_pct = share(value, summary.value);
    MaybeCents base;
    if (year_earlier_covered) {
      base = 0;
      for (const auto& b : before)
        if (b.country == country) base = b.value;
    }
    d.change_pct = percent_change(value, base);
    destinations.push_back(std::move(d));
  }
  // A province with exports but no country rows this month has no breakdown, which is not zero.
  if (!destinations.empty() || summary.value.value_or(0) == 0) summary.countries = destinations.size();

  // Largest first; equal values by name, so that the order never depends on the input's.
  std::sort(destinations.begin(), destinations.end(), [](const Destination& a, const Destination& b) {
    if (a.value != b.value) return a.value > b.value;
    return a.country < b.country;
  });
  if (destinations.size() > query.top_n) destinations.resize(query.top_n);
  for (std::size_t i = 0; i < destinations.size(); ++i) destinations[i].rank = i + 1;
  summary.top_destinations = std::move(destinations);
  return summary;
}

}  // namespace kexport
