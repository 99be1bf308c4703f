// The questions: summary, series, top and rank.
#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "kexport/model/error.hpp"

namespace kexport::cli {
namespace {

Window window_option(const std::string& text) {
  if (text == "ytd") return Window::ytd;
  if (text == "12m") return Window::rolling_12m;
  return Window::month;
}

template <typename Answer, typename Write>
void emit(const Session& session, const Answer& answer, const Presentation& look, Write write) {
  std::ostringstream out;
  write(out, answer, Session::format(look), session.style(look));
  session.emit(out.str());
}

}  // namespace

std::optional<Period> month_option(const std::string& text, std::string_view flag) {
  if (text.empty() || text == "latest") return std::nullopt;
  if (auto period = parse_iso_period(text)) return period;
  throw Error(ExitCode::usage,
              fmt::format("{} '{}' is not a month; expected YYYY-MM (e.g. 2026-01) or latest", flag, text));
}

int run_summary(const Session& session, SummaryCommand command) {
  SummaryQuery& query = command.query;
  query.month = month_option(command.month, "--month");
  query.source = session.source();
  const Language lang = Session::language(command.look);
  const Summary s = compute_summary(session.load(needs_of(query), lang), Gazetteer::builtin(), query);
  emit(session, s, command.look,
       [](std::ostream& out, const Summary& answer, Format format, const TableStyle& style) {
         write_summary(out, answer, format, style);
       });
  write_passed_over(std::cerr, s.passed_over, s.period, s.province, lang);
  write_gaps(std::cerr, s.gaps, lang);
  write_parts_over_total(std::cerr, s.parts_over_total, s.province, lang);
  return 0;
}

int run_series(const Session& session, const SeriesCommand& command) {
  SeriesQuery query;
  if (!command.province.empty()) query.province = command.province;
  if (!command.country.empty()) query.country = command.country;
  if (!command.chapter.empty()) query.chapter = command.chapter;
  query.from = month_option(command.from, "--from");
  query.from_latest = command.from == "latest";
  query.to = month_option(command.to, "--to");
  query.source = session.source();
  query.flow = parse_flow(command.flow).value_or(Flow::exports);
  const Language lang = Session::language(command.look);
  const Series series = compute_series(session.load(needs_of(query), lang), Gazetteer::builtin(), query);
  emit(session, series, command.look, write_series);
  return 0;
}

int run_top(const Session& session, TopCommand command) {
  TopQuery& query = command.query;
  query.month = month_option(command.month, "--month");
  query.by = command.by == "chapter" ? TopBy::chapter : TopBy::country;
  query.window = window_option(command.window);
  query.source = session.source();
  query.flow = parse_flow(command.flow).value_or(Flow::exports);
  const Language lang = Session::language(command.look);
  const Top top = compute_top(session.load(needs_of(query), lang), Gazetteer::builtin(), query);
  emit(session, top, command.look, write_top);
  write_passed_over(std::cerr, top.passed_over, top.to, top.province, lang);
  write_gaps(std::cerr, top.gaps, lang);
  if (top.parts_over_total) write_parts_over_total(std::cerr, {*top.parts_over_total}, top.province, lang);
  return 0;
}

int run_rank(const Session& session, RankCommand command) {
  RankQuery& query = command.query;
  query.month = month_option(command.month, "--month");
  query.by = command.by == "change"     ? RankBy::change
             : command.by == "balance"  ? RankBy::balance
             : command.by == "coverage" ? RankBy::coverage
                                        : RankBy::value;
  query.window = window_option(command.window);
  if (!command.province.empty()) query.province = command.province;
  query.source = session.source();
  query.flow = parse_flow(command.flow).value_or(Flow::exports);
  const Language lang = Session::language(command.look);
  const Ranking ranking = compute_rank(session.load(needs_of(query), lang), Gazetteer::builtin(), query);
  emit(session, ranking, command.look, write_rank);
  write_passed_over(std::cerr, ranking.passed_over, ranking.to, national_total, lang);
  write_gaps(std::cerr, ranking.gaps, lang);
  return 0;
}

}  // namespace kexport::cli
