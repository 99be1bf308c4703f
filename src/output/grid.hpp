// A report as typed tables, written four ways: an aligned table for people, CSV, Markdown and
// JSON. Each analysis command turns its result into a Report once; the writers do the rest.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kexport/model/dataset.hpp"
#include "kexport/output/report.hpp"

namespace kexport::output {

enum class Kind { text, money, change, points, share, count, period, flag };

struct Column {
  std::string key;    // machine name: CSV header, JSON key
  std::string label;  // for people, in the report's language
  Kind kind;
  std::string flag_label = {};  // for a flag column: what people see when it is true
};

// One cell; empty optional members mean "null" (not computable).
struct Value {
  std::optional<std::string> text;
  std::optional<Cents> money;
  std::optional<double> number;
  std::optional<std::int64_t> count;
  std::optional<bool> flag;
  std::optional<std::vector<std::string>> list;  // a JSON array; joined for people and CSV
  static Value of_text(std::string t) { return {std::move(t), {}, {}, {}, {}, {}}; }
  static Value of_list(std::vector<std::string> items) { return {{}, {}, {}, {}, {}, std::move(items)}; }
  static Value of_money(std::optional<Cents> c) { return {{}, c, {}, {}, {}, {}}; }
  static Value of_number(std::optional<double> d) { return {{}, {}, d, {}, {}, {}}; }
  static Value of_count(std::optional<std::int64_t> n) { return {{}, {}, {}, n, {}, {}}; }
  static Value of_flag(bool b) { return {{}, {}, {}, {}, b, {}}; }
  static Value null() { return {}; }
};

struct Section {
  std::string key;    // "rows", "new", "lost"
  std::string title;  // for people; empty for the main section
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
  std::optional<std::size_t> highlight;  // a row to set apart (rank --province)
  std::vector<bool> faint;               // rows to show faintly (missing months)
};

struct Meta {
  std::string key;
  Value value;
};

struct Report {
  std::string title;               // for people
  std::string warning;             // for people, right under the title (made-up figures)
  std::vector<std::string> notes;  // for people, after the tables
  std::vector<Meta> meta;          // for machines: JSON's top level
  std::vector<Section> sections;
};

void write_report(std::ostream& out, const Report& report, Format format, const TableStyle& style);

}  // namespace kexport::output
