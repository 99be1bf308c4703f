// A part of a workbook's zip package (a sheet, its strings, content.xml) fed to an XML handler in
// pieces: memory holds one piece, however large the part is.
#pragma once

#include <string>

#include "archive/zip_archive.hpp"
#include "io/xml_stream.hpp"

namespace kexport::input {

class XmlPart {
 public:
  XmlPart(const ZipArchive& archive, const std::string& part, XmlHandler& handler);

  // Feeds the next piece to the handler; false once the part has been fed whole.
  bool feed_next();

 private:
  ZipArchive::Entry entry_;
  XmlStream xml_;
  std::string buffer_;
  bool finished_ = false;
};

// Feeds a whole part to the handler.
void parse_part(const ZipArchive& archive, const std::string& part, XmlHandler& handler);

}  // namespace kexport::input
