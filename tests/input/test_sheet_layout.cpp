// find_layout on its own: rows written by hand, the header it finds, the title above it, and what
// it says when no row makes a header.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "input/table/sheet_layout.hpp"

using kexport::Period;
using kexport::input::Field;
using kexport::input::Layout;
using kexport::input::NoTable;

namespace {

// A table's rows as a CSV file gives them: positions are line and column.
class Rows final : public kexport::input::RowSource {
 public:
  explicit Rows(std::vector<std::vector<std::string>> rows) : rows_(std::move(rows)) {}
  bool next(std::vector<std::string_view>& cells) override {
    if (at_ == rows_.size()) return false;
    cells.assign(rows_[at_].begin(), rows_[at_].end());
    ++at_;
    return true;
  }
  [[nodiscard]] kexport::SourceLocation location_of_cell(std::size_t column) const override {
    return {name_, at_, column + 1};
  }
  [[nodiscard]] std::uint64_t row_line() const override { return at_; }
  [[nodiscard]] const std::string& file_name() const override { return name_; }
  [[nodiscard]] std::size_t read() const { return at_; }

 private:
  std::vector<std::vector<std::string>> rows_;
  std::size_t at_ = 0;
  std::string name_ = "t.csv";
};

std::string message_of(Rows& rows) {
  try {
    kexport::input::find_layout(rows);
  } catch (const NoTable& e) {
    return e.what();
  }
  return "(found a header)";
}

}  // namespace

TEST_CASE("a long header below title rows, which make the title", "[input][layout]") {
  Rows rows({{"İLLERE GÖRE İHRACAT (Bin $)"}, {""}, {"İl", "Dönem", "Değer"}, {"Kayseri", "2026-01", "1"}});
  const Layout layout = kexport::input::find_layout(rows);
  CHECK(layout.header_line == 3);
  CHECK(layout.title_records == 2);
  CHECK(layout.title_rows == 1);  // the blank row is not counted
  CHECK_FALSE(layout.wide);
  CHECK(layout.has(Field::province));
  CHECK(layout.has(Field::period));
  CHECK(layout.has(Field::value));
  CHECK(layout.title.find("İHRACAT") != std::string::npos);
  REQUIRE(layout.unit_claims.size() == 1);  // the title's "(Bin $)"
  CHECK(layout.unit_claims[0].stated.unit == kexport::ValueUnit::thousand_dollars);
  CHECK(rows.read() == 3);  // left after the header
}

TEST_CASE("months as columns, with their year in the row below", "[input][layout]") {
  Rows rows({{"İl", "Ocak", "Şubat"}, {"", "2026", "2026"}, {"Kayseri", "1", "2"}});
  const Layout layout = kexport::input::find_layout(rows);
  CHECK(layout.wide);
  CHECK(layout.header_rows == 2);
  REQUIRE(layout.columns.size() == 3);
  CHECK(layout.columns[1].period == Period::from_year_month(2026, 1));
  CHECK(layout.columns[2].period == Period::from_year_month(2026, 2));
}

TEST_CASE("years over their months make one header of two rows", "[input][layout]") {
  Rows rows(
      {{"Rapor"}, {"İl", "2025", "", "2026"}, {"", "Kasım", "Aralık", "Ocak"}, {"Kayseri", "1", "2", "3"}});
  const Layout layout = kexport::input::find_layout(rows);
  CHECK(layout.wide);
  CHECK(layout.header_line == 2);
  CHECK(layout.header_rows == 2);
  CHECK(layout.title_rows == 1);  // "Rapor" alone: the row of years is the header's
  CHECK(layout.columns[1].period == Period::from_year_month(2025, 11));
  CHECK(layout.columns[2].period == Period::from_year_month(2025, 12));
  CHECK(layout.columns[3].period == Period::from_year_month(2026, 1));
}

TEST_CASE("a row of years without months below is a title row, and the row below is still searched",
          "[input][layout]") {
  Rows rows({{"İl", "2025"}, {"İl", "Dönem", "Değer"}, {"Kayseri", "2026-01", "1"}});
  const Layout layout = kexport::input::find_layout(rows);
  CHECK_FALSE(layout.wide);
  CHECK(layout.header_line == 2);
  CHECK(layout.title_rows == 1);
}

TEST_CASE("no header: the nearest row says what it lacks", "[input][layout]") {
  Rows near({{"notes"}, {"İl", "Ülke"}, {"Kayseri", "Almanya"}});
  const std::string message = message_of(near);
  CHECK_THAT(message, Catch::Contains("t.csv:2:1"));
  CHECK_THAT(message, Catch::Contains("the header has: İl, Ülke"));
  Rows nothing({{"a"}, {"b"}});
  CHECK_THAT(message_of(nothing), Catch::Contains("no header line found"));
  Rows latin1(std::vector<std::vector<std::string>>{{"?l", "De?er"}});
  CHECK_THAT(message_of(latin1), Catch::Contains("'?l' has '?' for letters"));
}

TEST_CASE("a column named twice is refused at its second cell", "[input][layout]") {
  Rows rows({{"İl", "Değer", "Değer"}});
  CHECK_THROWS_WITH(kexport::input::find_layout(rows),
                    Catch::Contains("t.csv:1:3") && Catch::Contains("a second 'value_usd' column"));
}
