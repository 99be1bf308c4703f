// The questions: summary, series, top and rank.
#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "kexport/model/error.hpp"
#include "options.hpp"

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
  query.province = province_named(command.province);
  query.month = month_option(command.month, "--month");
  query.source = session.source();
  query.basis = session.basis();
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
  if (!command.province.empty()) query.province = province_named(command.province);
  if (!command.country.empty()) query.country = command.country;
  if (!command.chapter.empty()) query.chapter = command.chapter;
  query.from = month_option(command.from, "--from");
  query.from_latest = command.from == "latest";
  query.to = month_option(command.to, "--to");
  query.source = session.source();
  query.basis = session.basis();
  query.flow = parse_flow(command.flow).value_or(Flow::exports);
  const Language lang = Session::language(command.look);
  const Series series = compute_series(session.load(needs_of(query), lang), Gazetteer::builtin(), query);
  emit(session, series, command.look, write_series);
  return 0;
}

int run_top(const Session& session, TopCommand command) {
  TopQuery& query = command.query;
  query.province = province_named(command.province);
  query.month = month_option(command.month, "--month");
  query.by = command.by == "country" ? TopBy::country : TopBy::chapter;
  query.window = window_option(command.window);
  query.source = session.source();
  query.basis = session.basis();
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
  if (!command.province.empty()) query.province = province_named(command.province);
  query.source = session.source();
  query.basis = session.basis();
  query.flow = parse_flow(command.flow).value_or(Flow::exports);
  const Language lang = Session::language(command.look);
  const Ranking ranking = compute_rank(session.load(needs_of(query), lang), query);
  emit(session, ranking, command.look, write_rank);
  write_passed_over(std::cerr, ranking.passed_over, ranking.to, national_total, lang);
  write_gaps(std::cerr, ranking.gaps, lang);
  return 0;
}

void add_summary(CLI::App& app, Action& chosen) {
  auto [sub, command] = add_command<SummaryCommand>(
      app, chosen, "summary",
      "A province's exports in a month, with the usual comparisons and top destinations", run_summary);
  sub->add_option("--province,-p", command->province, "Province name or plate code (e.g. Kayseri, 38)")
      ->required();
  add_month_option(sub, command->month);
  add_top_option(sub, command->query.top_n, "How many destinations to list");
  add_presentation(sub, command->look,
                   {Format::table, Format::json, Format::text, Format::markdown, Format::svg, Format::html});
  add_help_footer(sub, {R"(kexport summary --province Kayseri --month 2026-01)",
                        R"(kexport summary -p 38 -m latest --format text --lang en)",
                        R"(kexport summary -p Kayseri -f json | jq '.value, .previous_year.change_pct')"});
}

void add_series(CLI::App& app, Action& chosen) {
  auto [sub, command] = add_command<SeriesCommand>(
      app, chosen, "series", "One row per month: value, changes, rolling 12 months and year to date",
      run_series);
  sub->add_option("--province,-p", command->province,
                  "Province (default: Türkiye as a whole, when the data allows)");
  sub->add_option("--country,-c", command->country, "Only trade with this country (name or ISO code)");
  sub->add_option("--chapter", command->chapter, "Only this sector (HS chapter number or a sector name)");
  sub->add_option("--from", command->from, "First month, YYYY-MM or latest (default: the data's first)");
  sub->add_option("--to", command->to, "Last month, YYYY-MM or latest (default: the data's last)");
  add_flow_option(sub, command->flow);
  add_presentation(sub, command->look, tabular);
  add_help_footer(sub, {R"(kexport series --province Kayseri --from 2025-01 --to 2026-01)",
                        R"(kexport series -p Kayseri --country Almanya --format csv)",
                        R"(kexport series --flow import -p Kayseri -f json)"});
}

void add_top(CLI::App& app, Action& chosen) {
  auto [sub, command] = add_command<TopCommand>(
      app, chosen, "top", "A province's largest destinations or sectors, with what changed on a year earlier",
      run_top);
  sub->add_option("--province,-p", command->province, "Province name or plate code")->required();
  add_month_option(sub, command->month);
  sub->add_option("--by", command->by,
                  "Rank destinations (country) or sectors (chapter or sector: HS chapters, or TİM's sectors "
                  "where the data has those)")
      ->capture_default_str()
      ->check(CLI::IsMember({"country", "chapter", "sector"}));
  add_top_option(sub, command->query.n, "How many destinations or sectors to list");
  add_window_option(sub, command->window);
  add_flow_option(sub, command->flow);
  add_presentation(sub, command->look, tabular);
  add_help_footer(sub, {R"(kexport top --province Kayseri --month 2026-01)",
                        R"(kexport top -p Kayseri --period 12m --top 5)",
                        R"(kexport top -p Kayseri --flow import -f csv)"});
}

void add_rank(CLI::App& app, Action& chosen) {
  auto [sub, command] = add_command<RankCommand>(
      app, chosen, "rank", "Every province ranked, with its share of Türkiye and its rank a year earlier",
      run_rank);
  add_month_option(sub, command->month);
  add_window_option(sub, command->window);
  sub->add_option(
         "--by", command->by,
         "Rank by value, by change on a year earlier, by the trade balance (exports - imports) or by "
         "the coverage ratio (exports / imports)")
      ->capture_default_str()
      ->check(CLI::IsMember({"value", "change", "balance", "coverage"}));
  add_flow_option(sub, command->flow);
  sub->add_option("--province,-p", command->province, "A province to highlight");
  add_presentation(sub, command->look, tabular);
  add_help_footer(sub, {R"(kexport rank --month 2026-01 --province Kayseri)",
                        R"(kexport rank --period 12m --by change)", R"(kexport rank -m 2026-01 -f csv)"});
}

}  // namespace kexport::cli
