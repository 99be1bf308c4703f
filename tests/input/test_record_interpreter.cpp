// The record interpreter on its own: one row's fields, as text, into one record — what every
// loader (CSV, JSON, a spreadsheet's sheet) relies on a value meaning the same thing in.
#include <catch2/catch.hpp>

#include "input/table/record_interpreter.hpp"
#include "kexport/model/dataset_builder.hpp"

using kexport::Period;
using kexport::input::Field;
using kexport::input::FieldError;
using kexport::input::RecordInterpreter;
using kexport::input::RowFields;
using kexport::input::ValueStyle;

namespace {

struct Fields {
  std::vector<std::pair<Field, std::string>> values;
  RowFields row() const {
    RowFields out;
    for (const auto& [field, text] : values) out[static_cast<std::size_t>(field)] = text;
    return out;
  }
};

// Interprets rows into a fresh builder and returns the finished dataset.
struct Interpreted {
  kexport::DatasetBuilder builder;
  RecordInterpreter interpreter{kexport::Gazetteer::builtin(), builder};
  Interpreted() { builder.begin_file("t.csv", "csv"); }
  void add(const Fields& fields, const ValueStyle& style = {}) { interpreter.add(fields.row(), style, 2); }
};

// The field a row's error is about, and its message.
FieldError error_of(const Fields& fields, const ValueStyle& style = {}) {
  Interpreted i;
  try {
    i.add(fields, style);
  } catch (const FieldError& e) {
    return e;
  }
  FAIL("no error for the row");
  return {Field::value, ""};
}

}  // namespace

TEST_CASE("a row's fields become the record's key and cents", "[interpreter]") {
  Interpreted i;
  i.add({{{Field::period, "2026-01"},
          {Field::province, "KAYSERİ"},
          {Field::country, "Almanya"},
          {Field::chapter, "94 - Mobilyalar"},
          {Field::value, "1234.56"}}});
  i.add({{{Field::year, "2026"},
          {Field::month, "Şubat"},
          {Field::province_code, "38"},
          {Field::country_code, "iq"},
          {Field::value, "7"}}});
  const auto data = std::move(i.builder).finish();
  REQUIRE(data.size() == 2);
  const auto january = data.key(0), february = data.key(1);
  CHECK(january.month == Period::from_year_month(2026, 1));
  CHECK(january.province == 38);
  CHECK(data.countries[january.country].code(kexport::Gazetteer::builtin()) == "DE");
  CHECK(january.chapter == 94);
  CHECK(data.cents[0] == 123456);
  CHECK(february.month == Period::from_year_month(2026, 2));
  CHECK(data.countries[february.country].code(kexport::Gazetteer::builtin()) == "IQ");
  CHECK(february.chapter == kexport::all_chapters);
  CHECK(data.cents[1] == 700);
}

TEST_CASE("totals, unknown names and sectors keep their meaning", "[interpreter]") {
  Interpreted i;
  i.add({{{Field::period, "2026-01"},
          {Field::province, "Kayseri"},
          {Field::country, "TOPLAM"},
          {Field::value, "10"}}});
  i.add({{{Field::period, "2026-01"},
          {Field::province, "Kayseri"},
          {Field::country, "Atlantis"},
          {Field::value, "3"}}});
  i.add({{{Field::period, "2026-02"},
          {Field::province, "Kayseri"},
          {Field::chapter, "Uzay Turizmi"},
          {Field::value, "4"}}});
  i.add({{{Field::period, "2026-02"},
          {Field::province, "Kayseri"},
          {Field::chapter, "Halı"},
          {Field::value, "6"}}});
  i.add({{{Field::period, "2026-03"},
          {Field::province, "Kayseri"},
          {Field::chapter, "08"},
          {Field::value, "5"}}});
  const auto data = std::move(i.builder).finish();
  REQUIRE(data.size() == 5);
  CHECK(data.key(0).country == kexport::all_countries);  // TOPLAM: the province's total
  CHECK(data.countries[data.key(1).country].written == "Atlantis");
  CHECK_FALSE(data.countries[data.key(1).country].gazetteer.has_value());
  // Sectors as they come, in the order met: TİM's carpet sector stays TİM's, never HS chapter 57.
  const auto sector = [&](std::size_t row) {
    REQUIRE(data.key(row).chapter >= kexport::Dataset::first_sector_code);
    return data.sectors[data.key(row).chapter - kexport::Dataset::first_sector_code];
  };
  CHECK(sector(2) == "Uzay Turizmi");
  CHECK(sector(3) == "Halı");
  CHECK(data.key(4).chapter == 8);
}

