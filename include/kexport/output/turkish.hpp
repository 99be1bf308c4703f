// Turkish as chambers write it: amounts in milyar / milyon / bin, "yüzde 5,94", and the suffixes
// that follow an apostrophe by vowel harmony and consonant rules (Kayseri'nin, ABD'ye, 5,94'lük).
#pragma once

#include <string>
#include <string_view>

#include "kexport/model/dataset.hpp"

namespace kexport::turkish {

enum class Suffix {
  genitive,               // -(n)In: Kayseri'nin, Tokat'ın, Ordu'nun
  dative,                 // -(y)A: Almanya'ya, Irak'a, ABD'ye
  locative,               // -DA: Kayseri'de, Tokat'ta
  ablative,               // -DAn: İzmir'den, Muş'tan
  accusative,             // -(y)I: Almanya'yı
  adjective,              // -lIk after a number: 5,94'lük, 20'lik
  ordinal,                // -(I)ncI after a number: 1'inci, 2'nci, 12'nci
  possessive_accusative,  // -(s)InI after a number: 11,23'ünü, 12,50'sini
  none,                   // the word as it is
};

// The word with its suffix after an apostrophe. Numbers take the suffix by how they are read
// ("5,94" is read "beş virgül doksan dört"); abbreviations in capitals by their letters' names
// ("ABD" is read "a-be-de"); other words by their last vowel and last letter.
std::string suffixed(std::string_view word, Suffix suffix);

// Just the suffix, without the apostrophe: "nin", "ya", "lük".
std::string suffix_of(std::string_view word, Suffix suffix);

// Amounts below this are written in exact dollars: rounding them to thousands would lose too much.
inline constexpr Cents exact_below_cents = 10'000'000;  // 100 bin dolar

// An amount's figure without "dolar": in word groups of thousands with zero groups left out
// ("291 milyon 804 bin", "3 milyar 892 bin"), or below 100 bin dolar in exact dollars ("1.900").
std::string dollar_figure(Cents cents);

// dollar_figure() and "dolar": "291 milyon 804 bin dolar", "850 bin dolar", "1.900 dolar", "850 dolar".
std::string amount_words(Cents cents);

// The same, without "dolar": "291 milyon 804 bin". Empty for zero thousands.
std::string thousands_words(std::int64_t thousands);

// A short form for headlines and tables: "3,8 milyar dolar", "291,8 milyon dolar", "850 bin dolar",
// "1.900 dolar".
std::string amount_short(Cents cents);

// A percentage as written in prose: "5,94" (two decimals, decimal comma), "1.200,50", or "20"
// where the value is whole after rounding. Always without sign.
std::string percent_number(double percent);

// "yüzde 5,94".
std::string percent_words(double percent);

// A share with the suffix its sentence needs: "yüzde 11,23'ünü"; below 0,01 a bound, never 0:
// "yüzde 0,01'inden azını" (possessive_accusative), "yüzde 0,01'in altında" (otherwise).
std::string share_words(double percent, Suffix suffix);

// A factor with one decimal, or none when it is whole: "2,3", "10".
std::string factor_number(double factor);

// Month names in lower case as they stand inside a sentence: "ocak", "ağustos".
std::string month_lower(int month);

}  // namespace kexport::turkish
