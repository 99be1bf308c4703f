// Turns the text fields of one input row, whatever the file format, into a record. Shared by
// the CSV and JSON loaders so that a value means the same thing in every format.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kexport/input/amount.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "kexport/model/gazetteer.hpp"

namespace kexport::input {

enum class Field {
  period,
  year,
  month,
  province,
  province_code,
  country,
  country_code,
  chapter,
  value,
  source,
  status,   // "sample" marks a made-up figure; "published" (or nothing) a real one
  flow,     // export (ihracat) or import (ithalat); empty: the table's flow
  imports,  // an amount of imports beside the value of exports ("İthalat (USD)")
  weight,   // the goods' net weight in kilograms ("Net Ağırlık (kg)"); empty: not given
  basis,    // the province basis (see Basis); empty: the file's
  vintage,  // the release the row's figure belongs to (2026-02-28); one per file; empty: the file's
};
inline constexpr std::size_t field_count = 16;

std::string_view field_name(Field field);  // the canonical column name: "value_usd"

// The field a column header names, in English or Turkish, any case, with or without Turkish
// letters ("value_usd", "İl", "ULKE KODU"). A unit in the header ("Değer (1000 $)") is reported.
struct HeaderMatch {
  Field field;
  std::optional<ValueUnit> unit;
  std::string currency;  // another currency the header names ("TL", "EUR"): refused by the plan
};
std::optional<HeaderMatch> match_header(std::string_view header);

// A row's fields as text; absent when the input has no such column or key.
using RowFields = std::array<std::optional<std::string_view>, field_count>;

// A problem with one field of a row.
struct FieldError {
  Field field;
  std::string problem;
};

struct ValueStyle {
  DecimalStyle decimal = DecimalStyle::point;
  ValueUnit unit = ValueUnit::dollars;
  std::string default_source;          // for rows that do not name their source
  std::optional<Basis> default_basis;  // for rows that do not name their basis: the file's
  std::optional<Basis> basis_option;   // for rows of files that state none (--basis)
  Flow flow = Flow::exports;           // for rows that do not name their flow
};

// A label that marks a sub-group row, which would double-count if summed with its members:
// "I. TARIM", "II. SANAYİ", "A. BİTKİSEL ÜRÜNLER".
bool is_group_label(std::string_view text);

// A dash, which published tables write for "none": an explicit zero, unlike a blank cell.
inline bool is_nil_amount(std::string_view cell) {
  return cell == "-" || cell == "\u2013" || cell == "\u2014";
}

// Whether a label may name a total at all: it holds "toplam" or "total" in some case, its letters
// read in a row. Cheap, and false for nearly every name: what the other total tests ask first.
bool may_name_total(std::string_view text);

// Words that stand for "all" in a country or sector column: TOPLAM, Toplam, GENEL TOPLAM, Total.
bool is_total_label(std::string_view text);

// The part a subtotal's label names: "ALMANYA TOPLAM" → "ALMANYA"; empty for other text.
std::optional<std::string_view> subtotal_of(std::string_view name);

// Equality of short texts without a call to memcmp: the names and months a memo compares are
// mostly 4 to 16 bytes, read as two overlapping words.
inline bool same_text(std::string_view x, std::string_view y) {
  const std::size_t n = x.size();
  if (n != y.size()) return false;
  const auto load = [](const char* p, auto word) {
    std::memcpy(&word, p, sizeof word);
    return word;
  };
  if (n >= 8 && n <= 16)
    return load(x.data(), std::uint64_t{}) == load(y.data(), std::uint64_t{}) &&
           load(x.data() + n - 8, std::uint64_t{}) == load(y.data() + n - 8, std::uint64_t{});
  if (n >= 4 && n < 8)
    return load(x.data(), std::uint32_t{}) == load(y.data(), std::uint32_t{}) &&
           load(x.data() + n - 4, std::uint32_t{}) == load(y.data() + n - 4, std::uint32_t{});
  return x == y;
}

// Remembers what a field's text resolved to. A file names the same few hundred provinces,
// countries and months millions of times; each spelling is looked up in the gazetteer once.
template <typename Value>
class Memo {
 public:
  // Rows usually repeat the previous row's month and province: that is checked first, without
  // hashing. Then an open-addressing table keyed by both texts, probed without allocating.
  const Value* find(std::string_view a, std::string_view b = {}) {
    if (last_ < slots_.size() && same_text(slots_[last_].a, a) && same_text(slots_[last_].b, b))
      return &slots_[last_].value;
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = hash(a, b);
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (!slot.used) return nullptr;
      if (slot.hash == h && same_text(slot.a, a) && same_text(slot.b, b)) {
        last_ = i;
        return &slot.value;
      }
    }
  }
  void remember(std::string_view a, std::string_view b, Value value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    last_ = insert(Slot{hash(a, b), true, std::string(a), std::string(b), value});
    ++count_;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    bool used = false;
    std::string a, b;
    Value value{};
  };
  // FNV-1a over both texts and a separator between them.
  static std::uint64_t hash(std::string_view a, std::string_view b) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : a) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    h = (h ^ 0x1fU) * 0x100000001b3ULL;
    for (char c : b) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return h ^ (h >> 29);
  }
  std::size_t insert(Slot slot) {
    std::size_t i = slot.hash & (slots_.size() - 1);
    while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = std::move(slot);
    return i;
  }
  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(64, slots_.size() * 2));
    old.swap(slots_);
    for (Slot& slot : old)
      if (slot.used) insert(std::move(slot));
    last_ = static_cast<std::size_t>(-1);
  }
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
  std::size_t last_ = static_cast<std::size_t>(-1);
};

