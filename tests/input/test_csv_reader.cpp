#include <catch2/catch.hpp>

#include <cstring>

#include "csv/csv_reader.hpp"

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

TEST_CASE("every way of scanning a window marks the bytes the byte-at-a-time scan marks", "[csv]") {
  // Random windows over the bytes that matter and some that do not (high bytes, \r, NUL).
  const std::string alphabet = std::string(",;\t\n\"\r a9") + '\0' + "\x80\xC4\xB0\xFF";
  std::uint64_t state = 20261203;
  const auto random = [&] { return (state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  for (int round = 0; round < 2000; ++round) {
    char window[64];
    for (char& c : window) c = alphabet[random() % alphabet.size()];
    for (const char delimiter : {',', ';', '\t'}) {
      const auto expected = kexport::window_scans::bytes(window, 64, delimiter);
#if defined(__x86_64__)
      std::vector<kexport::SeparatorIndex::Window> scans = {kexport::window_scans::sse2(window, delimiter)};
      if (kexport::window_scans::avx2_available())
        scans.push_back(kexport::window_scans::avx2(window, delimiter));
      for (const auto& scan : scans) {
        CHECK(scan.separators == expected.separators);
        CHECK(scan.quotes == expected.quotes);
        CHECK(scan.newlines == expected.newlines);
      }
#endif
      // The reference itself, bit by bit.
      for (std::size_t i = 0; i < 64; ++i) {
        const bool separator = window[i] == delimiter || window[i] == '\n';
        CHECK(((expected.separators >> i) & 1) == (separator ? 1u : 0u));
        CHECK(((expected.quotes >> i) & 1) == (window[i] == '"' ? 1u : 0u));
      }
    }
  }
}

TEST_CASE("long texts of quoted and plain fields read back as the table they were written from", "[csv]") {
  // Fields drawn at random (plain, empty, quoted with delimiters, line ends and doubled quotes,
  // long enough to cross 64-byte windows), written out with LF or CRLF: reading must give the
  // table back, each record on the line its writing started.
  std::uint64_t state = 42;
  const auto random = [&](std::uint64_t n) {
    return ((state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33) % n;
  };
  for (const char delimiter : {',', ';', '\t'}) {
    for (const char* line_end : {"\n", "\r\n"}) {
      std::string text;
      std::vector<std::vector<std::string>> table;
      std::vector<std::uint64_t> lines;
      std::uint64_t line = 1;
      for (int r = 0; r < 400; ++r) {
        std::vector<std::string> row;
        lines.push_back(line);
        const std::size_t fields = 1 + random(9);
        for (std::size_t f = 0; f < fields; ++f) {
          std::string value, written;
          const std::size_t length = random(5) == 0 ? 40 + random(100) : random(12);
          const bool quoted = random(3) == 0;
          for (std::size_t i = 0; i < length; ++i) {
            const std::string plain = "abcKAYSERİ0123456789. ";
            std::string c(1, plain[random(plain.size())]);
            if (quoted && random(6) == 0) c = std::string(1, "\"\n,;\t"[random(5)]);
            value += c;
          }
          if (f == 0 && !quoted && value.empty()) value = "x";  // an empty first field alone is a blank line
          if (quoted) {
            written = "\"";
            for (const char c : value) {
              written += c == '"' ? std::string("\"\"") : std::string(1, c);
              if (c == '\n') ++line;
            }
            written += "\"";
          } else {
            written = value;
          }
          text += (f ? std::string(1, delimiter) : std::string()) + written;
          row.push_back(value);
        }
        text += line_end;
        ++line;
        table.push_back(row);
      }
      INFO("delimiter " << static_cast<int>(delimiter) << ", line end of " << std::strlen(line_end)
                        << " bytes");
      CsvReader reader(text, delimiter, "t.csv");
      std::vector<std::string_view> fields;
      for (std::size_t r = 0; r < table.size(); ++r) {
        INFO("record " << r);
        REQUIRE(reader.next(fields));
        CHECK(std::vector<std::string>(fields.begin(), fields.end()) == table[r]);
        CHECK(reader.record_line() == lines[r]);
      }
      CHECK_FALSE(reader.next(fields));
    }
  }
}
