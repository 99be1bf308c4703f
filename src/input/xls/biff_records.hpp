// The records of an .xls workbook's BIFF8 stream ([MS-XLS]): read one after another, a record
// with its CONTINUE records as one run of bytes, and a record's fixed fields, each read refusing a
// record too short for it.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kexport/model/error.hpp"

namespace kexport::input::biff {

// Record types of [MS-XLS] that kexport reads.
enum RecordType : std::uint16_t {
  bof = 0x0809,
  eof = 0x000A,
  filepass = 0x002F,
  datemode = 0x0022,
  format_record = 0x041E,
  xf = 0x00E0,
  boundsheet = 0x0085,
  sst = 0x00FC,
  continue_record = 0x003C,
  row_record = 0x0208,
  labelsst = 0x00FD,
  label = 0x0204,
  rstring = 0x00D6,
  number = 0x0203,
  rk = 0x027E,
  mulrk = 0x00BD,
  boolerr = 0x0205,
  formula = 0x0006,
  string_record = 0x0207,
  merged_cells = 0x00E5,
};

struct Record {
  std::uint16_t type = 0;
  std::string_view data;
  std::size_t offset = 0;  // in the stream, for messages
};

// The stream's records one after another: a 2-byte type, a 2-byte size, the data.
class Records {
 public:
  Records(std::string_view stream, std::size_t at, const std::string& file)
      : stream_(stream), at_(at), file_(file) {}

  bool next(Record& record) {
    if (at_ >= stream_.size()) return false;
    if (stream_.size() - at_ < 4) damaged(at_, "a record header cut short");
    record.type = read16(at_);
    const std::size_t size = read16(at_ + 2);
    if (stream_.size() - at_ - 4 < size) damaged(at_, "a record running past the end of the stream");
    record.offset = at_;
    record.data = stream_.substr(at_ + 4, size);
    at_ += 4 + size;
    return true;
  }
  [[nodiscard]] std::uint16_t peek_type() const { return stream_.size() - at_ >= 2 ? read16(at_) : 0; }

  [[noreturn]] void damaged(std::size_t offset, const std::string& what) const {
    throw DataError({file_, 0, 0},
                    fmt::format("{} at byte {} of the Workbook stream; expected the workbook as "
                                "Excel or LibreOffice saved it",
                                what, offset));
  }

 private:
  [[nodiscard]] std::uint16_t read16(std::size_t at) const {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(stream_[at]) |
                                      static_cast<unsigned char>(stream_[at + 1]) << 8);
  }
  std::string_view stream_;
  std::size_t at_;
  const std::string& file_;
};

// A record's data and the CONTINUE records after it, read as one: a string's characters split
// between two records start again, in the next, with a byte saying whether they are one byte
// (Latin-1) or two (UTF-16LE) each.
class Pieces {
 public:
  Pieces(std::vector<std::string_view> parts, const Records& records, std::size_t offset)
      : parts_(std::move(parts)), records_(records), offset_(offset) {}

  std::uint8_t byte() {
    while (pos_ == parts_[part_].size()) step();
    return static_cast<std::uint8_t>(parts_[part_][pos_++]);
  }
  std::uint16_t u16() { return static_cast<std::uint16_t>(byte() | byte() << 8); }
  std::uint32_t u32() { return u16() | static_cast<std::uint32_t>(u16()) << 16; }
  void skip(std::uint64_t count) {
    while (count > 0) {
      while (pos_ == parts_[part_].size()) step();
      const std::size_t here = std::min<std::uint64_t>(count, parts_[part_].size() - pos_);
      pos_ += here;
      count -= here;
    }
  }
  [[nodiscard]] bool at_end() const { return part_ + 1 == parts_.size() && pos_ == parts_[part_].size(); }

