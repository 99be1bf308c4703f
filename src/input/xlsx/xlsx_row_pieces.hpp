// A worksheet's XML cut into pieces of whole rows, so that the pieces can be parsed apart, on
// several threads (xlsx_row_piece.hpp). expat still parses what lies around the rows — the part
// up to <sheetData> and from </sheetData> on — and so refuses a DTD and checks that the frame is
// well formed. Memory holds about one piece, however large the sheet.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "archive/zip_archive.hpp"
#include "io/xml_stream.hpp"

namespace kexport::input {

struct RowPiece {
  std::string xml;       // whole <row> elements, and what lies between them
  TextPosition start;    // where the piece starts in the sheet's XML
  bool one_line = true;  // holds no line end (spreadsheet programs write a sheet on one line)
};

// Where a piece of a sheet's XML may be cut: after the last </row> that is not inside a comment,
// CDATA section or processing instruction, and before </sheetData>. npos where there is none.
struct RowCut {
  std::size_t after_last_row = std::string::npos;
  std::size_t end_of_rows = std::string::npos;
};
RowCut find_row_cut(std::string_view xml);

class RowPieceCutter {
 public:
  // `part` names the sheet's XML in the archive; pieces are cut once about `piece_bytes` are read.
  RowPieceCutter(const ZipArchive& archive, const std::string& part, std::size_t piece_bytes);

  // The next piece of rows; nullopt after the last, once the rest of the sheet is checked. Throws
  // DataError for malformed XML around the rows and for a damaged archive.
  std::optional<RowPiece> next();

 private:
  // The XML around the rows holds nothing kexport reads; a row there is refused rather than lost.
  class Frame final : public XmlHandler {
   public:
    void start(std::string_view name, const char**) override { rows_seen_ = rows_seen_ || name == "row"; }
    void end(std::string_view) override {}
    bool rows_seen_ = false;
  };

  bool read_more();  // false at the end of the part
  void find_rows();
  std::optional<RowPiece> cut_rows();
  void finish();
  // Hands the first `size` bytes of the buffer to expat.
  void feed_frame(std::size_t size, bool last);

  std::string part_;  // as messages name it
  ZipArchive::Entry entry_;
  Frame frame_handler_;
  XmlStream frame_;
  std::size_t piece_bytes_;
  std::size_t wanted_;         // bytes to gather before looking for a cut
  std::string buffer_;         // read and not yet handed on
  TextPosition buffer_start_;  // where the buffer starts in the part
  std::size_t searched_ = 0;   // of the buffer, searched for <sheetData> in vain
  bool read_all_ = false;
  enum class Phase { before_rows, rows, after_rows, done } phase_ = Phase::before_rows;
};

}  // namespace kexport::input
