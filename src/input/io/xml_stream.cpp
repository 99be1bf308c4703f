#include "io/xml_stream.hpp"

#include <expat.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <limits>

#include "io/byte_search.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/lazy_library.hpp"

namespace kexport::input {
namespace {

// expat's functions, from the library loaded when the first workbook is read (lazy_library.hpp
// says why; only workbooks have XML to read).
struct Expat {
  LazyLibrary library{"libexpat.so.1"};
  decltype(&::XML_ParserCreate) XML_ParserCreate = nullptr;
  decltype(&::XML_ParserFree) XML_ParserFree = nullptr;
  decltype(&::XML_SetUserData) XML_SetUserData = nullptr;
  decltype(&::XML_SetElementHandler) XML_SetElementHandler = nullptr;
  decltype(&::XML_SetCharacterDataHandler) XML_SetCharacterDataHandler = nullptr;
  decltype(&::XML_SetStartDoctypeDeclHandler) XML_SetStartDoctypeDeclHandler = nullptr;
  decltype(&::XML_SetEntityDeclHandler) XML_SetEntityDeclHandler = nullptr;
  decltype(&::XML_Parse) XML_Parse = nullptr;
  decltype(&::XML_StopParser) XML_StopParser = nullptr;
  decltype(&::XML_GetCurrentLineNumber) XML_GetCurrentLineNumber = nullptr;
  decltype(&::XML_GetCurrentColumnNumber) XML_GetCurrentColumnNumber = nullptr;
  decltype(&::XML_GetErrorCode) XML_GetErrorCode = nullptr;
  decltype(&::XML_ErrorString) XML_ErrorString = nullptr;
  Expat() {
    KEXPORT_BIND(library, XML_ParserCreate);
    KEXPORT_BIND(library, XML_ParserFree);
    KEXPORT_BIND(library, XML_SetUserData);
    KEXPORT_BIND(library, XML_SetElementHandler);
    KEXPORT_BIND(library, XML_SetCharacterDataHandler);
    KEXPORT_BIND(library, XML_SetStartDoctypeDeclHandler);
    KEXPORT_BIND(library, XML_SetEntityDeclHandler);
    KEXPORT_BIND(library, XML_Parse);
    KEXPORT_BIND(library, XML_StopParser);
    KEXPORT_BIND(library, XML_GetCurrentLineNumber);
    KEXPORT_BIND(library, XML_GetCurrentColumnNumber);
    KEXPORT_BIND(library, XML_GetErrorCode);
    KEXPORT_BIND(library, XML_ErrorString);
  }
};

const Expat& expat() {
  static const Expat loaded;
  return loaded;
}

}  // namespace

struct XmlCallbacks {
  static XmlStream& stream(void* data) { return *static_cast<XmlStream*>(data); }
  // A handler's exception must not cross expat's C frames: it is kept, the parse stopped, and
  // feed() throws it again.
  template <typename Call>
  static void guarded(void* data, Call call) {
    XmlStream& s = stream(data);
    try {
      call(s.handler_);
    } catch (...) {
      if (!s.failure_) s.failure_ = std::current_exception();
      expat().XML_StopParser(s.parser_, XML_FALSE);
    }
  }
  static void start(void* data, const XML_Char* name, const XML_Char** attributes) {
    guarded(data, [&](XmlHandler& h) { h.start(local_name(name), attributes); });
  }
  static void end(void* data, const XML_Char* name) {
    guarded(data, [&](XmlHandler& h) { h.end(local_name(name)); });
  }
  static void text(void* data, const XML_Char* text, int length) {
    guarded(data, [&](XmlHandler& h) { h.text(std::string_view(text, static_cast<std::size_t>(length))); });
  }
  static void refuse(void* data, const char* what) {
    XmlStream& s = stream(data);
    if (s.refused_.empty()) s.refused_ = what;
    expat().XML_StopParser(s.parser_, XML_FALSE);
  }
  static void doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    refuse(data, "a document type declaration (DTD)");
  }
  static void entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                     const XML_Char*, const XML_Char*) {
    refuse(data, "an entity declaration");
  }
};

