#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "kexport/number_format.hpp"
#include "kexport/report.hpp"
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
  else if (!s.source.empty())
    subtitle += fmt::format(" · {}: {}", words.source, s.source);
  out << output::paint(title, Tone::strong, style.color) << " · " << subtitle << "\n";
  if (s.sample.any())
    out << output::paint(output::sample_notice(s.sample, style.language), Tone::fall, style.color) << '\n';
  out << '\n';

  output::TextTable figures({Align::left, Align::left, Align::right, Align::right});
  figures.add_header({"", std::string(words.period), std::string(words.value), std::string(words.change)});
  figures.add_row(
      {{month, Tone::strong}, s.period.iso(), {amount_cell(s.value, style).text, Tone::strong}, ""});
  figures.add_row({std::string(words.previous_month), s.previous_month.period.iso(),
                   amount_cell(s.previous_month.value, style),
                   change_cell(s.previous_month.change_pct, style)});
  figures.add_row({std::string(words.previous_year), s.previous_year.period.iso(),
                   amount_cell(s.previous_year.value, style),
                   change_cell(s.previous_year.change_pct, style)});
  const auto window_rows = [&](const WindowComparison& w, std::string_view label, std::string_view before) {
    figures.add_row({std::string(label), span(w.from, w.to), amount_cell(w.value, style),
                     change_cell(w.change_pct, style)});
    figures.add_row({std::string(before), span(w.from.plus_months(-12), w.to.plus_months(-12)),
                     amount_cell(w.previous_value, style), ""});
  };
  window_rows(s.rolling_12m, words.rolling_12m, words.previous_12m);
  window_rows(s.year_to_date, words.year_to_date, words.previous_ytd);
  figures.add_row({std::string(words.countries), "",
                   s.countries ? Cell(format_count(*s.countries, style.language))
                               : Cell(std::string(words.no_breakdown), Tone::faint),
                   ""});
  figures.write(out, "", style);
  if (style.terminal && !s.trend.empty()) out << sparkline_row(s, style) << '\n';

  if (s.top_destinations.empty()) return;
  out << '\n'
      << output::paint(fmt::format(fmt::runtime(words.top_title), s.top_destinations.size()), Tone::strong,
                       style.color)
      << '\n';
  output::TextTable top({Align::right, Align::left, Align::right, Align::right, Align::right});
  top.add_header({std::string(words.rank), std::string(words.country), std::string(words.value),
                  std::string(words.share), std::string(words.change_yoy)});
  for (const Destination& d : s.top_destinations) {
    top.add_row({std::to_string(d.rank), output::country_name(d.country, style.language),
                 format_dollars(d.value, style.language), share_cell(d.share_pct, style),
                 change_cell(d.change_pct, style)});
  }
  top.write(out, "", style);
  for (const PartsOverTotal& c : s.parts_over_total) {
    if (c.parts != "countries") continue;
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
}

}  // namespace kexport
