// kexport revisions: what a release changed.
#include <fmt/format.h>

#include <sstream>

#include "commands.hpp"
#include "kexport/model/error.hpp"
#include "options.hpp"

namespace kexport::cli {
namespace {

std::optional<Vintage> release_option(const std::string& text, std::string_view flag) {
  if (text.empty()) return std::nullopt;
  if (text == "undated") return unknown_vintage;
  if (auto vintage = parse_vintage(text)) return vintage;
  throw Error(ExitCode::usage,
              fmt::format("{} '{}' is not a release; expected YYYY-MM-DD, YYYY-MM or undated", flag, text));
}

}  // namespace

int run_revisions(const Session& session, const RevisionsCommand& command) {
  RevisionsQuery query;
  if (!command.province.empty()) query.province = province_named(command.province);
  query.month = month_option(command.month, "--month");
  query.old_release = release_option(command.old_release, "--old");
  query.new_release = release_option(command.new_release, "--new");
  query.source = session.source();
  query.basis = session.basis();
  query.flow = parse_flow(command.flow).value_or(Flow::exports);
  const Language lang = Session::language(command.look);
  const Revisions revisions = compute_revisions(session.load(everything(), lang), query);
  std::ostringstream out;
  write_revisions(out, revisions, Session::format(command.look), session.style(command.look));
  session.emit(out.str());
  return 0;
}

void add_revisions(CLI::App& app, Action& chosen) {
  auto [sub, command] = add_command<RevisionsCommand>(
      app, chosen, "revisions",
      "What a release changed: every figure two releases give differently, old and new, largest first",
      run_revisions);
  sub->add_option("--province,-p", command->province, "Only this province (default: every one)");
  sub->add_option("--month,-m", command->month, "Only this month, YYYY-MM (default: every one)");
  sub->add_option("--old", command->old_release,
                  "The earlier release, YYYY-MM-DD, YYYY-MM or undated (default: the latest before --new)");
  sub->add_option("--new", command->new_release,
                  "The later release (default: the latest that changed a figure)");
  add_flow_option(sub, command->flow);
  add_presentation(sub, command->look, tabular);
  add_help_footer(sub, {R"(kexport revisions)", R"(kexport revisions --province Kayseri -f csv)",
                        R"(kexport revisions --old 2026-01-31 --new 2026-02-28 -m 2026-01)"});
}

}  // namespace kexport::cli
