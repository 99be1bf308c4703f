// JSON input: an array of record objects, {"records": [...]}, or JSON Lines. Parsed with
// nlohmann's SAX interface, which never recurses and never builds a document, and through an
// iterator that tracks the byte position so that every problem names its line and column. Records
// of the common flat shape, in JSON Lines or in an array, are read by a reader of their own
// (json_flat.hpp) that drives the same handler; a large JSON Lines file is read in a stretch per
// core.
#include <algorithm>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "json_flat.hpp"
#include "kexport/csv_reader.hpp"
#include "kexport/parallel.hpp"
#include "kexport/text.hpp"
#include "loaders.hpp"
#include "record_interpreter.hpp"

namespace kexport::input {
namespace {

// A character iterator that publishes how far the parser has read.
class TrackingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator() = default;
  TrackingIterator(const char* at, const char** cursor) : at_(at), cursor_(cursor) {}
  reference operator*() const { return *at_; }
  TrackingIterator& operator++() {
    ++at_;
    if (cursor_ != nullptr) *cursor_ = at_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackingIterator& other) const { return at_ == other.at_; }

 private:
  const char* at_ = nullptr;
  const char** cursor_ = nullptr;
};

// Counts lines up to increasing offsets in one pass over the text.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}
  std::uint64_t line_at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_)
      return std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1;
    line_ +=
        static_cast<std::uint64_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(offset_),
                                              text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    offset_ = offset;
    return line_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::uint64_t line_ = 1;
};

enum class Shape { records_array, single_object };

// Keys repeat on every record of a file: each is matched against the known headers once.
class HeaderCache {
 public:
  std::optional<HeaderMatch> match(std::string_view key) {
    for (const auto& [known, found] : entries_)
      if (known == key) return found;
    const std::optional<HeaderMatch> found = match_header(key);
    if (entries_.size() < 64) entries_.emplace_back(std::string(key), found);
    return found;
  }

 private:
  std::vector<std::pair<std::string, std::optional<HeaderMatch>>> entries_;
};

class RecordHandler : public nlohmann::json_sax<nlohmann::json> {
 public:
  RecordHandler(std::string_view text, std::size_t base, const char** cursor, const InputFile& file,
                RecordInterpreter& interpreter, DatasetBuilder& builder, const LoadOptions& options,
                Shape shape, LineCounter& lines, HeaderCache& headers)
      : text_(text),
        base_(base),
        cursor_(cursor),
        file_(file),
        interpreter_(interpreter),
        builder_(builder),
        options_(options),
        shape_(shape),
        lines_(lines),
        headers_(headers) {
    if (options.source) style_.default_source = *options.source;  // rows that name no source
    style_.flow = options.flow.value_or(Flow::exports);           // rows that name no flow
  }

