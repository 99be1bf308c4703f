// The commands about the data and the cache: the lists, validate, cache info and clear.
#include <sstream>

#include "commands.hpp"
#include "kexport/app/cache.hpp"
#include "kexport/app/validate_files.hpp"
#include "kexport/model/error.hpp"
#include "options.hpp"

namespace kexport::cli {

int run_list(const Session& session, const ListCommand& command) {
  std::optional<DataCoverage> coverage;
  if (!session.options().data.empty())
    coverage =
        compute_coverage(session.load(everything(), Session::language(command.look)), Gazetteer::builtin());
  const DataCoverage* covered = coverage ? &*coverage : nullptr;
  std::ostringstream out;
  const Format format = Session::format(command.look);
  const TableStyle style = session.style(command.look);
  switch (command.kind) {
    case ListCommand::Kind::provinces:
      write_province_list(out, Gazetteer::builtin(), covered, format, style);
      break;
    case ListCommand::Kind::countries:
      write_country_list(out, Gazetteer::builtin(), covered, format, style);
      break;
    case ListCommand::Kind::chapters:
      write_chapter_list(out, Gazetteer::builtin(), covered, format, style);
      break;
  }
  session.emit(out.str());
  return 0;
}

int run_validate(const Session& session, const ValidateCommand& command) {
  const ValidationReport report =
      validate_files(list_inputs(command.paths.empty() ? session.data_paths() : command.paths),
                     Gazetteer::builtin(), session.load_options());
  std::ostringstream out;
  write_validation(out, report, Session::format(command.look), session.style(command.look));
  session.emit(out.str());
  if (report.unreadable()) return static_cast<int>(ExitCode::no_input);
  return report.clean() ? 0 : static_cast<int>(ExitCode::data);
}

int run_cache_info(const Session& session, const CacheCommand& command) {
  const CacheSettings settings = Session::cache_settings();
  std::ostringstream out;
  write_cache_info(out, settings.directory, list_cache(settings), Session::format(command.look),
                   session.style(command.look));
  session.emit(out.str());
  return 0;
}

int run_cache_clear(const Session& session, const CacheCommand& command) {
  const CacheSettings settings = Session::cache_settings();
  std::ostringstream out;
  write_cache_cleared(out, settings.directory, clear_cache(settings, command.stale_only),
                      session.style(command.look));
  session.emit(out.str());
  return 0;
}

namespace {

// One list command: its kind, name, help and examples.
struct ListEntry {
  ListCommand::Kind kind;
  const char* name;
  const char* about;
  const char* examples[2];
};

}  // namespace

void add_lists(CLI::App& app, Action& chosen) {
  const ListEntry entries[] = {
      {ListCommand::Kind::provinces,
       "provinces",
       "The 81 provinces; with --data, what the data holds of each",
       {"kexport provinces", "kexport provinces --data ihracat.xlsx -f csv"}},
      {ListCommand::Kind::countries,
       "countries",
       "Destination countries and their codes; with --data, what the data holds of each",
       {"kexport countries -f json", "kexport countries --data ihracat.csv"}},
      {ListCommand::Kind::chapters,
       "chapters",
       "The 97 HS chapters and TİM's sectors; with --data, what the data holds of each",
       {"kexport chapters", "kexport chapters --lang en -f markdown"}},
  };
  for (const ListEntry& entry : entries) {
    auto [sub, command] = add_command<ListCommand>(app, chosen, entry.name, entry.about, run_list);
    command->kind = entry.kind;
    add_presentation(sub, command->look, tabular);
    add_help_footer(sub, {entry.examples[0], entry.examples[1]});
  }
}

void add_validate(CLI::App& app, Action& chosen) {
  auto [sub, command] = add_command<ValidateCommand>(
      app, chosen, "validate",
      "What the files hold and what is wrong with them: format detected, records, months, totals against "
      "their parts, revisions between files. Exit 65 when there are problems, 66 when a file cannot be read",
      run_validate);
  sub->add_option("paths", command->paths, "Files or directories (default: as --data)")->type_name("PATH");
  add_presentation(sub, command->look, {Format::table, Format::json});
  add_help_footer(sub, {"kexport validate ihracat-2026-01.xlsx", "kexport validate veri/ --format json",
                        "kexport --data veri/ validate"});
}

void add_cache(CLI::App& app, Action& chosen) {
  CLI::App* cache = app.add_subcommand(
      "cache", "The cache of loaded data files, in $XDG_CACHE_HOME/kexport (else ~/.cache/kexport)");
  cache->require_subcommand(1);
  auto [info, info_command] = add_command<CacheCommand>(
      *cache, chosen, "info", "The images in the cache, and whether they are current", run_cache_info);
  add_presentation(info, info_command->look, tabular);
  add_help_footer(info, {"kexport cache info", "kexport cache info -f json"}, false);
  auto [clear, clear_command] = add_command<CacheCommand>(
      *cache, chosen, "clear", "Remove every image from the cache", run_cache_clear);
  clear->add_flag("--stale", clear_command->stale_only,
                  "Only the images whose inputs changed or are gone, and unreadable ones");
  add_language_option(clear, clear_command->look.lang);
  add_help_footer(clear, {"kexport cache clear", "kexport cache clear --stale"}, false);
  add_help_footer(cache, {"kexport cache info", "kexport cache clear --stale"}, false);
}

}  // namespace kexport::cli
