// .xls workbooks (Excel 97–2003): each chosen sheet read as a table, in a file of its own.
#include "loaders.hpp"
#include "table/workbook_loader.hpp"
#include "xls/xls_workbook.hpp"

namespace kexport::input {
namespace {

// A sheet read whole (an .xls sheet is small by construction), given row by row.
class XlsSheetRows final : public BufferedSheetRows {
 public:
  XlsSheetRows(const XlsWorkbook& workbook, std::size_t sheet, std::uint64_t& hidden_rows)
      : BufferedSheetRows(workbook.file() + "[" + workbook.sheets()[sheet].name + "]", hidden_rows) {
    auto rows = workbook.read_sheet(sheet, hidden_rows_, merged_);
    completed_.assign(std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  }

 private:
  bool read_more() override { return false; }
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
