// Writes the gazetteer's CSV files (data/gazetteer) as C++ arrays of rows, compiled into the
// model, with the indexes of province and country names folded for matching (fold_name), sorted:
// the reference lists are checked when kexport is built (a name that would stand for two provinces
// or two countries fails the build), and the program neither parses text nor builds an index at
// start-up.
//
//   embed_gazetteer OUTPUT.cpp DIR
//
// Each file's header must be exactly the columns the model's row struct declares, in order; a
// malformed file fails the build with its name and line.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "kexport/model/text.hpp"

namespace {

struct Column {
  std::string name;
  bool integer = false;
};

struct TableSpec {
  std::string file;      // "provinces" for provinces.csv
  std::string row_type;  // the struct in kexport/model/gazetteer.hpp
  std::vector<Column> columns;
};

const std::vector<TableSpec> tables = {
    {"provinces", "ProvinceRow", {{"code", true}, {"name"}, {"nuts2"}, {"aliases"}}},
    {"countries",
     "CountryRow",
     {{"code"}, {"alpha3"}, {"name_tr"}, {"name_official"}, {"name_en"}, {"aliases"}}},
    {"chapters", "ChapterRow", {{"code", true}, {"name_tr"}, {"name_en"}}},
    {"sectors", "SectorRow", {{"name"}, {"name_en"}, {"chapters"}, {"aliases"}}},
};

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error(where + ": " + what);
}

// One line of RFC 4180 CSV: fields separated by commas, a quoted field may hold commas and doubled
// quotes. The gazetteer has no field that spans lines.
std::vector<std::string> split_line(const std::string& line, const std::string& where) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (quoted) {
      if (ch != '"') {
        fields.back() += ch;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (ch == '"' && fields.back().empty()) {
      quoted = true;
    } else if (ch == ',') {
      fields.emplace_back();
    } else {
      fields.back() += ch;
    }
  }
  if (quoted) fail(where, "a quoted field is not closed");
  return fields;
}

std::string literal(const std::string& text) {
  std::string out = "\"";
  for (const char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

// A table's rows, as read, with where each came from.
struct Rows {
  std::vector<std::vector<std::string>> fields;
  std::vector<std::string> where;
};

std::string embed(const TableSpec& table, const std::string& dir, Rows& read) {
  const std::string path = dir + "/" + table.file + ".csv";
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "cannot be read");
  std::ostringstream rows;
  std::string line;
  std::size_t line_number = 0;
  std::size_t row_count = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string where = path + ":" + std::to_string(line_number);
    if (line.empty()) continue;
    const std::vector<std::string> fields = split_line(line, where);
    if (fields.size() != table.columns.size())
      fail(where, "has " + std::to_string(fields.size()) + " fields, the header " +
                      std::to_string(table.columns.size()));
    if (line_number == 1) {
      for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i] != table.columns[i].name)
          fail(where, "column " + std::to_string(i + 1) + " is '" + fields[i] + "', expected '" +
                          table.columns[i].name + "'");
      continue;
    }
    rows << "    {";
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) rows << ", ";
      if (table.columns[i].integer) {
        if (fields[i].empty() || fields[i].find_first_not_of("0123456789") != std::string::npos)
          fail(where, "'" + fields[i] + "' in column " + table.columns[i].name + " is not a number");
        rows << std::stoi(fields[i]);
      } else {
        rows << literal(fields[i]);
      }
    }
    rows << "},\n";
    read.fields.push_back(fields);
    read.where.push_back(where);
    ++row_count;
  }
  if (line_number == 0) fail(path, "is empty");
  if (row_count == 0) fail(path, "has no rows");
  return "const " + table.row_type + " " + table.file + "_rows[] = {\n" + rows.str() + "};\n";
}

// Words that name Turkey as a whole where a province is expected (TÜİK's total rows): province 0.
const char* const national_total_names[] = {
    "Türkiye", "Turkey", "Türkiye Geneli", "Türkiye Toplamı", "Türkiye Cumhuriyeti", "TR",
    "TOPLAM",  "Toplam", "GENEL TOPLAM",   "Total",           "Grand Total"};

