#include "kexport/model/file_format.hpp"

#include <array>
#include <string>
#include <utility>

#include "kexport/model/text.hpp"

namespace kexport {
namespace {

// Each enum's names, the first of each value the one it is written by.
template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<DecimalStyle, 2> decimal_names{
    {{DecimalStyle::point, "point"}, {DecimalStyle::comma, "comma"}}};
constexpr Names<ValueUnit, 8> unit_names{{{ValueUnit::dollars, "USD"},
                                          {ValueUnit::thousand_dollars, "thousand USD"},
                                          {ValueUnit::million_dollars, "million USD"},
                                          {ValueUnit::dollars, "usd"},
                                          {ValueUnit::thousand_dollars, "thousand"},
                                          {ValueUnit::thousand_dollars, "thousandusd"},
                                          {ValueUnit::million_dollars, "million"},
                                          {ValueUnit::million_dollars, "millionusd"}}};
constexpr Names<TextEncoding, 5> encoding_names{{{TextEncoding::utf8, "UTF-8"},
                                                 {TextEncoding::windows1254, "Windows-1254"},
                                                 {TextEncoding::utf8, "utf8"},
                                                 {TextEncoding::windows1254, "cp1254"},
                                                 {TextEncoding::windows1254, "windows1254"}}};
constexpr Names<Layout, 3> layout_names{
    {{Layout::long_table, "long"}, {Layout::wide, "wide"}, {Layout::bulletin, "bulletin"}}};
constexpr Names<Flow, 6> flow_names{{{Flow::exports, "export"},
                                     {Flow::imports, "import"},
                                     {Flow::exports, "exports"},
                                     {Flow::imports, "imports"},
                                     {Flow::exports, "ihracat"},
                                     {Flow::imports, "ithalat"}}};

template <typename Enum, std::size_t N>
std::string_view name_in(const Names<Enum, N>& names, Enum value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_in(const Names<Enum, N>& names, std::string_view text) {
  const std::string folded = fold_name(text);
  for (const auto& [v, name] : names)
    if (fold_name(name) == folded) return v;
  return std::nullopt;
}

}  // namespace

std::string_view name_of(DecimalStyle style) {
  return name_in(decimal_names, style);
}
std::string_view name_of(ValueUnit unit) {
  return name_in(unit_names, unit);
}
std::string_view name_of(TextEncoding encoding) {
  return name_in(encoding_names, encoding);
}
std::string_view name_of(Layout layout) {
  return name_in(layout_names, layout);
}
std::string_view name_of(Flow flow) {
  return name_in(flow_names, flow);
}

std::optional<DecimalStyle> parse_decimal_style(std::string_view name) {
  return parse_in(decimal_names, name);
}
std::optional<ValueUnit> parse_unit(std::string_view name) {
  return parse_in(unit_names, name);
}
std::optional<TextEncoding> parse_encoding(std::string_view name) {
  return parse_in(encoding_names, name);
}
std::optional<Layout> parse_layout(std::string_view name) {
  return parse_in(layout_names, name);
}
std::optional<Flow> parse_flow(std::string_view name) {
  return parse_in(flow_names, name);
}

}  // namespace kexport
