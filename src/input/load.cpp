#include "kexport/input/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "formats.hpp"
#include "io/decode.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/parallel.hpp"
#include "loaders.hpp"
#include "table/sheet_layout.hpp"

namespace kexport {

namespace input {

DecodedText checked_text(const InputFile& file) {
  // JSON is UTF-8 by definition (RFC 8259): no other encoding is guessed.
  return decode_text(file, TextEncoding::utf8);
}

}  // namespace input

namespace {

// One file, whatever its format, into the builder.
void load_file(const InputFile& file, const input::FormatRow& format, const Gazetteer& gazetteer,
               DatasetBuilder& builder, const LoadOptions& options) {
  if (format.check) format.check(file);
  const std::size_t first = builder.file_count();
  format.load(file, gazetteer, builder, options);
  // The release of a file (each sheet of a workbook): the one its rows state in a `vintage`
  // column, which a date in its title must not contradict; else its title's; else a date in its
  // name; else --vintage's.
  const std::optional<Vintage> named = input::file_name_vintage(file.name);
  for (std::size_t i = first; i < builder.file_count(); ++i) {
    LoadedFile& loaded = builder.file(i);
    if (const std::optional<StatedVintage> stated = builder.stated_vintage(i)) {
      if (loaded.vintage != unknown_vintage && loaded.vintage != stated->vintage)
        throw DataError({loaded.name, stated->line, 0, loaded.is_sheet()},
                        fmt::format("release {} in the vintage column, while the title says {}; expected "
                                    "one release per file",
                                    vintage_iso(stated->vintage), vintage_iso(loaded.vintage)));
      loaded.vintage = stated->vintage;
      loaded.vintage_from = "vintage column";
    }
    if (loaded.vintage != unknown_vintage) continue;
    if (named) {
      loaded.vintage = *named;
      loaded.vintage_from = "file name";
    } else if (options.vintage) {
      loaded.vintage = *options.vintage;
      loaded.vintage_from = "--vintage";
    }
  }
}

// Each file's format, found once.
using Formats = std::vector<const input::FormatRow*>;

bool all_text(const Formats& formats) {
  return std::all_of(formats.begin(), formats.end(), [](const input::FormatRow* f) { return f->is_text; });
}

// Files of text (a directory of monthly CSV files, say) read at once, each by a thread into its own
// builder, then taken over whole in their order: the dataset is the one a reading in order makes.
// A file that fails fails the load as it would in order: the first failing file's error is thrown.
void load_text_files_in_parallel(const std::vector<InputFile>& files, const Formats& formats,
                                 const Gazetteer& gazetteer, DatasetBuilder& builder,
                                 const LoadOptions& options) {
  std::vector<std::unique_ptr<DatasetBuilder>> parts(files.size());
  std::vector<std::exception_ptr> failures(files.size());
  for_each_parallel(files.size(), options.threads, [&](std::size_t i) {
    parts[i] = std::make_unique<DatasetBuilder>();
    if (const auto focus = builder.focus()) parts[i]->focus_on(*focus);
    try {
      load_file(files[i], *formats[i], gazetteer, *parts[i], options);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (failures[i]) std::rethrow_exception(failures[i]);
    builder.absorb_file(std::move(*parts[i]));
    parts[i].reset();
  }
}

// The files into `builder`: at once when there are several of text and cores to read them.
void load_files(const std::vector<InputFile>& files, const Formats& formats, DatasetBuilder& builder,
                const LoadOptions& options) {
  const Gazetteer& gazetteer = Gazetteer::builtin();
  if (files.size() > 1 && thread_count(options.threads) > 1 && all_text(formats)) {
    load_text_files_in_parallel(files, formats, gazetteer, builder, options);
    return;
  }
  for (std::size_t i = 0; i < files.size(); ++i)
    load_file(files[i], *formats[i], gazetteer, builder, options);
}

}  // namespace

Dataset load_dataset(const std::vector<InputFile>& files, const LoadOptions& options) {
  // Keeping only one province's records (and the others' monthly totals) is sound for tables of
  // text, whose files give each month once (checked: see DatasetBuilder::focus_on); a workbook's
  // sheets may repeat a month in other shapes.
  Formats formats;
  formats.reserve(files.size());
  for (const InputFile& file : files) formats.push_back(&input::format_row(detect_format(file)));
  const bool tables_of_text = !files.empty() && all_text(formats);
  DatasetBuilder builder;
  if (options.focus_province && tables_of_text) builder.focus_on(*options.focus_province);
  if (options.totals_only && tables_of_text) builder.totals_only();
  load_files(files, formats, builder, options);
  if (builder.focus_overlaps()) {
    // Two files gave the same month of another province (a revision, say): every record is kept.
    builder = DatasetBuilder();
    load_files(files, formats, builder, options);
  }
  return std::move(builder).finish(options.collect_problems, options.threads);
}

}  // namespace kexport
