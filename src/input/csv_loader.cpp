#include <fmt/format.h>

#include "kexport/csv_reader.hpp"
#include "kexport/text.hpp"
#include "loaders.hpp"
#include "record_interpreter.hpp"

namespace kexport::input {

void load_csv(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
              const LoadOptions& options) {
  const std::string_view text = checked_text(file);
  builder.begin_file(file.name, "csv");
  CsvReader reader(text, detect_delimiter(text), file.name);

  std::vector<std::string_view> fields;
  if (!reader.next(fields))
    throw DataError({file.name, 1, 1}, "the file is empty; expected a header line naming the columns");

  // Map each column to the field it holds; unknown columns are ignored.
  std::vector<std::optional<Field>> column_field(fields.size());
  std::array<bool, field_count> present{};
  ValueStyle style;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto match = match_header(fields[i]);
    if (!match) continue;
    const auto index = static_cast<std::size_t>(match->field);
    if (present[index])
      throw DataError(
          reader.location_of_field(i),
          fmt::format("a second '{}' column; expected each column once", field_name(match->field)));
    present[index] = true;
    column_field[i] = match->field;
    if (match->unit) style.unit = *match->unit;
  }
  if (auto missing = RecordInterpreter::missing_fields(present); !missing.empty())
    throw DataError({file.name, reader.record_line(), 1},
                    missing + fmt::format("; the header has: {}", fmt::join(fields, ", ")));

  const std::size_t columns = fields.size();
  RecordInterpreter interpreter(gazetteer, builder);
  RowFields row;
  while (reader.next(fields)) {
    const auto line = static_cast<std::uint32_t>(reader.record_line());
    try {
      if (fields.size() != columns) {
        throw DataError(reader.location_of_field(std::min(fields.size(), columns) - 1),
                        fmt::format("{} fields; expected {} as in the header", fields.size(), columns));
      }
      row.fill(std::nullopt);
      for (std::size_t i = 0; i < columns; ++i)
        if (column_field[i]) row[static_cast<std::size_t>(*column_field[i])] = fields[i];
      try {
        interpreter.add(row, style, line);
      } catch (const FieldError& error) {
        std::size_t column = 0;
        while (column < columns && column_field[column] != error.field) ++column;
        throw DataError(reader.location_of_field(column), error.problem);
      }
    } catch (const DataError& error) {
      if (!options.skip_bad_rows) throw;
      builder.skip(error.what(), options.skipped_to_list);
    }
  }
}

}  // namespace kexport::input
