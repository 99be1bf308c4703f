#include <catch2/catch.hpp>

#include "kexport/csv_reader.hpp"

using kexport::CsvReader;

namespace {
std::vector<std::vector<std::string>> read_all(std::string_view text, char delimiter = ',') {
  CsvReader reader(text, delimiter, "t.csv");
  std::vector<std::string_view> fields;
  std::vector<std::vector<std::string>> rows;
  while (reader.next(fields)) rows.emplace_back(fields.begin(), fields.end());
  return rows;
}
using Rows = std::vector<std::vector<std::string>>;
}  // namespace

TEST_CASE("RFC 4180 quoting", "[csv]") {
  CHECK(read_all("a,b\n1,2\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,\"b,c\"\n") == Rows{{"a", "b,c"}});
  CHECK(read_all("\"say \"\"hi\"\"\",x\n") == Rows{{"say \"hi\"", "x"}});
  CHECK(read_all("\"two\nlines\",x\n") == Rows{{"two\nlines", "x"}});
  CHECK(read_all("\"\",x\n") == Rows{{"", "x"}});
  CHECK(read_all("a,,c\n") == Rows{{"a", "", "c"}});
  CHECK(read_all("a,b,\n") == Rows{{"a", "b", ""}});
  CHECK(read_all("a,b,") == Rows{{"a", "b", ""}});
}

TEST_CASE("line endings and blank lines", "[csv]") {
  CHECK(read_all("a,b\r\n1,2\r\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,\"b\"\r\n1,2") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("a,b\n\n\n1,2\n\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(read_all("") == Rows{});
}

TEST_CASE("record lines count newlines inside quotes", "[csv]") {
  CsvReader reader("h\n\"x\ny\"\nz\n", ',', "t.csv");
  std::vector<std::string_view> fields;
  REQUIRE(reader.next(fields));
  CHECK(reader.record_line() == 1);
  REQUIRE(reader.next(fields));
  CHECK(reader.record_line() == 2);
  REQUIRE(reader.next(fields));
  CHECK(reader.record_line() == 4);
}

TEST_CASE("malformed quoting is reported with its place", "[csv]") {
  try {
    read_all("a,b\n1,\"open\n");
    FAIL("an unterminated quote was accepted");
  } catch (const kexport::DataError& e) {
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 3);
    CHECK_THAT(e.what(), Catch::Contains("not closed"));
  }
  try {
    read_all("a,b\n\"x\"y,2\n");
    FAIL("text after a closing quote was accepted");
  } catch (const kexport::DataError& e) {
    CHECK(e.where().line == 2);
    CHECK(e.where().column == 4);
  }
}

TEST_CASE("delimiter detection", "[csv]") {
  CHECK(kexport::detect_delimiter("a,b,c\n1;2,3") == ',');
  CHECK(kexport::detect_delimiter("Yıl;Ay;İl;Değer\n") == ';');
  CHECK(kexport::detect_delimiter("a\tb\tc\n") == '\t');
  CHECK(kexport::detect_delimiter("\"a;b\",c\n") == ',');
  CHECK(kexport::detect_delimiter("single\n") == ',');
}

TEST_CASE("locations count characters, not bytes", "[csv]") {
  const auto where = kexport::locate("İl,Ülke\nKayseri,Ağrı,x", 25, "f.csv");
  CHECK(where.line == 2);
  CHECK(where.column == 14);
}
