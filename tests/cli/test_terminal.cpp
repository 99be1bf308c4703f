// The binary on a terminal (a pseudo-terminal made by script(1)): tables fitted to its width,
// box-drawing lines and the sparkline kept under NO_COLOR, which takes away colour alone.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "helpers.hpp"
#include "kexport/model/text.hpp"

namespace {

// Runs kexport with its output on a pseudo-terminal and returns what the terminal got.
std::string on_terminal(const std::string& environment, const std::string& arguments) {
  const test::TempDir dir;
  const std::string command = "script -qec \"env " + environment + " " + KEXPORT_BINARY + " --data " +
                              KEXPORT_DATA_DIR + " " + arguments + "\" /dev/null > " +
                              (dir.path / "screen").string() + " 2>&1";
  REQUIRE(std::system(command.c_str()) == 0);
  std::string screen = test::read_file((dir.path / "screen").string());
  std::erase(screen, '\r');
  return screen;
}

}  // namespace

TEST_CASE("on a terminal, tables fit its width; NO_COLOR takes away colour only", "[cli][terminal]") {
  const std::string plain = on_terminal("COLUMNS=70 NO_COLOR=1", "rank -m 2026-01 --province Kayseri");
  CHECK(plain.find('\x1b') == std::string::npos);  // no colour
  CHECK(plain.find("─") != std::string::npos);     // but the terminal's lines
  std::istringstream lines(plain);
  std::size_t table_lines = 0;
  bool in_table = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("─") != std::string::npos) in_table = true;
    if (!in_table || line.empty()) continue;
    INFO(line);
    CHECK(kexport::display_width(line) <= 70);
    ++table_lines;
  }
  CHECK(table_lines > 80);

  const std::string colour = on_terminal("COLUMNS=200", "rank -m 2026-01 --province Kayseri");
  CHECK(colour.find("\x1b[") != std::string::npos);

  // The summary's sparkline is a terminal's, with or without colour.
  const std::string summary = on_terminal("COLUMNS=100 NO_COLOR=1", "summary -p Kayseri -m 2026-01");
  CHECK(summary.find("Son 13 ay  ") != std::string::npos);
  CHECK(summary.find('\x1b') == std::string::npos);

  // A narrow terminal cuts the names, with an ellipsis, before it leaves out columns.
  const std::string narrow = on_terminal("COLUMNS=40 NO_COLOR=1", "top -p Kayseri -m 2026-01 --top 3");
  CHECK(narrow.find("Ülke") != std::string::npos);
  CHECK(narrow.find("Lüksemb…") != std::string::npos);
  // Every table's rows (from its rule to the blank line after it) fit; titles may wrap.
  std::istringstream narrow_lines(narrow);
  bool in_rows = false;
  std::size_t rows = 0;
  for (std::string line; std::getline(narrow_lines, line);) {
    if (line.empty()) in_rows = false;
    if (line.find("─") != std::string::npos) in_rows = true;
    if (!in_rows) continue;
    INFO(line);
    CHECK(kexport::display_width(line) <= 40);
    ++rows;
  }
  CHECK(rows > 20);
}

TEST_CASE("a narrow terminal wraps the notices and keeps distinct rows distinct", "[cli][terminal]") {
  // Before: the sample's notice ran to 175 columns in a 60-column terminal, and at 50 columns
  // "Geçen yılın aynı ayı" and "Geçen yılın aynı dönemi" both became "Geçen y…".
  for (const int width : {60, 50}) {
    INFO(width);
    const std::string screen =
        on_terminal("COLUMNS=" + std::to_string(width) + " NO_COLOR=1", "summary -p Kayseri -m 2026-01");
    std::istringstream lines(screen);
    std::vector<std::string> labels;
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(kexport::display_width(line) <= static_cast<std::size_t>(width));
      if (line.starts_with("Ge")) labels.push_back(line.substr(0, line.find("  ")));
    }
    CHECK_THAT(screen, Catch::Contains("uydurmadır"));
    REQUIRE(labels.size() >= 2);
    CHECK(labels[0] != labels[1]);  // the month a year earlier, and the year to date a year earlier
  }
  // Prose is wrapped to the terminal too.
  const std::string prose = on_terminal("COLUMNS=60 NO_COLOR=1", "summary -p Kayseri -m 2026-01 -f text");
  std::istringstream lines(prose);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(kexport::display_width(line) <= 60);
  }
}
