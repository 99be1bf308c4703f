// The rows of a sheet in TİM's bulletin template (see tim_template.hpp), read whole, checked, and
// only then added: a file that breaks the template adds nothing.
#pragma once

#include "bulletin/tim_template.hpp"
#include "kexport/input/load.hpp"
#include "kexport/model/dataset_builder.hpp"

namespace kexport::input {

// Reads the rows below the header into the builder's current file: for each block of a whole
// month, that month and the same month a year earlier. Province × sector: each province's TOPLAM
// row is its figure and its sector rows the breakdown (what the TOPLAM holds beyond them, TİM's
// remainder allocated by exporters' unions, stays in the total and in no sector); a TOPLAM written
// twice is added up; the grand total is Türkiye's. Country × sector: Türkiye's exports by
// destination, a country's figure the sum of its sectors. Checks the year-to-date blocks against
// the months the file holds and DEĞ. against the amounts. Throws DataError at the cell that
// breaks the template.
void read_tim_template(const TimTemplate& layout, RowSource& rows, ValueUnit unit, const Gazetteer& gazetteer,
                       DatasetBuilder& builder);

}  // namespace kexport::input
