// How numbers are written for people, in Turkish or English style. Rounding lives here.
#pragma once

#include <cstdint>
#include <string>

#include "kexport/model/dataset.hpp"
#include "kexport/model/gazetteer.hpp"

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

// Exact rounding of money for prose: `value` over `unit`, half up ("1 050 000 $ in tenths of a
// million" is 11, never the 10 a double's 1.05 gives).
std::uint64_t divide_half_up(std::uint64_t value, std::uint64_t unit);
// A count of 10^-decimals units, grouped, its fraction's trailing zeros left out: 105 at 1 decimal
// is "10,5" (tr) or "10.5" (en); 100 is "10".
std::string format_units(std::uint64_t count, int decimals, Language language);

// Exact decimal dollars from cents, for machines: 29180423645 -> "291804236.45".
std::string cents_to_decimal(Cents cents);

}  // namespace kexport
