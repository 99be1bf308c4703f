#include "table/workbook_loader.hpp"

#include <fmt/format.h>

#include "bulletin/bulletin.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/text.hpp"
#include "table/sheet_plan.hpp"
#include "table/sheet_rows.hpp"

namespace kexport::input {

std::vector<std::size_t> chosen_sheets(const std::vector<std::string>& names,
                                       const std::vector<std::string>& wanted, const std::string& file) {
  std::vector<std::size_t> chosen;
  if (wanted.empty()) {
    for (std::size_t i = 0; i < names.size(); ++i) chosen.push_back(i);
    return chosen;
  }
  for (const std::string& want : wanted) {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < names.size() && !found; ++i)
      if (names[i] == want || fold_name(names[i]) == fold_name(want)) found = i;
    if (!found && !want.empty() && want.find_first_not_of("0123456789") == std::string::npos) {
      const std::size_t number = std::stoul(want.substr(0, 9));
      if (number >= 1 && number <= names.size()) found = number - 1;
    }
    if (!found)
      throw Error(ExitCode::usage,
                  fmt::format("{}: no sheet '{}'; it has: {}", file, want, fmt::join(names, ", ")));
    if (std::find(chosen.begin(), chosen.end(), *found) == chosen.end()) chosen.push_back(*found);
  }
  return chosen;
}

bool load_sheet(const std::function<std::unique_ptr<RowSource>()>& open, const std::string& format,
                bool chosen, const Gazetteer& gazetteer, DatasetBuilder& builder,
                const LoadOptions& options) {
  if (load_bulletin(open, format, gazetteer, builder, options)) return true;
  std::unique_ptr<RowSource> rows = open();
  const std::string name = rows->file_name();
  builder.begin_file(name, format);
  Layout layout;
  try {
    layout = find_layout(*rows);
  } catch (const NoTable& error) {
    if (chosen) throw;
    builder.current_file().notes.push_back({FileNote::Kind::no_table, 0, error.problem()});
    return false;
  }
  SheetPlan plan = plan_sheet(std::move(layout), name, gazetteer, options);
  LoadedFile& report = builder.current_file();
  report.layout = plan.layout.wide ? kexport::Layout::wide : kexport::Layout::long_table;
  report.title_rows = plan.layout.title_rows;

  // The number style from the first telling amount; then the rows again from the first data row.
  const auto reopen_at_data = [&] {
    rows = open();
    std::vector<std::string_view> cells;
    for (std::size_t i = 0; i < plan.layout.title_records + plan.layout.header_rows; ++i) rows->next(cells);
  };
  survey_rows(plan, *rows, options);
  reopen_at_data();
  const auto read_once = [&] {
    auto into = std::make_unique<RowsRead>(gazetteer);
    into->builder.begin_file(name, format);
    if (const auto focus = builder.focus()) into->builder.focus_on(*focus);
    SheetRows(plan, options).read(*rows, *into);
    return into;
  };
  const auto read = [&] {
    try {
      return read_once();
    } catch (const UnsettledStyle&) {
      // A text amount below the amounts stored as numbers: the survey must see every row.
      reopen_at_data();
      survey_rows(plan, *rows, options, true);
      reopen_at_data();
      return read_once();
    }
  };
  auto into = read();
  // A source named in a note under the data, which the rows above it were read without: read them
  // again under it.
  if (!plan.source_named && into->note_source && *into->note_source != plan.style.default_source) {
    plan.style.default_source = *into->note_source;
    plan.source_named = true;
    settle_unit(plan);  // a table TİM names is in thousands by its convention
    reopen_at_data();
    into = read();
  }
  report_plan(plan, report);
  report.note_rows += into->note_rows;
  report.group_rows += into->group_rows;
  report.total_mismatches = std::move(into->total_mismatches);
  report.problems.insert(report.problems.end(), into->problems.begin(), into->problems.end());
  builder.absorb(std::move(into->builder));
  return true;
}

void load_workbook(const std::string& file, const std::vector<WorkbookSheet>& sheets, const OpenSheet& open,
                   const std::string& format, const Gazetteer& gazetteer, DatasetBuilder& builder,
                   const LoadOptions& options) {
  std::vector<std::string> names;
  for (const WorkbookSheet& sheet : sheets) names.push_back(sheet.name);
  if (names.empty())
    throw DataError({file, 0, 0}, "a workbook without worksheets; expected one with a table");
  // A sheet chosen by name, or the only one, must hold a table; others may be notes.
  const bool chosen = !options.sheets.empty() || sheets.size() == 1;
  std::size_t tables = 0, hidden_skipped = 0;
  for (const std::size_t index : chosen_sheets(names, options.sheets, file)) {
    // A hidden sheet is an old copy or a workspace more often than a table to publish: read only
    // when --sheet names it, and said by validate otherwise.
    if (sheets[index].hidden && options.sheets.empty()) {
      builder.begin_file(file + "[" + sheets[index].name + "]", format);
      builder.current_file().notes.push_back({FileNote::Kind::hidden_sheet_skipped, 0, {}});
      ++hidden_skipped;
      continue;
    }
    std::uint64_t hidden_rows = 0;
    const auto open_this = [&] { return open(index, hidden_rows); };
    const bool table = load_sheet(open_this, format, chosen, gazetteer, builder, options);
    if (!table) continue;
    ++tables;
    LoadedFile& report = builder.current_file();
    if (sheets[index].hidden) report.notes.push_back({FileNote::Kind::hidden_sheet, 0, {}});
    if (hidden_rows > 0) report.notes.push_back({FileNote::Kind::hidden_rows, hidden_rows, {}});
  }
  if (tables == 0 && hidden_skipped > 0)
    throw DataError({file, 0, 0},
                    fmt::format("no visible sheet holds a table ({}); hidden sheets are read only when "
                                "--sheet names them",
                                fmt::join(names, ", ")));
  if (tables == 0)
    throw DataError(
        {file, 0, 0},
        fmt::format("no sheet holds a table ({}); expected a header row naming the columns, e.g. İl, "
                    "Ülke, Değer, or months as columns",
                    fmt::join(names, ", ")));
}

}  // namespace kexport::input
