// Turning a query's words into the dataset's ids, with the errors a person can act on.
#pragma once

#include <optional>
#include <string>

#include "kexport/analysis.hpp"
#include "kexport/dataset.hpp"
#include "kexport/gazetteer.hpp"

namespace kexport::compute {

// A province by name, alias or plate code. Error(usage) with "did you mean" when unknown.
ProvinceId resolve_province(const Gazetteer& gazetteer, const std::string& text);

// The source a question is about. Without a choice the data must hold only one source: sources
// count exports differently and are never added together. Error(usage) otherwise.
SourceId resolve_source(const Dataset& data, const std::optional<std::string>& wanted);

// A destination by name or code, as the dataset's id. Error(usage) with suggestions when neither
// the gazetteer nor the data knows it. A known country absent from the data gets no id: it bought
// nothing (the caller decides what that means).
std::optional<CountryId> resolve_country(const Dataset& data, const Gazetteer& gazetteer,
                                         const std::string& text);

// A sector by HS chapter number ("84", "08") or by a name: a chapter's, or a sector the data names.
std::uint8_t resolve_chapter(const Dataset& data, const Gazetteer& gazetteer, const std::string& text);

// The months a window covers, ending at `month`: the month itself, January to it, or the 12 to it.
std::pair<Period, Period> window_span(Window window, Period month);

// The month asked for, or the latest covered one. Error(unavailable) when the data lacks it.
Period resolve_month(const Dataset& data, SourceId source, const std::optional<Period>& wanted);

}  // namespace kexport::compute
