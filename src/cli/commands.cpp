// CLI11 wiring: options become queries, the library answers, and the answer is written in one
// piece. No arithmetic and no parsing of data happen here.
#include "commands.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>

#include "kexport/analysis.hpp"
#include "kexport/cache.hpp"
#include "kexport/data_paths.hpp"
#include "kexport/error.hpp"
#include "kexport/load.hpp"
#include "kexport/output_file.hpp"
#include "kexport/report.hpp"
#include "kexport/summary.hpp"
#include "kexport/text.hpp"
#include "kexport/validate_files.hpp"

namespace kexport::cli {
namespace {

constexpr const char* exit_codes_help = R"(Exit codes:
  0   success
  64  usage: a bad option, month, province or country name
  65  bad data: a malformed input file (the message names file:line:column); validate found problems
  66  an input file is missing or unreadable
  69  the requested month is not in the data
  70  internal error
  74  the output could not be written, or the cache directory is not the user's own)";

struct GlobalOptions {
  std::vector<std::string> data;
  bool skip_bad_rows = false;
  std::string source;
  std::string unit;
  std::string decimal;
  std::string encoding;
  std::string output;
  unsigned threads = 0;
  bool no_cache = false;
};

// How a command's answer is shown: its format and language.
struct Presentation {
  std::string format = "table";
  std::string lang = "tr";
};

class Cli {
 public:
  explicit Cli(const char* argv0) : argv0_(argv0) {}

  GlobalOptions global;

  [[nodiscard]] Language language(const Presentation& p) const {
    return p.lang == "en" ? Language::en : Language::tr;
  }

  // Colour, lines and the terminal's width only when the output goes to a terminal; NO_COLOR
  // takes away the colour alone.
  [[nodiscard]] TableStyle style(const Presentation& p) const {
    TableStyle style;
    style.language = language(p);
    style.terminal = (global.output.empty() || global.output == "-") && terminal();
    const char* no_color = std::getenv("NO_COLOR");
    style.color = style.terminal && (no_color == nullptr || *no_color == '\0');
    if (style.terminal) style.width = terminal_width();
    return style;
  }

  [[nodiscard]] LoadOptions load_options() const {
    LoadOptions options;
    options.skip_bad_rows = global.skip_bad_rows;
    if (!global.source.empty()) options.source = global.source;
    if (global.unit == "usd") options.unit = ValueUnit::dollars;
    if (global.unit == "thousand") options.unit = ValueUnit::thousand_dollars;
    if (global.decimal == "point") options.decimal = DecimalStyle::point;
    if (global.decimal == "comma") options.decimal = DecimalStyle::comma;
    if (global.encoding == "utf-8") options.encoding = TextEncoding::utf8;
    if (global.encoding == "windows-1254") options.encoding = TextEncoding::windows1254;
    options.threads = global.threads;
    return options;
  }

  // `focus`: the province the question is about, when it is about one (see LoadOptions).
  [[nodiscard]] Dataset load(Language lang, std::optional<std::string> focus = std::nullopt,
                             bool totals_only = false) const {
    LoadOptions options = load_options();
    options.focus_province = std::move(focus);
    options.totals_only = totals_only;
    const std::vector<std::string> paths = data_paths(global.data, argv0_);
    write_passed_over_notes(std::cerr, list_inputs(paths).passed_over, lang);
    Dataset data;
    if (const auto settings = cache_settings(); settings && !global.no_cache) {
      CachedLoad loaded = load_through_cache(paths, options, *settings);
      if (!loaded.note.empty()) std::cerr << "kexport: note: " << loaded.note << '\n';
      data = std::move(loaded.data);
    } else {
      data = load_paths(paths, options);
    }
    if (data.skipped_count > 0) {
      std::cerr << fmt::format("kexport: skipped {} malformed row{}:\n", data.skipped_count,
                               data.skipped_count == 1 ? "" : "s");
      for (const auto& row : data.skipped) std::cerr << "  " << printable(row.message) << '\n';
      if (data.skipped_count > data.skipped.size())
        std::cerr << fmt::format("  … and {} more\n", data.skipped_count - data.skipped.size());
    }
    return data;
  }

  // Where images go; nothing when neither XDG_CACHE_HOME nor HOME says.
  [[nodiscard]] static std::optional<CacheSettings> cache_settings() {
    if (auto directory = default_cache_directory()) return CacheSettings{*directory};
    return std::nullopt;
  }

  [[nodiscard]] static CacheSettings required_cache_settings() {
    if (auto settings = cache_settings()) return *settings;
    throw Error(ExitCode::usage, "no cache directory: neither XDG_CACHE_HOME nor HOME is set");
  }

  [[nodiscard]] std::vector<std::string> default_paths() const { return data_paths(global.data, argv0_); }

