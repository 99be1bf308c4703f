// TİM's bulletins, recognised by their templates before a sheet is read as a plain table: the
// province × sector and country × sector workbooks (tim_template.hpp) and the sector bulletin
// (tim_sector_bulletin.hpp). Their source is TİM, their basis TİM's, their release the date their
// title gives.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"
#include "table/sheet_layout.hpp"

namespace kexport::input {

// Reads the sheet `open` gives as a bulletin when it is one, into a file of its own in the
// builder; false (nothing begun) when it is not.
bool load_bulletin(const std::function<std::unique_ptr<RowSource>()>& open, const std::string& format,
                   const Gazetteer& gazetteer, DatasetBuilder& builder, const LoadOptions& options);

}  // namespace kexport::input
