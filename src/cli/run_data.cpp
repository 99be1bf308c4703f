// The commands about the data and the cache: the lists, validate, cache info and clear.
#include <sstream>

#include "commands.hpp"
#include "kexport/app/cache.hpp"
#include "kexport/app/validate_files.hpp"
#include "kexport/model/error.hpp"

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

}  // namespace kexport::cli
