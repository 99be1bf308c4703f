// The summary as a publication-ready SVG: the last 13 months as bars beside the same months a
// year earlier, the report month highlighted, imports (where the data has them) as a line over
// the bars, and the top destinations as horizontal bars.
#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "escape.hpp"
#include "kexport/model/text.hpp"
#include "kexport/output/number_format.hpp"
#include "kexport/output/report.hpp"
#include "labels.hpp"
#include "names.hpp"
#include "sample_notice.hpp"

namespace kexport {
namespace {

constexpr int width = 800;
constexpr int base_height = 640;  // taller by a line for each line of a notice past two
constexpr const char* font = "font-family=\"'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\"";
constexpr const char* ink = "#1f2933";
constexpr const char* muted = "#7b8794";
constexpr const char* current_bar = "#1d6fa3";
constexpr const char* highlight = "#d9480f";
constexpr const char* earlier_bar = "#c5d3de";
constexpr const char* imports_line = "#2f855a";

std::string xml(std::string_view text) {
  return output::xml_escape(text);
}

// Millions of dollars with one decimal, grouped in the language's style: "18.751,2" / "18,751.2".
// Rounded half away from zero in integers, from the exact cents.
std::string millions(Cents cents, Language lang) {
  constexpr Cents tenth_of_a_million = 10'000'000;  // in cents
  const Cents magnitude = cents < 0 ? -cents : cents;
  const Cents tenths = (magnitude + tenth_of_a_million / 2) / tenth_of_a_million;
  return fmt::format("{}{}{}{}", cents < 0 && tenths > 0 ? "-" : "",
                     format_count(static_cast<std::uint64_t>(tenths / 10), lang),
                     lang == Language::tr ? ',' : '.', tenths % 10);
}

// Whole millions for the axis: "18.000" / "18,000".
std::string whole_millions(Cents cents, Language lang) {
  return format_count(static_cast<std::uint64_t>(std::max<Cents>(cents, 0) / 100'000'000), lang);
}

// A destination's amount: "32,8 mn $" / "$32.8m".
std::string millions_label(Cents cents, Language lang) {
  return lang == Language::tr ? millions(cents, lang) + " mn $" : "$" + millions(cents, lang) + "m";
}

std::string short_month(Period p, Language lang) {
  static constexpr std::string_view tr[] = {"Oca", "Şub", "Mar", "Nis", "May", "Haz",
                                            "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"};
  static constexpr std::string_view en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {:02}", (lang == Language::tr ? tr : en)[p.month() - 1], p.year() % 100);
}

// A round step for about five gridlines up to `top` (in cents).
Cents nice_step(Cents top) {
  if (top <= 0) return 100;
  const double raw = static_cast<double>(top) / 5.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (raw <= m * magnitude) return static_cast<Cents>(m * magnitude);
  return static_cast<Cents>(10 * magnitude);
}

std::string text(int x, int y, const std::string& content, std::string_view extra = "") {
  return fmt::format("<text x=\"{}\" y=\"{}\" {}>{}</text>\n", x, y, extra, content);
}

// The notice of made-up figures at the foot, broken at spaces to the chart's 800 pixels.
std::vector<std::string> notice_lines(const Summary& s, Language lang) {
  std::vector<std::string> notice;
  if (!s.sample.any()) return notice;
  const std::string wrapped = wrap_to_width(output::sample_notice(s.sample, lang), 108);
  for (std::size_t from = 0; from <= wrapped.size();) {
    const std::size_t end = std::min(wrapped.find('\n', from), wrapped.size());
    notice.push_back(wrapped.substr(from, end - from));
    from = end + 1;
  }
  return notice;
}

// The plot of the last 13 months: its box, its scale and its slots. The right margin holds the
// label of the month's imports, beside its point, clear of the bars.
struct Plot {
  static constexpr int left = 64, right = width - 60, top = 84, bottom = 300;
  Cents step = 1;
  Cents axis_top = 1;
  double slot = 1;

