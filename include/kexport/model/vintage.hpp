// The release a file's figures belong to: the date they stand at ("28.02.2026 TARİHİ İTİBARİYLE",
// a bulletin's date, a date in the file's name, --vintage). Publishers revise earlier months in
// every release, so of two files that give the same figure the later release is the figure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kexport {

// yyyymmdd; day 00 when only the month is known (ordered before that month's dated releases), and
// 0 when the file does not say (ordered before every dated release).
using Vintage = std::uint32_t;
inline constexpr Vintage unknown_vintage = 0;

// A vintage from its parts; nothing for a date that does not exist (day 0: the month only).
std::optional<Vintage> make_vintage(int year, int month, int day);
// "2026-02-28", "2026-02" for a month; "" for an unknown vintage.
std::string vintage_iso(Vintage vintage);
// "2026-02-28" or "2026-02"; nothing for anything else.
std::optional<Vintage> parse_vintage(std::string_view text);
inline int vintage_year(Vintage v) {
  return static_cast<int>(v / 10000);
}
inline int vintage_month(Vintage v) {
  return static_cast<int>(v / 100 % 100);
}
inline int vintage_day(Vintage v) {
  return static_cast<int>(v % 100);
}

}  // namespace kexport
