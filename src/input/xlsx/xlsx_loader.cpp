// .xlsx and .xlsm workbooks: each chosen sheet read as a table, in a file of its own.
#include "loaders.hpp"
#include "table/workbook_loader.hpp"
#include "xlsx/xlsx_sheet_rows.hpp"

namespace kexport::input {

void load_xlsx(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
               const LoadOptions& options) {
  const XlsxWorkbook workbook(file.view(), file.name);
  std::vector<WorkbookSheet> sheets;
  for (const XlsxSheet& sheet : workbook.sheets()) sheets.push_back({sheet.name, sheet.hidden});
  const auto open = [&](std::size_t index, std::uint64_t& hidden_rows) -> std::unique_ptr<RowSource> {
    return std::make_unique<XlsxSheetRows>(workbook, workbook.sheets()[index], hidden_rows, options.threads);
  };
  load_workbook(file.name, sheets, open, "xlsx", gazetteer, builder, options);
}

}  // namespace kexport::input