  // `count` characters, one or two bytes each as `wide` says, as UTF-8.
  std::string characters(std::size_t count, bool wide) {
    std::string out;
    out.reserve(count);
    std::uint32_t high_surrogate = 0;
    while (count > 0) {
      if (pos_ == parts_[part_].size()) {
        step();
        wide = (byte() & 0x01) != 0;
      }
      std::string_view here = parts_[part_].substr(pos_);
      const std::size_t take = std::min(count, wide ? here.size() / 2 : here.size());
      if (take == 0) {
        if (!here.empty()) records_.damaged(offset_, "a character cut between two records");
        continue;
      }
      for (std::size_t i = 0; i < take; ++i) {
        std::uint32_t unit = static_cast<unsigned char>(here[wide ? 2 * i : i]);
        if (wide) unit |= static_cast<std::uint32_t>(static_cast<unsigned char>(here[2 * i + 1])) << 8;
        if (unit >= 0xD800 && unit < 0xDC00) {
          if (high_surrogate != 0) append_utf8(out, U'\uFFFD');
          high_surrogate = unit;
          continue;
        }
        if (unit >= 0xDC00 && unit < 0xE000 && high_surrogate != 0) {
          append_utf8(out,
                      static_cast<char32_t>(0x10000 + ((high_surrogate - 0xD800) << 10) + (unit - 0xDC00)));
        } else {
          if (high_surrogate != 0) append_utf8(out, U'\uFFFD');
          append_utf8(out, unit >= 0xD800 && unit < 0xE000 ? U'\uFFFD' : static_cast<char32_t>(unit));
        }
        high_surrogate = 0;
      }
      if (high_surrogate != 0 && take == count) append_utf8(out, U'\uFFFD');
      pos_ += wide ? 2 * take : take;
      count -= take;
    }
    return out;
  }

  // XLUnicodeRichExtendedString: a count of characters, flags, then optional formatting runs and
  // phonetic data after the characters, which are passed over.
  std::string rich_string() {
    const std::uint16_t count = u16();
    const std::uint8_t flags = byte();
    const std::uint16_t runs = (flags & 0x08) != 0 ? u16() : 0;
    const std::uint32_t extra = (flags & 0x04) != 0 ? u32() : 0;
    std::string text = characters(count, (flags & 0x01) != 0);
    skip(std::uint64_t{runs} * 4 + extra);
    return text;
  }

 private:
  void step() {
    if (part_ + 1 >= parts_.size()) records_.damaged(offset_, "a string running past its record");
    ++part_;
    pos_ = 0;
  }
  std::vector<std::string_view> parts_;
  const Records& records_;
  std::size_t offset_;
  std::size_t part_ = 0, pos_ = 0;
};

// A record with the CONTINUE records that follow it.
inline Pieces with_continues(const Record& record, Records& records, std::size_t skip_header) {
  std::vector<std::string_view> parts{record.data.substr(std::min(skip_header, record.data.size()))};
  Record more;
  while (records.peek_type() == continue_record && records.next(more)) parts.push_back(more.data);
  return Pieces(std::move(parts), records, record.offset);
}

class Fields {
 public:
  Fields(const Record& record, const Records& records) : record_(record), records_(records) {}
  [[nodiscard]] std::uint8_t u8(std::size_t at) const {
    need(at + 1);
    return static_cast<std::uint8_t>(record_.data[at]);
  }
  [[nodiscard]] std::uint16_t u16(std::size_t at) const {
    return static_cast<std::uint16_t>(u8(at) | u8(at + 1) << 8);
  }
  [[nodiscard]] std::uint32_t u32(std::size_t at) const {
    return u16(at) | static_cast<std::uint32_t>(u16(at + 2)) << 16;
  }
  [[nodiscard]] double f64(std::size_t at) const {
    need(at + 8);
    double value = 0;
    std::memcpy(&value, record_.data.data() + at, 8);  // IEEE 754, little-endian like the host
    return value;
  }
  // A string inside one record: XLUnicodeString (2-byte count) or ShortXLUnicodeString (1-byte).
  [[nodiscard]] std::string text(std::size_t at, bool short_count) const {
    const std::size_t count = short_count ? u8(at) : u16(at);
    const std::size_t flags_at = at + (short_count ? 1 : 2);
    const bool wide = (u8(flags_at) & 0x01) != 0;
    need(flags_at + 1 + count * (wide ? 2 : 1));
    Pieces piece({record_.data.substr(flags_at + 1)}, records_, record_.offset);
    return piece.characters(count, wide);
  }

 private:
  void need(std::size_t size) const {
    if (record_.data.size() < size)
      records_.damaged(record_.offset,
                       fmt::format("a record of type {:#06x} shorter than its fields", record_.type));
  }
  const Record& record_;
  const Records& records_;
};

}  // namespace kexport::input::biff
