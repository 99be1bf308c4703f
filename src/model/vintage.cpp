#include "kexport/model/vintage.hpp"

#include <fmt/format.h>
#include <charconv>

namespace kexport {

std::optional<Vintage> make_vintage(int year, int month, int day) {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 0) return std::nullopt;
  static constexpr int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = days_in[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day > last) return std::nullopt;
  return static_cast<Vintage>(year * 10000 + month * 100 + day);
}

std::string vintage_iso(Vintage vintage) {
  if (vintage == unknown_vintage) return {};
  if (vintage_day(vintage) == 0)
    return fmt::format("{:04}-{:02}", vintage_year(vintage), vintage_month(vintage));
  return fmt::format("{:04}-{:02}-{:02}", vintage_year(vintage), vintage_month(vintage),
                     vintage_day(vintage));
}

std::optional<Vintage> parse_vintage(std::string_view text) {
  const auto number = [&](std::size_t at, std::size_t digits) -> std::optional<int> {
    int value = 0;
    if (at + digits > text.size()) return std::nullopt;
    const auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + digits, value);
    if (ec != std::errc{} || end != text.data() + at + digits) return std::nullopt;
    return value;
  };
  if (text.size() != 7 && text.size() != 10) return std::nullopt;
  if (text[4] != '-' || (text.size() == 10 && text[7] != '-')) return std::nullopt;
  const auto year = number(0, 4), month = number(5, 2);
  const auto day = text.size() == 10 ? number(8, 2) : std::optional<int>(0);
  if (!year || !month || !day || (text.size() == 10 && *day == 0)) return std::nullopt;
  return make_vintage(*year, *month, *day);
}

}  // namespace kexport
