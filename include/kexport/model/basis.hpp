// The basis on which a province's figure is counted. Turkey publishes exports by province on three
// bases, different in level and in rank, which are never added or compared:
//   - the province of the exporting firm's head office (TÜİK's province tables since 2002);
//   - the province where the goods are produced, "faaliyet ili" (the Ministry of Trade's and
//     TÜİK's tables since January 2024);
//   - the province where the exporter is registered with its exporters' association (TİM).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kexport {

enum class Basis : std::uint8_t {
  unstated = 0,      // the file does not say, and its source has no convention
  head_office,       // "firmanın merkezinin bulunduğu il"
  production_place,  // "faaliyet ili", "üretim yeri"
  registration,      // the exporters' association the exporter is registered with
};
inline constexpr Basis last_basis = Basis::registration;

// The basis a source's tables have always used when they do not say: TÜİK counts by head office,
// TİM by registration. Nothing for another source.
std::optional<Basis> conventional_basis(std::string_view canonical_source);

// The machine name: "head_office", "production_place", "registration", "unstated".
std::string_view basis_code(Basis basis);

// A basis as people and files write it: the machine name, or a Turkish or English word for it
// ("merkez", "tuik-merkez", "uretim-yeri", "faaliyet", "tim-kayit", "kayıt", "head office").
std::optional<Basis> parse_basis(std::string_view text);

}  // namespace kexport
