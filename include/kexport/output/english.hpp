// English as press releases write it: "$291.8 million", "$3.83 billion", "12th", "the United States".
#pragma once

#include <string>
#include <string_view>

#include "kexport/model/dataset.hpp"

namespace kexport::english {

// "$3.83 billion", "$291.8 million", "$850,000", and below $100,000 exact dollars: "$1,900".
std::string amount_short(Cents cents);

// "5.94%", "1,200.00%": two decimals, grouped, without sign.
std::string percent(double value);

// A share: percent(), but "less than 0.01%" for a share that would round to 0.00%.
std::string share(double value);

// A factor with one decimal, or none when whole: "2.3", "10".
std::string factor(double value);

// "1 country", "140 countries".
std::string count_of(std::uint64_t n, std::string_view one, std::string_view many);

// "1st", "2nd", "3rd", "11th", "12th", "21st", "101st", "111th".
std::string ordinal(std::size_t n);

// A country name as it stands in a sentence: "the United States", "the Netherlands", "Germany".
std::string country_in_sentence(std::string_view name);

}  // namespace kexport::english
