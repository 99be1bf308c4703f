// fmt's compiled part, built here from the header Debian's libfmt-dev ships for it
// (fmt/format-inl.h, the instantiations fmt's own src/format.cc makes) instead of linked from
// libfmt.so. Debian ships no static libfmt, and a shared fmt brings a shared libstdc++ with it:
// the two cost every run 2 ms of start-up on the benchmark's machine, as much as the rest of
// `kexport --version` (bench/results.md). Header-only fmt would compile this into every file
// instead, doubling their build time.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template FMT_API auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

template FMT_API locale_ref::locale_ref(const std::locale& loc);
template FMT_API auto locale_ref::get<std::locale>() const -> std::locale;

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                                 locale_ref);

}  // namespace detail
FMT_END_NAMESPACE
