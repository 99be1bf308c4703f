// kexport fetch: a month's files from the publisher into the local archive, for cron.
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "commands.hpp"
#include "kexport/app/data_paths.hpp"
#include "kexport/app/fetch.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/text.hpp"
#include "options.hpp"

namespace kexport::cli {

int run_fetch(const Session& session, const FetchCommand& command) {
  FetchSettings settings;
  // --source names the publisher: "tim", "TİM", "Tim" alike.
  settings.source = session.source() ? fold_name(*session.source()) : "tim";
  settings.month = month_option(command.month, "--month");
  settings.files = command.files;
  settings.base_url = command.base_url;
  settings.archive = command.archive.empty() ? default_archive_directory_path() : command.archive;
  settings.addresses =
      (std::filesystem::path(bundled_data_directory(session.argv0())) / "sources" / "addresses.csv").string();
  settings.connect_timeout_seconds = command.connect_timeout;
  settings.timeout_seconds = command.timeout;
  settings.retries = command.retries;
  settings.retry_wait_seconds = command.retry_wait;
  const Format format = Session::format(command.look);
  settings.progress = format == Format::table && ::isatty(STDERR_FILENO) != 0;
  const FetchResult result = fetch_month(settings);
  std::ostringstream out;
  write_fetch_report(out, result, format, Session::language(command.look));
  session.emit(out.str());
  return static_cast<int>(fetch_exit_code(result));
}

void add_fetch(CLI::App& app, Action& chosen) {
  auto [sub, command] = add_command<FetchCommand>(
      app, chosen, "fetch",
      "A month's files from the publisher (TİM) into the local archive, revisions kept, for cron", run_fetch);
  sub->add_option("--month,-m", command->month,
                  "YYYY-MM, or latest: the month before this one, else the one before it")
      ->capture_default_str();
  sub->add_option("--files", command->files,
                  "Only these files, comma-separated (default: every file of the month; see data/sources)")
      ->delimiter(',');
  sub->add_option("--base-url", command->base_url,
                  "In place of each address's scheme and host: a mirror, a proxy cache")
      ->check(non_empty_path);
  sub->add_option("--archive", command->archive,
                  "The archive (default $XDG_DATA_HOME/kexport/archive, else ~/.local/share/kexport/archive)")
      ->check(non_empty_path);
  sub->add_option("--connect-timeout", command->connect_timeout, "Seconds to wait for a connection")
      ->capture_default_str()
      ->check(CLI::Range(1, 600));
  sub->add_option("--timeout", command->timeout, "Seconds a file may take in all")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  sub->add_option("--retries", command->retries, "Tries after the first, on timeouts, resets and 5xx")
      ->capture_default_str()
      ->check(CLI::Range(0, 10));
  sub->add_option("--retry-wait", command->retry_wait,
                  "Seconds before the first retry, doubled before each next one")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 600.0));
  add_presentation(sub, command->look, {Format::table, Format::json});
  add_help_footer(sub,
                  {R"(kexport fetch)", R"(kexport fetch --month 2026-02 --files il-bazinda-sektor-rakamlari)",
                   R"(kexport fetch && kexport --data ~/.local/share/kexport/archive summary -p Kayseri)"});
}

}  // namespace kexport::cli
