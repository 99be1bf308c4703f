// How a data file writes its text and numbers, each with one way to name it and one to read the
// name back: the command line's options, validate's report and the cache all use these.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kexport {

// How a file writes numbers: 291804236.45 (point) or 291.804.236,45 (Turkish comma style).
enum class DecimalStyle { point, comma };
// The unit a value column is in.
enum class ValueUnit { dollars, thousand_dollars, million_dollars };
// A CSV file's text encoding (JSON is UTF-8 by definition).
enum class TextEncoding { utf8, windows1254 };
// How a table is laid out: a value column (long), months as columns (wide), or one of TİM's
// bulletin templates (bulletin).
enum class Layout { long_table, wide, bulletin };
// Which way the goods went: exports (the default of a file that does not say) or imports. The two
// are never added together.
enum class Flow : std::uint8_t { exports = 0, imports = 1 };
inline constexpr std::size_t flow_count = 2;

std::string_view name_of(DecimalStyle style);     // "point", "comma"
std::string_view name_of(ValueUnit unit);         // "USD", "thousand USD"
std::string_view name_of(TextEncoding encoding);  // "UTF-8", "Windows-1254"
std::string_view name_of(Layout layout);          // "long", "wide"
std::string_view name_of(Flow flow);              // "export", "import"

// The names above, and the command line's spellings, in any case: "point"; "usd", "thousand";
// "utf-8", "utf8", "windows-1254", "cp1254"; "long", "wide"; "export", "exports", "ihracat",
// "import", "imports", "ithalat". Empty for anything else.
std::optional<DecimalStyle> parse_decimal_style(std::string_view name);
std::optional<ValueUnit> parse_unit(std::string_view name);
std::optional<TextEncoding> parse_encoding(std::string_view name);
std::optional<Layout> parse_layout(std::string_view name);
std::optional<Flow> parse_flow(std::string_view name);

}  // namespace kexport
