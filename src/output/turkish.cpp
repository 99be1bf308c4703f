#include "kexport/turkish.hpp"

#include <fmt/format.h>
#include <array>
#include <cmath>
#include <cstdlib>

#include "kexport/period.hpp"
#include "kexport/text.hpp"

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

Ending ending_of(std::string_view text) {
  text = trim(text);
  const auto space = text.find_last_of(' ');
  const std::string_view last = space == std::string_view::npos ? text : text.substr(space + 1);
  if (!last.empty() && last.front() >= '0' && last.front() <= '9')
    return ending_of_spoken(spoken_number(last));
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

std::string with_commas(std::string text) {
  for (char& c : text)
    if (c == '.') c = ',';
  return text;
}

}  // namespace

std::string suffix_of(std::string_view word, Suffix suffix) {
  const Ending e = ending_of(word);
  const std::string i(i4(e)), a(a2(e));
  const std::string d = e.voiceless ? "t" : "d";
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
  }
  return {};
}

std::string suffixed(std::string_view word, Suffix suffix) {
  return fmt::format("{}'{}", trim(word), suffix_of(word, suffix));
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

std::string amount_words(Cents cents) {
  const std::int64_t thousands = (std::llabs(cents) + 50'000) / 100'000;
  if (thousands == 0) return "0 dolar";
  return thousands_words(thousands) + " dolar";
}

std::string amount_short(Cents cents) {
  const double dollars = static_cast<double>(std::llabs(cents)) / 100.0;
  const auto one_decimal = [](double v) {
    std::string text = fmt::format("{:.1f}", v);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    return with_commas(text);
  };
  if (dollars >= 999'950'000.0) return one_decimal(dollars / 1e9) + " milyar dolar";
  if (dollars >= 999'950.0) return one_decimal(dollars / 1e6) + " milyon dolar";
  return fmt::format("{} bin dolar", static_cast<std::int64_t>(std::llround(dollars / 1e3)));
}

std::string percent_number(double percent) {
  std::string text = fmt::format("{:.2f}", std::abs(percent));
  if (text.ends_with(".00")) text.resize(text.size() - 3);
  return with_commas(text);
}

std::string percent_words(double percent) {
  return "yüzde " + percent_number(percent);
}

std::string factor_number(double factor) {
  return with_commas(fmt::format("{:.1f}", factor));
}

std::string month_lower(int month) {
  return to_lower_tr(month_name_tr(month));
}

}  // namespace kexport::turkish