  bool null() override { return scalar(std::nullopt); }
  bool boolean(bool) override {
    if (skip()) return true;
    if (in_record()) throw error_here("a true/false value; expected a string or a number");
    return scalar(std::nullopt);
  }
  bool number_integer(number_integer_t value) override { return scalar(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return scalar(std::to_string(value)); }
  bool number_float(number_float_t, const string_t& raw) override { return scalar(raw); }
  bool string(string_t& value) override { return scalar(std::string_view(value)); }
  bool binary(binary_t&) override { return true; }

  bool start_object(std::size_t) override {
    ++depth_;
    if (skip_container()) return true;
    if (in_record()) throw error_here("a nested object; expected a string or a number");
    if (depth_ == record_depth()) {
      begin_record();
      return true;
    }
    if (depth_ == 1) {  // {"records": [...]}
      wrapped_ = true;
      return true;
    }
    throw error_here("an object here; expected an array of records or {\"records\": [...]}");
  }
  bool end_object() override {
    if (!end_skipped_container() && in_record()) end_record();
    if (depth_ == 1 && wrapped_ && !saw_records_key_)
      throw error_here("an object without a \"records\" key; expected {\"records\": [...]}");
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (skip_container()) return true;
    if (in_record()) throw error_here("an array inside a record; expected a string or a number");
    if (shape_ == Shape::records_array && depth_ == record_depth() - 1) return true;
    throw error_here(shape_ == Shape::single_object ? "an array; expected one record object per line"
                                                    : "an array here; expected an array of records");
  }
  bool end_array() override {
    end_skipped_container();
    --depth_;
    return true;
  }
  bool key(string_t& name) override {
    if (skip()) return true;
    if (in_record()) {
      key_offset_ = position() >= name.size() + 2 ? position() - name.size() - 2 : position();
      const auto match = headers_.match(name);
      current_ = match ? std::optional<Field>(match->field) : std::nullopt;
      if (match && match->unit && !options_.unit) style_.unit = *match->unit;
      if (current_ && seen_[static_cast<std::size_t>(*current_)])
        throw error_at(key_offset_, "the key '" + name + "' a second time; expected each key once");
      return true;
    }
    // A key of the wrapping object: "records" holds the records, anything else is skipped whole.
    if (name == "records") {
      if (saw_records_key_) throw error_here("a second \"records\" key; expected one");
      saw_records_key_ = true;
    } else {
      skip_next_value_ = true;
    }
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) override {
    const std::size_t at = byte == 0 ? 0 : byte - 1;
    // 406: a number beyond what a double holds; nlohmann's message would repeat all its digits.
    if (e.id == 406)
      throw error_at(at, "a number too large; expected an amount below 92 233 720 368 547 758 dollars");
    // Otherwise keep what nlohmann says went wrong, without its prefix and position.
    std::string message = e.what();
    if (auto dash = message.find(" - "); dash != std::string::npos)
      message.erase(0, dash + 3);
    else if (auto bracket = message.find("] "); bracket != std::string::npos)
      message.erase(0, bracket + 2);
    if (message.size() > 160) message = message.substr(0, 160) + "…";
    throw error_at(at, "invalid JSON: " + message);
  }

 private:
  // Records sit in the top-level array (depth 2), or in {"records": [...]} (depth 3); a JSON
  // Lines record is the line's object (depth 1).
  int record_depth() const {
    if (shape_ == Shape::single_object) return 1;
    return wrapped_ ? 3 : 2;
  }
  bool in_record() const { return record_start_depth_ != 0; }
  std::size_t position() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }

  // Skipping the value of an unknown key of the wrapping object, whatever its shape.
  bool skip() const { return skip_depth_ != 0; }
  bool skip_container() {
    if (skip_next_value_) {
      skip_next_value_ = false;
      skip_depth_ = depth_;
    }
    return skip();
  }
  bool end_skipped_container() {
    if (!skip()) return false;
    if (depth_ == skip_depth_) skip_depth_ = 0;
    return true;
  }

  DataError error_at(std::size_t offset, const std::string& problem) const {
    const SourceLocation local = locate(text_, offset, file_.name);
    return DataError({file_.name, local.line + base_, local.column}, problem);
  }
  DataError error_here(const std::string& problem) const {
    return error_at(position() > 0 ? position() - 1 : 0, problem);
  }

  bool scalar(std::optional<std::string_view> text) {
    if (skip()) return true;
    if (skip_next_value_) {
      skip_next_value_ = false;
      return true;
    }
    if (!in_record()) throw error_here("a value outside a record; expected record objects");
    if (current_) {
      const auto index = static_cast<std::size_t>(*current_);
      seen_[index] = true;
      offsets_[index] = key_offset_;
      if (text) {
        values_[index].assign(text->data(), text->size());
        has_value_[index] = true;
      }
    }
    current_.reset();
    return true;
  }
  void begin_record() {
    record_start_depth_ = depth_;
    record_offset_ = position() > 0 ? position() - 1 : 0;
    seen_.fill(false);
    has_value_.fill(false);
    current_.reset();
  }
  void end_record() {
    record_start_depth_ = 0;
    const std::uint64_t line = lines_.line_at(record_offset_) + base_;
    // A JSON Lines record is added once its whole line has parsed (see flush()): a line that
    // breaks after its object is skipped whole, never half taken.
    if (shape_ == Shape::single_object) {
      pending_line_ = line;
      return;
    }
    add_record(line);
  }

 public:
  // Adds the line's record, once the line has parsed.
  void flush() {
    if (pending_line_) add_record(*pending_line_);
    pending_line_.reset();
  }

