#include "archive/workbook_part.hpp"

namespace kexport::input {

XmlPart::XmlPart(const ZipArchive& archive, const std::string& part, XmlHandler& handler)
    : entry_(archive, part), xml_(handler, archive.file() + ": " + part), buffer_(1 << 18, '\0') {}

bool XmlPart::feed_next() {
  if (finished_) return false;
  const std::size_t got = entry_.read(buffer_.data(), buffer_.size());
  finished_ = got == 0;
  xml_.feed(std::string_view(buffer_.data(), got), finished_);
  return true;
}

void parse_part(const ZipArchive& archive, const std::string& part, XmlHandler& handler) {
  XmlPart stream(archive, part, handler);
  while (stream.feed_next()) {
  }
}

}  // namespace kexport::input
