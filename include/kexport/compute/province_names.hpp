// A province as a person names it, resolved once (by the application, before anything is loaded)
// into the id every query carries.
#pragma once

#include <string>

#include "kexport/model/dataset.hpp"
#include "kexport/model/gazetteer.hpp"

namespace kexport {

// A province by name, alias or plate code ("Kayseri", "KAYSERİ", "Urfa", "38"), or Türkiye as a
// whole (national_total). Error(usage) with "did you mean" when unknown.
ProvinceId resolve_province(const Gazetteer& gazetteer, const std::string& text);

}  // namespace kexport
