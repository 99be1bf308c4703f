#include "kexport/output/number_format.hpp"

#include <fmt/format.h>

#include <charconv>
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
  return format_decimal(value, 2, language);
}

}  // namespace

namespace {

// The value's shortest decimal form (what it was computed as: 0.625, not the binary 0.62499…),
// rounded half up at `decimals` places: "0.63". printf's rounding of the binary value printed an
// exact 0.625 as 0.62 and 1.05 as 1.1 but 9.95 as 9.9.
std::string rounded_half_up(double magnitude, int decimals) {
  char buffer[400];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::fixed);
  if (ec != std::errc{}) return fmt::format("{:.{}f}", magnitude, decimals);
  std::string digits(buffer, end);
  std::size_t point = digits.find('.');
  if (point == std::string::npos) {
    point = digits.size();
    digits += '.';
  }
  digits.append(static_cast<std::size_t>(decimals) + 1, '0');  // room to round at
  const std::size_t keep = point + static_cast<std::size_t>(decimals) + (decimals > 0 ? 1 : 0);
  const bool up = digits[point + static_cast<std::size_t>(decimals) + 1] >= '5';
  digits.resize(keep);
  if (up) {
    std::size_t i = digits.size();
    while (i > 0) {
      --i;
      if (digits[i] == '.') continue;
      if (digits[i] != '9') {
        ++digits[i];
        break;
      }
      digits[i] = '0';
      if (i == 0) digits.insert(digits.begin(), '1');
    }
  }
  return digits;
}

}  // namespace

std::string format_decimal(double value, int decimals, Language language, Trim trim) {
  const std::string text = rounded_half_up(std::abs(value), decimals);
  const std::size_t point = text.find('.');
  const std::string whole = text.substr(0, point);
  std::string fraction = point == std::string::npos ? std::string() : text.substr(point + 1);
  if (trim == Trim::zero_fraction && fraction.find_first_not_of('0') == std::string::npos) fraction.clear();
  if (trim == Trim::trailing_zeros)
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  // Grouping the digits of the whole part: a double prints them all, so it is a string of digits.
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += group_separator(language);
    grouped += whole[i];
  }
  if (fraction.empty()) return grouped;
  return grouped + (language == Language::tr ? ',' : '.') + fraction;
}

std::uint64_t divide_half_up(std::uint64_t value, std::uint64_t unit) {
  return value / unit + (value % unit >= unit - unit / 2 ? 1 : 0);
}

std::string format_units(std::uint64_t count, int decimals, Language language) {
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string fraction = decimals > 0 ? fmt::format("{:0{}}", count % scale, decimals) : std::string();
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  const std::string whole = group_digits(count / scale, group_separator(language));
  return fraction.empty() ? whole : whole + (language == Language::tr ? ',' : '.') + fraction;
}

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
  const bool zero = rounded_half_up(std::abs(percent), 2).find_first_not_of("0.") == std::string::npos;
  const char* sign = zero ? "" : percent > 0 ? "+" : "-";
  return language == Language::tr ? fmt::format("{}{} %", sign, two_decimals(percent, language))
                                  : fmt::format("{}{}%", sign, two_decimals(percent, language));
}

std::string format_points(double points, Language language) {
  std::string text = format_change(points, language);
  text.erase(text.find_last_not_of(" %") + 1);
  return text + (language == Language::tr ? " puan" : " pp");
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
