#include "kexport/model/gazetteer.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <stdexcept>

#include "kexport/model/text.hpp"

namespace kexport {
namespace {

std::vector<std::string> split_aliases(std::string_view text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin <= text.size() && !text.empty()) {
    std::size_t end = text.find('|', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) out.emplace_back(trim(text.substr(begin, end - begin)));
    begin = end + 1;
  }
  return out;
}

// What the spelling `text` names in a sorted index (see embed_gazetteer.cpp, which builds it).
std::optional<int> look_up(std::span<const detail::NameIndexRow> index, std::string_view text) {
  const std::string folded = fold_name(text);
  const auto it = std::lower_bound(
      index.begin(), index.end(), std::string_view(folded),
      [](const detail::NameIndexRow& row, std::string_view key) { return row.folded < key; });
  if (it == index.end() || it->folded != folded) return std::nullopt;
  return it->value;
}

}  // namespace

Gazetteer::Gazetteer(const detail::GazetteerRows& rows)
    : province_names_(rows.province_names), country_names_(rows.country_names) {
  for (const detail::ProvinceRow& row : rows.provinces) {
    Province p{static_cast<ProvinceId>(row.code), std::string(trim(row.name)), std::string(trim(row.nuts2)),
               split_aliases(row.aliases)};
    if (row.code != static_cast<int>(provinces_.size()) + 1)
      throw std::logic_error("provinces.csv is not in code order");
    provinces_.push_back(std::move(p));
  }

  for (const detail::CountryRow& row : rows.countries) {
    Country c{std::string(trim(row.code)),    std::string(trim(row.alpha3)),
              std::string(trim(row.name_tr)), std::string(trim(row.name_official)),
              std::string(trim(row.name_en)), split_aliases(row.aliases)};
    countries_.push_back(std::move(c));
  }

  for (const detail::ChapterRow& row : rows.chapters)
    chapters_.push_back({row.code, std::string(trim(row.name_tr)), std::string(trim(row.name_en))});

  for (const detail::SectorRow& row : rows.sectors) {
    Sector sector{
        std::string(trim(row.name)), std::string(trim(row.name_en)), {}, split_aliases(row.aliases)};
    for (const auto& code : split_aliases(row.chapters)) sector.chapters.push_back(std::stoi(code));
    sectors_.push_back(std::move(sector));
  }
}

const Sector* Gazetteer::find_sector(std::string_view name) const {
  const std::string folded = fold_name(name);
  for (const Sector& sector : sectors_) {
    if (fold_name(sector.name) == folded || fold_name(sector.name_en) == folded) return &sector;
    for (const std::string& alias : sector.aliases)
      if (fold_name(alias) == folded) return &sector;
  }
  return nullptr;
}

std::string Gazetteer::sector_name(std::string_view written, Language language) const {
  const Sector* known = find_sector(written);
  if (!known) return std::string(written);
  return language == Language::tr ? known->name : known->name_en;
}

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer instance(detail::builtin_gazetteer_rows);
  return instance;
}

std::optional<ProvinceId> Gazetteer::find_province(std::string_view text) const {
  const std::optional<int> code = look_up(province_names_, text);
  if (!code) return std::nullopt;
  return static_cast<ProvinceId>(*code);
}

const Province& Gazetteer::province(ProvinceId code) const {
  return provinces_.at(static_cast<std::size_t>(code) - 1);
}

std::string_view Gazetteer::province_name(ProvinceId code) const {
  return code == national_total ? std::string_view("Türkiye") : std::string_view(province(code).name);
}

bool is_free_zone(std::string_view name) {
  const std::string folded = fold_name(name);
  constexpr std::string_view suffix = "serbestbolgesi";
  return folded.size() > suffix.size() && folded.ends_with(suffix);
}

namespace {

// Whether `name` is what `masked` was before its non-ASCII letters became '?', letter case aside.
bool fits_masked(const std::u32string& masked, std::string_view name) {
  const std::u32string candidate = to_code_points(to_upper_tr(name));
  if (candidate.size() != masked.size()) return false;
  for (std::size_t i = 0; i < masked.size(); ++i)
    if (masked[i] == U'?' ? candidate[i] < 0x80 : masked[i] != candidate[i]) return false;
  return true;
}

std::u32string masked_form(std::string_view masked) {
  return to_code_points(to_upper_tr(trim(masked)));
}

}  // namespace

