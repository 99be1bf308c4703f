#include "xls/xls_workbook.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstring>
#include <map>

#include "archive/compound_file.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/file_format.hpp"
#include "kexport/model/text.hpp"
#include "table/spreadsheet_dates.hpp"

namespace kexport::input {
namespace {

// Record types of [MS-XLS] that kexport reads.
enum : std::uint16_t {
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
Pieces with_continues(const Record& record, Records& records, std::size_t skip_header) {
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

// The shortest decimal that reads back as the double, never in exponent form.
std::string decimal_of(double value) {
  char buffer[400];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return ec == std::errc{} ? std::string(buffer, end) : std::string("NaN");
}

// An RK number: a 30-bit integer or the top 30 bits of a double, perhaps to be divided by 100.
std::string decimal_of_rk(std::uint32_t rk) {
  const bool hundredths = (rk & 0x01) != 0;
  if ((rk & 0x02) != 0) {
    const std::int64_t whole = static_cast<std::int32_t>(rk) >> 2;
    if (!hundredths) return std::to_string(whole);
    // Exact: an integer of hundredths is written as such, not through a double.
    const std::uint64_t magnitude = static_cast<std::uint64_t>(whole < 0 ? -whole : whole);
    return fmt::format("{}{}.{:02}", whole < 0 ? "-" : "", magnitude / 100, magnitude % 100);
  }
  const std::uint64_t bits = static_cast<std::uint64_t>(rk & 0xFFFFFFFC) << 32;
  double value = 0;
  std::memcpy(&value, &bits, 8);
  return decimal_of(hundredths ? value / 100 : value);
}

std::string error_text(std::uint8_t code) {
  switch (code) {
    case 0x00:
      return "#NULL!";
    case 0x07:
      return "#DIV/0!";
    case 0x0F:
      return "#VALUE!";
    case 0x17:
      return "#REF!";
    case 0x1D:
      return "#NAME?";
    case 0x24:
      return "#NUM!";
    case 0x2A:
      return "#N/A";
    default:
      return "#ERROR!";
  }
}

// Excel's built-in number formats that show dates (14–17, 22) and the East Asian date formats.
bool is_builtin_date_format(std::uint16_t id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

}  // namespace

XlsWorkbook::XlsWorkbook(std::string_view bytes, const std::string& file) : file_(file) {
  const CompoundFile document(bytes, file);
  if (!document.has("Workbook")) {
    if (document.has("EncryptedPackage"))
      throw DataError({file, 0, 0},
                      "an .xlsx workbook protected by a password; expected it saved without one");
    if (document.has("Book"))
      throw DataError({file, 0, 0},
                      "an Excel 5.0/95 workbook (BIFF5), which kexport does not read; expected it saved as "
                      ".xlsx");
    throw DataError({file, 0, 0},
                    "a compound document without a workbook (a Word or other Office file?); expected an "
                    ".xls workbook");
  }
  stream_ = document.read("Workbook");
  read_globals();
}

void XlsWorkbook::read_globals() {
  Records records(stream_, 0, file_);
  Record record;
  if (!records.next(record) || record.type != bof) records.damaged(0, "no BOF record at the start");
  const Fields first(record, records);
  if (first.u16(0) != 0x0600)
    throw DataError({file_, 0, 0},
                    fmt::format("an Excel workbook of BIFF version {:#06x}, older than Excel 97, "
                                "which kexport does not read; expected it saved as .xlsx",
                                first.u16(0)));
  std::map<std::uint16_t, std::string> formats;
  std::vector<std::uint16_t> cell_formats;
  while (records.next(record) && record.type != eof) {
    const Fields fields(record, records);
    switch (record.type) {
      case filepass:
        throw DataError({file_, 0, 0},
                        "a workbook protected by a password; expected it saved as .xlsx without a password");
      case datemode:
        date1904_ = fields.u16(0) == 1;
        break;
      case format_record:
        formats[fields.u16(0)] = fields.text(2, false);
        break;
      case xf:
        cell_formats.push_back(fields.u16(2));
        break;
      case boundsheet:
        // Worksheets only (type 0): chart sheets and macro sheets hold no table.
        if (fields.u8(5) == 0) {
          sheets_.push_back({fields.text(6, true), (fields.u8(4) & 0x03) != 0});
          sheet_offsets_.push_back(fields.u32(0));
        }
        break;
      case sst: {
        Pieces table = with_continues(record, records, 8);
        const std::uint32_t unique = fields.u32(4);
        // Each string takes at least 3 bytes: a count larger than the record allows is damage.
        if (unique > record.data.size() + stream_.size() / 3)
          records.damaged(record.offset, "a shared string count larger than the stream");
        strings_.reserve(unique);
        for (std::uint32_t i = 0; i < unique; ++i) strings_.push_back(table.rich_string());
        break;
      }
      default:
        break;
    }
  }
  for (const std::uint16_t id : cell_formats) {
    const auto custom = formats.find(id);
    date_formats_.push_back(custom != formats.end() ? is_date_format(custom->second)
                                                    : is_builtin_date_format(id));
  }
}

std::vector<SheetRow> XlsWorkbook::read_sheet(std::size_t sheet, std::uint64_t& hidden_rows,
                                              std::vector<MergedRange>& merged) const {
  const std::string name = file_ + "[" + sheets_.at(sheet).name + "]";
  Records records(stream_, sheet_offsets_.at(sheet), file_);
  Record record;
  if (!records.next(record) || record.type != bof)
    records.damaged(sheet_offsets_[sheet],
                    "no BOF record where the sheet '" + sheets_[sheet].name + "' starts");
  std::map<std::uint32_t, SheetRow> rows;
  std::vector<bool> hidden(max_rows, false);
  int depth = 1;  // an embedded chart is a BOF…EOF inside the sheet's
  std::optional<std::pair<std::uint32_t, std::size_t>> pending_string;  // a formula's text, next
  // A cell's text at its row and column; numbers in a date format become their month.
  const auto put_at = [&](std::uint32_t row, std::size_t column, std::uint16_t format, std::string text,
                          bool is_number) {
    if (column >= max_columns)
      throw DataError({name, row + 1, column + 1, true},
                      "a cell beyond column IV, the last an .xls sheet can have; expected the workbook as "
                      "Excel saved it");
    if (is_number && format < date_formats_.size() && date_formats_[format]) {
      const std::string period = period_of_serial(text, date1904_);
      if (!period.empty()) {
        text = period;
        is_number = false;
      }
    }
    SheetRow& target = rows[row];
    target.number = row + 1;
    if (target.cells.size() <= column) {
      target.cells.resize(column + 1);
      target.numbers.resize(column + 1);
    }
    target.cells[column] = std::move(text);
    target.numbers[column] = is_number;
  };
  // Most cell records start with the row, the column and the cell format.
  const auto put = [&](const Fields& fields, std::string text, bool is_number) {
    put_at(fields.u16(0), fields.u16(2), fields.u16(4), std::move(text), is_number);
  };
  while (records.next(record)) {
    if (record.type == bof) {
      ++depth;
      continue;
    }
    if (record.type == eof && --depth == 0) break;
    if (depth != 1) continue;
    const Fields fields(record, records);
    switch (record.type) {
      case row_record:
        hidden[fields.u16(0)] = (fields.u16(12) & 0x20) != 0;
        break;
      case labelsst: {
        const std::uint32_t index = fields.u32(6);
        if (index >= strings_.size())
          throw DataError({name, fields.u16(0) + 1u, fields.u16(2) + 1u, true},
                          fmt::format("shared string {} of {}; expected an index into the workbook's strings",
                                      index, strings_.size()));
        put(fields, strings_[index], false);
        break;
      }
      case label:
      case rstring:
        put(fields, fields.text(6, false), false);
        break;
      case number:
        put(fields, decimal_of(fields.f64(6)), true);
        break;
      case rk:
        put(fields, decimal_of_rk(fields.u32(6)), true);
        break;
      case mulrk: {
        // Cells from the first column on, 6 bytes each (format, RK), then the last column.
        const std::size_t count = record.data.size() >= 6 ? (record.data.size() - 6) / 6 : 0;
        for (std::size_t i = 0; i < count; ++i)
          put_at(fields.u16(0), fields.u16(2) + i, fields.u16(4 + 6 * i),
                 decimal_of_rk(fields.u32(6 + 6 * i)), true);
        break;
      }
      case boolerr:
        put(fields,
            fields.u8(7) != 0   ? error_text(fields.u8(6))
            : fields.u8(6) != 0 ? "TRUE"
                                : "FALSE",
            false);
        break;
      case formula:
        // The stored result: a double, or a marker (0xFFFF in its last two bytes) for text (in the
        // STRING record that follows), a boolean, an error or an empty text.
        if (fields.u16(12) != 0xFFFF) {
          put(fields, decimal_of(fields.f64(6)), true);
        } else if (fields.u8(6) == 0) {
          put(fields, "", false);
          pending_string = std::pair<std::uint32_t, std::size_t>{fields.u16(0), fields.u16(2)};
        } else if (fields.u8(6) == 1) {
          put(fields, fields.u8(8) != 0 ? "TRUE" : "FALSE", false);
        } else if (fields.u8(6) == 2) {
          put(fields, error_text(fields.u8(8)), false);
        }
        break;
      case merged_cells: {
        // A count, then each range's first and last row and first and last column, 2 bytes each.
        const std::size_t room = record.data.size() >= 2 ? (record.data.size() - 2) / 8 : 0;
        const std::size_t count = std::min<std::size_t>(room, record.data.size() >= 2 ? fields.u16(0) : 0);
        for (std::size_t i = 0; i < count; ++i) {
          const std::uint64_t first_row = fields.u16(2 + 8 * i) + 1u, last_row = fields.u16(4 + 8 * i) + 1u;
          const std::size_t first_column = fields.u16(6 + 8 * i), last_column = fields.u16(8 + 8 * i);
          if (last_row > first_row && last_column >= first_column)
            merged.push_back({first_row, last_row, first_column, last_column});
        }
        break;
      }
      case string_record:
        if (pending_string) {
          Pieces text = with_continues(record, records, 0);
          const std::uint16_t count = text.u16();
          const bool wide = (text.byte() & 0x01) != 0;
          rows[pending_string->first].cells[pending_string->second] = text.characters(count, wide);
          pending_string.reset();
        }
        break;
      default:
        break;
    }
  }
  std::vector<SheetRow> out;
  out.reserve(rows.size());
  hidden_rows = 0;
  for (auto& [index, row] : rows) {
    while (!row.cells.empty() && row.cells.back().empty()) {
      row.cells.pop_back();
      row.numbers.pop_back();
    }
    if (row.cells.empty()) continue;
    hidden_rows += hidden[index] ? 1 : 0;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace kexport::input
