// Loaders: files in, one Dataset out. Parsers take bytes, so tests and fuzzers feed them directly;
// read_input() and read_listed() are the only functions that touch the disk.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kexport/input/amount.hpp"
#include "kexport/model/dataset.hpp"

namespace kexport {

enum class InputFormat { automatic, csv, json, jsonl, xlsx, xls, ods, xlsb };

struct LoadOptions {
  bool skip_bad_rows = false;        // carry on past malformed rows, counting and listing them
  std::size_t skipped_to_list = 20;  // how many skipped rows to keep for the report
  // Collect every malformed row into LoadedFile::problems instead of stopping (validate).
  bool collect_problems = false;
  // Overrides of what is otherwise detected per file.
  std::optional<DecimalStyle> decimal;
  std::optional<ValueUnit> unit;
  std::optional<TextEncoding> encoding;
  // The source of rows that do not name one (--source).
  std::optional<std::string> source;
  // The basis of rows of files that do not state theirs (--basis); else the source's convention.
  std::optional<Basis> basis;
  // The release of files that give none in their title or name (--vintage).
  std::optional<Vintage> vintage;
  // The flow of rows whose file says nothing of theirs (--flow): no flow column, no column of
  // imports, no title naming one. Exports when not given.
  std::optional<Flow> flow;
  // A question about one province: from a single file, keep all of its records but only the
  // monthly totals of the others (see DatasetBuilder::focus_on). Ignored for several files. The
  // other provinces' rows are checked for what their totals need (month, province, amount), not
  // for their country and sector names.
  std::optional<ProvinceId> focus_province;
  // A question about provinces' totals only (rank, Turkey's series): from a single file, keep
  // just the monthly total of every province.
  bool totals_only = false;
  // Threads for reading a large file; 0: one per core.
  unsigned threads = 0;
  // The sheets of a workbook to read, by name or 1-based number (--sheet); all when empty.
  std::vector<std::string> sheets;
};

// One input, in memory: bytes of its own (standard input, tests, fuzzers) or a read-only map of
// a file on disk, which costs no copy and whose pages the loaders can hand back once read.
struct InputFile {
  InputFile() = default;
  InputFile(std::string file_name, std::string content, InputFormat file_format = InputFormat::automatic)
      : name(std::move(file_name)), bytes(std::move(content)), format(file_format) {}

  std::string name;  // for messages: the path as given, or "-"
  std::string bytes;
  InputFormat format = InputFormat::automatic;
  std::shared_ptr<const void> mapping;  // keeps `mapped` valid
  std::string_view mapped;
  // The mapped file, still open, for a large file: a pass that only checks the bytes reads them
  // with pread() rather than through the mapping, whose pages are then touched once, by the parse.
  std::shared_ptr<const int> descriptor;

  [[nodiscard]] std::string_view view() const { return mapping ? mapped : std::string_view(bytes); }
};

// A regular file mapped read-only, kept mapped while `mapping` lives. Nothing for what cannot be
// mapped (not a regular file, empty); throws std::system_error when the file cannot be opened.
struct MappedBytes {
  std::shared_ptr<const void> mapping;
  std::string_view bytes;
  std::shared_ptr<const int> descriptor;  // for map_readonly(path, true) of a large file
};
// With `keep_descriptor`, a file of 8 MiB or more stays open as `descriptor` while it lives (a
// few dozen files at a time at most, so that a directory of large files cannot exhaust the
// process's descriptors).
std::optional<MappedBytes> map_readonly(const std::string& path, bool keep_descriptor = false);
// The same for a regular file already open (and checked) as `fd`, of `size` bytes; closes `fd`
// (or keeps it as `descriptor`, as map_readonly does).
std::optional<MappedBytes> map_descriptor(int fd, std::size_t size, bool keep_descriptor = false);
// A mapping is undone when the last MappedBytes or InputFile holding it goes. A process that
// exits once its work is done (the command line) may keep every mapping to its end instead: the
// exit undoes them at once, where undoing a directory of a thousand files one by one costs a TLB
// shootdown on every core for each.
void keep_mappings_until_exit();

// Reads a path: a file, a directory (its files of the extensions_read(), sorted by name, not
// recursive), or "-" for standard input. Throws Error(no_input) when
// missing or unreadable.
std::vector<InputFile> read_input(const std::string& path);

// The files a path names: the path itself, or a directory's data files sorted by name, and the
// directory's other entries. Throws Error(no_input) as read_input() does.
struct InputListing {
  std::vector<std::string> files;
  std::vector<PassedOver> passed_over;
  // Where each file was found: the index of the path given that named it, and whether that path
  // is a directory (the file one of its entries) or the file itself.
  struct Origin {
    std::size_t path = 0;
    bool in_directory = false;
  };
  std::vector<Origin> origins;
};
InputListing list_input(const std::string& path);
InputListing list_inputs(const std::vector<std::string>& paths);

// list_input(path).files.
std::vector<std::string> input_files(const std::string& path);

// Parses the files in order into one dataset. A record that a later file repeats replaces the
// earlier one (a revision); the same record twice in one file is a DataError.
Dataset load_dataset(const std::vector<InputFile>& files, const LoadOptions& options = {});

// The files a listing names, read (or standard input, for "-"), in its order: no directory is
// listed again.
std::vector<InputFile> read_listed(const InputListing& listed);

// The format a file's name or content suggests.
InputFormat detect_format(const InputFile& file);

// The extensions of the files a directory's listing reads, in any case: .csv, .tsv, …, .ods.
std::vector<std::string_view> extensions_read();
// The same as text for people: ".csv, .tsv, … .xls<last_joiner>.ods".
std::string extensions_read_text(std::string_view last_joiner);

}  // namespace kexport
