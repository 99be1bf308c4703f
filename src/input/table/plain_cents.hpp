// The loaders' fast path for amounts.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "kexport/input/amount.hpp"

namespace kexport::input {

// The common case of parse_amount() in point style and dollars, inline for the loaders' inner
// loop: up to 15 digits, a point and two decimals ("291804236.45"). Empty for anything else,
// which parse_amount() then reads (or refuses, saying why).
inline std::optional<Cents> parse_plain_cents(std::string_view text) {
  if (text.size() < 4 || text.size() > 18 || text[text.size() - 3] != '.') return std::nullopt;
  Cents cents = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == text.size() - 3) continue;
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  return cents;
}

// A whole number of up to 15 digits ("298064"), as weights in kilograms come. Empty for anything
// else.
inline std::optional<std::int64_t> parse_plain_whole(std::string_view text) {
  if (text.empty() || text.size() > 15) return std::nullopt;
  std::int64_t whole = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    whole = whole * 10 + (c - '0');
  }
  return whole;
}

}  // namespace kexport::input
