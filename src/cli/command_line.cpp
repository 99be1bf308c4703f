// CLI11 wiring: the options of every command, bound to their structs, and the dispatch to the
// command's run function. The options are data here; what they mean is the run functions'.
#include "command_line.hpp"

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <iostream>

#include "kexport/input/load.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/text.hpp"
#include "options.hpp"

namespace kexport::cli {
namespace {

void add_global_options(CLI::App& app, GlobalOptions& global) {
  app.add_option("--data", global.data,
                 "Data file or directory (" + extensions_read_text(", ") +
                     "); repeatable; - reads standard input. Default: $KEXPORT_DATA, else the bundled data")
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
  app.add_option(
         "--basis", global.basis,
         "The province basis to report on when the data holds a source on several, and the basis of "
         "rows whose file states none: head_office (merkez: TÜİK's province tables), production_place "
         "(uretim-yeri, faaliyet: the Ministry's and TÜİK's since 2024) or registration (tim-kayit: TİM's)")
      ->check([](const std::string& text) {
        const auto basis = parse_basis(text);
        return basis && *basis != Basis::unstated ? std::string()
                                                  : "expected head_office, production_place or registration "
                                                    "(merkez, uretim-yeri, tim-kayit)";
      });
  app.add_option("--vintage", global.vintage,
                 "The release date of files whose vintage column, title and name give none (YYYY-MM-DD or "
                 "YYYY-MM): of two files that give the same figure, the later release is the figure")
      ->type_name("DATE")
      ->check([](const std::string& text) {
        return parse_vintage(text) ? std::string() : "expected a date, YYYY-MM-DD or YYYY-MM";
      });
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
  Action chosen;
  add_summary(app, chosen);
  add_series(app, chosen);
  add_top(app, chosen);
  add_rank(app, chosen);
  add_revisions(app, chosen);
  add_report(app, chosen);
  add_lists(app, chosen);
  add_validate(app, chosen);
  add_cache(app, chosen);
  add_fetch(app, chosen);
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
