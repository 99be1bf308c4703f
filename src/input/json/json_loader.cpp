// JSON input: an array of record objects, {"records": [...]}, or JSON Lines. Parsed with
// nlohmann's SAX interface, which never recurses and never builds a document, and through an
// iterator that tracks the byte position so that every problem names its line and column. Records
// of the common flat shape, in JSON Lines or in an array, are read by a reader of their own
// (json_flat.hpp) that drives the same handler; a large JSON Lines file is read in a stretch per
// core.
#include <iterator>
#include <nlohmann/json.hpp>

#include "csv/csv_reader.hpp"
#include "io/bytes.hpp"
#include "io/stretches.hpp"
#include "json/json_handler.hpp"
#include "json/json_parse.hpp"
#include "kexport/model/parallel.hpp"
#include "kexport/model/text.hpp"
#include "loaders.hpp"
#include "table/record_interpreter.hpp"

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

}  // namespace

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

namespace {

// An object's members (json_flat.hpp) given to the handler as the general parser gives them, with
// the cursor where that parser's would be at each call: after a key's closing quote, after a value.
void feed_members(RecordHandler& handler, const char*& cursor, std::string_view text,
                  const std::vector<FlatMember>& members) {
  for (const FlatMember& m : members) {
    cursor = text.data() + m.key_end;
    handler.flat_key(m.key);
    cursor = text.data() + m.value_end;
    // Integers as the general parser gives them (their digits: the flat reader takes only those
    // it writes back the same), floats and strings as written.
    if (m.kind == FlatMember::Kind::null)
      handler.null();
    else
      handler.flat_value(m.value);
  }
}

}  // namespace

FlatLineParser::FlatLineParser(const InputFile& file, RecordInterpreter& interpreter, DatasetBuilder& builder,
                               const LoadOptions& options, HeaderCache& headers) {
  handler_ = std::make_unique<RecordHandler>(std::string_view(), 0, &cursor_, file, interpreter, builder,
                                             options, Shape::single_object, no_line_yet_, headers);
}

FlatLineParser::~FlatLineParser() = default;

bool FlatLineParser::parse(std::string_view text, const std::vector<FlatMember>& members,
                           std::size_t base_line, LineCounter& lines) {
  handler_->retarget(text, base_line, lines);
  cursor_ = text.data() + text.find('{') + 1;
  try {
    handler_->start_object(members.size());
    feed_members(*handler_, cursor_, text, members);
    cursor_ = text.data() + text.rfind('}') + 1;
    handler_->end_object();
  } catch (const DataError&) {
    return false;
  }
  handler_->flush();
  return true;
}

namespace {

// The keys records name, in order: whether every record names those of the first. A key's unit
// ("Değer (bin $)") holds from its record on, so an array is cut into stretches only where every
// record names the same keys as every other.
class KeySequence {
 public:
  void note(const std::vector<FlatMember>& members) {
    if (!seen_) {
      seen_ = true;
      for (const FlatMember& m : members) keys_.emplace_back(m.key);
    } else if (uniform_) {
      uniform_ = members.size() == keys_.size() &&
                 std::equal(members.begin(), members.end(), keys_.begin(),
                            [](const FlatMember& m, const std::string& key) { return m.key == key; });
    }
  }
  [[nodiscard]] bool uniform() const { return uniform_; }
  [[nodiscard]] const std::vector<std::string>& keys() const { return keys_; }

