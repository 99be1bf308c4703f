#include "grid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "escape.hpp"
#include "json_values.hpp"
#include "kexport/model/text.hpp"
#include "kexport/output/number_format.hpp"
#include "labels.hpp"
#include "text_table.hpp"

namespace kexport::output {
namespace {

bool is_null(const Value& v) {
  return !v.text && !v.money && !v.number && !v.count && !v.flag && !v.list;
}

// A list as people and CSV see it: "TÜİK, TİM".
std::string joined(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

// For people: rounded, grouped, signed as the language writes it.
Cell person_cell(const Value& v, const Column& column, const TableStyle& style) {
  const Language lang = style.language;
  if (column.kind == Kind::flag) return {v.flag.value_or(false) ? column.flag_label : std::string()};
  if (v.list) return {joined(*v.list)};
  if (is_null(v)) return {std::string(labels(lang).not_available), Tone::faint};
  switch (column.kind) {
    case Kind::flag:
      return {};
    case Kind::text:
      return {*v.text};
    case Kind::period:
      return {*v.text};
    case Kind::money:
      return {format_dollars(*v.money, lang)};
    case Kind::count:
      return {format_count(static_cast<std::uint64_t>(*v.count), lang)};
    case Kind::share:
      return {format_share(*v.number, lang)};
    case Kind::change:
    case Kind::points: {
      const std::string text =
          column.kind == Kind::points ? format_points(*v.number, lang) : format_change(*v.number, lang);
      return {text, text[0] == '+' ? Tone::rise : text[0] == '-' ? Tone::fall : Tone::plain};
    }
  }
  return {};
}

// CSV: RFC 4180 quoting, and text cells that a spreadsheet would run as a formula (= + - @ tab
// CR at the start) prefixed with an apostrophe, as OWASP advises. Numbers are exact and plain.
std::string csv_cell(const Value& v) {
  if (is_null(v)) return "";
  if (v.money) return cents_to_decimal(*v.money);
  if (v.number) return fmt::format("{}", *v.number);
  if (v.count) return std::to_string(*v.count);
  if (v.flag) return *v.flag ? "true" : "false";
  std::string text = printable(v.list ? joined(*v.list) : *v.text);
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos)
    text = "'" + text;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

nlohmann::ordered_json json_value(const Value& v) {
  if (v.money) return json_dollars(*v.money);
  if (v.number) return *v.number;
  if (v.count) return *v.count;
  if (v.flag) return *v.flag;
  if (v.text) return *v.text;
  if (v.list) return *v.list;
  return nullptr;
}

// The columns people see: a flag column only when some row raises it (a series without missing
// months has no "missing" column).
std::vector<std::size_t> shown_columns(const Section& section) {
  std::vector<std::size_t> shown;
  for (std::size_t c = 0; c < section.columns.size(); ++c) {
    const bool raised =
        std::any_of(section.rows.begin(), section.rows.end(),
                    [c](const std::vector<Value>& row) { return row[c].flag.value_or(false); });
    if (section.columns[c].kind != Kind::flag || raised) shown.push_back(c);
  }
  return shown;
}

void write_table(std::ostream& out, const Report& report, const TableStyle& style) {
  out << paint_wrapped(report.title, Tone::strong, style) << "\n";
  if (!report.warning.empty()) out << paint_wrapped(report.warning, Tone::fall, style) << "\n";
  for (const Section& section : report.sections) {
    if (section.rows.empty()) continue;
    out << '\n';
    if (!section.title.empty()) out << paint_wrapped(section.title, Tone::strong, style) << '\n';
    std::vector<Align> align;
    std::vector<Cell> header;
    const std::vector<std::size_t> shown = shown_columns(section);
    for (const std::size_t c : shown) {
      const Kind kind = section.columns[c].kind;
      align.push_back(kind == Kind::text || kind == Kind::period || kind == Kind::flag ? Align::left
                                                                                       : Align::right);
      header.emplace_back(section.columns[c].label);
    }
    TextTable table(align);
    table.add_header(header);
    for (std::size_t r = 0; r < section.rows.size(); ++r) {
      std::vector<Cell> cells;
      const bool strong = section.highlight == r;
      const bool faint = r < section.faint.size() && section.faint[r];
      for (const std::size_t c : shown) {
        Cell cell = person_cell(section.rows[r][c], section.columns[c], style);
        if (strong) cell.tone = Tone::strong;
        if (faint) cell.tone = Tone::faint;
        if (strong && !style.color && c == shown.front())
          cell.text = "> " + cell.text;  // marked without colour
        cells.push_back(std::move(cell));
      }
      table.add_row(std::move(cells));
    }
    table.write(out, "", style);
  }
  if (!report.notes.empty()) out << '\n';
  for (const std::string& note : report.notes) out << note << '\n';
}

void write_csv(std::ostream& out, const Report& report) {
  // One table: with several sections, a first column says which section a row belongs to.
  const bool several = report.sections.size() > 1;
  const Section& first = report.sections.front();
  std::vector<std::string> header;
  if (several) header.emplace_back("section");
  for (const Column& c : first.columns) header.push_back(c.key);
  out << fmt::format("{}\r\n", fmt::join(header, ","));
  for (const Section& section : report.sections) {
    // Cells by the header's column names, so that sections with fewer columns stay aligned.
    std::vector<std::optional<std::size_t>> position;
    for (const Column& c : first.columns) {
      std::optional<std::size_t> at;
      for (std::size_t i = 0; i < section.columns.size(); ++i)
        if (section.columns[i].key == c.key) at = i;
      position.push_back(at);
    }
    for (const auto& row : section.rows) {
      std::vector<std::string> cells;
      if (several) cells.push_back(section.key);
      for (const auto& at : position) cells.push_back(at ? csv_cell(row[*at]) : std::string());
      out << fmt::format("{}\r\n", fmt::join(cells, ","));
    }
  }
}

void write_markdown(std::ostream& out, const Report& report, const TableStyle& style) {
  out << "# " << markdown_escape(report.title) << "\n";
  if (!report.warning.empty()) out << "\n> **" << markdown_escape(report.warning) << "**\n";
  for (const Section& section : report.sections) {
    if (section.rows.empty()) continue;
    out << '\n';
    if (!section.title.empty()) out << "## " << markdown_escape(section.title) << "\n\n";
    std::vector<std::string> labels, rules;
    const std::vector<std::size_t> shown = shown_columns(section);
    for (const std::size_t c : shown) {
      const Column& column = section.columns[c];
      labels.push_back(markdown_escape(column.label));
      rules.push_back(column.kind == Kind::text || column.kind == Kind::period || column.kind == Kind::flag
                          ? "---"
                          : "---:");
    }
    out << fmt::format("| {} |\n| {} |\n", fmt::join(labels, " | "), fmt::join(rules, " | "));
    for (std::size_t r = 0; r < section.rows.size(); ++r) {
      std::vector<std::string> cells;
      for (const std::size_t c : shown) {
        std::string text = markdown_escape(person_cell(section.rows[r][c], section.columns[c], style).text);
        if (section.highlight == r) text = "**" + text + "**";
        cells.push_back(text);
      }
      out << fmt::format("| {} |\n", fmt::join(cells, " | "));
    }
  }
  if (!report.notes.empty()) out << '\n';
  for (const std::string& note : report.notes) out << markdown_escape(note) << "\n\n";
}

void write_json(std::ostream& out, const Report& report) {
  nlohmann::ordered_json doc;
  for (const Meta& m : report.meta) doc[m.key] = json_value(m.value);
  for (const Section& section : report.sections) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : section.rows) {
      nlohmann::ordered_json object;
      for (std::size_t c = 0; c < section.columns.size(); ++c)
        object[section.columns[c].key] = json_value(row[c]);
      rows.push_back(std::move(object));
    }
    doc[section.key] = std::move(rows);
  }
  out << doc.dump(2) << '\n';
}

}  // namespace

void write_report(std::ostream& out, const Report& report, Format format, const TableStyle& style) {
  switch (format) {
    case Format::csv:
      write_csv(out, report);
      break;
    case Format::markdown:
      write_markdown(out, report, style);
      break;
    case Format::json:
      write_json(out, report);
      break;
    case Format::table:
    case Format::text:
    case Format::svg:  // not offered for tabular reports: the table is the answer
    case Format::html:
      write_table(out, report, style);
      break;
  }
}

}  // namespace kexport::output
