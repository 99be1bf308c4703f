// What the rows above a table's header tell: its year, its province, its unit, its flow and
// its source ("2025 YILI KAYSERİ İLİ İHRACATI (Bin $)", "Kaynak: TİM").
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "kexport/model/text.hpp"
#include "table/sheet_layout.hpp"

namespace kexport::input {

// --- what the title rows tell -------------------------------------------------------------

namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    const bool part =
        static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)) || c == '.';
    if (part) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

std::optional<int> title_year(std::string_view title) {
  for (const auto& word : words_of(title)) {
    if (word.size() == 4 &&
        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const int year = std::stoi(word);
      if (year >= Period::min_year && year <= Period::max_year) return year;
    }
  }
  return std::nullopt;
}

std::optional<std::string> title_province(std::string_view title, const Gazetteer& gazetteer) {
  const auto words = words_of(title);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(words[i][0]))) continue;
    if (i + 1 < words.size()) {
      const std::string pair = words[i] + " " + words[i + 1];
      if (auto id = gazetteer.find_province(pair); id && *id != national_total) return pair;
    }
    if (auto id = gazetteer.find_province(words[i]); id && *id != national_total) return words[i];
  }
  return std::nullopt;
}

std::optional<Flow> title_flow(std::string_view title) {
  bool exports = false, imports = false;
  for (const auto& word : words_of(title)) {
    const std::string folded = fold_name(word);
    exports = exports || folded.starts_with("ihracat") || folded == "export" || folded == "exports";
    imports = imports || folded.starts_with("ithalat") || folded == "import" || folded == "imports";
  }
  if (imports && !exports) return Flow::imports;
  if (exports && !imports) return Flow::exports;
  return std::nullopt;  // neither, or both ("DIŞ TİCARET: İHRACAT VE İTHALAT"): the columns decide
}

StatedUnit text_unit(std::string_view text) {
  bool thousand = false, million = false, dollars = text.find('$') != std::string_view::npos;
  StatedUnit stated;
  if (text.find("\u20BA") != std::string_view::npos) stated.currency = "TL";   // ₺
  if (text.find("\u20AC") != std::string_view::npos) stated.currency = "EUR";  // €
  for (const auto& word : words_of(text)) {
    const std::string folded = fold_name(word);
    if (folded == "bin" || folded == "1000" || folded == "thousand" || folded == "000") thousand = true;
    if (folded == "milyon" || folded == "million" || folded == "mn" || folded == "mio") million = true;
    if (folded == "dolar" || folded == "dolari" || folded == "usd" || folded == "abd" || folded == "dollar" ||
        folded == "dollars")
      dollars = true;
    if (folded == "tl" || folded == "try" || folded == "lirasi") stated.currency = "TL";
    if (folded == "euro" || folded == "eur" || folded == "avro") stated.currency = "EUR";
  }
  if (dollars)
    stated.unit = million    ? ValueUnit::million_dollars
                  : thousand ? ValueUnit::thousand_dollars
                             : ValueUnit::dollars;
  return stated;
}

std::optional<Basis> text_basis(std::string_view text) {
  const std::string folded = fold_name(text);
  const auto says = [&](std::string_view words) { return folded.find(words) != std::string::npos; };
  // "faaliyet iline göre", "üretim yerlerine göre il ihracatı"
  if (says("faaliyetil") || says("uretimyer")) return Basis::production_place;
  // "firmanın merkezinin bulunduğu il", "firma merkezine göre"
  if (says("merkezininbulundugu") || says("firmamerkez") || says("firmaninmerkez")) return Basis::head_office;
  // "ihracatçı birliği kaydına göre", "ihracatçı birliklerine kayıt"
  if (says("birligikayd") || says("birliklerinekayit")) return Basis::registration;
  return std::nullopt;
}