std::vector<ProvinceId> Gazetteer::provinces_fitting(std::string_view masked) const {
  std::vector<ProvinceId> found;
  if (masked.find('?') == std::string_view::npos) return found;
  const std::u32string wanted = masked_form(masked);
  for (const Province& p : provinces_) {
    const bool fits = fits_masked(wanted, p.name) ||
                      std::any_of(p.aliases.begin(), p.aliases.end(),
                                  [&](const std::string& a) { return fits_masked(wanted, a); });
    if (fits) found.push_back(p.code);
  }
  return found;
}

std::vector<std::size_t> Gazetteer::countries_fitting(std::string_view masked) const {
  std::vector<std::size_t> found;
  if (masked.find('?') == std::string_view::npos) return found;
  const std::u32string wanted = masked_form(masked);
  for (std::size_t i = 0; i < countries_.size(); ++i) {
    const Country& c = countries_[i];
    const bool fits = fits_masked(wanted, c.name_tr) || fits_masked(wanted, c.name_official) ||
                      std::any_of(c.aliases.begin(), c.aliases.end(),
                                  [&](const std::string& a) { return fits_masked(wanted, a); });
    if (fits) found.push_back(i);
  }
  return found;
}

std::optional<std::size_t> Gazetteer::find_country(std::string_view text) const {
  const std::optional<int> index = look_up(country_names_, text);
  if (!index) return std::nullopt;
  return static_cast<std::size_t>(*index);
}

std::optional<std::size_t> Gazetteer::find_country_code(std::string_view code) const {
  // Codes are ASCII: upper-case them by ASCII rules, or "it" would become "İT".
  std::string wanted(trim(code));
  std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                 [](char ch) { return (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 32) : ch; });
  if (wanted.empty()) return std::nullopt;
  for (std::size_t i = 0; i < countries_.size(); ++i)
    if (countries_[i].code == wanted || countries_[i].alpha3 == wanted) return i;
  return std::nullopt;
}

const std::string& Gazetteer::country_name(std::size_t index, Language language) const {
  const Country& c = countries_.at(index);
  return language == Language::tr ? c.name_tr : c.name_en;
}

const Chapter* Gazetteer::find_chapter(int code) const {
  for (const Chapter& chapter : chapters_)
    if (chapter.code == code) return &chapter;
  return nullptr;
}

const Chapter* Gazetteer::find_chapter_named(std::string_view name) const {
  const std::string folded = fold_name(name);
  for (const Chapter& chapter : chapters_)
    if (fold_name(chapter.name_tr) == folded || fold_name(chapter.name_en) == folded) return &chapter;
  return nullptr;
}

std::string Gazetteer::chapter_name(int code, Language language) const {
  const Chapter* known = find_chapter(code);
  if (!known) return fmt::format("{:02}", code);
  return language == Language::tr ? known->name_tr : known->name_en;
}

namespace {

// The names whose best spelling is closest to the text, within a tolerance that grows with length.
std::vector<std::string> closest(
    std::string_view text, const std::vector<std::pair<std::string, std::vector<std::string>>>& candidates,
    std::size_t limit) {
  const std::string wanted = fold_name(text);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& [name, spellings] : candidates) {
    std::size_t best = edit_distance(wanted, fold_name(name));
    for (const auto& spelling : spellings) best = std::min(best, edit_distance(wanted, fold_name(spelling)));
    scored.emplace_back(best, name);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t tolerance = std::max<std::size_t>(2, wanted.size() / 3);
  std::vector<std::string> out;
  for (const auto& [distance, name] : scored) {
    if (out.size() >= limit || distance > tolerance) break;
    out.push_back(name);
  }
  return out;
}

}  // namespace

std::vector<std::string> Gazetteer::suggest_provinces(std::string_view text, std::size_t limit) const {
  std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
  for (const Province& p : provinces_) candidates.emplace_back(p.name, p.aliases);
  return closest(text, candidates, limit);
}

std::vector<std::string> Gazetteer::suggest_countries(std::string_view text, std::size_t limit) const {
  std::vector<std::pair<std::string, std::vector<std::string>>> candidates;
  for (const Country& c : countries_) {
    std::vector<std::string> spellings = c.aliases;
    spellings.push_back(c.name_official);
    spellings.push_back(c.name_en);
    candidates.emplace_back(c.name_tr, std::move(spellings));
  }
  return closest(text, candidates, limit);
}

}  // namespace kexport
