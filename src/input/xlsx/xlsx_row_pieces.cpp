#include "xlsx/xlsx_row_pieces.hpp"

#include <algorithm>
#include <cstring>

#include "io/byte_search.hpp"
#include "kexport/model/error.hpp"

namespace kexport::input {
namespace {

constexpr std::size_t npos = std::string::npos;

// Bytes read from the part at a time; a long prologue goes to expat once it passes frame_limit.
constexpr std::size_t max_read_step = 1 << 18;
constexpr std::size_t frame_limit = 1 << 20;

bool xml_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A character of an XML name other than ':' (non-ASCII letters included by their UTF-8 bytes).
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// The '<' of the tag whose local name starts at `name_at`, when an optional prefix and `opener`
// ("<" or "</") come before it; npos otherwise.
std::size_t tag_begin(std::string_view xml, std::size_t name_at, std::string_view opener) {
  std::size_t p = name_at;
  if (p > 0 && xml[p - 1] == ':') {
    --p;
    while (p > 0 && is_name_char(xml[p - 1])) --p;
  }
  if (p < opener.size() || xml.substr(p - opener.size(), opener.size()) != opener) return npos;
  return p - opener.size();
}

struct Tag {
  enum Kind { none, found, incomplete } kind = none;
  std::size_t begin = 0, end = 0;  // the '<', and just past the '>'
  bool self_closing = false;
};

// The end tag </name> (or </prefix:name>, spaces allowed before '>') whose name starts at `at`.
Tag end_tag_at(std::string_view xml, std::size_t at, std::string_view name) {
  Tag tag;
  if (xml.substr(at, name.size()) != name) return tag;
  std::size_t after = at + name.size();
  while (after < xml.size() && xml_space(xml[after])) ++after;
  if (after == xml.size()) return {Tag::incomplete};
  if (xml[after] != '>') return tag;
  tag.begin = tag_begin(xml, at, "</");
  if (tag.begin == npos) return {};
  tag.kind = Tag::found;
  tag.end = after + 1;
  return tag;
}

// The start tag <name …> or <name …/> whose name starts at `at`.
Tag start_tag_at(std::string_view xml, std::size_t at, std::string_view name) {
  Tag tag;
  const std::size_t after = at + name.size();
  if (after >= xml.size()) return {Tag::incomplete};
  if (!xml_space(xml[after]) && xml[after] != '>' && xml[after] != '/') return tag;
  tag.begin = tag_begin(xml, at, "<");
  if (tag.begin == npos) return {};
  const std::size_t close = xml.find('>', after);
  if (close == npos) return {Tag::incomplete};
  tag.kind = Tag::found;
  tag.end = close + 1;
  tag.self_closing = xml[close - 1] == '/';
  return tag;
}

// The careful way, for text holding comments, CDATA sections or processing instructions, in
// which "</row>" is not a tag: every '<' in turn, those constructs skipped whole.
RowCut scan_row_cut(std::string_view xml) {
  RowCut cut;
  for (std::size_t at = xml.find('<'); at != npos; at = xml.find('<', at + 1)) {
    const std::string_view rest = xml.substr(at);
    const auto skip_past = [&](std::string_view close) {
      const std::size_t end = xml.find(close, at + 2);
      if (end == npos) return false;
      at = end + close.size() - 1;
      return true;
    };
    if (rest.starts_with("<!--")) {
      if (!skip_past("-->")) break;
    } else if (rest.starts_with("<![CDATA[")) {
      if (!skip_past("]]>")) break;
    } else if (rest.starts_with("<?")) {
      if (!skip_past("?>")) break;
    } else if (rest.starts_with("<!")) {
      break;  // unfinished, or nothing a sheet's rows hold: no cut past it
    } else if (rest.starts_with("</")) {
      std::size_t name_end = at + 2;
      while (name_end < xml.size() && (is_name_char(xml[name_end]) || xml[name_end] == ':')) ++name_end;
      const std::string_view name = local_name(xml.substr(at + 2, name_end - at - 2));
      const std::size_t name_at = name_end - name.size();
      if (name == "sheetData") {
        if (const Tag tag = end_tag_at(xml, name_at, name); tag.kind == Tag::found) {
          cut.end_of_rows = tag.begin;
          return cut;
        }
      } else if (name == "row") {
        if (const Tag tag = end_tag_at(xml, name_at, name); tag.kind == Tag::found)
          cut.after_last_row = tag.end;
      }
    }
  }
  return cut;
}

}  // namespace

RowCut find_row_cut(std::string_view xml) {
  // Without those constructs a '<' is always a tag's, and searching for the names suffices.
  if (has_markup_declarations(xml)) return scan_row_cut(xml);
  RowCut cut;
  for (std::size_t at = xml.rfind("row"); at != npos; at = at == 0 ? npos : xml.rfind("row", at - 1)) {
    if (const Tag tag = end_tag_at(xml, at, "row"); tag.kind == Tag::found) {
      cut.after_last_row = tag.end;
      break;
    }
  }
  // Rows lie inside <sheetData>: its end, if here, comes after the last row's.
  const std::size_t from = cut.after_last_row == npos ? 0 : cut.after_last_row;
  for (std::size_t at = find_bytes(xml, "sheetData", from); at != npos;
       at = find_bytes(xml, "sheetData", at + 1)) {
    if (const Tag tag = end_tag_at(xml, at, "sheetData"); tag.kind == Tag::found) {
      cut.end_of_rows = tag.begin;
      break;
    }
  }
  return cut;
}

RowPieceCutter::RowPieceCutter(const ZipArchive& archive, const std::string& part, std::size_t piece_bytes)
    : part_(archive.file() + ": " + part),
      entry_(archive, part),
      frame_(frame_handler_, part_),
      piece_bytes_(std::max<std::size_t>(piece_bytes, 1)),
      wanted_(piece_bytes_) {}

bool RowPieceCutter::read_more() {
  if (read_all_) return false;
  const std::size_t wanted = wanted_ > buffer_.size() ? wanted_ - buffer_.size() : 0;
  const std::size_t step = std::clamp<std::size_t>(wanted, 16, max_read_step);
  const std::size_t size = buffer_.size();
  buffer_.resize(size + step);
  const std::size_t got = entry_.read(buffer_.data() + size, step);
  buffer_.resize(size + got);
  read_all_ = got == 0;
  return got > 0;
}

void RowPieceCutter::feed_frame(std::size_t size, bool last) {
  const std::string_view fed(buffer_.data(), size);
  frame_.feed(fed, last);
  buffer_start_ = position_after(buffer_start_, fed);
  buffer_.erase(0, size);
}

std::optional<RowPiece> RowPieceCutter::next() {
  if (phase_ == Phase::before_rows) find_rows();
  if (phase_ == Phase::rows)
    if (std::optional<RowPiece> piece = cut_rows()) return piece;
  if (phase_ == Phase::after_rows) finish();
  return std::nullopt;
}

void RowPieceCutter::find_rows() {
  while (true) {
    std::size_t resume = npos;
    for (std::size_t at = find_bytes(buffer_, "sheetData", searched_); at != npos;
         at = find_bytes(buffer_, "sheetData", at + 1)) {
      const Tag tag = start_tag_at(buffer_, at, "sheetData");
      if (tag.kind == Tag::none) continue;
      if (tag.kind == Tag::incomplete) {
        resume = at;
        break;
      }
      // <sheetData/> holds no rows: expat reads the sheet whole.
      if (tag.self_closing) {
        phase_ = Phase::after_rows;
      } else {
        feed_frame(tag.end, false);
        phase_ = Phase::rows;
      }
      return;
    }
    searched_ = resume != npos ? resume : buffer_.size() - std::min<std::size_t>(buffer_.size(), 8);
    if (!read_more()) {
      phase_ = Phase::after_rows;  // no rows: expat reads the sheet whole, and says what is wrong
      return;
    }
    // A long prologue goes to expat as it comes, all but what a tag's prefix may need.
    if (searched_ > frame_limit) {
      const std::size_t fed = searched_ - 64;
      feed_frame(fed, false);
      searched_ -= fed;
    }
  }
}

std::optional<RowPiece> RowPieceCutter::cut_rows() {
  while (true) {
    if (buffer_.size() < wanted_ && read_more()) continue;
    const RowCut cut = find_row_cut(buffer_);
    std::size_t take = cut.end_of_rows != npos ? cut.end_of_rows : cut.after_last_row;
    if (cut.end_of_rows != npos) phase_ = Phase::after_rows;
    if (take != npos && take > 0) {
      RowPiece piece{std::move(buffer_), buffer_start_};
      buffer_.assign(piece.xml, take);
      piece.xml.resize(take);
      buffer_start_ = position_after(buffer_start_, piece.xml);
      piece.one_line = buffer_start_.line == piece.start.line;
      wanted_ = piece_bytes_;
      return piece;
    }
    if (phase_ == Phase::after_rows) return std::nullopt;
    // The rows never end (expat will say so), or a row is longer than a piece: read on.
    if (read_all_) {
      phase_ = Phase::after_rows;
      return std::nullopt;
    }
    wanted_ = 2 * buffer_.size();  // doubling: a long row is searched a few times, not once a read
  }
}

void RowPieceCutter::finish() {
  frame_.continue_at(buffer_start_);
  do {
    feed_frame(buffer_.size(), false);
  } while (read_more());
  frame_.feed({}, true);
  phase_ = Phase::done;
  if (frame_handler_.rows_seen_)
    throw DataError({part_, 0, 0}, "rows outside <sheetData>; expected a sheet's rows inside it");
}

}  // namespace kexport::input
