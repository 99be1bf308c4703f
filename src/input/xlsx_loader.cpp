// .xlsx and .xlsm workbooks: each chosen sheet read as a table, in a file of its own.
#include <fmt/format.h>

#include "kexport/error.hpp"
#include "loaders.hpp"
#include "workbook_loader.hpp"
#include "xlsx_sheet_rows.hpp"

namespace kexport::input {

void load_xlsx(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
               const LoadOptions& options) {
  const XlsxWorkbook workbook(file.view(), file.name);
  const auto& sheets = workbook.sheets();
  std::vector<std::string> names;
  for (const XlsxSheet& sheet : sheets) names.push_back(sheet.name);
  if (names.empty())
    throw DataError({file.name, 0, 0}, "a workbook without worksheets; expected one with a table");
  // A sheet chosen by name, or the only one, must hold a table; others may be notes.
  const bool chosen = !options.sheets.empty() || sheets.size() == 1;
  std::size_t tables = 0;
  for (const std::size_t index : chosen_sheets(names, options.sheets, file.name)) {
    const XlsxSheet& sheet = sheets[index];
    std::uint64_t hidden_rows = 0;
    const auto open = [&]() -> std::unique_ptr<RowSource> {
      return std::make_unique<XlsxSheetRows>(workbook, sheet, hidden_rows);
    };
    const bool table = load_sheet(open, "xlsx", chosen, gazetteer, builder, options);
    tables += table ? 1 : 0;
    LoadedFile& report = builder.current_file();
    if (sheet.hidden && table) report.notes.push_back({FileNote::Kind::hidden_sheet, 0, {}});
    if (table && hidden_rows > 0) report.notes.push_back({FileNote::Kind::hidden_rows, hidden_rows, {}});
  }
  if (tables == 0)
    throw DataError(
        {file.name, 0, 0},
        fmt::format("no sheet holds a table ({}); expected a header row naming the columns, e.g. İl, "
                    "Ülke, Değer, or months as columns",
                    fmt::join(names, ", ")));
}

}  // namespace kexport::input