  // The finished output, in one piece: to --output (see write_output_file), or to standard
  // output. A failure is exit 74 and never leaves half a report in a file.
  void emit(const std::string& text) const {
    if (!global.output.empty())
      write_output_file(global.output, text);
    else
      write_all(STDOUT_FILENO, text, "standard output");
  }

 private:
  static bool terminal() {
    const char* term = std::getenv("TERM");
    if (term != nullptr && std::string_view(term) == "dumb") return false;
    return isatty(STDOUT_FILENO) == 1;
  }
  // The terminal's columns: as it says, else $COLUMNS, else 80.
  static std::size_t terminal_width() {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
      const long n = std::strtol(columns, nullptr, 10);
      if (n > 0 && n < 10000) return static_cast<std::size_t>(n);
    }
    return 80;
  }
  const char* argv0_;
};

// "YYYY-MM" or "latest" (empty).
std::optional<Period> month_option(const std::string& text, std::string_view flag) {
  if (text.empty() || text == "latest") return std::nullopt;
  if (auto period = parse_iso_period(text)) return period;
  throw Error(ExitCode::usage,
              fmt::format("{} '{}' is not a month; expected YYYY-MM (e.g. 2026-01) or latest", flag, text));
}

TabularFormat tabular(const std::string& format) {
  if (format == "json") return TabularFormat::json;
  if (format == "csv") return TabularFormat::csv;
  if (format == "markdown") return TabularFormat::markdown;
  return TabularFormat::table;
}

Window window_option(const std::string& text) {
  if (text == "ytd") return Window::ytd;
  if (text == "12m") return Window::rolling_12m;
  return Window::month;
}

void add_presentation(CLI::App* command, Presentation& p, std::vector<std::string> formats) {
  command->add_option("--format,-f", p.format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember(formats));
  command->add_option("--lang", p.lang, "Language for people: tr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"tr", "en"}));
}

const std::vector<std::string> tabular_formats = {"table", "json", "csv", "markdown"};

// How many entries a list shows: one name and one range in every command.
void add_top_option(CLI::App* command, std::size_t& n, const char* about) {
  command->add_option("--top,-n", n, about)
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "kexport — Turkish provincial export statistics: monthly figures, comparisons, rankings and "
      "press-release prose, exact to the cent.",
      "kexport"};
  app.footer(exit_codes_help);
  app.set_version_flag("--version", std::string("kexport ") + KEXPORT_VERSION);
  app.require_subcommand(1);

  Cli cli(argv[0]);
  GlobalOptions& global = cli.global;
  app.add_option("--data", global.data,
                 "Data file or directory (.csv, .tsv, .json, .jsonl); repeatable; - reads standard input. "
                 "Default: $KEXPORT_DATA, else the bundled data")
      ->type_name("PATH");
  app.add_flag("--skip-bad-rows", global.skip_bad_rows,
               "Carry on past malformed rows, counting them and listing the first 20 on stderr");
  app.add_option("--source", global.source,
                 "The source of rows that do not name one, and the source to report on when the data holds "
                 "several (TÜİK, TİM, Ticaret Bakanlığı)");
  app.add_option("--unit", global.unit, "Unit of the values, overriding the headers: usd or thousand")
      ->check(CLI::IsMember({"usd", "thousand"}));
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
                 "Write the output to this file (whole or not at all) instead of standard output")
      ->type_name("FILE");

  std::vector<std::function<int()>> actions;
  const auto command = [&](const char* name, const char* about, std::function<int()> action) {
    CLI::App* sub = app.add_subcommand(name, about);
    sub->fallthrough();
    sub->callback([&actions, action] { actions.push_back(action); });
    return sub;
  };

  // summary
  SummaryQuery summary_query;
  std::string summary_month = "latest";
  Presentation summary_look;
  CLI::App* summary = command(
      "summary", "A province's exports in a month, with the usual comparisons and top destinations", [&] {
        summary_query.month = month_option(summary_month, "--month");
        if (!global.source.empty()) summary_query.source = global.source;
        const Language lang = cli.language(summary_look);
        const Dataset data = cli.load(lang, summary_query.province);
        const Summary s = compute_summary(data, Gazetteer::builtin(), summary_query, lang);
        std::ostringstream out;
        if (summary_look.format == "json")
          write_summary_json(out, s);
        else if (summary_look.format == "text")
          write_summary_text(out, s, lang);
        else if (summary_look.format == "markdown")
          write_summary_markdown(out, s, lang);
        else if (summary_look.format == "svg")
          write_summary_svg(out, s, lang);
        else
          write_summary_table(out, s, cli.style(summary_look));
        cli.emit(out.str());
        write_passed_over(
            std::cerr, s.passed_over, s.period,
            s.province == national_total ? std::nullopt : std::optional<std::string_view>(s.province_name),
            lang);
        write_gaps(std::cerr, s.gaps, lang);
        write_parts_over_total(std::cerr, s.parts_over_total, s.province_name, lang);
        return 0;
      });
  summary
      ->add_option("--province,-p", summary_query.province, "Province name or plate code (e.g. Kayseri, 38)")
      ->required();
  summary->add_option("--month,-m", summary_month, "Month as YYYY-MM, or latest")->capture_default_str();
  add_top_option(summary, summary_query.top_n, "How many destinations to list");
  add_presentation(summary, summary_look, {"table", "json", "text", "markdown", "svg"});

