#include "kexport/model/basis.hpp"

#include <array>
#include <string>
#include <utility>

#include "kexport/model/text.hpp"

namespace kexport {

std::optional<Basis> conventional_basis(std::string_view canonical_source) {
  if (canonical_source == "TÜİK") return Basis::head_office;
  if (canonical_source == "TİM") return Basis::registration;
  return std::nullopt;
}

std::string_view basis_code(Basis basis) {
  switch (basis) {
    case Basis::head_office:
      return "head_office";
    case Basis::production_place:
      return "production_place";
    case Basis::registration:
      return "registration";
    case Basis::unstated:
      break;
  }
  return "unstated";
}

std::optional<Basis> parse_basis(std::string_view text) {
  // Folded: case, Turkish letters, spaces, hyphens and underscores aside.
  static const std::array<std::pair<std::string_view, Basis>, 17> names = {{
      {"headoffice", Basis::head_office},
      {"merkez", Basis::head_office},
      {"tuikmerkez", Basis::head_office},
      {"firmamerkezi", Basis::head_office},
      {"firmaninmerkezi", Basis::head_office},
      {"productionplace", Basis::production_place},
      {"production", Basis::production_place},
      {"uretimyeri", Basis::production_place},
      {"uretim", Basis::production_place},
      {"faaliyet", Basis::production_place},
      {"faaliyetili", Basis::production_place},
      {"registration", Basis::registration},
      {"exporterregistration", Basis::registration},
      {"kayit", Basis::registration},
      {"timkayit", Basis::registration},
      {"ihracatcibirligi", Basis::registration},
      {"unstated", Basis::unstated},
  }};
  const std::string folded = fold_name(text);
  for (const auto& [name, basis] : names)
    if (folded == name) return basis;
  return std::nullopt;
}

}  // namespace kexport
