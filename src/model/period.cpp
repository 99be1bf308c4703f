#include "kexport/model/period.hpp"

#include <fmt/format.h>
#include <array>
#include <charconv>

#include "kexport/model/text.hpp"

namespace kexport {
namespace {

constexpr std::array<std::string_view, 12> months_tr = {"Ocak",  "Şubat",   "Mart",   "Nisan",
                                                        "Mayıs", "Haziran", "Temmuz", "Ağustos",
                                                        "Eylül", "Ekim",    "Kasım",  "Aralık"};
constexpr std::array<std::string_view, 12> months_en = {"January",   "February", "March",    "April",
                                                        "May",       "June",     "July",     "August",
                                                        "September", "October",  "November", "December"};
// English abbreviations as spreadsheets write them.
constexpr std::array<std::string_view, 12> months_en_short = {"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};

// Parses an unsigned decimal of exactly the given number of digits (0: any number, at least one).
std::optional<int> parse_digits(std::string_view text, std::size_t exact_digits) {
  if (text.empty() || (exact_digits != 0 && text.size() != exact_digits) || text.size() > 4)
    return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Period> make_period(std::optional<int> year, std::optional<int> month) {
  if (!year || !month) return std::nullopt;
  if (*year < Period::min_year || *year > Period::max_year || *month < 1 || *month > 12) return std::nullopt;
  return Period::from_year_month(*year, *month);
}

}  // namespace

std::string Period::iso() const {
  return fmt::format("{:04}-{:02}", year(), month());
}

std::optional<Period> parse_iso_period(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  return make_period(parse_digits(text.substr(0, 4), 4), parse_digits(text.substr(5, 2), 2));
}

std::optional<int> parse_month(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::nullopt;
  if (text.front() >= '0' && text.front() <= '9') {
    auto number = parse_digits(text, 0);
    if (number && text.size() <= 2 && *number >= 1 && *number <= 12) return number;
    return std::nullopt;
  }
  const std::string folded = fold_name(text);
  for (int m = 0; m < 12; ++m) {
    if (folded == fold_name(months_tr[m]) || folded == fold_name(months_en[m]) ||
        folded == months_en_short[m])
      return m + 1;
  }
  return std::nullopt;
}

std::optional<Period> parse_period(std::string_view text) {
  text = trim(text);
  if (auto iso = parse_iso_period(text)) return iso;
  // "2026/01" and "2026-1": a one- or two-digit month after the year.
  if ((text.size() == 6 || text.size() == 7) && (text[4] == '/' || text[4] == '-'))
    return make_period(parse_digits(text.substr(0, 4), 4), parse_digits(text.substr(5), 0));
  // "01.2026", "1.2026", "01/2026".
  if (auto sep = text.find_first_of("./");
      sep != std::string_view::npos && sep <= 2 && text.size() - sep - 1 == 4) {
    return make_period(parse_digits(text.substr(sep + 1), 4), parse_digits(text.substr(0, sep), 0));
  }
  // "Ocak 2026", "2026 Ocak", "Ocak-2026", "OCAK.2026", "2026-Ocak".
  const auto separator = [&]() -> std::size_t {
    if (auto space = text.find(' '); space != std::string_view::npos) return space;
    const bool name_first = !text.empty() && !(text.front() >= '0' && text.front() <= '9');
    const std::size_t at = name_first ? text.find_last_of("-./") : text.find_first_of("-./");
    return at;
  }();
  if (separator != std::string_view::npos) {
    std::string_view first = trim(text.substr(0, separator));
    std::string_view second = trim(text.substr(separator + 1));
    if (auto year = parse_digits(second, 4)) {
      if (first.empty() || (first.front() >= '0' && first.front() <= '9')) return std::nullopt;
      return make_period(year, parse_month(first));
    }
    if (auto year = parse_digits(first, 4)) {
      if (second.empty() || (second.front() >= '0' && second.front() <= '9')) return std::nullopt;
      return make_period(year, parse_month(second));
    }
  }
  return std::nullopt;
}

std::string_view month_name_tr(int month) {
  return months_tr.at(static_cast<std::size_t>(month - 1));
}
std::string_view month_name_en(int month) {
  return months_en.at(static_cast<std::size_t>(month - 1));
}

}  // namespace kexport
