#include "kexport/english.hpp"

#include <fmt/format.h>
#include <cmath>
#include <cstdlib>

namespace kexport::english {

std::string amount_short(Cents cents) {
  const double dollars = static_cast<double>(std::llabs(cents)) / 100.0;
  const auto trimmed = [](std::string text) {
    while (text.find('.') != std::string::npos && (text.back() == '0' || text.back() == '.')) {
      const bool dot = text.back() == '.';
      text.pop_back();
      if (dot) break;
    }
    return text;
  };
  if (dollars >= 999'500'000.0) return "$" + trimmed(fmt::format("{:.2f}", dollars / 1e9)) + " billion";
  if (dollars >= 999'950.0) return "$" + trimmed(fmt::format("{:.1f}", dollars / 1e6)) + " million";
  const auto thousands = static_cast<std::int64_t>(std::llround(dollars / 1e3));
  return fmt::format("${},000", thousands);
}

std::string percent(double value) {
  return fmt::format("{:.2f}%", std::abs(value));
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