  Plot(const Summary& s, const std::vector<MonthPoint>* imports) {
    Cents max_value = 0;
    for (const MonthPoint& m : s.trend)
      max_value = std::max({max_value, m.value.value_or(0), m.year_earlier.value_or(0)});
    if (imports)
      for (const MonthPoint& m : *imports) max_value = std::max(max_value, m.value.value_or(0));
    step = nice_step(max_value);
    axis_top = std::max<Cents>(step, (max_value + step - 1) / step * step);
    slot = static_cast<double>(right - left) / static_cast<double>(std::max<std::size_t>(s.trend.size(), 1));
  }
  [[nodiscard]] int y_of(Cents v) const {
    return bottom - static_cast<int>(
                        std::lround(static_cast<double>(v) / static_cast<double>(axis_top) * (bottom - top)));
  }
  // Where in its slot a month's bars (at `fraction` of it) begin.
  [[nodiscard]] int x_of(int i, double fraction) const {
    return left + static_cast<int>(std::lround(slot * i + slot * fraction));
  }
};

void write_heading(std::ostream& out, const Summary& s, Language lang, const std::string& month,
                   bool imports) {
  const bool tr = lang == Language::tr;
  out << text(24, 36,
              xml(output::province_name(s.province) + " · " +
                  fmt::format(fmt::runtime(output::labels(lang).exports_of), month)),
              "font-size=\"20\" font-weight=\"bold\"");
  out << text(24, 58,
              xml(tr ? std::string("Son 13 ay, milyon dolar. Açık renk: bir yıl önceki aynı ay.") +
                           (imports ? " Yeşil çizgi: ithalat." : "")
                     : std::string("Last 13 months, million dollars. Light: the same month a year earlier.") +
                           (imports ? " Green line: imports." : "")),
              fmt::format("font-size=\"12\" fill=\"{}\"", muted));
}

// The scale's lines and each month's two bars, the report month's labelled.
void write_month_bars(std::ostream& out, const Summary& s, Language lang, const Plot& plot) {
  for (Cents v = 0; v <= plot.axis_top; v += plot.step) {
    const int y = plot.y_of(v);
    out << fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#e4e7eb\"/>\n", Plot::left, y,
                       Plot::right, y);
    out << text(Plot::left - 8, y + 4, whole_millions(v, lang),
                fmt::format("font-size=\"11\" text-anchor=\"end\" fill=\"{}\"", muted));
  }
  for (int i = 0; i < static_cast<int>(s.trend.size()); ++i) {
    const MonthPoint& m = s.trend[static_cast<std::size_t>(i)];
    const bool report_month = m.period == s.period;
    const int x = plot.x_of(i, 0.12);
    const int bar = static_cast<int>(std::lround(plot.slot * 0.36));
    if (m.year_earlier)
      out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", x,
                         plot.y_of(*m.year_earlier), bar, Plot::bottom - plot.y_of(*m.year_earlier),
                         earlier_bar);
    if (m.value)
      out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", x + bar,
                         plot.y_of(*m.value), bar, Plot::bottom - plot.y_of(*m.value),
                         report_month ? highlight : current_bar);
    if (report_month && m.value)
      out << text(
          x + bar + bar / 2, plot.y_of(*m.value) - 6, millions(*m.value, lang),
          fmt::format("font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{}\"", highlight));
    out << text(x + bar, Plot::bottom + 16, xml(short_month(m.period, lang)),
                fmt::format("font-size=\"11\" text-anchor=\"middle\"{}",
                            report_month ? " font-weight=\"bold\"" : ""));
  }
}

