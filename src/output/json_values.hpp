// Values as every JSON document of kexport writes them: one rule for money, one for percentages.
#pragma once

#include <nlohmann/json.hpp>

#include "kexport/compute/summary.hpp"

namespace kexport::output {

// Dollars as a JSON number. Cents / 100 as a double prints as the exact decimal (nlohmann writes
// the shortest form that reads back to the same double) for every amount below 10^13 dollars.
inline nlohmann::ordered_json json_dollars(Cents cents) {
  return static_cast<double>(cents) / 100.0;
}

// An unknown amount or percentage is null, never 0.
inline nlohmann::ordered_json json_dollars(const MaybeCents& cents) {
  return cents ? json_dollars(*cents) : nullptr;
}

inline nlohmann::ordered_json json_percent(const MaybePercent& value) {
  return value ? nlohmann::ordered_json(*value) : nullptr;
}

}  // namespace kexport::output
