// CSV as it comes: canonical long files, and the sheets TÜİK, TİM and the Ministry publish, saved
// as text — Turkish numbers and headers, Windows-1254. This file turns text into rows of cells: it
// decodes, finds the delimiter, and reads large files in stretches on all cores. What the cells
// mean is the sheet's business (sheet_layout, sheet_plan, sheet_rows), shared with spreadsheets.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "csv/csv_reader.hpp"
#include "io/bytes.hpp"
#include "io/decode.hpp"
#include "io/stretches.hpp"
#include "kexport/model/parallel.hpp"
#include "kexport/model/text.hpp"
#include "loaders.hpp"
#include "table/sheet_rows.hpp"

namespace kexport::input {
namespace {

// A CSV reader's records as rows of cells. As the reading moves on, pages already read go back to
// the system, so that a large file does not stay resident (errors found later still read their
// lines from the page cache).
class CsvRows final : public RowSource {
 public:
  CsvRows(CsvReader& reader, const InputFile& file)
      : reader_(reader), released_(file, reader.text(), reader.position()) {}

  bool next(std::vector<std::string_view>& cells) override {
    if (!reader_.next(cells)) return false;
    end_ = reader_.position();
    released_.read_up_to(reader_.record_offset());
    return true;
  }
  [[nodiscard]] SourceLocation location_of_cell(std::size_t column) const override {
    return reader_.location_of_field(column);
  }
  [[nodiscard]] std::uint64_t row_line() const override { return reader_.record_line(); }
  [[nodiscard]] const std::string& file_name() const override { return reader_.file_name(); }
  // Where the last row read whole ended.
  [[nodiscard]] std::size_t end() const { return end_; }

 private:
  CsvReader& reader_;
  PageReleaser released_;
  std::size_t end_ = 0;
};

// One stretch of the file, read on a thread of its own.
struct Stretch {
  explicit Stretch(const Gazetteer& gazetteer) : read(gazetteer) {}
  RowsRead read;
  std::size_t end = 0;  // where its last record ended
};

std::string delimiter_name(char delimiter) {
  return delimiter == '\t' ? "tab" : std::string(1, delimiter);
}

class CsvLoad {
 public:
  CsvLoad(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
          const LoadOptions& options)
      : file_(file),
        gazetteer_(gazetteer),
        builder_(builder),
        options_(options),
        decoded_(decode_text(file, options.encoding, options.threads)),
        delimiter_(detect_delimiter(decoded_.text)) {}

  void run() {
    builder_.begin_file(file_.name, "csv");
    LoadedFile& report = builder_.current_file();
    report.encoding = decoded_.encoding;
    report.byte_order_mark = decoded_.byte_order_mark;
    report.delimiter = delimiter_name(delimiter_);
    if (trim(decoded_.text).empty())
      throw DataError({file_.name, 1, 1}, "the file is empty; expected a header line naming the columns");

    CsvReader reader(decoded_.text, delimiter_, file_.name);
    CsvRows header_rows(reader, file_);
    plan_ = plan_sheet(find_layout(header_rows), file_.name, gazetteer_, options_);
    report.layout = plan_.layout.wide ? kexport::Layout::wide : kexport::Layout::long_table;
    report.title_rows = plan_.layout.title_rows;
    survey();
    report_plan(plan_, report);
    load(reader.position());
  }

 private:
  void survey() {
    CsvReader reader(decoded_.text, delimiter_, file_.name);
    std::vector<std::string_view> cells;
    for (std::size_t i = 0; i < plan_.layout.title_records + plan_.layout.header_rows; ++i)
      reader.next(cells);  // to the data
    CsvRows rows(reader, file_);
    if (!survey_rows(plan_, rows, options_)) read_tail_notes();
  }

  // The notes under a long file's data, when the amounts settled the number style before the
  // survey reached them: the last lines of the file are read for them.
  void read_tail_notes() {
    constexpr std::size_t tail = 64 << 10;
    const std::string_view text = decoded_.text;
    std::size_t begin = text.size() > tail ? text.find('\n', text.size() - tail) : 0;
    if (begin == std::string_view::npos) return;
    if (begin != 0) ++begin;
    CsvReader reader(text, delimiter_, file_.name, begin, text.size(), 1 + decoded_.line_ends_before(begin));
    std::vector<std::string_view> cells;
    try {
      while (reader.next(cells))
        if (is_note(cells)) read_note(plan_, cells);
    } catch (const DataError&) {
      // A cut inside a quoted field: the rows are read properly later; only notes are sought here.
    }
    settle_unit(plan_);  // a note may state the unit, or name TİM
  }

