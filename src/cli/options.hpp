// What every command's registration shares: the options that mean the same in each (one name,
// one range, one help text), the help's footer, and adding a command that runs once the line is
// parsed. Each command registers its own options beside its run function (run_*.cpp).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "session.hpp"

namespace kexport::cli {

// The command a line names, to run once the line is parsed (and the session made).
using Action = std::function<int(const Session&)>;

// A command under `parent` whose options fill a `Command`, which its action keeps alive; `run`
// is called with it once the line is parsed. Returns the command and its options' struct.
template <typename Command, typename Run>
std::pair<CLI::App*, Command*> add_command(CLI::App& parent, Action& chosen, const char* name,
                                           const char* about, Run run) {
  auto command = std::make_shared<Command>();
  CLI::App* sub = parent.add_subcommand(name, about);
  sub->fallthrough();
  Command* options = command.get();
  sub->callback([&chosen, command = std::move(command), run] {
    chosen = [command, run](const Session& session) { return run(session, *command); };
  });
  return {sub, options};
}

// The exit codes, as every --help ends with them (a test holds them to kexport::all_exit_codes).
extern const char* const exit_codes_help;

// A path option given as "" names nothing: a usage error, never standard output or the current
// directory by accident.
extern const CLI::Validator non_empty_path;

// The formats of the commands that print tables.
extern const std::vector<Format> tabular;

// A command's help ends with real examples, the global options (unless `global_options` is
// false) and the exit codes.
void add_help_footer(CLI::App* command, std::initializer_list<const char*> examples,
                     bool global_options = true);
// --format among `formats`, and --lang.
void add_presentation(CLI::App* command, Presentation& look, const std::vector<Format>& formats);
// --lang alone, for a command that writes only sentences.
void add_language_option(CLI::App* command, std::string& lang);
// How many entries a list shows: 1 to 1000.
void add_top_option(CLI::App* command, std::size_t& n, const char* about);
// --month: YYYY-MM or latest.
void add_month_option(CLI::App* command, std::string& month);
// --period: the month, the year to date or the last 12 months.
void add_window_option(CLI::App* command, std::string& window);
// --flow: exports or imports.
void add_flow_option(CLI::App* command, std::string& flow);

// Each command's registration, beside its run function.
void add_summary(CLI::App& app, Action& chosen);
void add_series(CLI::App& app, Action& chosen);
void add_top(CLI::App& app, Action& chosen);
void add_rank(CLI::App& app, Action& chosen);
void add_revisions(CLI::App& app, Action& chosen);
void add_report(CLI::App& app, Action& chosen);
void add_lists(CLI::App& app, Action& chosen);
void add_validate(CLI::App& app, Action& chosen);
void add_cache(CLI::App& app, Action& chosen);
void add_fetch(CLI::App& app, Action& chosen);

}  // namespace kexport::cli
