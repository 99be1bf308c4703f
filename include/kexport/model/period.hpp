// Calendar months as integers, so that "a year earlier" is always arithmetic on the calendar and
// never a position in a list of rows.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kexport {

class Period {
 public:
  static constexpr int min_year = 1900;
  static constexpr int max_year = 2199;

  constexpr Period() = default;
  // Precondition: min_year <= year <= max_year, 1 <= month <= 12.
  static constexpr Period from_year_month(int year, int month) { return Period(year * 12 + (month - 1)); }
  static constexpr Period from_index(std::int32_t index) { return Period(index); }

  [[nodiscard]] constexpr std::int32_t index() const { return index_; }
  [[nodiscard]] constexpr int year() const { return index_ / 12; }
  [[nodiscard]] constexpr int month() const { return index_ % 12 + 1; }
  [[nodiscard]] constexpr Period plus_months(int n) const { return Period(index_ + n); }
  [[nodiscard]] constexpr Period january() const { return Period(index_ - index_ % 12); }

  // "2026-01".
  [[nodiscard]] std::string iso() const;

  constexpr auto operator<=>(const Period&) const = default;

 private:
  constexpr explicit Period(std::int32_t index) : index_(index) {}
  std::int32_t index_ = 0;
};

// Strict "YYYY-MM" (the canonical form and the command line's). Empty when malformed or out of range.
std::optional<Period> parse_iso_period(std::string_view text);

// A month number 1-12, or a month name in Turkish or English in any case, with or without Turkish
// letters ("Ocak", "AĞUSTOS", "AGUSTOS", "ARALıK", "january"). Empty when not a month.
std::optional<int> parse_month(std::string_view text);

// Periods as published: "2026-01", "2026/01", "01.2026", "1.2026", "Ocak 2026", "2026 Ocak",
// "January 2026". Empty when not a period.
std::optional<Period> parse_period(std::string_view text);

// Month names for people.
std::string_view month_name_tr(int month);  // "Ocak"
std::string_view month_name_en(int month);  // "January"

}  // namespace kexport
