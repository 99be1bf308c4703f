// Labels that are not names: totals in words ("TOPLAM (TİM)", "T O P L A M", "İL TOPLAMI",
// "TOTAL EXPORTS"), subtotals ("ARA TOPLAM") and sub-group rows ("I. TARIM").
#include <algorithm>
#include <string>
#include <vector>

#include "kexport/model/text.hpp"
#include "table/record_interpreter.hpp"

namespace kexport::input {

namespace {

// A label's words, folded (see fold_name), without what parentheses or brackets hold ("TOPLAM
// (1000 $)", "TOPLAM (TİM)"); letters written one by one ("T O P L A M") make one word.
std::vector<std::string> label_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  int depth = 0;
  bool all_single = true;
  const auto flush = [&] {
    if (word.empty()) return;
    std::string folded = fold_name(word);
    word.clear();
    if (folded.empty()) return;
    if (folded.size() > 1) all_single = false;
    words.push_back(std::move(folded));
  };
  for (const char c : text) {
    if (c == '(' || c == '[') {
      flush();
      ++depth;
    } else if (c == ')' || c == ']') {
      depth = std::max(depth - 1, 0);
    } else if (depth == 0) {
      if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == ':' || c == ',' || c == '*')
        flush();
      else
        word += c;
    }
  }
  flush();
  if (all_single && words.size() > 1) {
    std::string joined;
    for (const std::string& w : words) joined += w;
    words = {joined};
  }
  return words;
}

bool is_total_word(std::string_view word) {
  return word == "toplam" || word == "toplami" || word == "total" || word == "totals" ||
         word == "geneltoplam" || word == "grandtotal";
}

// Words that may stand beside a total word in a total's label: "GENEL TOPLAM", "TOPLAM İHRACAT",
// "İL TOPLAMI", "TOTAL EXPORTS", "TÜRKİYE TOPLAMI", a publisher's name.
bool is_total_companion(std::string_view word) {
  for (const std::string_view companion :
       {"genel", "grand",   "general",   "ihracat",  "ihracati",  "export",  "exports",
        "il",    "ili",     "iller",     "province", "provinces", "turkiye", "turkey",
        "ulke",  "ulkeler", "countries", "sektor",   "sektorler", "sectors", "tum",
        "all",   "tim",     "tuik",      "deger",    "value",     "usd",     "dolar"})
    if (word == companion) return true;
  return false;
}

}  // namespace

bool may_name_total(std::string_view text) {
  // Asked of every label of every row of a focused load, so most names are ruled out without a
  // scan: a label that starts with neither t nor g (the total words, "Genel Toplam") can be a total
  // only with its total word last ("İL TOPLAMI", "KAYSERİ TOPLAMI (TİM)"), in its last bytes.
  if (text.empty()) return false;
  const char first = static_cast<char>(text[0] | 0x20);
  if (first != 't' && first != 'g') {
    // "opl" of toplam or "tal" of total, in any case, among the last 16 bytes.
    bool found = false;
    for (std::size_t k = text.size() > 16 ? text.size() - 14 : 2; k < text.size() && !found; ++k) {
      if ((text[k] | 0x20) != 'l') continue;
      const char a = static_cast<char>(text[k - 2] | 0x20), b = static_cast<char>(text[k - 1] | 0x20);
      found = (a == 'o' && b == 'p') || (a == 't' && b == 'a');
    }
    if (!found) return false;
  }
  char letters[64];
  std::size_t n = 0;
  for (const char c : text) {
    if (c == ' ' || c == '\t') continue;
    if (n == sizeof letters) break;
    letters[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }
  const std::string_view read(letters, n);
  return read.find("toplam") != std::string_view::npos || read.find("total") != std::string_view::npos;
}

bool is_group_label(std::string_view text) {
  text = trim(text);
  // Roman numerals I-XX or a single capital letter, then a dot and a space: "I. TARIM", "A. ...".
  std::size_t i = 0;
  while (i < text.size() && (text[i] == 'I' || text[i] == 'V' || text[i] == 'X')) ++i;
  if (i == 0 && !text.empty() && text[0] >= 'A' && text[0] <= 'Z') i = 1;
  if (i > 0 && i + 1 < text.size() && text[i] == '.' && text[i + 1] == ' ') return true;
  // A subtotal of some rows ("ARA TOPLAM", "Subtotal") is a group, not the whole. Asked of every
  // label of every row: the first letter rules out all others before any scan.
  if (text.empty() || !(text[0] == 'A' || text[0] == 'a' || text[0] == 'S' || text[0] == 's')) return false;
  if (!may_name_total(text)) return false;
  const auto words = label_words(text);
  for (std::size_t w = 0; w < words.size(); ++w)
    if (words[w] == "aratoplam" || words[w] == "subtotal" ||
        (words[w] == "ara" && w + 1 < words.size() && is_total_word(words[w + 1])) ||
        (words[w] == "sub" && w + 1 < words.size() && is_total_word(words[w + 1])))
      return true;
  return false;
}

bool is_total_label(std::string_view text) {
  text = trim(text);
  if (text.empty() || !may_name_total(text)) return false;
  const auto words = label_words(text);
  bool total = false;
  for (const std::string& word : words) {
    if (is_total_word(word))
      total = true;
    else if (!is_total_companion(word))
      return false;
  }
  return total;
}

std::optional<std::string_view> subtotal_of(std::string_view name) {
  name = trim(name);
  if (!may_name_total(name)) return std::nullopt;
  const auto space = name.find_last_of(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string last = fold_name(name.substr(space + 1));
  if (last != "toplam" && last != "toplami" && last != "total") return std::nullopt;
  const std::string_view part = trim(name.substr(0, space));
  if (part.empty()) return std::nullopt;
  return part;
}

}  // namespace kexport::input
