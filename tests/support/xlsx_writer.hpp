// Workbooks written cell by cell, as the cases of the reading tests need them: formulas with and
// without a stored result, hidden sheets, text and number cells. Each cell is a string: "" is no
// cell, "#291804.236" a number cell, "=SUM(C2:C3)" a formula without a stored result (an empty
// <v/>, as openpyxl writes formulas it did not compute), "=SUM(C2:C3)|5" one whose stored result
// is 5, anything else a text cell. The package is what SpreadsheetML needs and no more.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "zip_pack.hpp"

namespace test {

struct SheetSpec {
  std::string name;
  std::vector<std::vector<std::string>> rows;
  std::string state = "visible";         // or "hidden", "veryHidden"
  std::vector<std::string> merged = {};  // ranges of merged cells, "A2:A4", written after the rows
};

inline std::string xml_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

inline std::string column_name(std::size_t index) {
  std::string name;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

inline std::string sheet_xml(const SheetSpec& sheet) {
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    xml += fmt::format(R"(<row r="{}">)", r + 1);
    for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const std::string& cell = sheet.rows[r][c];
      const std::string at = column_name(c) + std::to_string(r + 1);
      if (cell.empty()) continue;
      if (cell[0] == '#') {
        xml += fmt::format(R"(<c r="{}"><v>{}</v></c>)", at, cell.substr(1));
      } else if (cell[0] == '=') {
        const auto bar = cell.find('|');
        const std::string formula = xml_escaped(cell.substr(1, bar == std::string::npos ? bar : bar - 1));
        const std::string value = bar == std::string::npos ? "" : cell.substr(bar + 1);
        xml += fmt::format(R"(<c r="{}"><f>{}</f><v>{}</v></c>)", at, formula, value);
      } else {
        xml += fmt::format(R"(<c r="{}" t="inlineStr"><is><t>{}</t></is></c>)", at, xml_escaped(cell));
      }
    }
    xml += "</row>";
  }
  xml += "</sheetData>";
  if (!sheet.merged.empty()) {
    xml += fmt::format(R"(<mergeCells count="{}">)", sheet.merged.size());
    for (const std::string& range : sheet.merged) xml += fmt::format(R"(<mergeCell ref="{}"/>)", range);
    xml += "</mergeCells>";
  }
  return xml + "</worksheet>";
}

// The bytes of an .xlsx file holding the sheets, in order.
inline std::string xlsx_book(const std::vector<SheetSpec>& sheets) {
  const std::string relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::string workbook = fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{}"><sheets>)",
      relationships);
  std::string rels =
      R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  std::vector<std::pair<std::string, std::string>> parts;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    workbook += fmt::format(R"(<sheet name="{}" sheetId="{}" state="{}" r:id="rId{}"/>)",
                            xml_escaped(sheets[i].name), i + 1, sheets[i].state, i + 1);
    rels += fmt::format(R"(<Relationship Id="rId{}" Type="{}/worksheet" Target="worksheets/sheet{}.xml"/>)",
                        i + 1, relationships, i + 1);
    parts.emplace_back(fmt::format("xl/worksheets/sheet{}.xml", i + 1), sheet_xml(sheets[i]));
  }
  workbook += "</sheets></workbook>";
  rels += "</Relationships>";
  parts.insert(
      parts.begin(),
      {{"[Content_Types].xml",
        R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"},
       {"_rels/.rels",
        fmt::format(
            R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>)",
            relationships)},
       {"xl/workbook.xml", workbook},
       {"xl/_rels/workbook.xml.rels", rels}});
  return pack_zip(parts);
}

}  // namespace test
