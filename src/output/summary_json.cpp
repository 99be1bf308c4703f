// The JSON contract of `summary --format json`; docs/json.md documents every key.
#include <nlohmann/json.hpp>

#include "json_values.hpp"
#include "kexport/output/report.hpp"
#include "names.hpp"
#include "sample_notice.hpp"

namespace kexport {
namespace {

using Json = nlohmann::ordered_json;

using output::json_dollars;
using output::json_percent;

Json month(const MonthComparison& m) {
  Json revised = nullptr;
  if (m.revised_since)
    revised = Json{{"value", json_dollars(m.revised_since->value)},
                   {"vintage", m.revised_since->release == unknown_vintage
                                   ? Json(nullptr)
                                   : Json(vintage_iso(m.revised_since->release))}};
  return Json{{"period", m.period.iso()},
              {"value", json_dollars(m.value)},
              {"change_pct", json_percent(m.change_pct)},
              {"revised_since", revised}};
}

Json window(const WindowComparison& w) {
  return Json{{"from", w.from.iso()},
              {"to", w.to.iso()},
              {"value", json_dollars(w.value)},
              {"previous_value", json_dollars(w.previous_value)},
              {"change_pct", json_percent(w.change_pct)}};
}

Json standing(const std::optional<Standing>& st) {
  if (!st) return nullptr;
  return Json{{"rank", st->rank ? Json(*st->rank) : Json(nullptr)},
              {"of", st->rank ? Json(st->provinces) : Json(nullptr)},
              {"share_of_turkey_pct", json_percent(st->share_of_turkey)},
              {"turkey_basis", st->national_total_row ? "national_total" : "sum_of_provinces"}};
}

Json sectors(const std::vector<SectorShare>& list, Language language) {
  Json out = Json::array();
  for (const SectorShare& sector : list)
    out.push_back(Json{{"chapter", sector.sector.chapter == 0 ? Json(nullptr) : Json(sector.sector.chapter)},
                       {"name", output::sector_name(sector.sector, language)},
                       {"value", json_dollars(sector.value)},
                       {"share_pct", json_percent(sector.share_pct)},
                       {"change_pct", json_percent(sector.change_pct)}});
  return out;
}

Json trend(const std::vector<MonthPoint>& months) {
  Json out = Json::array();
  for (const MonthPoint& m : months)
    out.push_back(Json{{"period", m.period.iso()},
                       {"value", json_dollars(m.value)},
                       {"previous_year_value", json_dollars(m.year_earlier)}});
  return out;
}

Json destinations(const std::vector<Destination>& list, Language language) {
  Json out = Json::array();
  for (const Destination& d : list) {
    out.push_back(Json{
        {"rank", d.rank},
        {"country", output::country_name(d.country, language)},
        {"country_code",
         output::country_code(d.country).empty() ? Json(nullptr) : Json(output::country_code(d.country))},
        {"value", json_dollars(d.value)},
        {"share_pct", json_percent(d.share_pct)},
        {"change_pct", json_percent(d.change_pct)}});
  }
  return out;
}

Json imports(const Imports& in, Language language) {
  return Json{{"value", json_dollars(in.value)},
              {"previous_month", month(in.previous_month)},
              {"previous_year", month(in.previous_year)},
              {"rolling_12m", window(in.rolling_12m)},
              {"year_to_date", window(in.year_to_date)},
              {"countries", in.countries ? Json(*in.countries) : Json(nullptr)},
              {"top_origins", destinations(in.top_origins, language)},
              {"trend", trend(in.trend)}};
}

// The balance, or the coverage ratio, of the month, the last 12 months and the year to date.
template <typename Figure>
Json over_spans(const Imports& in, Figure figure) {
  return Json{{"month", figure(in.balance)},
              {"rolling_12m", figure(in.balance_rolling_12m)},
              {"year_to_date", figure(in.balance_year_to_date)}};
}

Json balance(const TradeBalance& t) {
  return Json{{"from", t.from.iso()},
              {"to", t.to.iso()},
              {"value", json_dollars(t.balance)},
              {"previous_value", json_dollars(t.previous_balance)},
              {"change", json_dollars(t.balance_change)}};
}

Json coverage(const TradeBalance& t) {
  return Json{{"from", t.from.iso()},
              {"to", t.to.iso()},
              {"value", json_percent(t.coverage_pct)},
              {"previous_value", json_percent(t.previous_coverage_pct)},
              {"change_pp", json_percent(t.coverage_change_pp)}};
}

}  // namespace

void write_summary_json(std::ostream& out, const Summary& s, Language language) {
  Json doc{
      {"province", output::province_name(s.province)},
      {"province_code", s.province == national_total ? Json(nullptr) : Json(s.province)},
      {"period", s.period.iso()},
      {"source", s.sample.value     ? Json("sample")
                 : s.source.empty() ? Json(nullptr)
                                    : Json(s.source)},
      {"basis", s.sample.value || s.basis == Basis::unstated ? Json(nullptr) : Json(basis_code(s.basis))},
      {"vintage", s.vintage == unknown_vintage ? Json(nullptr) : Json(vintage_iso(s.vintage))},
      {"sample", s.sample.any()},
      {"sample_parts", output::sample_part_keys(s.sample)},
      {"currency", "USD"},
      {"value", json_dollars(s.value)},
      {"previous_month", month(s.previous_month)},
      {"previous_year", month(s.previous_year)},
      {"rolling_12m", window(s.rolling_12m)},
      {"year_to_date", window(s.year_to_date)},
      {"countries", s.countries ? Json(*s.countries) : Json(nullptr)},
      {"top_destinations", destinations(s.top_destinations, language)},
      {"standing", standing(s.standing)},
      {"top_sectors", sectors(s.top_sectors, language)},
      {"trend", trend(s.trend)}};
  // Only where the data holds imports: a summary of exports alone keeps its keys as they were.
  if (s.imports) {
    doc["imports"] = imports(*s.imports, language);
    doc["balance"] = over_spans(*s.imports, balance);
    doc["coverage_ratio_pct"] = over_spans(*s.imports, coverage);
  }
  // Only where the data weighs the goods.
  if (s.unit_value)
    doc["unit_value"] = Json{{"exports", json_percent(s.unit_value->exports)},
                             {"imports", json_percent(s.unit_value->imports)},
                             {"turkey_exports", json_percent(s.unit_value->turkey_exports)},
                             {"turkey_imports", json_percent(s.unit_value->turkey_imports)}};
  out << doc.dump(2) << '\n';
}

}  // namespace kexport
