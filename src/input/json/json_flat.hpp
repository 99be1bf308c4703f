// A JSON Lines record of the common shape, read without the general parser: one flat object whose
// keys are plain strings and whose values are plain strings, numbers or null. Anything else — an
// escape, a control character, a nested value, true or false, a number JSON does not allow, one
// with an exponent or an integer too long to be read exactly, text after the object — is left to the general
// parser, which also gives every error its message. What this reader accepts, the general parser reads the
// same.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace kexport::input {

struct FlatMember {
  enum class Kind { string, integer, floating, null };
  std::string_view key;
  std::size_t key_end = 0;  // just past the key's closing quote
  Kind kind = Kind::null;
  std::string_view value;     // a string's content, or a number as written
  std::size_t value_end = 0;  // just past the value
};

// The members of `line` in order; false when the line is not of that shape.
bool read_flat_record(std::string_view line, std::vector<FlatMember>& members);

// A JSON file that is an array of such records: each(open, close) is called with the offsets of
// each object's braces, its members in `members` (offsets from the text's start). False when the
// text is not of that shape — found at any point: call it once without effects to know, then again.
bool for_each_flat_record(std::string_view text, std::vector<FlatMember>& members,
                          const std::function<void(std::size_t open, std::size_t close)>& each);

// How a run of records read by for_each_flat_record_from ended: at the record starting at or
// after its end (after a comma; `at` is where), at the array's closing bracket with nothing but
// white space after it, or at text not of the shape.
struct FlatRun {
  enum class End { next_record, array_end, not_flat } end = End::not_flat;
  std::size_t at = 0;
};

// The records of such an array from the one whose '{' is at `begin` up to, not including, the
// first that starts at or after `end`: each called as for for_each_flat_record.
FlatRun for_each_flat_record_from(std::string_view text, std::size_t begin, std::size_t end,
                                  std::vector<FlatMember>& members,
                                  const std::function<void(std::size_t open, std::size_t close)>& each);

}  // namespace kexport::input
