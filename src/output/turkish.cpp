#include "kexport/output/turkish.hpp"

#include "kexport/output/number_format.hpp"

#include <fmt/format.h>
#include <array>
#include <cmath>
#include <cstdlib>

#include "kexport/model/period.hpp"
#include "kexport/model/text.hpp"

namespace kexport::turkish {
namespace {

// How a word ends when spoken: its last vowel, and whether it ends in a vowel or in a voiceless
// consonant (ç f h k p s ş t), which are what the suffix rules look at.
struct Ending {
  char32_t last_vowel = U'e';
  bool ends_in_vowel = false;
  bool voiceless = false;
};

bool is_vowel(char32_t c) {
  switch (c) {
    case U'a':
    case U'e':
    case U'ı':
    case U'i':
    case U'o':
    case U'ö':
    case U'u':
    case U'ü':
    case U'â':
    case U'î':
    case U'û':
      return true;
    default:
      return false;
  }
}

bool is_voiceless(char32_t c) {
  switch (c) {
    case U'ç':
    case U'f':
    case U'h':
    case U'k':
    case U'p':
    case U's':
    case U'ş':
    case U't':
      return true;
    default:
      return false;
  }
}

Ending ending_of_spoken(const std::u32string& spoken) {
  Ending e;
  for (char32_t c : spoken) {
    if (is_vowel(c)) e.last_vowel = c == U'â' ? U'a' : c == U'î' ? U'i' : c == U'û' ? U'u' : c;
  }
  if (!spoken.empty()) {
    e.ends_in_vowel = is_vowel(spoken.back());
    e.voiceless = is_voiceless(spoken.back());
  }
  return e;
}

// The spoken ending of a number written with digits and an optional decimal comma or point.
std::u32string spoken_number(std::string_view text) {
  const auto sep = text.find_first_of(",.");
  std::string_view last = sep == std::string_view::npos ? text : text.substr(sep + 1);
  // A decimal part is read as a number of its own ("94" in 5,94); leading zeros are read as
  // "sıfır" only when nothing else follows.
  while (last.size() > 1 && last.front() == '0') last.remove_prefix(1);
  long long n = 0;
  for (char c : last)
    if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
  static constexpr std::array<std::u32string_view, 10> ones = {
      U"sıfır", U"bir", U"iki", U"üç", U"dört", U"beş", U"altı", U"yedi", U"sekiz", U"dokuz"};
  static constexpr std::array<std::u32string_view, 10> tens = {
      U"", U"on", U"yirmi", U"otuz", U"kırk", U"elli", U"altmış", U"yetmiş", U"seksen", U"doksan"};
  if (n == 0) return std::u32string(ones[0]);
  if (n % 10 != 0) return std::u32string(ones[static_cast<std::size_t>(n % 10)]);
  if (n % 100 != 0) return std::u32string(tens[static_cast<std::size_t>(n / 10 % 10)]);
  if (n % 1000 != 0) return U"yüz";
  if (n % 1000000 != 0) return U"bin";
  if (n % 1000000000 != 0) return U"milyon";
  return U"milyar";
}

// Letter names, for abbreviations read letter by letter: a vowel is its own name, K is "ka", H
// "he", Ğ "yumuşak ge", and any other consonant takes an e (be, ce, çe, de, …).
std::u32string letter_name(const std::u32string& lower) {
  if (lower.size() == 1 && is_vowel(lower[0])) return lower;
  if (lower == U"k") return U"ka";
  if (lower == U"h") return U"he";
  if (lower == U"ğ") return U"yumuşak ge";
  return lower + U"e";
}

// Capitals with no lower-case letter and too short to read as a word are spelled out: ABD, BAE,
// KKTC. Acronyms that are read as words stay words.
bool spelled_out(const std::u32string& word) {
  if (word.size() < 2 || word.size() > 5) return false;
  for (char32_t c : word)
    if (!(c >= U'A' && c <= U'Z') && c != U'Ç' && c != U'Ğ' && c != U'İ' && c != U'Ö' && c != U'Ş' &&
        c != U'Ü')
      return false;
  static constexpr std::u32string_view read_as_words[] = {U"TÜİK", U"TİM", U"NATO", U"KOBİ", U"OPEC"};
  for (auto w : read_as_words)
    if (word == w) return false;
  return true;
}

// Foreign names whose suffixes follow a pronunciation their spelling does not show: a silent
// final e (Martinique is read "Martinik": Martinique'e), a final y read as i (Jersey'ye), or a
// final l read soft, which takes front vowels (Nepal'e, Senegal'e). Each maps to a spelling that
// ends as the name is read.
struct Pronunciation {
  std::string_view written;
  std::u32string_view spoken;
};
constexpr Pronunciation pronunciations[] = {
    {"Barthélemy", U"bartelemi"}, {"Belize", U"beliz"}, {"Guadeloupe", U"guadlup"},
    {"Guernsey", U"görnzi"},      {"Jersey", U"cörzi"}, {"Martinique", U"martinik"},
    {"Mayotte", U"mayot"},        {"Nepal", U"nepel"},  {"Senegal", U"senegel"},
};

// A name without a trailing parenthesis, which does not take the suffix: "Sint Maarten
// (Hollanda kısmı)" is suffixed as "Sint Maarten", and the parenthesis follows.
std::string_view without_parenthesis(std::string_view text) {
  text = trim(text);
  if (text.ends_with(")"))
    if (const auto open = text.rfind(" ("); open != std::string_view::npos) return trim(text.substr(0, open));
  return text;
}

// The last word of a name, where its suffix goes.
std::string_view last_word(std::string_view text) {
  text = without_parenthesis(text);
  const auto space = text.find_last_of(' ');
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

Ending ending_of(std::string_view text) {
  const std::string_view last = last_word(text);
  if (!last.empty() && last.front() >= '0' && last.front() <= '9')
    return ending_of_spoken(spoken_number(last));
  for (const Pronunciation& p : pronunciations)
    if (last == p.written) return ending_of_spoken(std::u32string(p.spoken));
  const std::u32string word = to_code_points(last);
  if (spelled_out(word)) {
    // The last letter: from the start of the last character to the end.
    std::size_t start = last.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(last[start]) & 0xC0) == 0x80) --start;
    return ending_of_spoken(letter_name(to_code_points(to_lower_tr(last.substr(start)))));
  }
  return ending_of_spoken(to_code_points(to_lower_tr(last)));
}

// Four-way harmony (ı i u ü) and two-way (a e).
std::string_view i4(const Ending& e) {
  switch (e.last_vowel) {
    case U'a':
    case U'ı':
      return "ı";
    case U'o':
    case U'u':
      return "u";
    case U'ö':
    case U'ü':
      return "ü";
    default:
      return "i";
  }
}
std::string_view a2(const Ending& e) {
  switch (e.last_vowel) {
    case U'a':
    case U'ı':
    case U'o':
    case U'u':
      return "a";
    default:
      return "e";
  }
}

// A name of several words ending in the possessive -(s)I of a compound noun: "Dominik
// Cumhuriyeti", "Cayman Adaları", "Fildişi Sahili", "Man Adası". Case endings after it take the
// pronominal n: Cumhuriyeti'ne, Adaları'nda. A single word ending in i (Haiti, Mali) is not one.
bool possessive_compound(std::string_view text) {
  if (without_parenthesis(text).find(' ') == std::string_view::npos) return false;
  const std::u32string word = to_code_points(last_word(text));
  if (word.empty()) return false;
  const char32_t end = word.back();
  return end == U'ı' || end == U'i' || end == U'u' || end == U'ü';
}

}  // namespace

