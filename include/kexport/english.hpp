// English as press releases write it: "$291.8 million", "$3.83 billion", "12th", "the United States".
#pragma once

#include <string>
#include <string_view>

#include "kexport/dataset.hpp"

namespace kexport::english {

// "$3.83 billion", "$291.8 million", "$850,000".
std::string amount_short(Cents cents);

// "5.94%": two decimals, without sign.
std::string percent(double value);

// "1st", "2nd", "3rd", "11th", "12th", "21st", "101st", "111th".
std::string ordinal(std::size_t n);

// A country name as it stands in a sentence: "the United States", "the Netherlands", "Germany".
std::string country_in_sentence(std::string_view name);

}  // namespace kexport::english
