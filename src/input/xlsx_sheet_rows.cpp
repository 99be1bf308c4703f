#include "xlsx_sheet_rows.hpp"

#include <fmt/format.h>

#include <charconv>

#include "kexport/error.hpp"
#include "spreadsheet_dates.hpp"

namespace kexport::input {
namespace {

std::uint64_t parse_number(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size() ? value : 0;
}

// "C12" → column 3 (1-based); 0 when the reference has no letters.
std::size_t column_of(std::string_view reference) {
  std::size_t column = 0;
  for (const char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (column > XlsxSheetRows::max_columns) return column;  // refused by the caller
  }
  return column;
}

}  // namespace

// Builds rows from the sheet's XML events: <row r> <c r t s> <v>…</v> <f>…</f> <is><t>…</t></is>.
class XlsxSheetRows::Handler final : public XmlHandler {
 public:
  Handler(XlsxSheetRows& rows) : rows_(rows), workbook_(rows.workbook_) {}  // NOLINT

  void start(std::string_view name, const char** attributes) override {
    if (name == "c") {
      begin_cell(attributes);
    } else if (name == "v") {
      in_value_ = in_cell_;
    } else if (name == "f") {
      formula_ = in_cell_;
    } else if (name == "is") {
      in_inline_ = in_cell_;
    } else if (name == "t") {
      in_text_ = in_inline_;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "row") {
      begin_row(attributes);
    }
  }

  void end(std::string_view name) override {
    if (name == "v") {
      in_value_ = false;
      has_value_ = in_cell_;
    } else if (name == "t") {
      in_text_ = false;
    } else if (name == "is") {
      in_inline_ = false;
      has_value_ = in_cell_;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "c") {
      end_cell();
    } else if (name == "row") {
      end_row();
    }
  }

  void text(std::string_view text) override {
    if (in_value_ || (in_text_ && phonetic_ == 0)) text_ += text;
  }

 private:
  [[noreturn]] void refuse(std::size_t column, const std::string& problem) const {
    throw DataError({rows_.name_, row_.number, column, true}, problem);
  }

  void begin_row(const char** attributes) {
    const std::uint64_t number = parse_number(xml_attribute(attributes, "r"));
    const std::uint64_t next = last_row_ + 1;
    if (number != 0 && number < next)
      throw DataError(
          {rows_.name_, number, 0, true},
          fmt::format("row {} after row {}; expected rows in order, as spreadsheet programs write them",
                      number, last_row_));
    row_ = SheetRow{};
    row_.number = number != 0 ? number : next;
    last_row_ = row_.number;
    last_column_ = 0;
    const std::string_view hidden = xml_attribute(attributes, "hidden");
    if (hidden == "1" || hidden == "true") ++rows_.hidden_rows_;
  }

  void begin_cell(const char** attributes) {
    const std::string_view reference = xml_attribute(attributes, "r");
    std::size_t column = reference.empty() ? last_column_ + 1 : column_of(reference);
    if (column == 0)
      refuse(last_column_ + 1, fmt::format("a cell reference '{}'; expected one such as C12", reference));
    if (column > max_columns)
      refuse(0, fmt::format(
                    "a cell beyond column XFD ({}), the last a sheet can have; expected at most {} columns",
                    reference, max_columns));
    if (column <= last_column_)
      refuse(column,
             fmt::format("cell {} after {}{}; expected cells in order, as spreadsheet programs write them",
                         reference, column_letters(last_column_), row_.number));
    last_column_ = column;
    type_ = xml_attribute(attributes, "t");
    const std::string_view style = xml_attribute(attributes, "s");
    style_ = style.empty() ? 0 : parse_number(style);
    in_cell_ = true;
    formula_ = has_value_ = false;
    text_.clear();
  }

  void end_cell() {
    in_cell_ = false;
    const std::size_t index = last_column_ - 1;
    if (row_.cells.size() <= index) {
      row_.cells.resize(index + 1);
      row_.numbers.resize(index + 1);
    }
    if (formula_ && !has_value_) {
      if (!row_.formula_without_value) row_.formula_without_value = index;
      return;
    }
    if (!has_value_) return;
    std::string& cell = row_.cells[index];
    if (type_ == "s") {
      const std::uint64_t string = parse_number(text_);
      const auto& strings = workbook_.shared_strings();
      if (string >= strings.size() || (string == 0 && text_ != "0"))
        refuse(last_column_,
               fmt::format("shared string {} of {}; expected an index into the workbook's strings", text_,
                           strings.size()));
      cell = strings[string];
    } else if (type_ == "b") {
      cell = text_ == "1" || text_ == "true" ? "TRUE" : "FALSE";
    } else if (type_ == "d") {
      cell = text_.substr(0, 7);  // an ISO 8601 date: its month
    } else if (type_ == "inlineStr" || type_ == "str" || type_ == "e") {
      cell = text_;
    } else if (workbook_.is_date_style(style_)) {
      const std::string period = period_of_serial(text_, workbook_.dates_from_1904());
      cell = period.empty() ? text_ : period;
    } else {
      cell = text_;
      row_.numbers[index] = true;
    }
  }

  void end_row() {
    while (!row_.cells.empty() && row_.cells.back().empty() &&
           row_.formula_without_value != row_.cells.size() - 1) {
      row_.cells.pop_back();
      row_.numbers.pop_back();
    }
    rows_.completed_.push_back(std::move(row_));
    row_ = SheetRow{};
  }

  XlsxSheetRows& rows_;
  const XlsxWorkbook& workbook_;
  SheetRow row_;
  std::uint64_t last_row_ = 0;
  std::size_t last_column_ = 0;
  std::string type_;  // copied: expat's attributes live only as long as the start event
  std::uint64_t style_ = 0;
  std::string text_;
  bool in_cell_ = false, in_value_ = false, in_inline_ = false, in_text_ = false;
  bool formula_ = false, has_value_ = false;
  int phonetic_ = 0;
};

XlsxSheetRows::XlsxSheetRows(const XlsxWorkbook& workbook, const XlsxSheet& sheet, std::uint64_t& hidden_rows)
    : BufferedSheetRows(workbook.file() + "[" + sheet.name + "]", hidden_rows),
      workbook_(workbook),
      handler_(std::make_unique<Handler>(*this)),
      part_(std::make_unique<XmlPart>(workbook.archive(), sheet.part, *handler_)) {}

XlsxSheetRows::~XlsxSheetRows() = default;

bool XlsxSheetRows::read_more() {
  return part_->feed_next();
}

}  // namespace kexport::input
