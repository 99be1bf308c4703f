// Dates in spreadsheets: which number formats show a date, and the month a date serial (a count of
// days in Excel's 1900 or 1904 system, as .xlsx and .xls store dates) falls in.
#pragma once

#include <string>
#include <string_view>

namespace kexport::input {

// Whether a number format's code shows a date: "dd.mm.yyyy", "mmm.yy", "[$-41F]mmmm yy;@" do,
// "0.00" and "#,##0" do not. Quoted text, escapes and bracketed sections do not count.
bool is_date_format(std::string_view code);

// The period a date serial falls in, as "YYYY-MM"; empty for a serial that is not a date.
std::string period_of_serial(std::string_view serial, bool from_1904);

}  // namespace kexport::input