// Imports as a line over the bars, broken where a month is missing.
void write_imports_line(std::ostream& out, const Summary& s, Language lang, const Plot& plot,
                        const std::vector<MonthPoint>& imports) {
  std::string points;
  const auto flush = [&] {
    if (points.find(' ') != std::string::npos)
      out << fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", points,
                         imports_line);
    points.clear();
  };
  for (int i = 0; i < static_cast<int>(imports.size()); ++i) {
    const MonthPoint& m = imports[static_cast<std::size_t>(i)];
    if (!m.value) {
      flush();
      continue;
    }
    const int x = plot.x_of(i, 0.48);
    const int y = plot.y_of(*m.value);
    points += fmt::format("{}{},{}", points.empty() ? "" : " ", x, y);
    out << fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{}\"/>\n", x, y, imports_line);
    if (m.period == s.period)
      out << text(Plot::right + 6, y + 4, millions(*m.value, lang),
                  fmt::format("font-size=\"12\" font-weight=\"bold\" fill=\"{}\"", imports_line));
  }
  flush();
}

// The largest destinations as bars below the plot.
void write_top_destinations(std::ostream& out, const Summary& s, Language lang, const std::string& month) {
  const std::size_t shown = std::min<std::size_t>(s.top_destinations.size(), 10);
  if (shown == 0) return;
  const int list_top = 350, row = 22, label_width = 170, bar_left = 24 + label_width, bar_right = width - 110;
  out << text(24, list_top - 12,
              xml(lang == Language::tr ? fmt::format("En çok ihracat yapılan {} ülke, {}", shown, month)
                                       : fmt::format("Top {} destinations, {}", shown, month)),
              "font-size=\"14\" font-weight=\"bold\"");
  const Cents largest = s.top_destinations.front().value;
  for (std::size_t i = 0; i < shown; ++i) {
    const Destination& d = s.top_destinations[i];
    const int y = list_top + static_cast<int>(i) * row;
    const int length =
        largest > 0 ? static_cast<int>(std::lround(static_cast<double>(d.value) /
                                                   static_cast<double>(largest) * (bar_right - bar_left)))
                    : 0;
    out << text(bar_left - 8, y + 14, xml(output::country_name(d.country, lang)),
                "font-size=\"12\" text-anchor=\"end\"");
    out << fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", bar_left, y + 3,
                       std::max(length, 1), row - 7, i == 0 ? highlight : current_bar);
    out << text(bar_left + length + 6, y + 14, millions_label(d.value, lang), "font-size=\"12\"");
  }
}

// The source line, and the notice of made-up figures above it.
void write_foot(std::ostream& out, const Summary& s, Language lang, const std::vector<std::string>& notice,
                int height) {
  const bool tr = lang == Language::tr;
  const std::string label = s.sample.value ? std::string(output::sample_source_label(lang))
                                           : output::source_label(s.source, s.basis, s.vintage, lang);
  const std::string source = label.empty() ? std::string() : (tr ? "Kaynak: " : "Source: ") + label + " · ";
  out << text(24, height - 16, xml(source + (tr ? "Hazırlayan: kexport" : "Made with kexport")),
              fmt::format("font-size=\"11\" fill=\"{}\"", muted));
  for (std::size_t i = 0; i < notice.size(); ++i)
    out << text(24, height - 32 - 14 * static_cast<int>(notice.size() - 1 - i), xml(notice[i]),
                fmt::format("font-size=\"11\" font-weight=\"bold\" fill=\"{}\"", highlight));
}

}  // namespace

void write_summary_svg(std::ostream& out, const Summary& s, Language lang) {
  const std::vector<std::string> notice = notice_lines(s, lang);
  const int height = base_height + 14 * std::max(0, static_cast<int>(notice.size()) - 2);
  const std::string month = output::month_label(s.period, lang);
  out << fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "{2} fill=\"{3}\">\n",
      width, height, font, ink);
  out << fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", width, height);
  const std::vector<MonthPoint>* imports = s.imports ? &s.imports->trend : nullptr;
  write_heading(out, s, lang, month, imports != nullptr);
  const Plot plot(s, imports);
  write_month_bars(out, s, lang, plot);
  if (imports) write_imports_line(out, s, lang, plot, *imports);
  write_top_destinations(out, s, lang, month);
  write_foot(out, s, lang, notice, height);
  out << "</svg>\n";
}

}  // namespace kexport
