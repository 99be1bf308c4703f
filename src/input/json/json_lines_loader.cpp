// JSON Lines: a record per line, each line read on its own (json_loader.cpp's parsers), so that a
// broken line is one bad row; a large file is read in a stretch per core.
#include <algorithm>
#include <memory>

#include "io/bytes.hpp"
#include "io/stretches.hpp"
#include "json/json_parse.hpp"
#include "kexport/model/parallel.hpp"
#include "kexport/model/text.hpp"
#include "loaders.hpp"

namespace kexport::input {

namespace {

// The lines of text[begin, end), the first of which is line `first_line` (from 0), into the builder.
void read_lines(std::string_view text, std::size_t begin, std::size_t end, std::uint64_t first_line,
                const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
                const LoadOptions& options, bool flat) {
  RecordInterpreter interpreter(gazetteer, builder);
  HeaderCache headers;
  std::vector<FlatMember> members;
  FlatLineParser flat_lines(file, interpreter, builder, options, headers);
  std::uint64_t line = first_line;
  PageReleaser released(file, text, begin);
  while (begin < end) {
    released.read_up_to(begin);
    std::size_t stop = text.find('\n', begin);
    if (stop == std::string_view::npos || stop > end) stop = end;
    const std::string_view content = text.substr(begin, stop - begin);
    if (!trim(content).empty()) {
      LineCounter lines(content);
      try {
        if (!flat || !read_flat_record(content, members) || !flat_lines.parse(content, members, line, lines))
          parse(content, line, file, interpreter, builder, options, Shape::single_object, lines, headers);
      } catch (const DataError& error) {
        // A broken line is one bad row: skipped and listed, or collected for validate, like a
        // CSV row; only without either does it stop the run.
        if (options.collect_problems)
          builder.current_file().problems.emplace_back(error.what());
        else if (options.skip_bad_rows)
          builder.skip(error.what(), options.skipped_to_list);
        else
          throw;
      }
    }
    ++line;
    begin = stop + 1;
  }
}

}  // namespace

// A large file is cut at line ends into a stretch per core, each read by its own thread into its
// own builder; the builders are then taken over in the file's order, and the first stretch that
// failed fails the load, as a reading from the top would.
void load_json_lines(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
                     const LoadOptions& options, JsonReader reader) {
  const bool flat = reader == JsonReader::flat_where_possible;
  const DecodedText decoded = checked_text(file);
  const std::string_view text = decoded.text;
  builder.begin_file(file.name, "jsonl");
  std::vector<std::size_t> cuts = {0};
  const unsigned cores = thread_count(options.threads);
  if (cores > 1 && text.size() >= parallel_threshold)
    for (unsigned k = 1; k < cores; ++k) {
      const std::size_t newline = text.find('\n', std::max(text.size() * k / cores, cuts.back()));
      if (newline == std::string_view::npos) break;
      cuts.push_back(newline + 1);
    }
  cuts.push_back(text.size());
  if (cuts.size() == 2) return read_lines(text, 0, text.size(), 0, file, gazetteer, builder, options, flat);

  const std::size_t stretches = cuts.size() - 1;
  std::vector<std::uint64_t> first_line(stretches, 0);
  for (std::size_t i = 1; i < stretches; ++i) first_line[i] = decoded.line_ends_before(cuts[i]);
  read_in_stretches(stretches, file.name, "jsonl", builder, [&](std::size_t i, DatasetBuilder& part) {
    read_lines(text, cuts[i], cuts[i + 1], first_line[i], file, gazetteer, part, options, flat);
  });
}

}  // namespace kexport::input
