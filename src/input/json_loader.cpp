// JSON input: an array of record objects, {"records": [...]}, or JSON Lines. Parsed with
// nlohmann's SAX interface, which never recurses and never builds a document, and through an
// iterator that tracks the byte position so that every problem names its line and column. Records
// of the common flat shape, in JSON Lines or in an array, are read by a reader of their own
// (json_flat.hpp) that drives the same handler; a large JSON Lines file is read in a stretch per
// core.
#include <iterator>
#include <nlohmann/json.hpp>

#include "json_handler.hpp"
#include "json_parse.hpp"
#include "kexport/csv_reader.hpp"
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

}  // namespace

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

namespace {

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

}  // namespace kexport::input
