// How numbers are written for people, in Turkish or English style. Rounding lives here.
#pragma once

#include <string>

#include "kexport/dataset.hpp"
#include "kexport/gazetteer.hpp"

namespace kexport {

// Whole dollars, rounded half away from zero and grouped: 291.804.236 (tr) / 291,804,236 (en).
std::string format_dollars(Cents cents, Language language);

// A change with its sign and two decimals: "-5,94 %" (tr) / "-5.94%" (en).
std::string format_change(double percent, Language language);

// A change in percentage points, with its sign: "+1,25 puan" (tr) / "+1.25 pp" (en).
std::string format_points(double points, Language language);
// A share without sign: "10,32 %" / "10.32%".
std::string format_share(double percent, Language language);

// An integer grouped in the language's style: 1.234 / 1,234.
std::string format_count(std::uint64_t count, Language language);

// What format_decimal() leaves out of the fraction.
enum class Trim {
  nothing,         // "20,00", "8,50"
  zero_fraction,   // "20" rather than "20,00", but "8,50"
  trailing_zeros,  // "20", "8,5"
};

// A number without sign, rounded to `decimals` places and grouped in the language's style:
// 1200 -> "1.200,00" (tr) / "1,200.00" (en).
std::string format_decimal(double value, int decimals, Language language, Trim trim = Trim::nothing);

// Exact decimal dollars from cents, for machines: 29180423645 -> "291804236.45".
std::string cents_to_decimal(Cents cents);

}  // namespace kexport