 private:
  void add_record(std::uint64_t line) {
    try {
      if (auto missing = RecordInterpreter::missing_fields(seen_); !missing.empty())
        throw error_at(record_offset_, missing + " in this record");
      RowFields row;
      for (std::size_t i = 0; i < field_count; ++i)
        if (has_value_[i]) row[i] = values_[i];
      try {
        constexpr auto imports = static_cast<std::size_t>(Field::imports);
        constexpr auto flow = static_cast<std::size_t>(Field::flow);
        // Imports beside the exports ("imports_usd"): a second record, of the other flow. Checked
        // before either is added, so that a refused record leaves nothing behind.
        if (has_value_[imports] && has_value_[static_cast<std::size_t>(Field::weight)])
          throw FieldError{Field::weight,
                           "a weight beside value_usd and imports_usd, which says whose weight it is; "
                           "expected a weight in a record of one flow"};
        if (has_value_[imports] && has_value_[flow])
          throw FieldError{Field::flow,
                           "a flow beside imports_usd; expected either a flow naming the record's, or "
                           "value_usd and imports_usd"};
        if (has_value_[imports])
          if (const AmountResult amount = parse_amount(values_[imports], style_.decimal, style_.unit);
              !amount.cents)
            throw FieldError{Field::imports, amount.problem};
        interpreter_.add(row, style_, static_cast<std::uint32_t>(line));
        if (has_value_[imports]) {
          row[static_cast<std::size_t>(Field::value)] = values_[imports];
          row[flow] = name_of(Flow::imports);
          try {
            interpreter_.add(row, style_, static_cast<std::uint32_t>(line));
          } catch (FieldError& error) {
            if (error.field == Field::value) error.field = Field::imports;
            throw;
          }
        }
      } catch (const FieldError& error) {
        throw error_at(offsets_[static_cast<std::size_t>(error.field)], error.problem);
      }
    } catch (const DataError& error) {
      if (!options_.skip_bad_rows) throw;
      builder_.skip(error.what(), options_.skipped_to_list);
    }
  }

  std::string_view text_;
  std::size_t base_;
  const char** cursor_;
  const InputFile& file_;
  RecordInterpreter& interpreter_;
  DatasetBuilder& builder_;
  const LoadOptions& options_;
  Shape shape_;
  LineCounter& lines_;
  HeaderCache& headers_;

  int depth_ = 0;
  int skip_depth_ = 0;
  bool skip_next_value_ = false;
  bool wrapped_ = false;
  bool saw_records_key_ = false;
  int record_start_depth_ = 0;
  std::size_t record_offset_ = 0;
  std::size_t key_offset_ = 0;
  std::optional<Field> current_;
  std::array<bool, field_count> seen_{};
  std::array<bool, field_count> has_value_{};
  std::array<std::size_t, field_count> offsets_{};
  std::array<std::string, field_count> values_;
  ValueStyle style_;
  std::optional<std::uint64_t> pending_line_;
};

void parse(std::string_view text, std::size_t base_line, const InputFile& file,
           RecordInterpreter& interpreter, DatasetBuilder& builder, const LoadOptions& options, Shape shape,
           LineCounter& lines, HeaderCache& headers) {
  const char* cursor = text.data();
  RecordHandler handler(text, base_line, &cursor, file, interpreter, builder, options, shape, lines, headers);
  TrackingIterator first(text.data(), &cursor);
  TrackingIterator last(text.data() + text.size(), nullptr);
  nlohmann::json::sax_parse(first, last, &handler);
  handler.flush();
}

// An object's members (json_flat.hpp) given to the handler as the general parser gives them, with
// the cursor where that parser's would be at each call: after a key's closing quote, after a value.
void feed_members(RecordHandler& handler, const char*& cursor, std::string_view text,
                  const std::vector<FlatMember>& members) {
  std::string key, value;
  for (const FlatMember& m : members) {
    cursor = text.data() + m.key_end;
    key.assign(m.key);
    handler.key(key);
    cursor = text.data() + m.value_end;
    switch (m.kind) {
      case FlatMember::Kind::string:
        value.assign(m.value);
        handler.string(value);
        break;
      case FlatMember::Kind::integer:
      case FlatMember::Kind::floating:
        // Integers as the general parser gives them (their digits: the flat reader takes only
        // those it writes back the same), floats as written.
        value.assign(m.value);
        handler.number_float(0.0, value);
        break;
      case FlatMember::Kind::null:
        handler.null();
        break;
    }
  }
}

// A JSON Lines line of the common shape, given to the same handler the general parser drives.
// False when the handler objects before the record is complete: the general parser then reads
// the line again and says why in its words.
bool parse_flat(std::string_view text, const std::vector<FlatMember>& members, std::size_t base_line,
                const InputFile& file, RecordInterpreter& interpreter, DatasetBuilder& builder,
                const LoadOptions& options, LineCounter& lines, HeaderCache& headers) {
  const char* cursor = text.data() + text.find('{') + 1;
  RecordHandler handler(text, base_line, &cursor, file, interpreter, builder, options, Shape::single_object,
                        lines, headers);
  try {
    handler.start_object(members.size());
    feed_members(handler, cursor, text, members);
    cursor = text.data() + text.rfind('}') + 1;
    handler.end_object();
  } catch (const DataError&) {
    return false;
  }
  handler.flush();
  return true;
}

