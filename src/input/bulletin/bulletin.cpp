#include "bulletin/bulletin.hpp"

#include "bulletin/bulletin_cells.hpp"
#include "bulletin/tim_sector_bulletin.hpp"
#include "bulletin/tim_template_reader.hpp"

namespace kexport::input {
namespace {

// Begins the bulletin's file: TİM's, dated by its title, in the unit its title states or TİM's.
ValueUnit begin_bulletin(const RowSource& rows, const std::string& format, const std::string& title,
                         const std::optional<Vintage>& vintage, DatasetBuilder& builder,
                         const LoadOptions& options) {
  builder.begin_file(rows.file_name(), format);
  LoadedFile& report = builder.current_file();
  report.layout = kexport::Layout::bulletin;
  report.source = "TİM";
  report.decimal = DecimalStyle::point;
  if (vintage) {
    report.vintage = *vintage;
    report.vintage_from = "title";
  }
  const ValueUnit unit = bulletin_unit(title, {rows.file_name(), 1, 1, rows.is_sheet()}, options, report);
  report.unit = unit;
  return unit;
}

}  // namespace

bool load_bulletin(const std::function<std::unique_ptr<RowSource>()>& open, const std::string& format,
                   const Gazetteer& gazetteer, DatasetBuilder& builder, const LoadOptions& options) {
  if (const auto rows = open(); const auto layout = recognise_tim_template(*rows)) {
    const ValueUnit unit = begin_bulletin(*rows, format, layout->title, layout->vintage, builder, options);
    read_tim_template(*layout, *rows, unit, gazetteer, builder);
    return true;
  }
  if (const auto rows = open(); const auto layout = recognise_sector_bulletin(*rows)) {
    const ValueUnit unit = begin_bulletin(*rows, format, layout->title, layout->vintage, builder, options);
    read_sector_bulletin(*layout, *rows, unit, gazetteer, builder);
    return true;
  }
  return false;
}

}  // namespace kexport::input