XmlStream::XmlStream(XmlHandler& handler, std::string part) : handler_(handler), part_(std::move(part)) {
  const Expat& x = expat();
  if (!x.library.ready())
    throw Error(ExitCode::unavailable, part_ +
                                           ": reading .xlsx and .ods workbooks needs expat (Debian's package "
                                           "libexpat1), which could not be loaded (" +
                                           x.library.why() + "); install it, or save the workbook as CSV");
  parser_ = x.XML_ParserCreate(nullptr);
  if (parser_ == nullptr) throw std::bad_alloc();
  x.XML_SetUserData(parser_, this);
  x.XML_SetElementHandler(parser_, &XmlCallbacks::start, &XmlCallbacks::end);
  x.XML_SetCharacterDataHandler(parser_, &XmlCallbacks::text);
  x.XML_SetStartDoctypeDeclHandler(parser_, &XmlCallbacks::doctype);
  x.XML_SetEntityDeclHandler(parser_, &XmlCallbacks::entity);
}

TextPosition position_after(TextPosition at, std::string_view text) {
  const std::size_t last_newline = find_last_byte(text, '\n');
  if (last_newline == std::string_view::npos) return {at.line, at.column + text.size()};
  std::uint64_t lines = 0;
  for (std::size_t from = 0; from <= last_newline; ++lines) {
    const void* found = std::memchr(text.data() + from, '\n', last_newline + 1 - from);
    from = static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) + 1;
  }
  return {at.line + lines, text.size() - last_newline};
}

XmlStream::~XmlStream() {
  expat().XML_ParserFree(parser_);
}

void XmlStream::feed(std::string_view piece, bool last) {
  while (true) {
    // expat takes an int length: a piece larger than that goes in parts.
    const std::size_t size = std::min<std::size_t>(piece.size(), std::numeric_limits<int>::max());
    const bool final_part = last && size == piece.size();
    const Expat& x = expat();
    if (x.XML_Parse(parser_, piece.data(), static_cast<int>(size), final_part ? XML_TRUE : XML_FALSE) !=
        XML_STATUS_OK) {
      if (failure_) std::rethrow_exception(failure_);
      const TextPosition at =
          position_in_document({static_cast<std::uint64_t>(x.XML_GetCurrentLineNumber(parser_)),
                                static_cast<std::uint64_t>(x.XML_GetCurrentColumnNumber(parser_)) + 1});
      const std::string why = !refused_.empty()
                                  ? refused_ + ", which a workbook does not need; expected plain XML"
                                  : std::string(x.XML_ErrorString(x.XML_GetErrorCode(parser_))) +
                                        "; expected the part as the spreadsheet program wrote it";
      throw DataError({part_, at.line, at.column}, "malformed XML: " + why);
    }
    fed_end_ = position_after(fed_end_, piece.substr(0, size));
    piece.remove_prefix(size);
    if (piece.empty()) return;
  }
}

void XmlStream::continue_at(TextPosition at) {
  jump_ = Jump{fed_end_, at};
}

TextPosition XmlStream::position_in_document(TextPosition parsed) const {
  if (!jump_ || parsed < jump_->parsed) return parsed;
  if (parsed.line == jump_->parsed.line)
    return {jump_->document.line, jump_->document.column + (parsed.column - jump_->parsed.column)};
  return {jump_->document.line + (parsed.line - jump_->parsed.line), parsed.column};
}

std::string_view xml_attribute(const char** attributes, std::string_view wanted) {
  for (const char** a = attributes; a != nullptr && *a != nullptr; a += 2)
    if (local_name(a[0]) == wanted) return a[1];
  return {};
}

}  // namespace kexport::input