std::string suffix_of(std::string_view word, Suffix suffix) {
  const Ending e = ending_of(word);
  const std::string i(i4(e)), a(a2(e));
  const std::string d = e.voiceless ? "t" : "d";
  if (possessive_compound(word)) {
    switch (suffix) {
      case Suffix::dative:
        return "n" + a;
      case Suffix::locative:
        return "nd" + a;
      case Suffix::ablative:
        return "nd" + a + "n";
      case Suffix::accusative:
        return "n" + i;
      default:
        break;
    }
  }
  switch (suffix) {
    case Suffix::genitive:
      return e.ends_in_vowel ? "n" + i + "n" : i + "n";
    case Suffix::dative:
      return e.ends_in_vowel ? "y" + a : a;
    case Suffix::locative:
      return d + a;
    case Suffix::ablative:
      return d + a + "n";
    case Suffix::accusative:
      return e.ends_in_vowel ? "y" + i : i;
    case Suffix::adjective:
      return "l" + i + "k";
    case Suffix::ordinal:
      return e.ends_in_vowel ? "nc" + i : i + "nc" + i;
    case Suffix::possessive_accusative:
      return e.ends_in_vowel ? "s" + i + "n" + i : i + "n" + i;
    case Suffix::none:
      return {};
  }
  return {};
}

