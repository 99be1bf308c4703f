#include "xlsx/xlsx_workbook.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "archive/workbook_part.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/text.hpp"
#include "table/spreadsheet_dates.hpp"

namespace kexport::input {
namespace {

struct Relationship {
  std::string type;  // its last path segment: "worksheet", "sharedStrings", "officeDocument"
  std::string target;
};

// A package's relationships, by id.
class Relationships final : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    std::string type(xml_attribute(attributes, "Type"));
    type = type.substr(type.rfind('/') + 1);
    by_id[std::string(xml_attribute(attributes, "Id"))] = {type,
                                                           std::string(xml_attribute(attributes, "Target"))};
  }
  void end(std::string_view) override {}
  std::map<std::string, Relationship> by_id;
};

// A target relative to the part whose relationships name it ("worksheets/sheet1.xml" from
// "xl/workbook.xml"), or from the package's root ("/xl/worksheets/sheet1.xml").
std::string resolve_target(const std::string& from_part, const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::string base = from_part.substr(0, from_part.rfind('/') + 1);
  std::string rest = target;
  while (rest.starts_with("../")) {
    rest.erase(0, 3);
    if (!base.empty()) base.erase(base.rfind('/', base.size() - 2) + 1);
  }
  return base + rest;
}

std::string relationships_part(const std::string& part) {
  const auto slash = part.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
  return dir + "_rels/" + name + ".rels";
}

class XlsxSheetList final : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      const std::string_view value = xml_attribute(attributes, "date1904");
      date1904 = value == "1" || value == "true";
    } else if (name == "sheet") {
      const std::string_view state = xml_attribute(attributes, "state");
      entries.push_back({std::string(xml_attribute(attributes, "name")),
                         std::string(xml_attribute(attributes, "id")), !state.empty() && state != "visible"});
    }
  }
  void end(std::string_view) override {}
  struct Entry {
    std::string name, relationship;
    bool hidden;
  };
  std::vector<Entry> entries;
  bool date1904 = false;
};

class SharedStrings final : public XmlHandler {
 public:
  explicit SharedStrings(std::vector<std::string>& out) : out_(out) {}
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      out_.emplace_back();
    } else if (name == "rPh") {
      ++phonetic_;  // a reading aid for East Asian text, not part of the string
    } else if (name == "t") {
      in_text_ = phonetic_ == 0 && !out_.empty();
    }
  }
  void end(std::string_view name) override {
    if (name == "rPh") --phonetic_;
    if (name == "t") in_text_ = false;
  }
  void text(std::string_view text) override {
    if (in_text_) out_.back() += text;
  }

 private:
  std::vector<std::string>& out_;
  int phonetic_ = 0;
  bool in_text_ = false;
};

class Styles final : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      int id = 0;
      const std::string_view text = xml_attribute(attributes, "numFmtId");
      std::from_chars(text.data(), text.data() + text.size(), id);
      custom_[id] = is_date_format(xml_attribute(attributes, "formatCode"));
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "xf" && in_cell_formats_) {
      int id = 0;
      const std::string_view text = xml_attribute(attributes, "numFmtId");
      std::from_chars(text.data(), text.data() + text.size(), id);
      dates.push_back(is_date_id(id));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_formats_ = false;
  }
  std::vector<bool> dates;

 private:
  // The built-in formats that show dates (ECMA-376 Part 1, 18.8.30), and the workbook's own.
  bool is_date_id(int id) const {
    if (const auto it = custom_.find(id); it != custom_.end()) return it->second;
    return (id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
  }
  std::map<int, bool> custom_;
  bool in_cell_formats_ = false;
};

}  // namespace

XlsxWorkbook::XlsxWorkbook(std::string_view bytes, const std::string& file) : archive_(bytes, file) {
  std::string workbook_part = "xl/workbook.xml";
  if (archive_.has("_rels/.rels")) {
    Relationships package;
    parse_part(archive_, "_rels/.rels", package);
    for (const auto& [id, relationship] : package.by_id)
      if (relationship.type == "officeDocument") workbook_part = resolve_target("", relationship.target);
  }
  if (workbook_part.ends_with(".bin") || archive_.has("xl/workbook.bin"))
    throw DataError({file, 0, 0},
                    "a binary workbook (.xlsb), which kexport does not read; expected it saved as .xlsx");
  if (!archive_.has(workbook_part)) {
    if (archive_.has("content.xml") && archive_.has("mimetype"))
      throw DataError({file, 0, 0},
                      "an OpenDocument spreadsheet named like an Excel workbook; expected it named .ods");
    throw DataError({file, 0, 0}, "a zip archive without a workbook; expected an .xlsx file");
  }
  read_sheet_list(workbook_part);
}

void XlsxWorkbook::read_sheet_list(const std::string& workbook_part) {
  XlsxSheetList list;
  parse_part(archive_, workbook_part, list);
  date1904_ = list.date1904;
  Relationships relationships;
  const std::string rels = relationships_part(workbook_part);
  if (archive_.has(rels)) parse_part(archive_, rels, relationships);
  for (const auto& entry : list.entries) {
    const auto it = relationships.by_id.find(entry.relationship);
    if (it == relationships.by_id.end() || it->second.type != "worksheet") continue;  // a chart sheet
    sheets_.push_back({entry.name, resolve_target(workbook_part, it->second.target), entry.hidden});
  }
  for (const auto& [id, relationship] : relationships.by_id) {
    const std::string part = resolve_target(workbook_part, relationship.target);
    if (relationship.type == "sharedStrings" && archive_.has(part)) read_shared_strings(part);
    if (relationship.type == "styles" && archive_.has(part)) read_styles(part);
  }
}

void XlsxWorkbook::read_shared_strings(const std::string& part) {
  SharedStrings handler(shared_strings_);
  parse_part(archive_, part, handler);
}

void XlsxWorkbook::read_styles(const std::string& part) {
  Styles handler;
  parse_part(archive_, part, handler);
  date_styles_ = std::move(handler.dates);
}

}  // namespace kexport::input
