#include "table/spreadsheet_dates.hpp"

#include <fmt/format.h>

#include <charconv>

namespace kexport::input {

bool is_date_format(std::string_view code) {
  bool quoted = false, bracket = false, escaped = false;
  for (const char c : code) {
    if (escaped) {
      escaped = false;
    } else if (quoted) {
      quoted = c != '"';
    } else if (bracket) {
      bracket = c != ']';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      bracket = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      escaped = true;  // the next character is shown as it is (or is padding)
    } else {
      const char lower = static_cast<char>(c | 0x20);
      if (lower == 'y' || lower == 'd' || lower == 'm') return true;
    }
  }
  return false;
}

std::string period_of_serial(std::string_view serial, bool from_1904) {
  double value = 0;
  const auto [end, ec] = std::from_chars(serial.data(), serial.data() + serial.size(), value);
  if (ec != std::errc{} || end != serial.data() + serial.size() || value < 1 || value > 2'958'465) return {};
  auto days = static_cast<long>(value);  // the fraction is the time of day
  // Days from 1970-01-01. The 1900 system counts 1900-02-29, which did not exist, as day 60.
  if (from_1904)
    days -= 24'107;  // serial 0 is 1904-01-01
  else
    days -= days > 60 ? 25'569 : 25'568;  // serial 25569 is 1970-01-01
  // Civil date from days since the epoch (Howard Hinnant's algorithm).
  days += 719'468;
  const long era = (days >= 0 ? days : days - 146'096) / 146'097;
  const long day_of_era = days - era * 146'097;
  const long year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long shifted_month = (5 * day_of_year + 2) / 153;
  const long month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}", year, month);
}

}  // namespace kexport::input
