#include "ods/ods_sheet_rows.hpp"

#include <fmt/format.h>

#include <charconv>

#include "kexport/model/error.hpp"

namespace kexport::input {
namespace {

// Counts past a sheet's limits saturate just beyond them, so that a crafted repeat count can
// neither wrap a position round nor slip a cell in under the limit.
std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b, std::uint64_t ceiling) {
  return a >= ceiling || b >= ceiling - a ? ceiling : a + b;
}

// A repeat count ("number-rows-repeated"); 1 when absent or not a number.
std::uint64_t repeat_count(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size() && value > 0 ? value : 1;
}

// An attribute whose qualified name is exactly `name`: ODF says the same local name in two
// namespaces ("office:value-type", and LibreOffice's own "calcext:value-type").
std::string_view qualified_attribute(const char** attributes, std::string_view name) {
  for (const char** a = attributes; a != nullptr && *a != nullptr; a += 2)
    if (name == a[0]) return a[1];
  return {};
}

}  // namespace

// Builds rows of the chosen sheet from content.xml's events: <table:table> <table:table-row>
// <table:table-cell office:value-type office:value …> <text:p>…</text:p>. Everything outside the
// sheet, and tables nested inside its cells, is passed over.
class OdsSheetRows::Handler final : public XmlHandler {
 public:
  Handler(OdsSheetRows& rows, std::size_t sheet) : rows_(rows), wanted_(sheet) {}

  bool done = false;

  void start(std::string_view name, const char** attributes) override {
    if (name == "table") {
      if (tables_open_++ == 0 && spreadsheet_) active_ = sheets_seen_++ == wanted_;
      return;
    }
    if (name == "spreadsheet") spreadsheet_ = true;
    if (!active_ || tables_open_ != 1) return;
    if (name == "table-row") {
      begin_row(attributes);
    } else if (name == "table-cell" || name == "covered-table-cell") {
      begin_cell(attributes);
    } else if (!in_cell_) {
      return;
    } else if (name == "annotation") {
      ++annotations_;
    } else if (annotations_ > 0) {
      return;
    } else if (name == "p" || name == "h") {
      if (paragraphs_++ > 0) text_ += '\n';
      ++in_paragraph_;
    } else if (name == "s" && in_paragraph_ > 0) {
      // Runs of spaces are written as <text:s text:c="n"/>; a count beyond a cell's worth is not text.
      text_.append(std::min<std::uint64_t>(repeat_count(xml_attribute(attributes, "c")), 1000), ' ');
    } else if (name == "tab" && in_paragraph_ > 0) {
      text_ += '\t';
    } else if (name == "line-break" && in_paragraph_ > 0) {
      text_ += '\n';
    }
  }

  void end(std::string_view name) override {
    if (name == "table") {
      if (--tables_open_ == 0 && active_) {
        active_ = false;
        done = true;
      }
      return;
    }
    if (name == "spreadsheet") spreadsheet_ = false;
    if (!active_ || tables_open_ != 1) return;
    if (name == "table-row") {
      end_row();
    } else if (name == "table-cell" || name == "covered-table-cell") {
      end_cell();
    } else if (name == "annotation") {
      --annotations_;
    } else if ((name == "p" || name == "h") && annotations_ == 0 && in_paragraph_ > 0) {
      --in_paragraph_;
    }
  }

  void text(std::string_view text) override {
    if (active_ && tables_open_ == 1 && in_paragraph_ > 0 && annotations_ == 0) text_ += text;
  }

 private:
  [[noreturn]] void refuse(std::uint64_t row, std::size_t column, const std::string& problem) const {
    throw DataError({rows_.name_, row, column, true}, problem);
  }

  void begin_row(const char** attributes) {
    row_ = SheetRow{};
    row_.number = next_row_;
    row_.repeat = repeat_count(xml_attribute(attributes, "number-rows-repeated"));
    const std::string_view visibility = xml_attribute(attributes, "visibility");
    row_hidden_ = visibility == "collapse" || visibility == "filter";
    next_row_ = saturating_add(next_row_, row_.repeat, max_rows + 2);
    column_ = 0;
  }

