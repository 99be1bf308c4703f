#include "ods/ods_workbook.hpp"

#include <set>

#include "archive/workbook_part.hpp"
#include "kexport/model/error.hpp"

namespace kexport::input {
namespace {

// The package's manifest says which parts are encrypted: a document saved with a password.
class Manifest final : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "encryption-data") encrypted = true;
    if (name == "file-entry" && xml_attribute(attributes, "full-path") == "/")
      media_type = xml_attribute(attributes, "media-type");
  }
  void end(std::string_view) override {}
  bool encrypted = false;
  std::string media_type;
};

// The sheets of content.xml: the top-level <table:table> elements of <office:spreadsheet>, and the
// automatic table styles that hide a sheet (<style:table-properties table:display="false">).
class OdsSheetList final : public XmlHandler {
 public:
  void start(std::string_view name, const char** attributes) override {
    if (name == "style") {
      style_ = xml_attribute(attributes, "family") == "table" ? xml_attribute(attributes, "name") : "";
    } else if (name == "table-properties" && !style_.empty()) {
      if (xml_attribute(attributes, "display") == "false") hidden_styles_.insert(style_);
    } else if (name == "spreadsheet") {
      spreadsheet_ = true;
    } else if (name == "table" && spreadsheet_ && tables_open_++ == 0) {
      const std::string style(xml_attribute(attributes, "style-name"));
      sheets.push_back({std::string(xml_attribute(attributes, "name")), hidden_styles_.count(style) > 0});
    }
  }
  void end(std::string_view name) override {
    if (name == "table" && tables_open_ > 0) --tables_open_;
    if (name == "spreadsheet") spreadsheet_ = false;
  }
  std::vector<WorkbookSheet> sheets;
  bool spreadsheet_ = false;

 private:
  std::string style_;
  std::set<std::string> hidden_styles_;
  int tables_open_ = 0;
};

}  // namespace

OdsWorkbook::OdsWorkbook(std::string_view bytes, const std::string& file) : archive_(bytes, file) {
  if (archive_.has("META-INF/manifest.xml")) {
    Manifest manifest;
    parse_part(archive_, "META-INF/manifest.xml", manifest);
    if (manifest.encrypted)
      throw DataError({file, 0, 0},
                      "a spreadsheet protected by a password; expected it saved as .ods or .xlsx without "
                      "a password");
    if (!manifest.media_type.empty() &&
        !manifest.media_type.starts_with("application/vnd.oasis.opendocument.spreadsheet"))
      throw DataError({file, 0, 0}, "an OpenDocument file of another kind (" + manifest.media_type +
                                        "); expected a spreadsheet (.ods)");
  }
  if (!archive_.has(content_part))
    throw DataError({file, 0, 0},
                    "a zip package without content.xml; expected an OpenDocument spreadsheet (.ods)");
  OdsSheetList list;
  parse_part(archive_, content_part, list);
  sheets_ = std::move(list.sheets);
}

}  // namespace kexport::input
