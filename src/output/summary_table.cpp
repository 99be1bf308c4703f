#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "kexport/model/text.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "labels.hpp"
#include "names.hpp"
#include "sample_notice.hpp"
#include "text_table.hpp"

namespace kexport {
namespace {

using output::Align;
using output::Cell;
using output::Tone;

Cell amount_cell(MaybeCents value, const TableStyle& style) {
  if (!value) return {std::string(output::labels(style.language).not_available), Tone::faint};
  return {format_dollars(*value, style.language)};
}

Cell change_cell(MaybePercent change, const TableStyle& style) {
  if (!change) return {std::string(output::labels(style.language).not_available), Tone::faint};
  const std::string text = format_change(*change, style.language);
  return {text, text.front() == '+' ? Tone::rise : text.front() == '-' ? Tone::fall : Tone::plain};
}

Cell share_cell(MaybePercent share, const TableStyle& style) {
  if (!share) return {std::string(output::labels(style.language).not_available), Tone::faint};
  return {format_share(*share, style.language)};
}

std::string span(Period from, Period to) {
  return from == to ? from.iso() : fmt::format("{} – {}", from.iso(), to.iso());
}

// The trend as block characters scaled between the smallest and largest month; a gap for a month
// the data lacks. Only for terminals: these are drawing characters.
std::string sparkline_row(const Summary& s, const TableStyle& style) {
  static constexpr std::string_view blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  Cents low = INT64_MAX, high = INT64_MIN;
  for (const MonthPoint& m : s.trend) {
    if (!m.value) continue;
    low = std::min(low, *m.value);
    high = std::max(high, *m.value);
  }
  std::string line;
  for (const MonthPoint& m : s.trend) {
    if (!m.value) {
      line += ' ';
      continue;
    }
    const double position =
        high > low ? static_cast<double>(*m.value - low) / static_cast<double>(high - low) : 0.5;
    const auto level = static_cast<std::size_t>(std::lround(position * 7.0));
    line += output::paint(std::string(blocks[level]), m.period == s.period ? Tone::strong : Tone::plain,
                          style.color);
  }
  const bool tr = style.language == Language::tr;
  return fmt::format("\n{}  {}  {} – {}", tr ? "Son 13 ay" : "Last 13 months", line,
                     s.trend.front().period.iso(), s.trend.back().period.iso());
}

// A flow's month and its comparisons, one row each.
void write_figures(std::ostream& out, const FlowFigures& f, Period period, std::string_view countries,
                   const TableStyle& style) {
  const output::Labels& words = output::labels(style.language);
  const std::string month = output::month_label(period, style.language);
  output::TextTable figures({Align::left, Align::left, Align::right, Align::right});
  figures.add_header({"", std::string(words.period), std::string(words.value), std::string(words.change)});
  figures.add_row(
      {{month, Tone::strong}, period.iso(), {amount_cell(f.value, style).text, Tone::strong}, ""});
  figures.add_row({std::string(words.previous_month), f.previous_month.period.iso(),
                   amount_cell(f.previous_month.value, style),
                   change_cell(f.previous_month.change_pct, style)});
  figures.add_row({std::string(words.previous_year), f.previous_year.period.iso(),
                   amount_cell(f.previous_year.value, style),
                   change_cell(f.previous_year.change_pct, style)});
  const auto window_rows = [&](const WindowComparison& w, std::string_view label, std::string_view before) {
    figures.add_row({std::string(label), span(w.from, w.to), amount_cell(w.value, style),
                     change_cell(w.change_pct, style)});
    figures.add_row({std::string(before), span(w.from.plus_months(-12), w.to.plus_months(-12)),
                     amount_cell(w.previous_value, style), ""});
  };
  window_rows(f.rolling_12m, words.rolling_12m, words.previous_12m);
  window_rows(f.year_to_date, words.year_to_date, words.previous_ytd);
  figures.add_row({std::string(countries), "",
                   f.countries ? Cell(format_count(*f.countries, style.language))
                               : Cell(std::string(words.no_breakdown), Tone::faint),
                   ""});
  figures.write(out, "", style);
}

// The largest destinations, or origins, under their title.
void write_countries(std::ostream& out, std::string_view title, const std::vector<Destination>& list,
                     const TableStyle& style) {
  if (list.empty()) return;
  const output::Labels& words = output::labels(style.language);
  out << '\n'
      << output::paint_wrapped(fmt::format(fmt::runtime(title), list.size()), Tone::strong, style) << '\n';
  output::TextTable top({Align::right, Align::left, Align::right, Align::right, Align::right});
  top.add_header({std::string(words.rank), std::string(words.country), std::string(words.value),
                  std::string(words.share), std::string(words.change_yoy)});
  for (const Destination& d : list)
    top.add_row({std::to_string(d.rank), output::country_name(d.country, style.language),
                 format_dollars(d.value, style.language), share_cell(d.share_pct, style),
                 change_cell(d.change_pct, style)});
  top.write(out, "", style);
}

Cell points_cell(MaybePercent points, const TableStyle& style) {
  if (!points) return {std::string(output::labels(style.language).not_available), Tone::faint};
  const std::string text = format_points(*points, style.language);
  return {text, text.front() == '+' ? Tone::rise : text.front() == '-' ? Tone::fall : Tone::plain};
}

// Imports as the exports are shown, then the balance and the coverage ratio of the month, the last
// 12 months and the year to date, each beside a year earlier.
void write_imports(std::ostream& out, const Summary& s, const TableStyle& style) {
  const Imports& in = *s.imports;
  const output::Labels& words = output::labels(style.language);
  const std::string month = output::month_label(s.period, style.language);
  out << '\n'
      << output::paint_wrapped(fmt::format(fmt::runtime(words.imports_of), month), Tone::strong, style)
      << "\n";
  if (!in.any_known()) {
    out << output::paint(output::say(style, "Veride bu döneme ait ithalat yok.",
                                     "The data holds no imports for this period."),
                         Tone::faint, style.color)
        << '\n';
    return;
  }
  write_figures(out, in, s.period, words.origins, style);
  out << '\n' << output::paint_wrapped(std::string(words.trade_title), Tone::strong, style) << '\n';
  output::TextTable trade(
      {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right});
  trade.add_header({"", std::string(words.period), std::string(words.balance),
                    std::string(words.year_earlier), std::string(words.coverage),
                    std::string(words.year_earlier), std::string(words.change)});
  const auto row = [&](std::string_view label, const TradeBalance& t) {
    const auto coverage = [&](MaybePercent pct) {
      return pct ? Cell(format_share(*pct, style.language))
                 : Cell(std::string(words.not_available), Tone::faint);
    };
    trade.add_row({std::string(label), span(t.from, t.to), amount_cell(t.balance, style),
                   amount_cell(t.previous_balance, style), coverage(t.coverage_pct),
                   coverage(t.previous_coverage_pct), points_cell(t.coverage_change_pp, style)});
  };
  row(month, in.balance);
  row(words.rolling_12m, in.balance_rolling_12m);
  row(words.year_to_date, in.balance_year_to_date);
  trade.write(out, "", style);
  write_countries(out, words.top_origins, in.top_origins, style);
}

// Dollars per kilogram of the province's and Turkey's exports and imports.
void write_unit_values(std::ostream& out, const Summary& s, const TableStyle& style) {
  const output::Labels& words = output::labels(style.language);
  const UnitValues& u = *s.unit_value;
  out << '\n' << output::paint_wrapped(std::string(words.unit_value), Tone::strong, style) << '\n';
  output::TextTable table({Align::left, Align::right, Align::right});
  table.add_header({"", output::province_name(s.province), output::province_name(national_total)});
  const auto cell = [&](std::optional<double> v) {
    return v ? Cell(format_decimal(*v, 2, style.language))
             : Cell(std::string(words.not_available), Tone::faint);
  };
  table.add_row({std::string(words.exports), cell(u.exports), cell(u.turkey_exports)});
  if (s.imports) table.add_row({std::string(words.imports), cell(u.imports), cell(u.turkey_imports)});
  table.write(out, "", style);
}

}  // namespace

void write_summary_table(std::ostream& out, const Summary& s, const TableStyle& style) {
  const output::Labels& words = output::labels(style.language);
  const std::string month = output::month_label(s.period, style.language);

  std::string title = output::province_name(s.province);
  if (s.province != national_total) title += fmt::format(" ({:02})", s.province);
  std::string subtitle = fmt::format(fmt::runtime(words.exports_of), month);
  subtitle += fmt::format(" · {}", words.currency);
  if (s.sample.value)
    subtitle += fmt::format(" · {}: {}", words.source, output::sample_source_label(style.language));
  else if (!output::source_label(s.source, s.basis, s.vintage, style.language).empty())
    subtitle += fmt::format(" · {}: {}", words.source,
                            output::source_label(s.source, s.basis, s.vintage, style.language));
  // Too wide for the terminal: the province on a line of its own, the rest wrapped below it.
  if (style.width > 0 && display_width(title + " · " + subtitle) > style.width)
    out << output::paint(title, Tone::strong, style.color) << '\n'
        << output::paint_wrapped(subtitle, Tone::plain, style) << "\n";
  else
    out << output::paint(title, Tone::strong, style.color) << " · " << subtitle << "\n";
  if (s.sample.any())
    out << output::paint_wrapped(output::sample_notice(s.sample, style.language), Tone::fall, style) << '\n';
  out << '\n';

  write_figures(out, s, s.period, words.countries, style);
  if (style.terminal && !s.trend.empty()) out << sparkline_row(s, style) << '\n';

  write_countries(out, words.top_title, s.top_destinations, style);
  for (const PartsOverTotal& c : s.parts_over_total) {
    if (c.parts != Breakdown::countries) continue;
    out << '\n'
        << output::say(
               style,
               fmt::format("Paylar ilin toplam satırına ({} $) göre; ülkelerin toplamı ({} $) bundan büyük.",
                           format_dollars(c.total, style.language),
                           format_dollars(c.sum_of_parts, style.language)),
               fmt::format("Shares are of the province's total row (${}); the countries add up to more "
                           "(${}).",
                           format_dollars(c.total, style.language),
                           format_dollars(c.sum_of_parts, style.language)))
        << '\n';
  }
  if (s.imports) write_imports(out, s, style);
  if (s.unit_value) write_unit_values(out, s, style);
}

}  // namespace kexport
