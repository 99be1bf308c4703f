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
#include "xls/biff_records.hpp"

namespace kexport::input {
namespace {

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
  biff::Records records(stream_, 0, file_);
  biff::Record record;
  if (!records.next(record) || record.type != biff::bof) records.damaged(0, "no BOF record at the start");
  const biff::Fields first(record, records);
  if (first.u16(0) != 0x0600)
    throw DataError({file_, 0, 0},
                    fmt::format("an Excel workbook of BIFF version {:#06x}, older than Excel 97, "
                                "which kexport does not read; expected it saved as .xlsx",
                                first.u16(0)));
  std::map<std::uint16_t, std::string> formats;
  std::vector<std::uint16_t> cell_formats;
  while (records.next(record) && record.type != biff::eof) {
    const biff::Fields fields(record, records);
    switch (record.type) {
      case biff::filepass:
        throw DataError({file_, 0, 0},
                        "a workbook protected by a password; expected it saved as .xlsx without a password");
      case biff::datemode:
        date1904_ = fields.u16(0) == 1;
        break;
      case biff::format_record:
        formats[fields.u16(0)] = fields.text(2, false);
        break;
      case biff::xf:
        cell_formats.push_back(fields.u16(2));
        break;
      case biff::boundsheet:
        // Worksheets only (type 0): chart sheets and macro sheets hold no table.
        if (fields.u8(5) == 0) {
          sheets_.push_back({fields.text(6, true), (fields.u8(4) & 0x03) != 0});
          sheet_offsets_.push_back(fields.u32(0));
        }
        break;
      case biff::sst: {
        biff::Pieces table = biff::with_continues(record, records, 8);
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
  biff::Records records(stream_, sheet_offsets_.at(sheet), file_);
  biff::Record record;
  if (!records.next(record) || record.type != biff::bof)
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
  const auto put = [&](const biff::Fields& fields, std::string text, bool is_number) {
    put_at(fields.u16(0), fields.u16(2), fields.u16(4), std::move(text), is_number);
  };
  while (records.next(record)) {
    if (record.type == biff::bof) {
      ++depth;
      continue;
    }
    if (record.type == biff::eof && --depth == 0) break;
    if (depth != 1) continue;
    const biff::Fields fields(record, records);
    switch (record.type) {
      case biff::row_record:
        hidden[fields.u16(0)] = (fields.u16(12) & 0x20) != 0;
        break;
      case biff::labelsst: {
        const std::uint32_t index = fields.u32(6);
        if (index >= strings_.size())
          throw DataError({name, fields.u16(0) + 1u, fields.u16(2) + 1u, true},
                          fmt::format("shared string {} of {}; expected an index into the workbook's strings",
                                      index, strings_.size()));
        put(fields, strings_[index], false);
        break;
      }
      case biff::label:
      case biff::rstring:
        put(fields, fields.text(6, false), false);
        break;
      case biff::number:
        put(fields, decimal_of(fields.f64(6)), true);
        break;
      case biff::rk:
        put(fields, decimal_of_rk(fields.u32(6)), true);
        break;
      case biff::mulrk: {
        // Cells from the first column on, 6 bytes each (format, RK), then the last column.
        const std::size_t count = record.data.size() >= 6 ? (record.data.size() - 6) / 6 : 0;
        for (std::size_t i = 0; i < count; ++i)
          put_at(fields.u16(0), fields.u16(2) + i, fields.u16(4 + 6 * i),
                 decimal_of_rk(fields.u32(6 + 6 * i)), true);
        break;
      }
      case biff::boolerr:
        put(fields,
            fields.u8(7) != 0   ? error_text(fields.u8(6))
            : fields.u8(6) != 0 ? "TRUE"
                                : "FALSE",
            false);
        break;
      case biff::formula:
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
      case biff::merged_cells: {
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
      case biff::string_record:
        if (pending_string) {
          biff::Pieces text = biff::with_continues(record, records, 0);
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
