// The JSON contract of `summary --format json`; README.md ("JSON output") documents every key.
#include <nlohmann/json.hpp>

#include "kexport/report.hpp"

namespace kexport {
namespace {

using Json = nlohmann::ordered_json;

// Dollars as a JSON number. Cents / 100 as a double prints as the exact decimal (nlohmann writes
// the shortest form that reads back to the same double) for every amount below 10^13 dollars.
Json dollars(MaybeCents cents) {
  if (!cents) return nullptr;
  return static_cast<double>(*cents) / 100.0;
}

Json percent(MaybePercent value) {
  if (!value) return nullptr;
  return *value;
}

Json month(const MonthComparison& m) {
  return Json{{"period", m.period.iso()}, {"value", dollars(m.value)}, {"change_pct", percent(m.change_pct)}};
}

Json window(const WindowComparison& w) {
  return Json{{"from", w.from.iso()},
              {"to", w.to.iso()},
              {"value", dollars(w.value)},
              {"previous_value", dollars(w.previous_value)},
              {"change_pct", percent(w.change_pct)}};
}

}  // namespace

void write_summary_json(std::ostream& out, const Summary& s) {
  Json top = Json::array();
  for (const Destination& d : s.top_destinations) {
    top.push_back(Json{{"rank", d.rank},
                       {"country", d.country},
                       {"country_code", d.country_code.empty() ? Json(nullptr) : Json(d.country_code)},
                       {"value", dollars(d.value)},
                       {"share_pct", percent(d.share_pct)},
                       {"change_pct", percent(d.change_pct)}});
  }
  Json doc{{"province", s.province_name},
           {"province_code", s.province == national_total ? Json(nullptr) : Json(s.province)},
           {"period", s.period.iso()},
           {"source", s.source.empty() ? Json(nullptr) : Json(s.source)},
           {"currency", "USD"},
           {"value", dollars(s.value)},
           {"previous_month", month(s.previous_month)},
           {"previous_year", month(s.previous_year)},
           {"rolling_12m", window(s.rolling_12m)},
           {"year_to_date", window(s.year_to_date)},
           {"countries", s.countries ? Json(*s.countries) : Json(nullptr)},
           {"top_destinations", std::move(top)}};
  out << doc.dump(2) << '\n';
}

}  // namespace kexport
