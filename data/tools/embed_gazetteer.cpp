// Writes the gazetteer's CSV files (data/gazetteer) as C++ arrays of rows, compiled into the
// model: the reference lists are checked when kexport is built, and the program reads them without
// parsing text at start-up.
//
//   embed_gazetteer OUTPUT.cpp DIR
//
// Each file's header must be exactly the columns the model's row struct declares, in order; a
// malformed file fails the build with its name and line.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

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

std::string embed(const TableSpec& table, const std::string& dir) {
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
    ++row_count;
  }
  if (line_number == 0) fail(path, "is empty");
  if (row_count == 0) fail(path, "has no rows");
  return "const " + table.row_type + " " + table.file + "_rows[] = {\n" + rows.str() + "};\n";
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
    for (const TableSpec& table : tables) body += embed(table, argv[2]) + "\n";
    body += "}  // namespace\n\nconst GazetteerRows builtin_gazetteer_rows = {";
    for (std::size_t i = 0; i < tables.size(); ++i) body += (i ? ", " : "") + tables[i].file + "_rows";
    body += "};\n\n}  // namespace kexport::detail\n";
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << body;
    if (!out) fail(argv[1], "cannot be written");
  } catch (const std::exception& error) {
    std::cerr << "embed_gazetteer: " << error.what() << "\n";
    return EXIT_FAILURE;
  }
  return 0;
}
