#include "table/sheet_row_buffer.hpp"

#include <algorithm>
#include <utility>

namespace kexport::input {

BufferedSheetRows::BufferedSheetRows(std::string name, std::uint64_t& hidden_rows)
    : name_(std::move(name)), hidden_rows_seen_(hidden_rows) {}

BufferedSheetRows::~BufferedSheetRows() {
  hidden_rows_seen_ = std::max(hidden_rows_seen_, hidden_rows_);
}

bool BufferedSheetRows::next(std::vector<std::string_view>& cells) {
  // A row written once with a repeat count is given as that many rows.
  if (number_ < current_.number + current_.repeat - 1) {
    ++number_;
  } else {
    while (completed_.empty())
      if (!read_more()) return false;
    current_ = std::move(completed_.front());
    completed_.pop_front();
    number_ = current_.number;
  }
  cells.assign(current_.cells.begin(), current_.cells.end());
  return true;
}

std::optional<std::uint64_t> BufferedSheetRows::merged_from(std::size_t column) const {
  if (!found_merged_) {
    found_merged_.emplace();
    find_merged(*found_merged_);
  }
  for (const std::vector<MergedRange>* ranges : {&merged_, &*std::as_const(found_merged_)})
    for (const MergedRange& r : *ranges)
      if (r.first_row < number_ && number_ <= r.last_row && r.first_column <= column &&
          column <= r.last_column)
        return r.first_row;
  return std::nullopt;
}

SourceLocation BufferedSheetRows::location_of_cell(std::size_t column) const {
  return {name_, number_, column + 1, true};
}

std::optional<DataError> BufferedSheetRows::row_problem() const {
  if (!current_.formula_without_value) return std::nullopt;
  return DataError(location_of_cell(*current_.formula_without_value),
                   "a formula without a stored result; expected the workbook as the spreadsheet program "
                   "saved it, which stores each formula's value");
}

}  // namespace kexport::input