std::string suffixed(std::string_view word, Suffix suffix) {
  word = trim(word);
  if (suffix == Suffix::none) return std::string(word);
  // A trailing parenthesis follows the suffixed name: "Sint Maarten'e (Hollanda kısmı)".
  const std::string_view name = without_parenthesis(word);
  return fmt::format("{}'{}{}", name, suffix_of(name, suffix), word.substr(name.size()));
}

std::string thousands_words(std::int64_t thousands) {
  if (thousands <= 0) return {};
  const std::int64_t milyar = thousands / 1'000'000;
  const std::int64_t milyon = thousands / 1'000 % 1'000;
  const std::int64_t bin = thousands % 1'000;
  std::string out;
  const auto group = [&](std::int64_t n, std::string_view word) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    out += fmt::format("{} {}", n, word);
  };
  group(milyar, "milyar");
  group(milyon, "milyon");
  group(bin, "bin");
  return out;
}

std::string dollar_figure(Cents cents) {
  const auto magnitude = static_cast<std::uint64_t>(std::llabs(cents));
  // Below a dollar the cents are the figure: a positive amount is never "0 dolar".
  if (magnitude > 0 && magnitude < 100) return fmt::format("0,{:02}", magnitude);
  // Below a hundred thousand dollars rounding to thousands would lose too much: exact dollars.
  if (std::llabs(cents) < exact_below_cents) return format_dollars(std::llabs(cents), Language::tr);
  return thousands_words(static_cast<std::int64_t>(divide_half_up(magnitude, 100'000)));
}

std::string amount_words(Cents cents) {
  return dollar_figure(cents) + " dolar";
}

std::string amount_short(Cents cents) {
  if (std::llabs(cents) < exact_below_cents) return amount_words(cents);
  // Rounded exactly, half up, carried into the next unit: 999 500 $ is "1 milyon", never "1000 bin".
  const auto magnitude = static_cast<std::uint64_t>(std::llabs(cents));
  const std::uint64_t thousands = divide_half_up(magnitude, 100'000);
  if (thousands < 1000) return fmt::format("{} bin dolar", thousands);
  const std::uint64_t million_tenths = divide_half_up(magnitude, 10'000'000);
  if (million_tenths < 10'000) return format_units(million_tenths, 1, Language::tr) + " milyon dolar";
  return format_units(divide_half_up(magnitude, 10'000'000'000), 1, Language::tr) + " milyar dolar";
}

std::string percent_number(double percent) {
  return format_decimal(percent, 2, Language::tr, Trim::zero_fraction);
}

std::string percent_words(double percent) {
  return "yüzde " + percent_number(percent);
}

std::string share_words(double percent, Suffix suffix) {
  if (percent > 0 && std::abs(percent) < 0.005) {
    // Rounds to 0,00: said as a bound, never as zero.
    if (suffix == Suffix::possessive_accusative) return "yüzde 0,01'inden azını";
    return "yüzde 0,01'in altında";
  }
  return "yüzde " + suffixed(percent_number(percent), suffix);
}

std::string factor_number(double factor) {
  return format_decimal(factor, 1, Language::tr, Trim::zero_fraction);
}

std::string month_lower(int month) {
  return to_lower_tr(month_name_tr(month));
}

}  // namespace kexport::turkish
