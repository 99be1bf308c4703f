#include "kexport/input/amount.hpp"

#include "table/plain_cents.hpp"

#include <fmt/format.h>
#include <limits>

#include "kexport/model/text.hpp"

namespace kexport {
namespace {

AmountResult refuse(std::string_view text, const char* expected) {
  return {std::nullopt, fmt::format("'{}' is not an amount; expected {}", excerpt(text), expected)};
}

bool amount_digit(char c) {
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
    } else if (!amount_digit(text[i])) {
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

namespace {

// An amount written by a program: digits, an optional decimal separator and fraction, and an
// optional exponent ("1e3", "2.9180423645E8"), with no grouping. Read as written, in decimal: exact
// when it is a whole number of cents; a float artefact ("0.30000000000000004") is rounded when
// it lies within a billionth of a cent of one; anything else is refused.
AmountResult parse_scientific(std::string_view text, char decimal, std::size_t places) {
  const std::size_t e = text.find_first_of("eE");
  const std::string_view mantissa = text.substr(0, e);
  std::string_view exponent_text = e == std::string_view::npos ? "0" : text.substr(e + 1);
  const char* expected = "a number like 291804236.45 or 2.9180423645e8";
  const std::size_t point = mantissa.find(decimal);
  const std::string_view integer = mantissa.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : mantissa.substr(point + 1);
  if (integer.empty() && fraction.empty()) return refuse(text, expected);
  for (char c : integer)
    if (!amount_digit(c)) return refuse(text, expected);
  for (char c : fraction)
    if (!amount_digit(c)) return refuse(text, expected);
  bool negative_exponent = false;
  if (!exponent_text.empty() && (exponent_text.front() == '+' || exponent_text.front() == '-')) {
    negative_exponent = exponent_text.front() == '-';
    exponent_text.remove_prefix(1);
  }
  if (exponent_text.empty() || exponent_text.size() > 4) return refuse(text, expected);
  int exponent = 0;
  for (char c : exponent_text) {
    if (!amount_digit(c)) return refuse(text, expected);
    exponent = exponent * 10 + (c - '0');
  }
  if (negative_exponent) exponent = -exponent;

  // The digits, and where the point stands among them once scaled to cents.
  std::string digits = std::string(integer) + std::string(fraction);
  const long point_at = static_cast<long>(integer.size()) + exponent + static_cast<long>(places);
  if (point_at > 40) return refuse(text, "an amount below 92 233 720 368 547 758 dollars");
  if (point_at > static_cast<long>(digits.size()))
    digits.append(static_cast<std::size_t>(point_at) - digits.size(), '0');
  std::string whole = point_at <= 0 ? std::string() : digits.substr(0, static_cast<std::size_t>(point_at));
  std::string dropped = point_at >= 0
                            ? digits.substr(std::min(digits.size(), static_cast<std::size_t>(point_at)))
                            : std::string(static_cast<std::size_t>(-point_at), '0') + digits;
  // What lies below a cent, as a fraction of a cent: exact (all zeros), or a float artefact — within
  // 1e-9 of a cent, or off only from the 16th significant digit on, past what a double holds (a
  // program printing 8909263.63 with 17 digits writes 8909263.630000001).
  dropped.resize(std::max<std::size_t>(dropped.size(), 10), '0');
  const bool exact = dropped.find_first_not_of('0') == std::string::npos;
  const std::string_view first_nine = std::string_view(dropped).substr(0, 9);
  const bool rest_zero = dropped.find_first_not_of('0', 9) == std::string::npos;
  const auto first_significant = static_cast<long>(std::min(digits.find_first_not_of('0'), digits.size()));
  const auto beyond_a_double = [&](char run) {
    const std::size_t run_end = std::min(dropped.find_first_not_of(run), dropped.size());
    return point_at + static_cast<long>(run_end) - first_significant >= 15;
  };
  const bool just_above =
      first_nine == "000000000" || (first_nine == "000000001" && rest_zero) || beyond_a_double('0');
  const bool just_below = first_nine == "999999999" || beyond_a_double('9');
  if (!exact && !just_above && !just_below)
    return {std::nullopt, fmt::format("'{}' has fractions of a cent; expected at most {} decimal places",
                                      excerpt(text), places)};
  constexpr Cents max = std::numeric_limits<Cents>::max();
  Cents cents = 0;
  for (char c : whole) {
    const int digit = c - '0';
    if (cents > (max - digit) / 10) return refuse(text, "an amount below 92 233 720 368 547 758 dollars");
    cents = cents * 10 + digit;
  }
  if (just_below && !exact) {
    if (cents == max) return refuse(text, "an amount below 92 233 720 368 547 758 dollars");
    ++cents;
  }
  AmountResult result{cents, {}};
  result.rounded = !exact;
  return result;
}

}  // namespace

AmountResult parse_amount(std::string_view original, DecimalStyle style, ValueUnit unit) {
  if (unit == ValueUnit::dollars && style == DecimalStyle::point)
    if (const auto cents = input::parse_plain_cents(original)) return {cents, {}};
  const std::string_view text = trim(original);
  const char* expected = style == DecimalStyle::point ? "a non-negative number like 291804236.45"
                                                      : "a non-negative number like 291.804.236,45";
  if (text.empty()) return {std::nullopt, "the amount is empty; expected a number"};
  if (text.front() == '-')
    return refuse(text, "a non-negative amount (exports and imports are never negative)");
  const char decimal = style == DecimalStyle::point ? '.' : ',';
  const char group = style == DecimalStyle::point ? ',' : '.';
  // Decimal places down to the cent: dollars 2, thousands 5, millions 8.
  const std::size_t places = unit == ValueUnit::dollars ? 2 : unit == ValueUnit::thousand_dollars ? 5 : 8;
  if (text.find_first_of("eE") != std::string_view::npos) return parse_scientific(text, decimal, places);

  const std::size_t point = text.find(decimal);
  if (point != std::string_view::npos && text.find(decimal, point + 1) != std::string_view::npos)
    return refuse(text, expected);
  const std::string_view integer = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (integer.empty() && fraction.empty()) return refuse(text, expected);
  for (char c : integer)
    if (!amount_digit(c) && c != group) return refuse(text, expected);
  for (char c : fraction)
    if (!amount_digit(c)) return refuse(text, expected);
  if (!well_grouped(integer, group)) return refuse(text, expected);

  // Scale to cents: dollars have 2 decimal places, thousands of dollars 5.
  std::size_t significant = fraction.size();
  while (significant > places && fraction[significant - 1] == '0') --significant;
  // A float artefact of a program ("0.30000000000000004"): read by the exact reader below.
  if (significant > places && integer.find(group) == std::string_view::npos)
    return parse_scientific(text, decimal, places);
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