  // series
  SeriesQuery series_query;
  std::string series_province, series_country, series_chapter, series_from, series_to;
  Presentation series_look;
  CLI::App* series =
      command("series", "One row per month: value, changes, rolling 12 months and year to date", [&] {
        if (!series_province.empty()) series_query.province = series_province;
        if (!series_country.empty()) series_query.country = series_country;
        if (!series_chapter.empty()) series_query.chapter = series_chapter;
        series_query.from = month_option(series_from, "--from");
        series_query.from_latest = series_from == "latest";
        series_query.to = month_option(series_to, "--to");
        if (!global.source.empty()) series_query.source = global.source;
        const bool totals = !series_query.province && !series_query.country && !series_query.chapter;
        const Dataset data = cli.load(cli.language(series_look), series_query.province, totals);
        const Series result =
            compute_series(data, Gazetteer::builtin(), series_query, cli.language(series_look));
        std::ostringstream out;
        write_series(out, result, tabular(series_look.format), cli.style(series_look));
        cli.emit(out.str());
        return 0;
      });
  series->add_option("--province,-p", series_province,
                     "Province (default: Turkey as a whole, when the data allows)");
  series->add_option("--country,-c", series_country, "Only exports to this country (name or ISO code)");
  series->add_option("--chapter", series_chapter, "Only this sector (HS chapter number or a sector name)");
  series->add_option("--from", series_from, "First month, YYYY-MM or latest (default: the data's first)");
  series->add_option("--to", series_to, "Last month, YYYY-MM or latest (default: the data's last)");
  add_presentation(series, series_look, tabular_formats);

  // top
  TopQuery top_query;
  std::string top_month = "latest", top_by = "country", top_period = "month";
  Presentation top_look;
  CLI::App* top = command(
      "top", "A province's largest destinations or sectors, with what changed on a year earlier", [&] {
        top_query.month = month_option(top_month, "--month");
        top_query.by = top_by == "chapter" ? TopBy::chapter : TopBy::country;
        top_query.window = window_option(top_period);
        if (!global.source.empty()) top_query.source = global.source;
        const Dataset data = cli.load(cli.language(top_look), top_query.province);
        const Top result = compute_top(data, Gazetteer::builtin(), top_query, cli.language(top_look));
        std::ostringstream out;
        write_top(out, result, tabular(top_look.format), cli.style(top_look));
        cli.emit(out.str());
        write_passed_over(std::cerr, result.passed_over, result.to, result.province, cli.language(top_look));
        write_gaps(std::cerr, result.gaps, cli.language(top_look));
        if (result.parts_over_total)
          write_parts_over_total(std::cerr, {*result.parts_over_total}, result.province,
                                 cli.language(top_look));
        return 0;
      });
  top->add_option("--province,-p", top_query.province, "Province name or plate code")->required();
  top->add_option("--month,-m", top_month, "Month as YYYY-MM, or latest")->capture_default_str();
  top->add_option("--by", top_by, "Rank destinations (country) or sectors (chapter)")
      ->capture_default_str()
      ->check(CLI::IsMember({"country", "chapter"}));
  add_top_option(top, top_query.n, "How many destinations or sectors to list");
  top->add_option("--period", top_period, "The month, the year to date, or the last 12 months")
      ->capture_default_str()
      ->check(CLI::IsMember({"month", "ytd", "12m"}));
  add_presentation(top, top_look, tabular_formats);

  // rank
  RankQuery rank_query;
  std::string rank_month = "latest", rank_by = "value", rank_period = "month", rank_province;
  Presentation rank_look;
  CLI::App* rank =
      command("rank", "Every province ranked, with its share of Turkey and its rank a year earlier", [&] {
        rank_query.month = month_option(rank_month, "--month");
        rank_query.by = rank_by == "change" ? RankBy::change : RankBy::value;
        rank_query.window = window_option(rank_period);
        if (!rank_province.empty()) rank_query.province = rank_province;
        if (!global.source.empty()) rank_query.source = global.source;
        const Dataset data = cli.load(cli.language(rank_look), std::nullopt, true);
        const Ranking result = compute_rank(data, Gazetteer::builtin(), rank_query);
        std::ostringstream out;
        write_rank(out, result, tabular(rank_look.format), cli.style(rank_look));
        cli.emit(out.str());
        write_passed_over(std::cerr, result.passed_over, result.to, std::nullopt, cli.language(rank_look));
        write_gaps(std::cerr, result.gaps, cli.language(rank_look));
        return 0;
      });
  rank->add_option("--month,-m", rank_month, "Month as YYYY-MM, or latest")->capture_default_str();
  rank->add_option("--period", rank_period, "The month, the year to date, or the last 12 months")
      ->capture_default_str()
      ->check(CLI::IsMember({"month", "ytd", "12m"}));
  rank->add_option("--by", rank_by, "Rank by value or by change on a year earlier")
      ->capture_default_str()
      ->check(CLI::IsMember({"value", "change"}));
  rank->add_option("--province,-p", rank_province, "A province to highlight");
  add_presentation(rank, rank_look, tabular_formats);

