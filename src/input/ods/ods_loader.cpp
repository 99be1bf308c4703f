// .ods spreadsheets: each chosen sheet read as a table, in a file of its own.
#include "loaders.hpp"
#include "ods/ods_sheet_rows.hpp"
#include "table/workbook_loader.hpp"

namespace kexport::input {

void load_ods(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
              const LoadOptions& options) {
  const OdsWorkbook workbook(file.view(), file.name);
  const auto open = [&](std::size_t index, std::uint64_t& hidden_rows) -> std::unique_ptr<RowSource> {
    return std::make_unique<OdsSheetRows>(workbook, index, hidden_rows);
  };
  load_workbook(file.name, workbook.sheets(), open, "ods", gazetteer, builder, options);
}

}  // namespace kexport::input
