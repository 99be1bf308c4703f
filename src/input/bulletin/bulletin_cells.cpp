#include "bulletin/bulletin_cells.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "kexport/input/amount.hpp"
#include "kexport/model/text.hpp"

namespace kexport::input {

std::optional<Cents> bulletin_amount(const RowSource& rows, std::size_t column, std::string_view cell,
                                     ValueUnit unit) {
  cell = trim(cell);
  if (cell.empty()) return std::nullopt;
  if (is_nil_amount(cell)) return 0;
  DecimalStyle style = DecimalStyle::point;
  if (!rows.is_number(column)) {
    const NumberEvidence evidence = number_evidence(cell);
    if (evidence == NumberEvidence::ambiguous)
      throw DataError(rows.location_of_cell(column),
                      fmt::format("'{}' could be read two ways (a thousands separator or a decimal "
                                  "point); expected the amount as a number",
                                  excerpt(cell, 30)));
    if (evidence == NumberEvidence::comma) style = DecimalStyle::comma;
  }
  AmountResult amount = parse_amount(cell, style, unit);
  if (!amount.cents) throw DataError(rows.location_of_cell(column), amount.problem);
  return amount.cents;
}

ValueUnit bulletin_unit(const std::string& title, const SourceLocation& title_at, const LoadOptions& options,
                        LoadedFile& report) {
  const StatedUnit stated = text_unit(title);
  if (!stated.currency.empty())
    throw DataError(title_at, fmt::format("the title states amounts in {} ('{}'); kexport reads dollars "
                                          "and converts no currency",
                                          stated.currency, excerpt(title, 80)));
  if (stated.unit) {
    report.notes.push_back({FileNote::Kind::unit_stated, 0, excerpt(title, 80)});
    return *stated.unit;
  }
  if (options.unit) return *options.unit;
  report.notes.push_back({FileNote::Kind::unit_by_convention, 0, {}});
  return ValueUnit::thousand_dollars;
}

std::string_view without_indent(std::string_view label) {
  std::size_t at = 0;
  while (at < label.size() && (label[at] == '.' || label[at] == ' ' || label[at] == '\t')) ++at;
  return trim(label.substr(at));
}

std::uint8_t bulletin_sector(std::string_view written, const Gazetteer& gazetteer, DatasetBuilder& builder) {
  const std::string_view name = without_indent(written);
  if (const Sector* sector = gazetteer.find_sector(name)) return builder.sector(sector->name);
  return builder.sector(name);
}

std::string thousands_text(Cents cents) {
  return fmt::format("{}{}.{:05}", cents < 0 ? "-" : "", std::llabs(cents) / 100'000,
                     std::llabs(cents) % 100'000);
}

std::string month_text(Period month) {
  return fmt::format("{} {}", month_name_tr(month.month()), month.year());
}

}  // namespace kexport::input