 private:
  bool seen_ = false;
  bool uniform_ = true;
  std::vector<std::string> keys_;
};

// Records of a JSON array of the common shape from the one starting at `begin` to the one starting
// at or after `end`, given to a handler record by record as the general parser would give them,
// their keys noted in `keys`. The handler's errors are the general parser's: the records before
// them are added alike, and the cursor is where its would be.
FlatRun parse_flat_records(const DecodedText& decoded, std::size_t begin, std::size_t end,
                           const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
                           const LoadOptions& options, KeySequence& keys) {
  const std::string_view text = decoded.text;
  RecordInterpreter interpreter(gazetteer, builder);
  LineCounter lines(text, begin, decoded.line_ends_before(begin) + 1);
  HeaderCache headers;
  const char* cursor = text.data() + begin;
  RecordHandler handler(text, 0, &cursor, file, interpreter, builder, options, Shape::records_array, lines,
                        headers);
  handler.start_array(0);
  std::vector<FlatMember> members;
  PageReleaser released(file, text, begin);
  return for_each_flat_record_from(text, begin, end, members, [&](std::size_t open, std::size_t close) {
    released.read_up_to(open);
    keys.note(members);
    cursor = text.data() + open + 1;
    handler.start_object(members.size());
    feed_members(handler, cursor, text, members);
    cursor = text.data() + close + 1;
    handler.end_object();
  });
}

constexpr auto space = " \t\r\n";

// A large array read at once in a stretch per core, without a pass to learn its shape first: the
// text is cut before a '{' that follows a comma, and each stretch read from its cut into a builder
// of its own. The reading is taken only if the stretches join up into one array of flat records —
// each ending where the next begins, the last at the closing bracket (a cut inside a string, or
// anywhere else but before a record, cannot join) — every record naming the same keys and no
// stretch having failed. Else false, nothing added: the file is then read as any other.
bool read_array_at_once(const DecodedText& decoded, const InputFile& file, const Gazetteer& gazetteer,
                        DatasetBuilder& builder, const LoadOptions& options, unsigned cores) {
  const std::string_view text = decoded.text;
  std::size_t first = text.find_first_not_of(space);
  if (first == std::string_view::npos || text[first] != '[') return false;
  first = text.find_first_not_of(space, first + 1);
  if (first == std::string_view::npos || text[first] != '{') return false;
  std::vector<std::size_t> starts = {first};
  for (unsigned k = 1; k < cores; ++k)
    for (std::size_t at = std::max(text.size() / cores * k, starts.back() + 1);;) {
      const std::size_t open = text.find('{', at);
      if (open == std::string_view::npos) break;
      const std::size_t before = text.find_last_not_of(space, open - 1);  // '[' at least
      if (before != std::string_view::npos && text[before] == ',') {
        starts.push_back(open);
        break;
      }
      at = open + 1;
    }
  if (starts.size() < 2) return false;
  starts.push_back(text.size());
  const std::size_t count = starts.size() - 1;
  std::vector<FlatRun> runs(count);
  std::vector<KeySequence> keys(count);
  Stretches stretches =
      read_stretches(count, file.name, "json", builder, [&](std::size_t i, DatasetBuilder& part) {
        runs[i] =
            parse_flat_records(decoded, starts[i], starts[i + 1], file, gazetteer, part, options, keys[i]);
      });
  for (std::size_t i = 0; i < count; ++i) {
    const bool joins = i + 1 < count ? runs[i].end == FlatRun::End::next_record && runs[i].at == starts[i + 1]
                                     : runs[i].end == FlatRun::End::array_end;
    if (stretches.failures[i] || !joins || !keys[i].uniform() || keys[i].keys() != keys[0].keys())
      return false;
  }
  take_stretches(builder, std::move(stretches));
  return true;
}

}  // namespace

void load_json(const InputFile& file, const Gazetteer& gazetteer, DatasetBuilder& builder,
               const LoadOptions& options, JsonReader reader) {
  const DecodedText decoded = checked_text(file);
  const std::string_view text = decoded.text;
  builder.begin_file(file.name, "json");
  if (trim(text).empty())
    throw DataError({file.name, 1, 1}, "the file is empty; expected a JSON array of records");
  // An array of flat records, the common shape, is read without the general parser: a large one
  // in a stretch per core at once, the others (and those the stretches could not read) once their
  // shape is known, so that no record is added before it is.
  const unsigned cores = text.size() >= parallel_threshold ? thread_count(options.threads) : 1;
  if (reader == JsonReader::flat_where_possible && cores > 1 &&
      read_array_at_once(decoded, file, gazetteer, builder, options, cores))
    return;
  std::vector<FlatMember> members;
  std::optional<std::size_t> first;
  PageReleaser checked(file, text, 0);
  if (reader == JsonReader::flat_where_possible &&
      for_each_flat_record(text, members, [&](std::size_t open, std::size_t) {
        if (!first) first = open;
        checked.read_up_to(open);
      })) {
    KeySequence keys;
    if (first) parse_flat_records(decoded, *first, text.size(), file, gazetteer, builder, options, keys);
    return;
  }
  RecordInterpreter interpreter(gazetteer, builder);
  LineCounter lines(text);
  HeaderCache headers;
  parse(text, 0, file, interpreter, builder, options, Shape::records_array, lines, headers);
}

}  // namespace kexport::input
