// The period labels over the blocks of TİM's bulletins: "1 - 28 ŞUBAT" (a month), "1 OCAK - 28 ŞUBAT"
// (the year to date), "31 OCAK" (a single day). TİM writes month names with and without their
// Turkish letters ("NİSAN", "NISAN", "ARALıK").
#pragma once

#include <optional>
#include <string_view>

namespace kexport::input {

// A span of days as a label writes it. A side without a day is the whole month: its first day on
// the left, its last on the right (last_day 0).
struct PeriodLabel {
  int first_month = 0, first_day = 1;
  int last_month = 0, last_day = 0;
  bool single_day = false;  // "31 OCAK": one day, whatever the month
};

// Empty for text that is not such a label.
std::optional<PeriodLabel> parse_period_label(std::string_view text);

// What a block's figures are, by its label and the years it is read for: a whole month, the year
// to date through a month, or a span kexport does not read as either (a day, part of a month, a
// range of months that does not start in January).
enum class SpanKind { month, year_to_date, day, part_of_month, other_range };
struct LabelSpan {
  SpanKind kind = SpanKind::other_range;
  int month = 0;  // the month, or the last month of the year to date
};
// A side that ends before the month's last day is part of it: TİM's ranges end on the month's
// last day of either year the block holds (28 or 29 for February).
LabelSpan span_of(const PeriodLabel& label, int previous_year, int year);

int days_in_month(int year, int month);

}  // namespace kexport::input