// Folded name -> value, for one index; a name folded alike for two values fails the build.
class NameIndex {
 public:
  explicit NameIndex(std::string what) : what_(std::move(what)) {}
  void add(std::string_view name, int value, const std::string& where) {
    const std::string key = kexport::fold_name(name);
    if (key.empty()) return;
    const auto [it, inserted] = names_.emplace(key, value);
    if (!inserted && it->second != value)
      fail(where, "the " + what_ + " name '" + std::string(name) + "' is also that of another " + what_ +
                      "; expected each spelling to name one");
  }
  // The index as an array of rows sorted by folded name, for a binary search.
  [[nodiscard]] std::string array(const std::string& name) const {
    std::string out = "const NameIndexRow " + name + "[] = {\n";
    for (const auto& [key, value] : names_)
      out += "    {" + literal(key) + ", " + std::to_string(value) + "},\n";
    return out + "};\n";
  }

 private:
  std::string what_;
  std::map<std::string, int> names_;  // sorted bytewise, as std::string_view compares
};

// The spellings in an aliases field: "Afyon|Afyon Karahisar".
std::vector<std::string_view> aliases_of(std::string_view field) {
  std::vector<std::string_view> out;
  for (std::size_t begin = 0; begin <= field.size() && !field.empty();) {
    std::size_t end = field.find('|', begin);
    if (end == std::string_view::npos) end = field.size();
    if (end > begin) out.push_back(kexport::trim(field.substr(begin, end - begin)));
    begin = end + 1;
  }
  return out;
}

// Every spelling of a province (name, plate code with and without its leading zero, aliases) and
// of Türkiye as a whole.
std::string province_index(const Rows& provinces) {
  NameIndex index("province");
  for (std::size_t i = 0; i < provinces.fields.size(); ++i) {
    const std::vector<std::string>& row = provinces.fields[i];  // code, name, nuts2, aliases
    const int code = std::stoi(row[0]);
    if (code != static_cast<int>(i) + 1) fail(provinces.where[i], "is not in code order");
    index.add(row[1], code, provinces.where[i]);
    index.add(row[0], code, provinces.where[i]);
    if (code < 10) index.add("0" + std::to_string(code), code, provinces.where[i]);
    for (const std::string_view alias : aliases_of(row[3])) index.add(alias, code, provinces.where[i]);
  }
  for (const char* name : national_total_names) index.add(name, 0, "national total names");
  return index.array("province_names_rows");
}

// Every spelling of a country (codes, names, aliases), by its row's index.
std::string country_index(const Rows& countries) {
  NameIndex index("country");
  for (std::size_t i = 0; i < countries.fields.size(); ++i) {
    const std::vector<std::string>& row = countries.fields[i];  // code … name_en, aliases
    for (std::size_t column = 0; column < 5; ++column)
      index.add(row[column], static_cast<int>(i), countries.where[i]);
    for (const std::string_view alias : aliases_of(row[5]))
      index.add(alias, static_cast<int>(i), countries.where[i]);
  }
  return index.array("country_names_rows");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: embed_gazetteer OUTPUT.cpp DIR\n";
    return 64;
  }
  try {
    std::string body =
        "// Generated from data/gazetteer by data/tools/embed_gazetteer.cpp. Do not edit.\n"
        "#include \"kexport/model/gazetteer.hpp\"\n\nnamespace kexport::detail {\nnamespace {\n\n";
    std::vector<Rows> read(tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) body += embed(tables[i], argv[2], read[i]) + "\n";
    body += province_index(read[0]) + "\n" + country_index(read[1]) + "\n";
    body += "}  // namespace\n\nconst GazetteerRows builtin_gazetteer_rows = {";
    for (std::size_t i = 0; i < tables.size(); ++i) body += (i ? ", " : "") + tables[i].file + "_rows";
    body += ", province_names_rows, country_names_rows};\n\n}  // namespace kexport::detail\n";
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << body;
    if (!out) fail(argv[1], "cannot be written");
  } catch (const std::exception& error) {
    std::cerr << "embed_gazetteer: " << error.what() << "\n";
    return EXIT_FAILURE;
  }
  return 0;
}