  // provinces, countries, chapters
  using ListWriter =
      void (*)(std::ostream&, const Gazetteer&, const DataCoverage*, TabularFormat, const TableStyle&);
  Presentation list_look[3];
  const auto list_command = [&](const char* name, const char* about, ListWriter writer, Presentation& look) {
    CLI::App* sub = command(name, about, [&cli, &global, writer, &look] {
      std::optional<DataCoverage> coverage;
      if (!global.data.empty())
        coverage = compute_coverage(cli.load(cli.language(look)), Gazetteer::builtin());
      std::ostringstream out;
      writer(out, Gazetteer::builtin(), coverage ? &*coverage : nullptr, tabular(look.format),
             cli.style(look));
      cli.emit(out.str());
      return 0;
    });
    add_presentation(sub, look, tabular_formats);
  };
  list_command("provinces", "The 81 provinces; with --data, what the data holds of each", write_province_list,
               list_look[0]);
  list_command("countries", "Destination countries and their codes; with --data, what the data holds of each",
               write_country_list, list_look[1]);
  list_command("chapters", "The 97 HS chapters; with --data, what the data holds of each", write_chapter_list,
               list_look[2]);

  // validate
  std::vector<std::string> validate_paths;
  Presentation validate_look;
  CLI::App* validate = command(
      "validate",
      "What the files hold and what is wrong with them: format detected, rows, months, totals against their "
      "parts, "
      "revisions between files. Exit 65 when there are problems",
      [&] {
        const ValidationReport report =
            validate_files(list_inputs(validate_paths.empty() ? cli.default_paths() : validate_paths),
                           Gazetteer::builtin(), cli.load_options());
        std::ostringstream out;
        if (validate_look.format == "json")
          write_validation_json(out, report);
        else
          write_validation_table(out, report, cli.style(validate_look));
        cli.emit(out.str());
        if (report.unreadable()) return static_cast<int>(ExitCode::no_input);
        return report.clean() ? 0 : static_cast<int>(ExitCode::data);
      });
  validate->add_option("paths", validate_paths, "Files or directories (default: as --data)")
      ->type_name("PATH");
  add_presentation(validate, validate_look, {"table", "json"});

  // cache info, cache clear
  CLI::App* cache = app.add_subcommand(
      "cache", "The cache of loaded data files, in $XDG_CACHE_HOME/kexport (else ~/.cache/kexport)");
  cache->require_subcommand(1);
  Presentation cache_look;
  CLI::App* cache_info =
      cache->add_subcommand("info", "The images in the cache, and whether they are current");
  cache_info->fallthrough();
  cache_info->callback([&] {
    actions.push_back([&] {
      const CacheSettings settings = Cli::required_cache_settings();
      std::ostringstream out;
      write_cache_info(out, settings.directory, list_cache(settings), tabular(cache_look.format),
                       cli.style(cache_look));
      cli.emit(out.str());
      return 0;
    });
  });
  add_presentation(cache_info, cache_look, tabular_formats);
  bool clear_stale_only = false;
  CLI::App* cache_clear = cache->add_subcommand("clear", "Remove every image from the cache");
  cache_clear->add_flag("--stale", clear_stale_only,
                        "Only the images whose inputs changed or are gone, and unreadable ones");
  cache_clear->fallthrough();
  cache_clear->callback([&] {
    actions.push_back([&] {
      const CacheSettings settings = Cli::required_cache_settings();
      std::ostringstream out;
      write_cache_cleared(out, settings.directory, clear_cache(settings, clear_stale_only),
                          cli.style(cache_look));
      cli.emit(out.str());
      return 0;
    });
  });
  cache_clear->add_option("--lang", cache_look.lang, "Language for people: tr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"tr", "en"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitCode::usage);
  }
  try {
    int code = 0;
    for (const auto& action : actions) code = action();
    return code;
  } catch (const Error& e) {
    std::cerr << "kexport: " << printable(e.what()) << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "kexport: internal error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::software);
  }
}

}  // namespace kexport::cli