// A JSON array of records of the common shape, known to be one (for_each_flat_record said so),
// given to the handler record by record as the general parser would give it. The handler's errors
// are the general parser's: the records before them are added alike, and the cursor is where its
// would be.
void parse_flat_array(std::string_view text, const InputFile& file, RecordInterpreter& interpreter,
                      DatasetBuilder& builder, const LoadOptions& options, LineCounter& lines,
                      HeaderCache& headers) {
  const char* cursor = text.data() + text.find('[') + 1;
  RecordHandler handler(text, 0, &cursor, file, interpreter, builder, options, Shape::records_array, lines,
                        headers);
  handler.start_array(0);
  std::vector<FlatMember> members;
  for_each_flat_record(text, members, [&](std::size_t open, std::size_t close) {
    cursor = text.data() + open + 1;
    handler.start_object(members.size());
    feed_members(handler, cursor, text, members);
    cursor = text.data() + close + 1;
    handler.end_object();
  });
  cursor = text.data() + text.rfind(']') + 1;
  handler.end_array();
}

}  // namespace

void load_json(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
               const LoadOptions& options, JsonReader reader) {
  const std::string_view text = checked_text(file);
  builder.begin_file(file.name, "json");
  if (trim(text).empty())
    throw DataError({file.name, 1, 1}, "the file is empty; expected a JSON array of records");
  RecordInterpreter interpreter(gazetteer, builder);
  LineCounter lines(text);
  HeaderCache headers;
  // An array of flat records, the common shape, is read without the general parser; whether the
  // file is one is known before a record is read, so that nothing is read twice.
  std::vector<FlatMember> members;
  if (reader == JsonReader::flat_where_possible &&
      for_each_flat_record(text, members, [](std::size_t, std::size_t) {}))
    return parse_flat_array(text, file, interpreter, builder, options, lines, headers);
  parse(text, 0, file, interpreter, builder, options, Shape::records_array, lines, headers);
}

namespace {

// Below this many bytes, threads cost more than they save.
constexpr std::size_t parallel_threshold = 4 << 20;

// The lines of text[begin, end), the first of which is line `first_line` (from 0), into the builder.
void read_lines(std::string_view text, std::size_t begin, std::size_t end, std::uint64_t first_line,
                const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
                const LoadOptions& options, bool flat) {
  RecordInterpreter interpreter(gazetteer, builder);
  HeaderCache headers;
  std::vector<FlatMember> members;
  std::uint64_t line = first_line;
  while (begin < end) {
    std::size_t stop = text.find('\n', begin);
    if (stop == std::string_view::npos || stop > end) stop = end;
    const std::string_view content = text.substr(begin, stop - begin);
    if (!trim(content).empty()) {
      LineCounter lines(content);
      try {
        if (!flat || !read_flat_record(content, members) ||
            !parse_flat(content, members, line, file, interpreter, builder, options, lines, headers))
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
  const std::string_view text = checked_text(file);
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
  for (std::size_t i = 1; i < stretches; ++i)
    first_line[i] = first_line[i - 1] + static_cast<std::uint64_t>(std::count(
                                            text.begin() + static_cast<std::ptrdiff_t>(cuts[i - 1]),
                                            text.begin() + static_cast<std::ptrdiff_t>(cuts[i]), '\n'));
  std::vector<std::unique_ptr<DatasetBuilder>> parts(stretches);
  std::vector<std::exception_ptr> failures(stretches);
  run_parallel(stretches, [&](std::size_t i) {
    parts[i] = std::make_unique<DatasetBuilder>();
    parts[i]->begin_file(file.name, "jsonl");
    if (const auto focus = builder.focus()) parts[i]->focus_on(*focus);
    try {
      read_lines(text, cuts[i], cuts[i + 1], first_line[i], file, gazetteer, *parts[i], options, flat);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (std::size_t i = 0; i < stretches; ++i) {
    if (failures[i]) std::rethrow_exception(failures[i]);
    std::vector<std::string>& problems = builder.current_file().problems;
    const std::vector<std::string>& found = parts[i]->current_file().problems;
    problems.insert(problems.end(), found.begin(), found.end());
    builder.absorb(std::move(*parts[i]));
  }
}

}  // namespace kexport::input
