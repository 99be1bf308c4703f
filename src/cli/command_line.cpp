// CLI11 wiring: the options of every command, bound to their structs, and the dispatch to the
// command's run function. The options are data here; what they mean is the run functions'.
#include "command_line.hpp"

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <functional>
#include <iostream>

#include "commands.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/text.hpp"

namespace kexport::cli {
namespace {

// A path option given as "" names nothing: a usage error, never standard output or the current
// directory by accident.
const CLI::Validator non_empty_path(
    [](std::string& value) {
      return value.empty() ? std::string("an empty path; expected a file or directory name") : std::string();
    },
    "", "non-empty path");

constexpr const char* exit_codes_help = R"(Exit codes:
  0   success
  64  usage: a bad option, month, province or country name
  65  bad data: a malformed input file (the message names file:line:column); validate found problems
  66  an input file is missing or unreadable
  69  the requested month is not in the data
  70  internal error
  73  the output exists and is not kexport's to replace: --dir holds files that are not an earlier
      report's, as its manifest lists them
  74  the output could not be written; the cache directory is not the user's own)";

const std::vector<Format> tabular = {Format::table, Format::json, Format::csv, Format::markdown};

// The options every command takes, before or after its name: said in each command's help, since
// CLI11 lists a command's own options only.
constexpr const char* global_options_help =
    R"(Global options (before or after the command; see kexport --help):
  --data PATH ...   data files or directories; default $KEXPORT_DATA, else the bundled data
  --source NAME     the source to report on when the data holds several
  -o,--output FILE  write to this file, whole or not at all
  --no-cache        parse the files even when the cache holds them
  --sheet, --unit, --data-flow, --decimal, --encoding, --skip-bad-rows, --threads)";

// A command's help ends with real examples, the global options and the exit codes.
void add_help_footer(CLI::App* command, std::initializer_list<const char*> examples,
                     bool global_options = true) {
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
  command->add_option("--lang", look.lang, "Language for people: tr or en")
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

void add_global_options(CLI::App& app, GlobalOptions& global) {
  app.add_option("--data", global.data,
                 "Data file or directory (.csv, .tsv, .json, .jsonl, .xlsx, .xlsm); repeatable; - reads "
                 "standard input. Default: $KEXPORT_DATA, else the bundled data")
      ->type_name("PATH");
  app.add_option("--sheet", global.sheets,
                 "The sheet of a workbook to read, by name or number (1 is the first); repeatable. Default: "
                 "every sheet that holds a table")
      ->type_name("NAME|N");
  app.add_flag("--skip-bad-rows", global.skip_bad_rows,
               "Carry on past malformed rows, counting them and listing the first 20 on stderr");
  app.add_option("--source", global.source,
                 "The source to report on when the data holds several (TÜİK, TİM, Ticaret Bakanlığı), and "
                 "the label of rows whose file names no source");
  app.add_option("--unit", global.unit,
                 "Unit of the values of files that state none (a unit in a header or title wins): usd, "
                 "thousand or million")
      ->check(CLI::IsMember({"usd", "thousand", "million"}));
  app.add_option("--data-flow", global.data_flow,
                 "The flow of rows whose file does not say theirs (no flow column, no column of imports, no "
                 "title naming one): export or import. Default: export")
      ->check(CLI::IsMember({"export", "import"}));
  app.add_option("--decimal", global.decimal,
                 "Number style, overriding detection: point (291804236.45) or comma (291.804.236,45)")
      ->check(CLI::IsMember({"point", "comma"}));
  app.add_option("--encoding", global.encoding, "Text encoding, overriding detection: utf-8 or windows-1254")
      ->check(CLI::IsMember({"utf-8", "windows-1254"}));
  app.add_option("--threads", global.threads, "Threads for reading large files (default: one per core)")
      ->check(CLI::Range(0u, 256u));
  app.add_flag("--no-cache", global.no_cache,
               "Parse the data files even when the cache holds them, and leave the cache as it is");
  app.add_option("--output,-o", global.output,
                 "Write the output to this file (whole or not at all) instead of standard output; - is "
                 "standard output")
      ->type_name("FILE")
      ->check(non_empty_path);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "kexport — Turkish provincial export statistics: monthly figures, comparisons, rankings and "
      "press-release prose, exact to the cent.",
      "kexport"};
  app.footer(exit_codes_help);
  const Gazetteer& gazetteer = Gazetteer::builtin();
  app.set_version_flag(
      "--version",
      fmt::format("kexport {}\ngazetteer of {}: {} provinces, {} countries, {} HS "
                  "chapters, {} TİM sectors",
                  KEXPORT_VERSION, KEXPORT_GAZETTEER_DATE, gazetteer.provinces().size(),
                  gazetteer.countries().size(), gazetteer.chapters().size(), gazetteer.sectors().size()));
  app.require_subcommand(1);
  GlobalOptions global;
  add_global_options(app, global);

  // The command that was named, to run once the line is parsed (and the session made).
  std::function<int(const Session&)> chosen;
  const auto command = [&](CLI::App* parent, const char* name, const char* about,
                           std::function<int(const Session&)> action) {
    CLI::App* sub = parent->add_subcommand(name, about);
    sub->fallthrough();
    sub->callback([&chosen, action] { chosen = action; });
    return sub;
  };

  SummaryCommand summary;
  CLI::App* summary_app = command(
      &app, "summary", "A province's exports in a month, with the usual comparisons and top destinations",
      [&](const Session& s) { return run_summary(s, summary); });
  summary_app
      ->add_option("--province,-p", summary.query.province, "Province name or plate code (e.g. Kayseri, 38)")
      ->required();
  add_month_option(summary_app, summary.month);
  add_top_option(summary_app, summary.query.top_n, "How many destinations to list");
  add_presentation(summary_app, summary.look,
                   {Format::table, Format::json, Format::text, Format::markdown, Format::svg, Format::html});
  add_help_footer(summary_app,
                  {R"(kexport summary --province Kayseri --month 2026-01)",
                   R"(kexport summary -p 38 -m latest --format text --lang en)",
                   R"(kexport summary -p Kayseri -f json | jq '.value, .previous_year.change_pct')"});

  SeriesCommand series;
  CLI::App* series_app =
      command(&app, "series", "One row per month: value, changes, rolling 12 months and year to date",
              [&](const Session& s) { return run_series(s, series); });
  series_app->add_option("--province,-p", series.province,
                         "Province (default: Türkiye as a whole, when the data allows)");
  series_app->add_option("--country,-c", series.country, "Only trade with this country (name or ISO code)");
  series_app->add_option("--chapter", series.chapter,
                         "Only this sector (HS chapter number or a sector name)");
  series_app->add_option("--from", series.from, "First month, YYYY-MM or latest (default: the data's first)");
  series_app->add_option("--to", series.to, "Last month, YYYY-MM or latest (default: the data's last)");
  add_flow_option(series_app, series.flow);
  add_presentation(series_app, series.look, tabular);
  add_help_footer(series_app, {R"(kexport series --province Kayseri --from 2025-01 --to 2026-01)",
                               R"(kexport series -p Kayseri --country Almanya --format csv)",
                               R"(kexport series --flow import -p Kayseri -f json)"});

  TopCommand top;
  CLI::App* top_app = command(
      &app, "top", "A province's largest destinations or sectors, with what changed on a year earlier",
      [&](const Session& s) { return run_top(s, top); });
  top_app->add_option("--province,-p", top.query.province, "Province name or plate code")->required();
  add_month_option(top_app, top.month);
  top_app->add_option("--by", top.by, "Rank destinations (country) or sectors (chapter)")
      ->capture_default_str()
      ->check(CLI::IsMember({"country", "chapter"}));
  add_top_option(top_app, top.query.n, "How many destinations or sectors to list");
  add_window_option(top_app, top.window);
  add_flow_option(top_app, top.flow);
  add_presentation(top_app, top.look, tabular);
  add_help_footer(top_app, {R"(kexport top --province Kayseri --month 2026-01)",
                            R"(kexport top -p Kayseri --period 12m --top 5)",
                            R"(kexport top -p Kayseri --flow import -f csv)"});

  RankCommand rank;
  CLI::App* rank_app =
      command(&app, "rank", "Every province ranked, with its share of Türkiye and its rank a year earlier",
              [&](const Session& s) { return run_rank(s, rank); });
  add_month_option(rank_app, rank.month);
  add_window_option(rank_app, rank.window);
  rank_app
      ->add_option(
          "--by", rank.by,
          "Rank by value, by change on a year earlier, by the trade balance (exports - imports) or by "
          "the coverage ratio (exports / imports)")
      ->capture_default_str()
      ->check(CLI::IsMember({"value", "change", "balance", "coverage"}));
  add_flow_option(rank_app, rank.flow);
  rank_app->add_option("--province,-p", rank.province, "A province to highlight");
  add_presentation(rank_app, rank.look, tabular);
  add_help_footer(rank_app,
                  {R"(kexport rank --month 2026-01 --province Kayseri)",
                   R"(kexport rank --period 12m --by change)", R"(kexport rank -m 2026-01 -f csv)"});

  ReportCommand report;
  CLI::App* report_app = command(
      &app, "report",
      "The month's publication as a directory: for each province a web page, the press release in "
      "Turkish and English, a Markdown report, the chart and the JSON; Turkey's page on top, with the "
      "provinces ranked; a manifest of every file. Written whole or not at all",
      [&](const Session& s) { return run_report(s, report); });
  report_app
      ->add_option("--province,-p", report.provinces,
                   "Provinces by name or plate code, separated by commas, or all (the default)")
      ->delimiter(',')
      ->capture_default_str();
  add_month_option(report_app, report.month);
  report_app
      ->add_option("--lang", report.lang,
                   "Languages: tr, en, tr,en or en,tr (the first names the plain files)")
      ->capture_default_str();
  add_top_option(report_app, report.top_n, "How many destinations each province's documents list");
  report_app
      ->add_option("--dir", report.dir,
                   "The directory to write (replaced whole if it holds an earlier report)")
      ->type_name("DIR")
      ->check(non_empty_path)
      ->required();
  add_help_footer(report_app, {"kexport report --province Kayseri --month 2026-01 --dir rapor",
                               "kexport report --province all --month latest --dir /var/www/ihracat/latest",
                               "kexport report -p Kayseri,Niğde,Nevşehir --lang tr --dir bolge"});

  ListCommand lists[3] = {{ListCommand::Kind::provinces, {}},
                          {ListCommand::Kind::countries, {}},
                          {ListCommand::Kind::chapters, {}}};
  const char* list_names[3] = {"provinces", "countries", "chapters"};
  const char* list_examples[3][2] = {{"kexport provinces", "kexport provinces --data ihracat.xlsx -f csv"},
                                     {"kexport countries -f json", "kexport countries --data ihracat.csv"},
                                     {"kexport chapters", "kexport chapters --lang en -f markdown"}};
  const char* list_about[3] = {
      "The 81 provinces; with --data, what the data holds of each",
      "Destination countries and their codes; with --data, what the data holds of each",
      "The 97 HS chapters and TİM's sectors; with --data, what the data holds of each"};
  for (std::size_t i = 0; i < 3; ++i) {
    CLI::App* list_app = command(&app, list_names[i], list_about[i],
                                 [&lists, i](const Session& s) { return run_list(s, lists[i]); });
    add_presentation(list_app, lists[i].look, tabular);
    add_help_footer(list_app, {list_examples[i][0], list_examples[i][1]});
  }

  ValidateCommand validate;
  CLI::App* validate_app = command(
      &app, "validate",
      "What the files hold and what is wrong with them: format detected, records, months, totals against "
      "their parts, revisions between files. Exit 65 when there are problems, 66 when a file cannot be read",
      [&](const Session& s) { return run_validate(s, validate); });
  validate_app->add_option("paths", validate.paths, "Files or directories (default: as --data)")
      ->type_name("PATH");
  add_presentation(validate_app, validate.look, {Format::table, Format::json});
  add_help_footer(validate_app, {"kexport validate ihracat-2026-01.xlsx",
                                 "kexport validate veri/ --format json", "kexport --data veri/ validate"});

  CLI::App* cache_app = app.add_subcommand(
      "cache", "The cache of loaded data files, in $XDG_CACHE_HOME/kexport (else ~/.cache/kexport)");
  cache_app->require_subcommand(1);
  CacheCommand cache;
  CLI::App* info_app = command(cache_app, "info", "The images in the cache, and whether they are current",
                               [&](const Session& s) { return run_cache_info(s, cache); });
  add_presentation(info_app, cache.look, tabular);
  add_help_footer(info_app, {"kexport cache info", "kexport cache info -f json"}, false);
  CLI::App* clear_app = command(cache_app, "clear", "Remove every image from the cache",
                                [&](const Session& s) { return run_cache_clear(s, cache); });
  clear_app->add_flag("--stale", cache.stale_only,
                      "Only the images whose inputs changed or are gone, and unreadable ones");
  clear_app->add_option("--lang", cache.look.lang, "Language for people: tr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"tr", "en"}));
  add_help_footer(clear_app, {"kexport cache clear", "kexport cache clear --stale"}, false);
  add_help_footer(cache_app, {"kexport cache info", "kexport cache clear --stale"}, false);
  app.footer(
      fmt::format("Examples:\n  kexport summary --province Kayseri --month 2026-01\n  kexport report "
                  "--province all --month latest --dir /var/www/ihracat/latest\n  kexport validate "
                  "ihracat.xlsx\n\n{}",
                  exit_codes_help));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }
  try {
    const Session session(global, argv[0]);
    return chosen ? chosen(session) : 0;
  } catch (const Error& e) {
    std::cerr << "kexport: " << printable(e.what()) << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "kexport: internal error: " << printable(e.what()) << '\n';
    return static_cast<int>(ExitCode::software);
  }
}

}  // namespace kexport::cli
