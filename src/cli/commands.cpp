#include "commands.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "data_paths.hpp"
#include "kexport/error.hpp"
#include "kexport/load.hpp"
#include "kexport/report.hpp"
#include "kexport/summary.hpp"
#include "kexport/validate.hpp"

namespace kexport::cli {
namespace {

constexpr const char* exit_codes_help = R"(Exit codes:
  0   success
  64  usage: a bad option, month or province name
  65  bad data: a malformed input file (the message names file:line:column)
  66  an input file is missing or unreadable
  69  the requested month is not in the data
  70  internal error
  74  the output could not be written)";

struct GlobalOptions {
  std::vector<std::string> data;
  bool skip_bad_rows = false;
  std::string source;
  std::string unit;
  std::string decimal;
  std::string encoding;
};

struct SummaryOptions {
  std::string province;
  std::string month = "latest";
  std::size_t top = 10;
  std::string format = "table";
  std::string lang = "tr";
};

struct ValidateOptions {
  std::vector<std::string> paths;
  std::string format = "table";
  std::string lang = "tr";
};

Language language_of(const std::string& lang) {
  return lang == "en" ? Language::en : Language::tr;
}

bool stdout_wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  if (no_color != nullptr && *no_color != '\0') return false;
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

LoadOptions load_options(const GlobalOptions& global) {
  LoadOptions options;
  options.skip_bad_rows = global.skip_bad_rows;
  if (!global.source.empty()) options.source = global.source;
  if (global.unit == "usd") options.unit = ValueUnit::dollars;
  if (global.unit == "thousand") options.unit = ValueUnit::thousand_dollars;
  if (global.decimal == "point") options.decimal = DecimalStyle::point;
  if (global.decimal == "comma") options.decimal = DecimalStyle::comma;
  if (global.encoding == "utf-8") options.encoding = TextEncoding::utf8;
  if (global.encoding == "windows-1254") options.encoding = TextEncoding::windows1254;
  return options;
}

std::vector<InputFile> read_all(const std::vector<std::string>& paths) {
  std::vector<InputFile> files;
  for (const std::string& path : paths) {
    auto more = read_input(path);
    files.insert(files.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return files;
}

Dataset load(const GlobalOptions& global, const char* argv0) {
  Dataset data = load_dataset(read_all(data_paths(global.data, argv0)), load_options(global));
  if (data.skipped_count > 0) {
    std::cerr << fmt::format("kexport: skipped {} malformed row{}:\n", data.skipped_count,
                             data.skipped_count == 1 ? "" : "s");
    for (const auto& row : data.skipped) std::cerr << "  " << row.message << '\n';
    if (data.skipped_count > data.skipped.size())
      std::cerr << fmt::format("  … and {} more\n", data.skipped_count - data.skipped.size());
  }
  return data;
}

// Writes the finished output in one piece, so that a failure never leaves half a report.
void emit(const std::string& text) {
  std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
  std::cout.flush();
  if (!std::cout) throw Error(ExitCode::io, "cannot write to standard output");
}

void run_summary(const GlobalOptions& global, const SummaryOptions& options, const char* argv0) {
  SummaryQuery query;
  query.province = options.province;
  query.top_n = options.top;
  if (!global.source.empty()) query.source = global.source;
  if (options.month != "latest") {
    query.month = parse_iso_period(options.month);
    if (!query.month)
      throw Error(ExitCode::usage,
                  fmt::format("--month '{}' is not a month; expected YYYY-MM (e.g. 2026-01) or latest",
                              options.month));
  }
  const Language language = language_of(options.lang);
  const Dataset data = load(global, argv0);
  const Summary summary = compute_summary(data, Gazetteer::builtin(), query, language);

  std::ostringstream out;
  if (options.format == "json") {
    write_summary_json(out, summary);
  } else if (options.format == "text") {
    write_summary_text(out, summary, language);
  } else if (options.format == "markdown") {
    write_summary_markdown(out, summary, language);
  } else if (options.format == "svg") {
    write_summary_svg(out, summary, language);
  } else {
    write_summary_table(out, summary, TableStyle{language, stdout_wants_color()});
  }
  emit(out.str());
  write_gap_warnings(std::cerr, summary, language);
}

// Exit 0 when every file is clean, 65 when any has a problem; the report goes to stdout either way.
int run_validate(const GlobalOptions& global, const ValidateOptions& options, const char* argv0) {
  const auto files = read_all(options.paths.empty() ? data_paths(global.data, argv0) : options.paths);
  const ValidationReport report = validate_files(files, Gazetteer::builtin(), load_options(global));
  std::ostringstream out;
  if (options.format == "json")
    write_validation_json(out, report);
  else
    write_validation_table(out, report, TableStyle{language_of(options.lang), stdout_wants_color()});
  emit(out.str());
  return report.clean() ? 0 : static_cast<int>(ExitCode::data);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "kexport — Turkish provincial export statistics: monthly figures, comparisons and "
      "destinations, as tables, JSON and press-release prose.",
      "kexport"};
  app.footer(exit_codes_help);
  app.set_version_flag("--version", std::string("kexport ") + KEXPORT_VERSION);
  app.require_subcommand(1);

  GlobalOptions global;
  app.add_option("--data", global.data,
                 "Data file or directory (.csv, .tsv, .json, .jsonl); repeatable; - reads standard "
                 "input. Default: $KEXPORT_DATA, else the bundled data")
      ->type_name("PATH");
  app.add_flag("--skip-bad-rows", global.skip_bad_rows,
               "Carry on past malformed rows, counting them and listing the first 20 on stderr");
  app.add_option("--source", global.source,
                 "The source of rows that do not name one, and the source to report on when the data "
                 "holds several (TÜİK, TİM, Ticaret Bakanlığı)");
  app.add_option("--unit", global.unit, "Unit of the values, overriding the headers: usd or thousand")
      ->check(CLI::IsMember({"usd", "thousand"}));
  app.add_option("--decimal", global.decimal,
                 "Number style, overriding detection: point (291804236.45) or comma (291.804.236,45)")
      ->check(CLI::IsMember({"point", "comma"}));
  app.add_option("--encoding", global.encoding, "Text encoding, overriding detection: utf-8 or windows-1254")
      ->check(CLI::IsMember({"utf-8", "windows-1254"}));

  SummaryOptions summary;
  CLI::App* summary_cmd = app.add_subcommand("summary",
                                             "A province's exports in a month, with the "
                                             "usual comparisons and top destinations");
  summary_cmd->fallthrough();
  summary_cmd->add_option("--province,-p", summary.province, "Province name or plate code (e.g. Kayseri, 38)")
      ->required();
  summary_cmd->add_option("--month,-m", summary.month, "Month as YYYY-MM, or latest")->capture_default_str();
  summary_cmd->add_option("--top,-n", summary.top, "How many destinations to list")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{0}, std::size_t{1000}));
  summary_cmd->add_option("--format,-f", summary.format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "text", "markdown", "svg"}));
  summary_cmd->add_option("--lang", summary.lang, "Language for people: tr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"tr", "en"}));

  ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate",
      "What the files hold and what is wrong with them: format detected, rows, months, "
      "totals against their parts, revisions between files. Exit 65 when there are problems");
  validate_cmd->fallthrough();
  validate_cmd->add_option("paths", validate.paths, "Files or directories (default: as --data)")
      ->type_name("PATH");
  validate_cmd->add_option("--format,-f", validate.format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  validate_cmd->add_option("--lang", validate.lang, "Language for people: tr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"tr", "en"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }

  try {
    if (summary_cmd->parsed()) run_summary(global, summary, argv[0]);
    if (validate_cmd->parsed()) return run_validate(global, validate, argv[0]);
    return 0;
  } catch (const Error& e) {
    std::cerr << "kexport: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "kexport: internal error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::software);
  }
}

}  // namespace kexport::cli
