// The help, the manual and the guide never drift apart: every option a command's --help lists is
// in man/kexport.1 and in docs/guide.md, and every command's help ends with examples that run.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "kexport/model/error.hpp"

using test::run_kexport;

namespace {

const std::vector<std::string> commands = {"",       "summary",    "series",     "top",      "rank",
                                           "report", "provinces",  "countries",  "chapters", "validate",
                                           "cache",  "cache info", "cache clear"};

// The long options a help text lists in its "Options:" section.
std::set<std::string> options_in_help(const std::string& help) {
  std::set<std::string> options;
  const std::regex option("(^|[ ,])(--[a-z][a-z-]*)");
  bool in_options = false;
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    if (line == "Options:") in_options = true;
    if (line.empty() || (line.ends_with(":") && line != "Options:")) in_options = line == "Options:";
    if (!in_options || !line.starts_with("  ")) continue;
    // Only the option's own column, not its description.
    const std::string column = line.substr(0, std::min<std::size_t>(line.size(), 30));
    for (auto m = std::sregex_iterator(column.begin(), column.end(), option); m != std::sregex_iterator();
         ++m)
      options.insert((*m)[2]);
  }
  return options;
}

// The manual's text with roff's escapes taken out: "\-\-data\-flow" reads "--data-flow".
std::string manual() {
  std::string text = test::read_file(std::string(KEXPORT_TEST_DIR) + "/../man/kexport.1");
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '-') continue;
    plain += text[i];
  }
  return plain;
}

}  // namespace

TEST_CASE("every option that --help lists is in the manual and the guide", "[cli][help]") {
  const std::string man = manual();
  const std::string guide = test::read_file(std::string(KEXPORT_TEST_DIR) + "/../docs/guide.md");
  std::size_t checked = 0;
  for (const std::string& command : commands) {
    const auto r = run_kexport(command + " --help");
    INFO(command);
    REQUIRE(r.exit_code == 0);
    const auto options = options_in_help(r.out);
    CHECK(options.count("--help") == 1);
    for (const std::string& option : options) {
      INFO(option);
      CHECK(man.find(option) != std::string::npos);
      if (option != "--help" && option != "--version") CHECK(guide.find("`" + option) != std::string::npos);
      ++checked;
    }
    // Each command is in the manual by name, too.
    if (!command.empty()) {
      CHECK(std::regex_search(man, std::regex("\n\\.BR? " + command.substr(0, command.find(' ')) + "\\b")));
      CHECK((guide.find("`kexport " + command) != std::string::npos ||
             guide.find("`" + command + "`") != std::string::npos));
    }
  }
  CHECK(checked > 50);
}

TEST_CASE("a command's help ends with examples, the global options and the exit codes", "[cli][help]") {
  for (const std::string& command : commands) {
    INFO(command);
    const auto r = run_kexport(command + " --help");
    REQUIRE(r.exit_code == 0);
    const auto examples = r.out.find("Examples:\n  kexport ");
    REQUIRE(examples != std::string::npos);
    CHECK(r.out.find("Exit codes:") > examples);
    if (command.starts_with("cache") || command.empty()) continue;
    CHECK(r.out.find("Global options") > examples);
    CHECK(r.out.find("--data PATH", examples) != std::string::npos);
  }
}

TEST_CASE("the examples of the help run on the bundled data", "[cli][help]") {
  // Those that need no file of the user's: every example naming only the bundled data's months.
  const std::string data = std::string("--data ") + KEXPORT_DATA_DIR + " ";
  std::size_t ran = 0;
  for (const char* command : {"summary", "series", "top", "rank", "provinces", "chapters"}) {
    const auto help = run_kexport(std::string(command) + " --help").out;
    std::istringstream lines(help.substr(help.find("Examples:")));
    std::string heading;
    std::getline(lines, heading);
    for (std::string line; std::getline(lines, line) && line.starts_with("  kexport ");) {
      std::string arguments = line.substr(10);
      if (arguments.find('|') != std::string::npos) arguments = arguments.substr(0, arguments.find('|'));
      if (arguments.find("--data") != std::string::npos) continue;
      INFO(arguments);
      const auto r = run_kexport(data + arguments);
      CHECK(r.exit_code == 0);
      CHECK_FALSE(r.out.empty());
      ++ran;
    }
  }
  CHECK(ran >= 12);
}

TEST_CASE("kexport --version names the gazetteer's revision", "[cli][help]") {
  const auto r = run_kexport("--version");
  CHECK(r.exit_code == 0);
  // The manual's header carries the same version.
  const std::string version = r.out.substr(0, r.out.find('\n'));
  CHECK_THAT(test::read_file(std::string(KEXPORT_TEST_DIR) + "/../man/kexport.1"),
             Catch::StartsWith(".TH KEXPORT 1 ") && Catch::Contains("\"" + version + "\""));
  CHECK(std::regex_search(
      r.out, std::regex("^kexport [0-9]+\\.[0-9]+\\.[0-9]+\\ngazetteer of [0-9]{4}-[0-9]{2}-[0-9]{2}: 81 "
                        "provinces, [0-9]+ countries, 97 HS chapters")));
}

TEST_CASE("the README, the manual and --help list exactly the exit codes kexport has", "[cli][help]") {
  std::set<int> codes;
  for (const kexport::ExitCode code : kexport::all_exit_codes) codes.insert(static_cast<int>(code));
  // The codes a document lists in its section between `from` and the next line starting `next`,
  // each on a line matching `line`.
  const auto listed = [](const std::string& text, const std::string& from, const std::string& next,
                         const std::regex& line) {
    std::set<int> found;
    std::istringstream in(text.substr(text.find(from) + from.size()));
    for (std::string row; std::getline(in, row) && !row.starts_with(next);)
      if (std::smatch m; std::regex_search(row, m, line)) found.insert(std::stoi(m[1]));
    return found;
  };
  const std::string dir = std::string(KEXPORT_TEST_DIR) + "/../";
  CHECK(listed(test::read_file(dir + "README.md"), "## Exit codes\n", "## ", std::regex(R"(^\| (\d+) \|)")) ==
        codes);
  CHECK(listed(test::read_file(dir + "man/kexport.1"), ".SH EXIT STATUS\n", ".SH",
               std::regex(R"(^\.B (\d+)$)")) == codes);
  const auto help = test::run_kexport("--help");
  CHECK(listed(help.out, "Exit codes:\n", "\x01", std::regex(R"(^  (\d+)  )")) == codes);
}