  void begin_cell(const char** attributes) {
    in_cell_ = true;
    cell_repeat_ = repeat_count(xml_attribute(attributes, "number-columns-repeated"));
    // A range merged down from this cell: the rows below hold covered cells, without its text.
    if (const std::uint64_t rows = repeat_count(xml_attribute(attributes, "number-rows-spanned")); rows > 1) {
      const std::uint64_t columns = repeat_count(xml_attribute(attributes, "number-columns-spanned"));
      rows_.merged_.push_back(
          {row_.number, saturating_add(row_.number, rows - 1, max_rows + 1), column_,
           saturating_add(column_, static_cast<std::size_t>(columns - 1), max_columns + 1)});
    }
    value_type_ = xml_attribute(attributes, "value-type");
    error_ = qualified_attribute(attributes, "calcext:value-type") == "error";
    value_ = xml_attribute(attributes, "value");
    date_value_ = xml_attribute(attributes, "date-value");
    boolean_value_ = xml_attribute(attributes, "boolean-value");
    string_value_ = xml_attribute(attributes, "string-value");
    formula_ = !xml_attribute(attributes, "formula").empty();
    text_.clear();
    paragraphs_ = 0;
    in_paragraph_ = 0;
    annotations_ = 0;
  }

  // The cell's text as the table reader takes it, and whether it is a number.
  std::pair<std::string, bool> cell_value() const {
    if (error_) return {text_, false};
    if (value_type_ == "float" || value_type_ == "currency" || value_type_ == "percentage")
      return value_.empty() ? std::pair{text_, false} : std::pair{value_, true};
    if (value_type_ == "date") return {date_value_.size() >= 7 ? date_value_.substr(0, 7) : text_, false};
    if (value_type_ == "boolean") return {boolean_value_ == "true" ? "TRUE" : "FALSE", false};
    if (value_type_ == "string" && !string_value_.empty()) return {string_value_, false};
    return {text_, false};
  }

  void end_cell() {
    in_cell_ = false;
    const std::size_t first = column_;
    column_ = saturating_add(column_, cell_repeat_, max_columns + 1);
    if (formula_ && value_type_.empty() && !error_) {
      if (!row_.formula_without_value) row_.formula_without_value = first;
      return;
    }
    auto [value, number] = cell_value();
    if (value.empty()) return;  // empty cells, however many, are only a gap
    if (column_ > max_columns)
      refuse(row_.number, std::min<std::size_t>(first, max_columns) + 1,
             fmt::format("a cell beyond column XFD, the last a sheet can have; expected at most {} columns",
                         max_columns));
    row_.cells.resize(column_);
    row_.numbers.resize(column_);
    for (std::size_t c = first; c < column_; ++c) {
      row_.cells[c] = value;
      row_.numbers[c] = number;
    }
  }

  void end_row() {
    if (row_.cells.empty() && !row_.formula_without_value) return;  // empty rows are only a gap
    if (row_.number > max_rows || row_.repeat > max_rows - row_.number + 1)
      refuse(std::min(row_.number, max_rows + 1), 0,
             fmt::format("a row beyond row {}, the last a sheet can have", max_rows));
    if (row_hidden_) rows_.hidden_rows_ += row_.repeat;
    rows_.completed_.push_back(std::move(row_));
    row_ = SheetRow{};
  }

  OdsSheetRows& rows_;
  std::size_t wanted_;
  std::size_t sheets_seen_ = 0;
  int tables_open_ = 0;
  bool spreadsheet_ = false, active_ = false;
  SheetRow row_;
  std::uint64_t next_row_ = 1;
  bool row_hidden_ = false;
  std::size_t column_ = 0;  // columns passed in the current row
  bool in_cell_ = false;
  std::uint64_t cell_repeat_ = 1;
  // Copied: expat's attributes live only as long as the start event.
  std::string value_type_, value_, date_value_, boolean_value_, string_value_;
  bool error_ = false, formula_ = false;
  std::string text_;
  int paragraphs_ = 0, in_paragraph_ = 0, annotations_ = 0;
};

OdsSheetRows::OdsSheetRows(const OdsWorkbook& workbook, std::size_t sheet, std::uint64_t& hidden_rows)
    : BufferedSheetRows(workbook.file() + "[" + workbook.sheets().at(sheet).name + "]", hidden_rows),
      handler_(std::make_unique<Handler>(*this, sheet)),
      part_(std::make_unique<XmlPart>(workbook.archive(), OdsWorkbook::content_part, *handler_)) {}

OdsSheetRows::~OdsSheetRows() = default;

bool OdsSheetRows::read_more() {
  // Once the sheet has ended, the rest of the document is other sheets: not read.
  return !handler_->done && part_->feed_next();
}

}  // namespace kexport::input
