// The JSON contract of `summary --format json`; README.md ("JSON output") documents every key.
#include <nlohmann/json.hpp>

#include "json_values.hpp"
#include "kexport/report.hpp"
#include "names.hpp"
#include "sample_notice.hpp"

namespace kexport {
namespace {

using Json = nlohmann::ordered_json;

using output::json_dollars;
using output::json_percent;

Json month(const MonthComparison& m) {
  return Json{{"period", m.period.iso()},
              {"value", json_dollars(m.value)},
              {"change_pct", json_percent(m.change_pct)}};
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

}  // namespace

void write_summary_json(std::ostream& out, const Summary& s, Language language) {
  Json top = Json::array();
  for (const Destination& d : s.top_destinations) {
    top.push_back(Json{
        {"rank", d.rank},
        {"country", output::country_name(d.country, language)},
        {"country_code",
         output::country_code(d.country).empty() ? Json(nullptr) : Json(output::country_code(d.country))},
        {"value", json_dollars(d.value)},
        {"share_pct", json_percent(d.share_pct)},
        {"change_pct", json_percent(d.change_pct)}});
  }
  Json doc{{"province", output::province_name(s.province)},
           {"province_code", s.province == national_total ? Json(nullptr) : Json(s.province)},
           {"period", s.period.iso()},
           {"source", s.sample.value     ? Json("sample")
                      : s.source.empty() ? Json(nullptr)
                                         : Json(s.source)},
           {"sample", s.sample.any()},
           {"sample_parts", output::sample_part_keys(s.sample)},
           {"currency", "USD"},
           {"value", json_dollars(s.value)},
           {"previous_month", month(s.previous_month)},
           {"previous_year", month(s.previous_year)},
           {"rolling_12m", window(s.rolling_12m)},
           {"year_to_date", window(s.year_to_date)},
           {"countries", s.countries ? Json(*s.countries) : Json(nullptr)},
           {"top_destinations", std::move(top)},
           {"standing", standing(s.standing)},
           {"top_sectors", sectors(s.top_sectors, language)},
           {"trend", trend(s.trend)}};
  out << doc.dump(2) << '\n';
}

}  // namespace kexport
