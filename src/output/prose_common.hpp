// What both languages' prose decide the same way: how a change is told.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "kexport/compute/summary.hpp"
#include "names.hpp"

namespace kexport::output {

enum class Movement { rose, fell, unchanged, multiplied };

// A change is "unchanged" when it rounds to 0.00 %, and told as a factor ("2.3 times") from a
// doubling up, where a percentage stops being natural.
inline Movement movement_of(double change_pct) {
  if (std::round(std::abs(change_pct) * 100.0) == 0.0) return Movement::unchanged;
  if (change_pct >= 100.0) return Movement::multiplied;
  return change_pct > 0 ? Movement::rose : Movement::fell;
}

inline double factor_of(double change_pct) {
  return 1.0 + change_pct / 100.0;
}

// The names of the largest destinations, at most `limit`.
inline std::vector<std::string> leading_countries(const Summary& s, std::size_t limit, Language language) {
  std::vector<std::string> names;
  for (const auto& d : s.top_destinations) {
    if (names.size() == limit) break;
    names.push_back(country_name(d.country, language));
  }
  return names;
}

}  // namespace kexport::output
