#include "json/json_flat.hpp"

namespace kexport::input {
namespace {

bool json_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool json_digit(char c) {
  return c >= '0' && c <= '9';
}

class Cursor {
 public:
  explicit Cursor(std::string_view text, std::size_t at = 0) : text_(text), at_(at) {}
  void skip_space() {
    while (at_ < text_.size() && json_space(text_[at_])) ++at_;
  }
  [[nodiscard]] bool done() const { return at_ >= text_.size(); }
  [[nodiscard]] char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  bool take(char c) {
    if (peek() != c || done()) return false;
    ++at_;
    return true;
  }
  // A string without escapes or control characters, past its opening quote; its content.
  bool plain_string(std::string_view& content) {
    const std::size_t begin = at_;
    while (at_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') {
        content = text_.substr(begin, at_ - begin);
        ++at_;
        return true;
      }
      if (c == '\\' || c < 0x20) return false;
      ++at_;
    }
    return false;
  }
  // A number as RFC 8259 writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  bool number(std::string_view& written, bool& integer) {
    const std::size_t begin = at_;
    take('-');
    if (take('0')) {
      if (json_digit(peek())) return false;
    } else {
      if (!json_digit(peek())) return false;
      while (json_digit(peek())) ++at_;
    }
    integer = true;
    if (take('.')) {
      integer = false;
      if (!json_digit(peek())) return false;
      while (json_digit(peek())) ++at_;
    }
    // An exponent may overflow a double, which the general parser reports: left to it.
    if (peek() == 'e' || peek() == 'E') return false;
    written = text_.substr(begin, at_ - begin);
    // An integer the general parser would turn into another text: "-0" (written 0), and those
    // whose size it decides by its range. Left to it.
    if (integer && (written == "-0" || written.size() > 18)) return false;
    return true;
  }
  bool word(std::string_view w) {
    if (text_.substr(at_, w.size()) != w) return false;
    at_ += w.size();
    return true;
  }
  [[nodiscard]] std::size_t offset() const { return at_; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

namespace {

// An object of the common shape at the cursor, its members' offsets counted from the text's start.
bool read_object(Cursor& in, std::vector<FlatMember>& members) {
  members.clear();
  if (!in.take('{')) return false;
  in.skip_space();
  if (in.take('}')) return true;
  for (;;) {
    FlatMember member;
    in.skip_space();
    if (!in.take('"') || !in.plain_string(member.key)) return false;
    member.key_end = in.offset();
    in.skip_space();
    if (!in.take(':')) return false;
    in.skip_space();
    const char c = in.peek();
    if (c == '"') {
      in.take('"');
      if (!in.plain_string(member.value)) return false;
      member.kind = FlatMember::Kind::string;
    } else if (c == '-' || json_digit(c)) {
      bool integer = false;
      if (!in.number(member.value, integer)) return false;
      member.kind = integer ? FlatMember::Kind::integer : FlatMember::Kind::floating;
    } else if (in.word("null")) {
      member.kind = FlatMember::Kind::null;
    } else {
      return false;  // an object, an array, true, false, or no value at all
    }
    member.value_end = in.offset();
    members.push_back(member);
    in.skip_space();
    if (in.take('}')) return true;
    if (!in.take(',')) return false;
  }
}

}  // namespace

bool read_flat_record(std::string_view line, std::vector<FlatMember>& members) {
  Cursor in(line);
  in.skip_space();
  if (!read_object(in, members)) return false;
  in.skip_space();
  return in.done();
}

bool for_each_flat_record(std::string_view text, std::vector<FlatMember>& members,
                          const std::function<void(std::size_t, std::size_t)>& each) {
  Cursor in(text);
  in.skip_space();
  if (!in.take('[')) return false;
  in.skip_space();
  if (!in.take(']')) {
    for (;;) {
      in.skip_space();
      const std::size_t open = in.offset();
      if (!read_object(in, members)) return false;
      each(open, in.offset() - 1);
      in.skip_space();
      if (in.take(']')) break;
      if (!in.take(',')) return false;
    }
  }
  in.skip_space();
  return in.done();
}

FlatRun for_each_flat_record_from(std::string_view text, std::size_t begin, std::size_t end,
                                  std::vector<FlatMember>& members,
                                  const std::function<void(std::size_t, std::size_t)>& each) {
  Cursor in(text, begin);
  for (;;) {
    in.skip_space();
    const std::size_t open = in.offset();
    if (open >= end) return {FlatRun::End::next_record, open};
    if (!read_object(in, members)) return {};
    each(open, in.offset() - 1);
    in.skip_space();
    if (in.take(']')) {
      in.skip_space();
      return in.done() ? FlatRun{FlatRun::End::array_end, in.offset()} : FlatRun{};
    }
    if (!in.take(',')) return {};
  }
}

}  // namespace kexport::input
