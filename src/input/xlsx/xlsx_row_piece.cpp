#include "xlsx/xlsx_row_piece.hpp"

#include <fmt/format.h>

#include <charconv>
#include <pugixml.hpp>

#include "io/byte_search.hpp"
#include "io/decode.hpp"
#include "table/spreadsheet_dates.hpp"
#include "xlsx/xlsx_sheet_rows.hpp"

namespace kexport::input {
namespace {

std::uint64_t parse_number(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size() ? value : 0;
}

// Whether an element's or attribute's name is `local`, with or without a namespace prefix. The
// walk below compares every name it meets, so this avoids measuring them first.
bool named(const char* name, const char* local) {
  for (const char* p = name; *p != '\0'; ++p)
    if (*p == ':') {
      name = p + 1;
      break;
    }
  while (*name != '\0' && *name == *local) {
    ++name;
    ++local;
  }
  return *name == *local;
}

// The text of an element: its character data and CDATA sections, in order.
void append_text(const pugi::xml_node& element, std::string& out) {
  for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
}

// An inline string: its <t>, or the <t> of each rich-text run; phonetic guides (<rPh>) left out.
void append_inline(const pugi::xml_node& inline_string, std::string& out) {
  for (pugi::xml_node child = inline_string.first_child(); child; child = child.next_sibling()) {
    if (named(child.name(), "t")) {
      append_text(child, out);
    } else if (named(child.name(), "r")) {
      for (pugi::xml_node run_text = child.first_child(); run_text; run_text = run_text.next_sibling())
        if (named(run_text.name(), "t")) append_text(run_text, out);
    }
  }
}

// The offset of the first '&' that does not start one of XML's own entities or a character
// reference: pugixml leaves such text as written, where expat (and the XML standard) refuse it.
std::size_t first_undefined_entity(std::string_view xml) {
  static constexpr std::string_view known[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
  for (std::size_t at = xml.find('&'); at != std::string_view::npos; at = xml.find('&', at + 1)) {
    const std::string_view rest = xml.substr(at);
    if (std::any_of(std::begin(known), std::end(known),
                    [&](std::string_view k) { return rest.starts_with(k); }))
      continue;
    if (rest.starts_with("&#")) {
      const std::size_t end = rest.find(';');
      const bool hex = rest.size() > 2 && rest[2] == 'x';
      const std::string_view digits =
          rest.substr(hex ? 3 : 2, end == std::string_view::npos ? 0 : end - (hex ? 3 : 2));
      const bool valid = !digits.empty() && std::all_of(digits.begin(), digits.end(), [&](char c) {
        return (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      });
      if (valid) continue;
    }
    return at;
  }
  return std::string_view::npos;
}

std::string describe(const pugi::xml_parse_result& result) {
  if (result.status == pugi::status_end_element_mismatch) return "mismatched tag";
  std::string why = result.description();
  if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
  return "not well-formed (" + why + ")";
}

class PieceReader {
 public:
  PieceReader(const XlsxWorkbook& workbook, const SheetNames& names) : workbook_(workbook), names_(names) {}

  ParsedRows read(const pugi::xml_document& document) {
    for (pugi::xml_node row = document.first_child(); row; row = row.next_sibling())
      if (named(row.name(), "row") && !read_row(row)) break;
    return std::move(out_);
  }

 private:
  using Message = std::function<std::string(std::uint64_t row_number)>;

  // Stops the piece at the current row, with what is wrong at `column`.
  bool fail(std::size_t column, Message message) {
    out_.problem_row = row_.number;
    out_.problem = [sheet = names_.sheet, column, message = std::move(message)](std::uint64_t row) {
      return DataError({sheet, row, column, true}, message(row));
    };
    return false;
  }
  bool fail(std::size_t column, std::string message) {
    return fail(column, [message = std::move(message)](std::uint64_t) { return message; });
  }

  bool read_row(const pugi::xml_node& row) {
    row_ = SheetRow{};
    row_.cells.reserve(width_);  // rows of a table are mostly as wide as the one before
    row_.numbers.reserve(width_);
    for (pugi::xml_attribute attribute = row.first_attribute(); attribute;
         attribute = attribute.next_attribute()) {
      const std::string_view value = attribute.value();
      if (named(attribute.name(), "r")) row_.number = parse_number(value);
      if (named(attribute.name(), "hidden") && (value == "1" || value == "true")) ++out_.hidden_rows;
    }
    last_column_ = 0;
    for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling())
      if (named(cell.name(), "c") && !read_cell(cell)) return false;
    while (!row_.cells.empty() && row_.cells.back().empty() &&
           row_.formula_without_value != row_.cells.size() - 1) {
      row_.cells.pop_back();
      row_.numbers.pop_back();
    }
    width_ = row_.cells.size();
    out_.rows.push_back(std::move(row_));
    return true;
  }

  bool read_cell(const pugi::xml_node& cell) {
    std::string_view reference, type, style;
    for (pugi::xml_attribute attribute = cell.first_attribute(); attribute;
         attribute = attribute.next_attribute()) {
      const char* name = attribute.name();
      if (named(name, "r")) reference = attribute.value();
      if (named(name, "t")) type = attribute.value();
      if (named(name, "s")) style = attribute.value();
    }
    const std::size_t column = reference.empty() ? last_column_ + 1 : column_of(reference);
    if (column == 0)
      return fail(last_column_ + 1,
                  fmt::format("a cell reference '{}'; expected one such as C12", reference));
    if (column > XlsxSheetRows::max_columns)
      return fail(0,
                  fmt::format("a cell beyond column XFD ({}), the last a sheet can have; expected at most {} "
                              "columns",
                              reference, XlsxSheetRows::max_columns));
    if (column <= last_column_)
      return fail(column, [reference = std::string(reference), previous = last_column_](std::uint64_t row) {
        return fmt::format("cell {} after {}{}; expected cells in order, as spreadsheet programs write them",
                           reference, column_letters(previous), row);
      });
    last_column_ = column;

    bool formula = false, has_value = false;
    text_.clear();
    for (pugi::xml_node child = cell.first_child(); child; child = child.next_sibling()) {
      const char* name = child.name();
      if (named(name, "v")) {
        append_text(child, text_);
        has_value = true;
      } else if (named(name, "f")) {
        formula = true;
      } else if (named(name, "is")) {
        append_inline(child, text_);
        has_value = true;
      }
    }

    const std::size_t index = column - 1;
    if (row_.cells.size() <= index) {
      row_.cells.resize(index + 1);
      row_.numbers.resize(index + 1);
    }
    // A formula's result is its <v>; an empty one (as scripts write a formula they did not
    // compute) is no result, unless the formula gives text, which may be empty.
    if (formula && (!has_value || (text_.empty() && type != "str" && type != "inlineStr"))) {
      if (!row_.formula_without_value) row_.formula_without_value = index;
      return true;
    }
    if (!has_value) return true;
    std::string& value = row_.cells[index];
    if (type == "s") {
      const std::uint64_t string = parse_number(text_);
      const auto& strings = workbook_.shared_strings();
      if (string >= strings.size() || (string == 0 && text_ != "0"))
        return fail(column,
                    fmt::format("shared string {} of {}; expected an index into the workbook's strings",
                                text_, strings.size()));
      value = strings[string];
    } else if (type == "b") {
      value = text_ == "1" || text_ == "true" ? "TRUE" : "FALSE";
    } else if (type == "d") {
      value = text_.substr(0, 7);  // an ISO 8601 date: its month
    } else if (type == "inlineStr" || type == "str" || type == "e") {
      value = text_;
    } else if (workbook_.is_date_style(style.empty() ? 0 : parse_number(style))) {
      const std::string period = period_of_serial(text_, workbook_.dates_from_1904());
      value = period.empty() ? text_ : period;
    } else {
      value = text_;
      row_.numbers[index] = true;
    }
    return true;
  }

  const XlsxWorkbook& workbook_;
  const SheetNames& names_;
  ParsedRows out_;
  SheetRow row_;
  std::size_t last_column_ = 0;
  std::size_t width_ = 0;
  std::string text_;
};

}  // namespace

std::size_t column_of(std::string_view reference) {
  std::size_t column = 0;
  for (const char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (column > XlsxSheetRows::max_columns) return column;  // refused by the caller
  }
  return column;
}

ParsedRows parse_row_piece(RowPiece& piece, const XlsxWorkbook& workbook, const SheetNames& names) {
  const std::string_view xml = piece.xml;
  const auto refuse = [&](std::size_t offset, const std::string& why) {
    const TextPosition at = piece.one_line ? TextPosition{piece.start.line, piece.start.column + offset}
                                           : position_after(piece.start, xml.substr(0, offset));
    throw DataError({names.part, at.line, at.column},
                    "malformed XML: " + why + "; expected the part as the spreadsheet program wrote it");
  };
  // What expat checks and pugixml does not: UTF-8, and entities (but not where comments or CDATA
  // may hold '&' as a character).
  if (const std::size_t bad = first_invalid_utf8(xml); bad != std::string_view::npos)
    refuse(bad, "a byte that is not UTF-8");
  if (!has_markup_declarations(xml))
    if (const std::size_t bad = first_undefined_entity(xml); bad != std::string_view::npos)
      refuse(bad, "undefined entity");

  pugi::xml_document document;
  // parse_default without parse_wconv_attribute: no attribute read here holds whitespace.
  constexpr unsigned options = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol |
                               pugi::parse_fragment | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result result =
      piece.one_line
          ? document.load_buffer_inplace(piece.xml.data(), piece.xml.size(), options, pugi::encoding_utf8)
          : document.load_buffer(xml.data(), xml.size(), options, pugi::encoding_utf8);
  if (!result) {
    // pugixml points at a mismatched end tag's name; expat, and so the rest of kexport, at its '<'
    // (which parsing in place may have turned into the end of the text before it).
    auto offset = static_cast<std::size_t>(result.offset);
    if (result.status == pugi::status_end_element_mismatch && offset >= 2 && xml[offset - 1] == '/' &&
        (xml[offset - 2] == '<' || xml[offset - 2] == '\0'))
      offset -= 2;
    refuse(offset, describe(result));
  }
  return PieceReader(workbook, names).read(document);
}

}  // namespace kexport::input
