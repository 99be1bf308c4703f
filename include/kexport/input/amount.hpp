// Amounts of money as written in files, parsed exactly into integer cents (no floating point).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kexport/model/dataset.hpp"
#include "kexport/model/file_format.hpp"

namespace kexport {

struct AmountResult {
  std::optional<Cents> cents;
  std::string problem;   // why not, when cents is empty: "... ; expected ..."
  bool rounded = false;  // a float artefact within 1e-9 of a cent, rounded to it
};

// What one written number says about the file's style: "1.234,5" says comma, "1234.56" point,
// "1.234" could be either, "1234" says nothing.
enum class NumberEvidence { none, point, comma, ambiguous };
NumberEvidence number_evidence(std::string_view text);

// Parses a non-negative amount. Thousands separators are accepted only in groups of three
// ("291.804.236,45" in comma style, "291,804,236.45" in point style). Numbers as programs write
// them are read as written, in decimal: an exponent ("1e3", "2.9180423645E8") is exact when it
// makes a whole number of cents; a float artefact ("0.30000000000000004") within 1e-9 of a cent
// is rounded to it (`rounded`). A value that is otherwise not a whole number of cents after
// scaling, negative, not finite or beyond int64 cents is refused.
AmountResult parse_amount(std::string_view text, DecimalStyle style, ValueUnit unit);

}  // namespace kexport
