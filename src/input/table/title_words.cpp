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