namespace {

constexpr std::string_view turkish_months[] = {"ocak",   "subat",   "mart",  "nisan", "mayis", "haziran",
                                               "temmuz", "agustos", "eylul", "ekim",  "kasim", "aralik"};

// A number of 1 to `most` digits at `at`; its end.
std::optional<std::pair<int, std::size_t>> digits_at(std::string_view text, std::size_t at,
                                                     std::size_t most) {
  std::size_t end = at;
  int value = 0;
  while (end < text.size() && end - at < most && text[end] >= '0' && text[end] <= '9')
    value = value * 10 + (text[end++] - '0');
  if (end == at || (end < text.size() && text[end] >= '0' && text[end] <= '9')) return std::nullopt;
  return std::pair{value, end};
}

// A date at `at`: "28.02.2026", "28/02/2026", "28 Şubat 2026"; the date and where it ends.
std::optional<std::pair<Vintage, std::size_t>> date_at(std::string_view text, std::size_t at) {
  if (at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9') return std::nullopt;
  const auto day = digits_at(text, at, 2);
  if (!day) return std::nullopt;
  std::size_t next = day->second;
  std::optional<int> month;
  if (next < text.size() && (text[next] == '.' || text[next] == '/')) {
    const char separator = text[next];
    const auto number = digits_at(text, next + 1, 2);
    if (!number || number->second >= text.size() || text[number->second] != separator) return std::nullopt;
    month = number->first;
    next = number->second + 1;
  } else {
    std::size_t word = next;
    while (word < text.size() && text[word] == ' ') ++word;
    std::size_t end = word;
    while (end < text.size() && text[end] != ' ') ++end;
    const std::string name = fold_name(text.substr(word, end - word));
    for (std::size_t m = 0; m < 12; ++m)
      if (name == turkish_months[m]) month = static_cast<int>(m) + 1;
    if (!month || word == next) return std::nullopt;
    next = end;
    while (next < text.size() && text[next] == ' ') ++next;
  }
  const auto year = digits_at(text, next, 4);
  if (!year || year->second - next != 4) return std::nullopt;
  const auto vintage = make_vintage(year->first, *month, day->first);
  if (!vintage || day->first == 0) return std::nullopt;
  return std::pair{*vintage, year->second};
}

}  // namespace

std::optional<Vintage> text_vintage(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto date = date_at(text, at);
    if (!date) continue;
    const std::string after = fold_name(text.substr(date->second, 40));
    const std::string before = fold_name(text.substr(at >= 30 ? at - 30 : 0, at >= 30 ? 30 : at));
    const bool release = after.starts_with("tarihiitibar") || after.starts_with("itibar") ||
                         after.starts_with("tarihli") || before.ends_with("asof") ||
                         before.ends_with("yayimtarihi") || before.ends_with("bultentarihi");
    if (release) return date->first;
    at = date->second;
  }
  return std::nullopt;
}

std::optional<Vintage> file_name_vintage(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto number = [&](std::size_t at, std::size_t count) -> std::optional<int> {
    if (at + count > name.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      if (name[i] < '0' || name[i] > '9') return std::nullopt;
      value = value * 10 + (name[i] - '0');
    }
    return value;
  };
  const auto digit_at = [&](std::size_t at) {
    return at < name.size() && name[at] >= '0' && name[at] <= '9';
  };
  // YYYY-MM-DD, with no digit on either side.
  for (std::size_t at = 0; at + 10 <= name.size(); ++at) {
    if ((at > 0 && digit_at(at - 1)) || digit_at(at + 10) || name[at + 4] != '-' || name[at + 7] != '-')
      continue;
    const auto year = number(at, 4), month = number(at + 5, 2), day = number(at + 8, 2);
    if (year && month && day && *day > 0)
      if (const auto vintage = make_vintage(*year, *month, *day)) return vintage;
  }
  // YYYY-MM beginning the name.
  if (name.size() > 7 && name[4] == '-' && !digit_at(7))
    if (const auto year = number(0, 4), month = number(5, 2); year && month)
      return make_vintage(*year, *month, 0);
  return std::nullopt;
}

std::optional<std::string> text_source(std::string_view text) {
  for (const auto& word : words_of(text)) {
    const std::string folded = fold_name(word);
    if (folded == "tuik" || folded == "turkstat") return "TÜİK";
    if (folded == "tim") return "TİM";
  }
  const std::string folded = fold_name(text);
  if (folded.find("ticaretbakanligi") != std::string::npos) return "Ticaret Bakanlığı";
  if (folded.find("turkiyeihracatcilarmeclisi") != std::string::npos) return "TİM";
  if (folded.find("turkiyeistatistikkurumu") != std::string::npos) return "TÜİK";
  return std::nullopt;
}

}  // namespace kexport::input
