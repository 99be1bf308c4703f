// An XML document fed in pieces to expat, with element names reduced to their local part (OOXML's
// transitional and Strict namespaces, and ODF's, differ in prefixes and URIs, not in local names).
// Documents with a DTD or entity declarations are refused: a workbook part needs neither, and
// entity expansion is how a small file grows without bound.
#pragma once

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

struct XML_ParserStruct;

namespace kexport::input {

// A place in a document: 1-based line, and 1-based column in bytes.
struct TextPosition {
  std::uint64_t line = 1;
  std::uint64_t column = 1;
  friend auto operator<=>(const TextPosition&, const TextPosition&) = default;
};

// The position just after `text`, which starts at `at`.
TextPosition position_after(TextPosition at, std::string_view text);

class XmlHandler {
 public:
  // `attributes` is expat's null-terminated list of name, value pairs.
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

 protected:
  ~XmlHandler() = default;
};

class XmlStream {
 public:
  // `part` names the document in messages: "book.xlsx: xl/worksheets/sheet1.xml".
  XmlStream(XmlHandler& handler, std::string part);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next piece; `last` marks the end of the document. Throws DataError when the XML is
  // not well formed or declares a DTD or entities.
  void feed(std::string_view piece, bool last);

  // The next piece continues the document at `at`: what lies between was read by another parser
  // (a sheet's rows, parsed apart). Positions in messages stay those of the whole document.
  void continue_at(TextPosition at);

 private:
  [[nodiscard]] TextPosition position_in_document(TextPosition parsed) const;

  XML_ParserStruct* parser_ = nullptr;
  XmlHandler& handler_;
  std::string part_;
  std::string refused_;         // why a declaration handler stopped the parse
  std::exception_ptr failure_;  // what a handler threw
  TextPosition fed_end_;        // where the pieces fed so far end, as expat counts
  struct Jump {
    TextPosition parsed, document;
  };
  std::optional<Jump> jump_;
  friend struct XmlCallbacks;
};

// An attribute's value by local name; empty when absent.
std::string_view xml_attribute(const char** attributes, std::string_view local_name);

// An element's or attribute's local name: "x:row" → "row".
inline std::string_view local_name(std::string_view name) {
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace kexport::input
