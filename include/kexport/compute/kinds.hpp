// The kinds compute's answers name, as enums: output turns each into words for people and into a
// stable code for machines (output/names.hpp).
#pragma once

namespace kexport {

// The figures a month is compared with, or summed into.
enum class Comparison { previous_month, previous_year, rolling_12m, year_to_date };

// What a total's parts are: its rows of countries, of HS chapters, of sectors, or (for Türkiye's
// total) the provinces.
enum class Breakdown { countries, chapters, sectors, provinces };

// How Türkiye's figures were had: from the data's national total rows, or as the sum of the 81
// provinces in months that hold them all.
enum class TurkeyMadeOf { national_total_rows, sum_of_provinces };

}  // namespace kexport
