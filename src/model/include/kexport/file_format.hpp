// How a data file writes its text and numbers, each with one way to name it and one to read the
// name back: the command line's options, validate's report and the cache all use these.
#pragma once

#include <optional>
#include <string_view>

namespace kexport {

// How a file writes numbers: 291804236.45 (point) or 291.804.236,45 (Turkish comma style).
enum class DecimalStyle { point, comma };
// The unit a value column is in.
enum class ValueUnit { dollars, thousand_dollars };
// A CSV file's text encoding (JSON is UTF-8 by definition).
enum class TextEncoding { utf8, windows1254 };
// How a table is laid out: a value column (long), or months as columns (wide).
enum class Layout { long_table, wide };

std::string_view name_of(DecimalStyle style);     // "point", "comma"
std::string_view name_of(ValueUnit unit);         // "USD", "thousand USD"
std::string_view name_of(TextEncoding encoding);  // "UTF-8", "Windows-1254"
std::string_view name_of(Layout layout);          // "long", "wide"

// The names above, and the command line's spellings, in any case: "point"; "usd", "thousand";
// "utf-8", "utf8", "windows-1254", "cp1254"; "long", "wide". Empty for anything else.
std::optional<DecimalStyle> parse_decimal_style(std::string_view name);
std::optional<ValueUnit> parse_unit(std::string_view name);
std::optional<TextEncoding> parse_encoding(std::string_view name);
std::optional<Layout> parse_layout(std::string_view name);

}  // namespace kexport
