#include "kexport/number_format.hpp"

#include <fmt/format.h>
#include <cmath>
#include <cstdlib>

namespace kexport {
namespace {

std::string group_digits(std::uint64_t value, char separator) {
  std::string digits = std::to_string(value);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

char group_separator(Language language) {
  return language == Language::tr ? '.' : ',';
}

// Two decimals in the language's style, rounded to the nearest.
std::string two_decimals(double value, Language language) {
  std::string text = fmt::format("{:.2f}", std::abs(value));
  if (language == Language::tr) {
    for (char& c : text)
      if (c == '.') c = ',';
  }
  return text;
}

}  // namespace

std::string format_dollars(Cents cents, Language language) {
  // Round to whole dollars, half away from zero, in integers.
  const bool negative = cents < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  const std::uint64_t dollars = magnitude / 100 + (magnitude % 100 >= 50 ? 1 : 0);
  return fmt::format("{}{}", negative && dollars > 0 ? "-" : "",
                     group_digits(dollars, group_separator(language)));
}

std::string format_change(double percent, Language language) {
  // Sign from the rounded figure, so that -0.001 % prints as 0,00 % and never as "-0,00 %".
  const double rounded = std::round(percent * 100.0) / 100.0;
  const char* sign = rounded > 0 ? "+" : rounded < 0 ? "-" : "";
  return language == Language::tr ? fmt::format("{}{} %", sign, two_decimals(percent, language))
                                  : fmt::format("{}{}%", sign, two_decimals(percent, language));
}

std::string format_share(double percent, Language language) {
  return language == Language::tr ? fmt::format("{} %", two_decimals(percent, language))
                                  : fmt::format("{}%", two_decimals(percent, language));
}

std::string format_count(std::uint64_t count, Language language) {
  return group_digits(count, group_separator(language));
}

std::string cents_to_decimal(Cents cents) {
  const bool negative = cents < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  return fmt::format("{}{}.{:02}", negative ? "-" : "", magnitude / 100, magnitude % 100);
}

}  // namespace kexport