  // Cuts the data into stretches at line ends, one per core, each read by its own thread into its
  // own builder; the builders are then merged in file order. A line end inside a quoted field
  // would make a wrong cut: then a stretch's last record runs past the cut, which is seen
  // afterwards, and the file is read again from one thread.
  void load(std::size_t data_begin) {
    const std::string_view text = decoded_.text;
    const unsigned cores = thread_count(options_.threads);
    std::vector<std::size_t> bounds = {data_begin};
    if (cores > 1 && text.size() - data_begin >= parallel_threshold) {
      for (unsigned k = 1; k < cores; ++k) {
        const std::size_t at = data_begin + (text.size() - data_begin) * k / cores;
        const std::size_t newline = text.find('\n', std::max(at, bounds.back()));
        if (newline == std::string_view::npos) break;
        bounds.push_back(newline + 1);
      }
    }
    bounds.push_back(text.size());
    auto stretches = read_stretches(bounds);
    for (std::size_t i = 0; i + 1 < stretches.size(); ++i)
      if (stretches[i]->end > bounds[i + 1]) {
        stretches = read_stretches({data_begin, text.size()});
        break;
      }
    LoadedFile& report = builder_.current_file();
    for (auto& stretch : stretches) {
      RowsRead& read = stretch->read;
      if (read.failure) std::rethrow_exception(read.failure);
      report.note_rows += read.note_rows;
      report.group_rows += read.group_rows;
      report.total_mismatches.insert(report.total_mismatches.end(), read.total_mismatches.begin(),
                                     read.total_mismatches.end());
      report.problems.insert(report.problems.end(), read.problems.begin(), read.problems.end());
      builder_.absorb(std::move(read.builder));
    }
  }

  // Reads [bounds[i], bounds[i+1]) on a thread each.
  std::vector<std::unique_ptr<Stretch>> read_stretches(const std::vector<std::size_t>& bounds) const {
    std::vector<std::unique_ptr<Stretch>> stretches;
    for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
      stretches.push_back(std::make_unique<Stretch>(gazetteer_));
      stretches.back()->read.builder.begin_file(file_.name, "csv");
      if (const auto focus = builder_.focus()) stretches.back()->read.builder.focus_on(*focus);
    }
    // Line numbers: each stretch starts after the line ends of those before it, counted while
    // the text was checked.
    std::vector<std::uint64_t> first_line(bounds.size());
    for (std::size_t i = 0; i < bounds.size(); ++i) first_line[i] = 1 + decoded_.line_ends_before(bounds[i]);
    // Room for a record a line, as a long table has (the last may lack its line end): room
    // reserved and not filled is not memory used, while growing the records copies them.
    for (std::size_t i = 0; i < stretches.size(); ++i)
      stretches[i]->read.builder.reserve_records(
          static_cast<std::size_t>(first_line[i + 1] - first_line[i] + 1));
    const SheetRows sheet(plan_, options_);
    // A stretch's failure is kept with it: the file may yet be read again from one thread.
    run_parallel(stretches.size(), [&](std::size_t i) {
      Stretch& stretch = *stretches[i];
      CsvReader reader(decoded_.text, delimiter_, file_.name, bounds[i], bounds[i + 1], first_line[i]);
      CsvRows rows(reader, file_);
      try {
        sheet.read(rows, stretch.read);
      } catch (...) {
        stretch.read.failure = std::current_exception();
      }
      stretch.end = rows.end();
    });
    return stretches;
  }

  const InputFile& file_;
  const Gazetteer& gazetteer_;
  DatasetBuilder& builder_;
  const LoadOptions& options_;
  DecodedText decoded_;
  char delimiter_;
  SheetPlan plan_;
};

}  // namespace

void load_csv(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
              const LoadOptions& options) {
  CsvLoad(file, gazetteer, builder, options).run();
}

}  // namespace kexport::input
