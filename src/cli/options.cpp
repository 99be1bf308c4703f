#include "options.hpp"

#include <fmt/format.h>

namespace kexport::cli {

// A path option given as "" names nothing: a usage error, never standard output or the current
// directory by accident.
const CLI::Validator non_empty_path(
    [](std::string& value) {
      return value.empty() ? std::string("an empty path; expected a file or directory name") : std::string();
    },
    "", "non-empty path");

const char* const exit_codes_help = R"(Exit codes:
  0   success
  64  usage: a bad option, month, province or country name
  65  bad data: a malformed input file (the message names file:line:column); validate found problems
  66  an input file is missing or unreadable
  69  the requested month is not in the data; fetch: a file the publisher does not put out that month
  70  internal error
  73  the output exists and is not kexport's to replace: --dir holds files that are not an earlier
      report's, as its manifest lists them; fetch: a file in the archive it did not fetch
  74  the output could not be written; the cache directory is not the user's own; fetch: the
      archive cannot be written
  75  fetch: not published yet, or the server or the network failed after retries: try again later)";

const std::vector<Format> tabular = {Format::table, Format::json, Format::csv, Format::markdown};

namespace {

// The options every command takes, before or after its name: said in each command's help, since
// CLI11 lists a command's own options only.
constexpr const char* global_options_help =
    R"(Global options (before or after the command; see kexport --help):
  --data PATH ...   data files or directories; default $KEXPORT_DATA, else the bundled data
  --source NAME     the source to report on when the data holds several
  --basis BASIS     the province basis: head_office, production_place or registration
  --vintage DATE    the release date of files that give none
  -o,--output FILE  write to this file, whole or not at all
  --no-cache        parse the files even when the cache holds them
  --sheet, --unit, --data-flow, --decimal, --encoding, --skip-bad-rows, --threads)";

}  // namespace

void add_help_footer(CLI::App* command, std::initializer_list<const char*> examples, bool global_options) {
  std::string footer = "Examples:\n";
  for (const char* example : examples) footer += fmt::format("  {}\n", example);
  if (global_options) footer += fmt::format("\n{}\n", global_options_help);
  footer += fmt::format("\n{}", exit_codes_help);
  command->footer(footer);
}

void add_presentation(CLI::App* command, Presentation& look, const std::vector<Format>& formats) {
  std::vector<std::string> names;
  for (const Format f : formats) names.emplace_back(format_name(f));
  command->add_option("--format,-f", look.format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember(names));
  add_language_option(command, look.lang);
}

void add_language_option(CLI::App* command, std::string& lang) {
  command->add_option("--lang", lang, "Language for people: tr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"tr", "en"}));
}

// How many entries a list shows: one name and one range in every command.
void add_top_option(CLI::App* command, std::size_t& n, const char* about) {
  command->add_option("--top,-n", n, about)
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
}

void add_month_option(CLI::App* command, std::string& month) {
  command->add_option("--month,-m", month, "Month as YYYY-MM, or latest")->capture_default_str();
}

void add_window_option(CLI::App* command, std::string& window) {
  command->add_option("--period", window, "The month, the year to date, or the last 12 months")
      ->capture_default_str()
      ->check(CLI::IsMember({"month", "ytd", "12m"}));
}

// Which way the figures a question reads went: one name in every command.
void add_flow_option(CLI::App* command, std::string& flow) {
  command->add_option("--flow", flow, "Exports or imports")
      ->capture_default_str()
      ->check(CLI::IsMember({"export", "import"}));
}

}  // namespace kexport::cli
