// Turns the text fields of one input row, whatever the file format, into a record. Shared by
// the CSV and JSON loaders so that a value means the same thing in every format.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kexport/amount.hpp"
#include "kexport/dataset_builder.hpp"
#include "kexport/gazetteer.hpp"

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
  source
};
inline constexpr std::size_t field_count = 10;

std::string_view field_name(Field field);  // the canonical column name: "value_usd"

// The field a column header names, in English or Turkish, any case, with or without Turkish
// letters ("value_usd", "İl", "ULKE KODU"). A unit in the header ("Değer (1000 $)") is reported.
struct HeaderMatch {
  Field field;
  std::optional<ValueUnit> unit;
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
  std::string default_source;  // for rows that do not name their source
};

// A label that marks a sub-group row, which would double-count if summed with its members:
// "I. TARIM", "II. SANAYİ", "A. BİTKİSEL ÜRÜNLER".
bool is_group_label(std::string_view text);

// Words that stand for "all" in a country or sector column: TOPLAM, Toplam, GENEL TOPLAM, Total.
bool is_total_label(std::string_view text);

// Remembers what a field's text resolved to. A file names the same few hundred provinces,
// countries and months millions of times; each spelling is looked up in the gazetteer once.
template <typename Value>
class Memo {
 public:
  // Rows usually repeat the previous row's month and province: that is checked first, without
  // hashing. The key is the fields' texts joined; `scratch_` is reused so lookups do not allocate.
  const Value* find(std::string_view a, std::string_view b = {}) {
    if (last_ && a == last_a_ && b == last_b_) return &last_->second;
    key(a, b);
    auto it = map_.find(scratch_);
    if (it == map_.end()) return nullptr;
    remember_last(it, a, b);
    return &it->second;
  }
  void remember(std::string_view a, std::string_view b, Value value) {
    key(a, b);
    remember_last(map_.emplace(scratch_, value).first, a, b);
  }

 private:
  using Map = std::unordered_map<std::string, Value>;
  void key(std::string_view a, std::string_view b) {
    scratch_.assign(a);
    scratch_ += '\x1f';
    scratch_.append(b);
  }
  void remember_last(typename Map::iterator it, std::string_view a, std::string_view b) {
    last_ = &*it;  // node-based map: the element stays where it is
    last_a_.assign(a);
    last_b_.assign(b);
  }
  Map map_;
  std::string scratch_;
  typename Map::value_type* last_ = nullptr;
  std::string last_a_, last_b_;
};

class RecordInterpreter {
 public:
  RecordInterpreter(const Gazetteer& gazetteer, DatasetBuilder& builder)
      : gazetteer_(gazetteer), builder_(builder) {}

  // Checks that the fields present can make a record: a period (or year and month), a province
  // (or its code) and a value. Returns the problem, or an empty string.
  static std::string missing_fields(const std::array<bool, field_count>& present);

  // Adds the row's record. Throws FieldError naming the field at fault.
  void add(const RowFields& row, const ValueStyle& style, std::uint32_t line);

 private:
  Period period_of(const RowFields& row) const;
  ProvinceId province_of(const RowFields& row) const;
  CountryId country_of(const RowFields& row);
  std::uint8_t chapter_of(const RowFields& row);

  const Gazetteer& gazetteer_;
  DatasetBuilder& builder_;
  Memo<Period> periods_;
  Memo<ProvinceId> provinces_;
  Memo<CountryId> countries_;
  Memo<std::uint8_t> chapters_;
  Memo<SourceId> sources_;
};

}  // namespace kexport::input
