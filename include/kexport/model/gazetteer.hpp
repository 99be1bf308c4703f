// The reference lists: Turkey's 81 provinces, destination countries and HS chapters, with every
// spelling people use, and name matching that folds Turkish letters and case.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kexport {

// The language of everything written for people.
enum class Language { tr, en };

// Province ids are plate codes 1-81. Id 0 is Turkey as a whole (a national total row).
using ProvinceId = std::uint8_t;
inline constexpr ProvinceId national_total = 0;
inline constexpr ProvinceId province_count = 81;  // plate codes 1-81
// A table that lists at least this many provinces in a month (more than half) is a table of
// provinces: a hint for validate's doubts about units, never proof that the rest exported nothing.
inline constexpr std::size_t provinces_that_enumerate = province_count / 2 + 1;

struct Province {
  ProvinceId code = 0;               // plate code
  std::string name;                  // official display name: "Kayseri", "İstanbul", "Hakkari"
  std::string nuts2;                 // "TR72"
  std::vector<std::string> aliases;  // other spellings: "Afyon", "İçel", "K.Maraş"
};

struct Country {
  std::string code;           // ISO 3166-1 alpha-2, or a user-assigned code (XC for KKTC)
  std::string alpha3;         // ISO alpha-3, may be empty
  std::string name_tr;        // customary short Turkish name: "ABD", "Almanya"
  std::string name_official;  // as TÜİK writes it: "AMERİKA BİRLEŞİK DEVLETLERİ"
  std::string name_en;        // "United States"
  std::vector<std::string> aliases;
};

struct Chapter {
  int code = 0;  // HS chapter 1-99
  std::string name_tr;
  std::string name_en;
};

// A sector as TİM publishes it, and the HS chapters it corresponds to.
struct Sector {
  std::string name;                  // TİM's Turkish name, as TİM writes it now
  std::string name_en;               // in English
  std::vector<int> chapters;         // the HS chapters it mostly covers: a guide, never a mapping
  std::vector<std::string> aliases;  // older spellings ("Elektrik Elektronik", "Gemi ve Yat")
};

// A Turkish free zone ("KAYSERİ SERBEST BÖLGESİ", "Ege Serbest Bölgesi"): TİM's country tables list
// each as a destination of its own. Not a country, and not an unknown one: kept as written.
bool is_free_zone(std::string_view name);

namespace detail {
// The gazetteer's files as rows, one struct per file with its columns in order: the build writes
// data/gazetteer into arrays of these (data/tools/embed_gazetteer.cpp). Aliases and a sector's
// chapters are '|'-separated.
struct ProvinceRow {
  int code;
  std::string_view name, nuts2, aliases;
};
struct CountryRow {
  std::string_view code, alpha3, name_tr, name_official, name_en, aliases;
};
struct ChapterRow {
  int code;
  std::string_view name_tr, name_en;
};
struct SectorRow {
  std::string_view name, name_en, chapters, aliases;
};
// A spelling folded for matching (fold_name) and what it names: a province's code, or a
// country's index in the country rows. The build sorts them by spelling.
struct NameIndexRow {
  std::string_view folded;
  int value;
};
struct GazetteerRows {
  std::span<const ProvinceRow> provinces;
  std::span<const CountryRow> countries;
  std::span<const ChapterRow> chapters;
  std::span<const SectorRow> sectors;
  std::span<const NameIndexRow> province_names;  // every spelling of a province, and of Türkiye (0)
  std::span<const NameIndexRow> country_names;   // every name and code of a country
};
extern const GazetteerRows builtin_gazetteer_rows;
}  // namespace detail

class Gazetteer {
 public:
  // The gazetteer compiled into the binary from data/gazetteer.
  static const Gazetteer& builtin();

  // Builds a gazetteer from its rows (builtin() passes the ones compiled in).
  explicit Gazetteer(const detail::GazetteerRows& rows);

  [[nodiscard]] const std::vector<Province>& provinces() const { return provinces_; }
  [[nodiscard]] const std::vector<Country>& countries() const { return countries_; }
  [[nodiscard]] const std::vector<Chapter>& chapters() const { return chapters_; }
  [[nodiscard]] const std::vector<Sector>& sectors() const { return sectors_; }
  // A TİM sector by any spelling, in Turkish or English. Empty when unknown.
  [[nodiscard]] const Sector* find_sector(std::string_view name) const;
  // A sector's name as the data writes it, in the language when the gazetteer knows it.
  [[nodiscard]] std::string sector_name(std::string_view written, Language language) const;

  // By name, alias or plate code ("38", "Kayseri", "KAYSERİ"); national_total for "Türkiye",
  // "TOPLAM", "GENEL TOPLAM". Empty when unknown.
  [[nodiscard]] std::optional<ProvinceId> find_province(std::string_view text) const;
  [[nodiscard]] const Province& province(ProvinceId code) const;  // code 1-81
  // The display name, "Türkiye" for the national total.
  [[nodiscard]] std::string_view province_name(ProvinceId code) const;

  // By any name, alias, alpha-2 or alpha-3 code. Returns an index into countries().
  [[nodiscard]] std::optional<std::size_t> find_country(std::string_view text) const;
  [[nodiscard]] std::optional<std::size_t> find_country_code(std::string_view code) const;

  // The customary short name in the language: "ABD" / "United States".
  [[nodiscard]] const std::string& country_name(std::size_t index, Language language) const;

  [[nodiscard]] const Chapter* find_chapter(int code) const;
  // A chapter by its Turkish or English name, in any case, with or without Turkish letters.
  [[nodiscard]] const Chapter* find_chapter_named(std::string_view name) const;
  // The chapter's name in the language; its two-digit code for a chapter the gazetteer lacks.
  [[nodiscard]] std::string chapter_name(int code, Language language) const;

  // Names written with '?' where a code page lost a Turkish letter ("?STANBUL", "?ZM?R"): the
  // provinces, and the countries, one of whose names fits, each '?' standing for one letter
  // outside ASCII. The caller accepts a name only when exactly one fits.
  [[nodiscard]] std::vector<ProvinceId> provinces_fitting(std::string_view masked) const;
  [[nodiscard]] std::vector<std::size_t> countries_fitting(std::string_view masked) const;

  // Up to `limit` known province names closest to the text, for "did you mean".
  [[nodiscard]] std::vector<std::string> suggest_provinces(std::string_view text,
                                                           std::size_t limit = 3) const;
  // Up to `limit` country names closest to the text (customary Turkish names).
  [[nodiscard]] std::vector<std::string> suggest_countries(std::string_view text,
                                                           std::size_t limit = 3) const;

 private:
  std::vector<Province> provinces_;  // index = code - 1
  std::vector<Country> countries_;
  std::vector<Chapter> chapters_;
  std::vector<Sector> sectors_;
  std::span<const detail::NameIndexRow> province_names_;  // sorted by folded name
  std::span<const detail::NameIndexRow> country_names_;
};

}  // namespace kexport
