#include "kexport/amount.hpp"

#include <fmt/format.h>
#include <limits>

#include "kexport/text.hpp"

namespace kexport {
namespace {

AmountResult refuse(std::string_view text, const char* expected) {
  return {std::nullopt, fmt::format("'{}' is not an amount; expected {}", excerpt(text), expected)};
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Checks that the separators in an integer part stand every three digits: "291.804.236".
bool well_grouped(std::string_view integer, char separator) {
  std::size_t digits_since = 0;
  bool seen = false;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (integer[i] == separator) {
      if ((seen && digits_since != 3) || (!seen && (digits_since == 0 || digits_since > 3))) return false;
      seen = true;
      digits_since = 0;
    } else {
      ++digits_since;
    }
  }
  return !seen || digits_since == 3;
}

}  // namespace

NumberEvidence number_evidence(std::string_view original) {
  const std::string_view text = trim(original);
  std::size_t points = 0, commas = 0, last_point = 0, last_comma = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.') {
      ++points;
      last_point = i;
    } else if (text[i] == ',') {
      ++commas;
      last_comma = i;
    } else if (!is_digit(text[i])) {
      return NumberEvidence::none;  // not a number at all: the parser will say so
    }
  }
  if (points > 0 && commas > 0)
    return last_point > last_comma ? NumberEvidence::point : NumberEvidence::comma;
  if (points > 1) return NumberEvidence::comma;  // 1.234.567: points group thousands
  if (commas > 1) return NumberEvidence::point;  // 1,234,567: commas group thousands
  if (points == 1)
    return text.size() - last_point - 1 == 3 ? NumberEvidence::ambiguous : NumberEvidence::point;
  if (commas == 1)
    return text.size() - last_comma - 1 == 3 ? NumberEvidence::ambiguous : NumberEvidence::comma;
  return NumberEvidence::none;
}

AmountResult parse_amount(std::string_view original, DecimalStyle style, ValueUnit unit) {
  if (unit == ValueUnit::dollars && style == DecimalStyle::point)
    if (const auto cents = parse_plain_cents(original)) return {cents, {}};
  const std::string_view text = trim(original);
  const char* expected = style == DecimalStyle::point ? "a non-negative number like 291804236.45"
                                                      : "a non-negative number like 291.804.236,45";
  if (text.empty()) return {std::nullopt, "the amount is empty; expected a number"};
  if (text.front() == '-') return refuse(text, "a non-negative amount (exports cannot be negative)");
  const char decimal = style == DecimalStyle::point ? '.' : ',';
  const char group = style == DecimalStyle::point ? ',' : '.';

  const std::size_t point = text.find(decimal);
  if (point != std::string_view::npos && text.find(decimal, point + 1) != std::string_view::npos)
    return refuse(text, expected);
  const std::string_view integer = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (integer.empty() && fraction.empty()) return refuse(text, expected);
  for (char c : integer)
    if (!is_digit(c) && c != group) return refuse(text, expected);
  for (char c : fraction)
    if (!is_digit(c)) return refuse(text, expected);
  if (!well_grouped(integer, group)) return refuse(text, expected);

  // Scale to cents: dollars have 2 decimal places, thousands of dollars 5.
  const std::size_t places = unit == ValueUnit::dollars ? 2 : 5;
  std::size_t significant = fraction.size();
  while (significant > places && fraction[significant - 1] == '0') --significant;
  if (significant > places)
    return {std::nullopt,
            fmt::format("'{}' has fractions of a cent; expected at most {} decimal places", text, places)};

  constexpr Cents max = std::numeric_limits<Cents>::max();
  Cents cents = 0;
  const auto push_digit = [&](char c) {
    const int digit = c - '0';
    if (cents > (max - digit) / 10) return false;
    cents = cents * 10 + digit;
    return true;
  };
  for (char c : integer)
    if (c != group && !push_digit(c)) return refuse(text, "an amount below 92 233 720 368 547 758 dollars");
  for (std::size_t i = 0; i < places; ++i)
    if (!push_digit(i < significant ? fraction[i] : '0'))
      return refuse(text, "an amount below 92 233 720 368 547 758 dollars");
  return {cents, {}};
}

}  // namespace kexport
