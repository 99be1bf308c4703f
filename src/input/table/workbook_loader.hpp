// What every workbook format shares once its sheets are rows of cells: which sheets to read, and
// reading one sheet as a table (header, title, notes, layout) into records.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "table/sheet_layout.hpp"

namespace kexport::input {

// The sheets --sheet names (by name, in any case, or by 1-based number), all of them when it names
// none. Error(usage) for a sheet the workbook does not have, listing those it has.
std::vector<std::size_t> chosen_sheets(const std::vector<std::string>& names,
                                       const std::vector<std::string>& wanted, const std::string& file);

// Reads one sheet into the builder as a file of its own ("book.xlsx[Sheet]"). `open` gives a fresh
// reader of the sheet's rows from its first row (called again when the sheet must be read twice).
// Returns false when the sheet holds no table (said in the file's notes); throws NoTable for a
// sheet that was chosen by name but holds none.
bool load_sheet(const std::function<std::unique_ptr<RowSource>()>& open, const std::string& format,
                bool chosen, const Gazetteer& gazetteer, DatasetBuilder& builder, const LoadOptions& options);

struct WorkbookSheet {
  std::string name;
  bool hidden = false;
};

// A fresh reader of a sheet's rows (by its index among the workbook's sheets); it raises
// `hidden_rows` to the number of hidden rows it met when it goes.
using OpenSheet = std::function<std::unique_ptr<RowSource>(std::size_t sheet, std::uint64_t& hidden_rows)>;

// Reads the sheets --sheet chooses (all by default), each that holds a table as a file of its own,
// with notes for hidden sheets and rows. Throws DataError when no sheet holds a table.
void load_workbook(const std::string& file, const std::vector<WorkbookSheet>& sheets, const OpenSheet& open,
                   const std::string& format, const Gazetteer& gazetteer, DatasetBuilder& builder,
                   const LoadOptions& options);

}  // namespace kexport::input