TEST_CASE("the number style and unit read the value", "[interpreter]") {
  Interpreted i;
  ValueStyle turkish;
  turkish.decimal = kexport::DecimalStyle::comma;
  ValueStyle thousands;
  thousands.unit = kexport::ValueUnit::thousand_dollars;
  i.add({{{Field::period, "2026-01"}, {Field::province, "Kayseri"}, {Field::value, "291.804.236,45"}}},
        turkish);
  i.add({{{Field::period, "2026-02"}, {Field::province, "Kayseri"}, {Field::value, "291804.236"}}},
        thousands);
  const auto data = std::move(i.builder).finish();
  CHECK(data.cents == kexport::CentsColumn{29'180'423'645, 29'180'423'600});
}

TEST_CASE("a status of sample marks the record as made up", "[interpreter]") {
  Interpreted i;
  i.add({{{Field::period, "2026-01"},
          {Field::province, "Kayseri"},
          {Field::value, "1"},
          {Field::status, "örnek"}}});
  i.add({{{Field::period, "2026-02"},
          {Field::province, "Kayseri"},
          {Field::value, "1"},
          {Field::status, "published"}}});
  const auto data = std::move(i.builder).finish();
  CHECK(data.sample_total(kexport::Stream{0}, 38, Period::from_year_month(2026, 1)));
  CHECK_FALSE(data.sample_total(kexport::Stream{0}, 38, Period::from_year_month(2026, 2)));
  CHECK(error_of({{{Field::period, "2026-01"},
                   {Field::province, "Kayseri"},
                   {Field::value, "1"},
                   {Field::status, "maybe"}}})
            .field == Field::status);
}

TEST_CASE("each bad field is named with what was expected", "[interpreter]") {
  const Fields good = {{{Field::period, "2026-01"}, {Field::province, "Kayseri"}, {Field::value, "1"}}};
  const auto with = [&](Field field, std::string text) {
    Fields f = good;
    bool replaced = false;
    for (auto& [which, value] : f.values)
      if (which == field) {
        value = text;
        replaced = true;
      }
    if (!replaced) f.values.emplace_back(field, std::move(text));
    return f;
  };
  struct Case {
    Field field;
    std::string text;
    Field blamed;
    std::string message;
  };
  const std::vector<Case> cases = {
      {Field::period, "2026-13", Field::period, "'2026-13' is not a month; expected YYYY-MM"},
      {Field::province, "Kayseriy", Field::province, "unknown province 'Kayseriy'"},
      {Field::province_code, "06", Field::province_code, "plate code 6 is Ankara, not Kayseri"},
      {Field::province_code, "82", Field::province_code, "'82' is not a plate code; expected 1 to 81"},
      {Field::country_code, "XX", Field::country_code, "'XX' is not a country code"},
      {Field::chapter, "123", Field::chapter, "'123' is not an HS chapter"},
      {Field::value, "abc", Field::value, ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const FieldError error = error_of(with(c.field, c.text));
    CHECK(error.field == c.blamed);
    CHECK_THAT(error.problem, Catch::Contains(c.message));
  }
  // A code that contradicts the country named.
  Fields contradiction = with(Field::country, "Almanya");
  contradiction.values.emplace_back(Field::country_code, "FR");
  CHECK_THAT(error_of(contradiction).problem, Catch::Contains("country code FR is Fransa, not Almanya"));
}
