// .xls workbooks (Excel 97–2003): each chosen sheet read as a table, in a file of its own.
#include "loaders.hpp"
#include "workbook_loader.hpp"
#include "xls_workbook.hpp"

namespace kexport::input {
namespace {

// A sheet read whole (an .xls sheet is small by construction), given row by row.
class XlsSheetRows final : public RowSource {
 public:
  XlsSheetRows(const XlsWorkbook& workbook, std::size_t sheet, std::uint64_t& hidden_rows)
      : name_(workbook.file() + "[" + workbook.sheets()[sheet].name + "]"),
        rows_(workbook.read_sheet(sheet)) {
    std::uint64_t hidden = 0;
    for (const XlsRow& row : rows_) hidden += row.hidden ? 1 : 0;
    hidden_rows = std::max(hidden_rows, hidden);
  }

  bool next(std::vector<std::string_view>& cells) override {
    if (next_ == rows_.size()) return false;
    current_ = &rows_[next_++];
    cells.assign(current_->cells.begin(), current_->cells.end());
    return true;
  }
  [[nodiscard]] SourceLocation location_of_cell(std::size_t column) const override {
    return {name_, row_line(), column + 1, true};
  }
  [[nodiscard]] std::uint64_t row_line() const override { return current_ != nullptr ? current_->number : 0; }
  [[nodiscard]] const std::string& file_name() const override { return name_; }
  [[nodiscard]] bool is_number(std::size_t column) const override {
    return current_ != nullptr && column < current_->numbers.size() && current_->numbers[column];
  }
  [[nodiscard]] bool is_sheet() const override { return true; }

 private:
  std::string name_;
  std::vector<XlsRow> rows_;
  std::size_t next_ = 0;
  const XlsRow* current_ = nullptr;
};

}  // namespace

void load_xls(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
              const LoadOptions& options) {
  const XlsWorkbook workbook(file.view(), file.name);
  const auto open = [&](std::size_t index, std::uint64_t& hidden_rows) -> std::unique_ptr<RowSource> {
    return std::make_unique<XlsSheetRows>(workbook, index, hidden_rows);
  };
  load_workbook(file.name, workbook.sheets(), open, "xls", gazetteer, builder, options);
}

}  // namespace kexport::input
