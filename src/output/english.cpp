#include "kexport/output/english.hpp"

#include "kexport/output/number_format.hpp"

#include <fmt/format.h>
#include <cmath>
#include <cstdlib>

namespace kexport::english {

std::string amount_short(Cents cents) {
  const auto magnitude = static_cast<std::uint64_t>(std::llabs(cents));
  // Below a dollar the cents are the figure: a positive amount is never "$0".
  if (magnitude > 0 && magnitude < 100) return fmt::format("${}.{:02}", 0, magnitude);
  // Below a hundred thousand dollars rounding would lose too much: exact dollars.
  if (magnitude < 10'000'000) return "$" + format_dollars(static_cast<Cents>(magnitude), Language::en);
  // Rounded exactly, half up, carried into the next unit: $999,500 is $1 million, not "$1000,000".
  const std::uint64_t thousands = divide_half_up(magnitude, 100'000);
  if (thousands < 1000) return fmt::format("${},000", thousands);
  const std::uint64_t billion_hundredths = divide_half_up(magnitude, 1'000'000'000);
  if (billion_hundredths < 100)
    return "$" + format_units(divide_half_up(magnitude, 10'000'000), 1, Language::en) + " million";
  return "$" + format_units(billion_hundredths, 2, Language::en) + " billion";
}

std::string percent(double value) {
  return format_decimal(value, 2, Language::en) + "%";
}

std::string share(double value) {
  if (value > 0 && std::abs(value) < 0.005) return "less than 0.01%";  // never "0.00%"
  return percent(value);
}

std::string factor(double value) {
  return format_decimal(value, 1, Language::en, Trim::trailing_zeros);
}

std::string count_of(std::uint64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", format_count(n, Language::en), n == 1 ? one : many);
}

std::string ordinal(std::size_t n) {
  const std::size_t last_two = n % 100;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    if (n % 10 == 1)
      suffix = "st";
    else if (n % 10 == 2)
      suffix = "nd";
    else if (n % 10 == 3)
      suffix = "rd";
  }
  return fmt::format("{}{}", n, suffix);
}

std::string country_in_sentence(std::string_view name) {
  static constexpr std::string_view with_article[] = {"United States",
                                                      "United Kingdom",
                                                      "United Arab Emirates",
                                                      "Netherlands",
                                                      "Philippines",
                                                      "Czech Republic",
                                                      "Dominican Republic",
                                                      "Central African Republic",
                                                      "Bahamas",
                                                      "Gambia",
                                                      "Maldives",
                                                      "Comoros",
                                                      "Seychelles",
                                                      "DR Congo",
                                                      "Vatican City"};
  bool article = name.ends_with(" Islands");
  for (auto candidate : with_article) article = article || name == candidate;
  return article ? "the " + std::string(name) : std::string(name);
}

}  // namespace kexport::english