class RecordInterpreter {
 public:
  RecordInterpreter(const Gazetteer& gazetteer, DatasetBuilder& builder)
      : gazetteer_(gazetteer), builder_(builder) {}

  // Checks that the fields present can make a record: a period (or year and month), a province
  // (or its code) and a value. Returns the problem, or an empty string.
  static std::string missing_fields(const std::array<bool, field_count>& present);

  // Adds the row's record, and its weight's where the row gives one (`weight_is_number`: a
  // spreadsheet's number cell, stored with a decimal point whatever the sheet shows). Throws
  // FieldError naming the field at fault.
  void add(const RowFields& row, const ValueStyle& style, std::uint32_t line, bool weight_is_number = false);

  // What a row that could not be read was about, as far as its fields tell (never throws): for
  // --skip-bad-rows, which makes that province's month unknown rather than short of the row.
  SkippedKey key_of(const RowFields& row) const;

 private:
  Period period_of(const RowFields& row) const;
  ProvinceId province_of(const RowFields& row) const;
  // A province's total written where a country or sector is expected: "KAYSERİ TOPLAMI".
  bool province_subtotal(std::string_view name) const;
  // Whether a row without a province is a total of a country × province table: Türkiye's.
  bool row_is_national_total(const RowFields& row) const;
  // A name with '?' for lost Turkish letters: the one province that fits, noted; none when none
  // does; an error when several do.
  std::optional<ProvinceId> fitted_province(std::string_view name) const;
  void note_fitted(std::string_view written, std::string_view read_as) const;
  static std::string unfitted(std::string_view name, std::size_t fitting);
  CountryId country_of(const RowFields& row);
  std::uint8_t chapter_of(const RowFields& row);
  static bool sample_of(const RowFields& row);
  Flow flow_of(const RowFields& row, Flow table_flow);
  // The release a `vintage` column states, held to be the file's one release.
  void check_vintage(std::string_view written, std::uint32_t line);

  const Gazetteer& gazetteer_;
  DatasetBuilder& builder_;
  Memo<Period> periods_;
  Memo<ProvinceId> provinces_;
  Memo<CountryId> countries_;
  Memo<std::uint8_t> chapters_;
  Memo<SourceId> sources_;
  std::string last_flow_text_;  // a flow column repeats two words: the last one read is kept
  Flow last_flow_ = Flow::exports;
  std::string last_vintage_text_;  // likewise the release, which a file states once
};

}  // namespace kexport::input
