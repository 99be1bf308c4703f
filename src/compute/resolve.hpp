// Turning a query's words into the dataset's ids, with the errors a person can act on.
#pragma once

#include <optional>
#include <string>

#include "kexport/compute/analysis.hpp"
#include "kexport/compute/province_names.hpp"
#include "kexport/compute/summary.hpp"
#include "kexport/model/dataset.hpp"
#include "kexport/model/gazetteer.hpp"
#include "province_timeline.hpp"

namespace kexport::compute {

// The source, basis and flow a question is about. Without a choice of source and basis the data
// must hold only one source of the flow on one basis: sources and bases count differently and are
// never added together. Error(usage) otherwise; Error(unavailable) when the data holds no record
// of the flow (no imports at all, say).
Stream resolve_stream(const Dataset& data, const std::optional<std::string>& source,
                      const std::optional<Basis>& basis, Flow flow);

// A destination by name or code, as the dataset's id. Error(usage) with suggestions when neither
// the gazetteer nor the data knows it. A known country absent from the data gets no id: it bought
// nothing (the caller decides what that means).
std::optional<CountryId> resolve_country(const Dataset& data, const Gazetteer& gazetteer,
                                         const std::string& text);

// A sector by HS chapter number ("84", "08") or by a name: a chapter's, or a sector the data names.
std::uint8_t resolve_chapter(const Dataset& data, const Gazetteer& gazetteer, const std::string& text);

// The months a window covers, ending at `month`: the month itself, January to it, or the 12 to it.
std::pair<Period, Period> window_span(Window window, Period month);

// The month a question about one province (or Turkey, whose timeline says which months it
// knows) is about: the month asked for, or the latest month the timeline knows. Error(unavailable)
// when the data holds no record of the province at all, or says nothing of it in the month asked
// for. `passed_over` is set when "latest" could not be the data's latest month.
Period resolve_month(const Dataset& data, const Gazetteer& gazetteer, Stream stream, ProvinceId province,
                     const ProvinceTimeline& timeline, const std::optional<Period>& wanted,
                     std::optional<IncompleteMonth>& passed_over);

// The month a question about all provinces (rank) is about: it must be complete (every province
// known). The month asked for, or the latest complete one. Error(unavailable) otherwise, saying
// how many provinces the month holds and which month is complete.
Period resolve_complete_month(const Dataset& data, Stream stream, const std::optional<Period>& wanted,
                              std::optional<IncompleteMonth>& passed_over);

// Error(unavailable) when the timeline knows no month at all: the data holds no record of the
// province (naming the provinces it holds), or nothing that can speak for Turkey.
void require_known(const Dataset& data, const Gazetteer& gazetteer, Stream stream, ProvinceId province,
                   const ProvinceTimeline& timeline);

// Error(unavailable): the data holds no month that can speak for Turkey as a whole.
[[noreturn]] void throw_no_turkey(const Dataset& data, const Gazetteer& gazetteer, Stream stream);

// A destination of the data as a fact: its gazetteer entry and the name as written.
Place place_of(const Dataset& data, CountryId id);

// A sector of the data as a fact: an HS chapter, or a sector the data names.
SectorRef sector_ref(const Dataset& data, std::uint8_t code);

// The provinces the data holds a record of, by name, for messages: "Adana, Ankara and 3 more".
std::string provinces_held(const Dataset& data, const Gazetteer& gazetteer, Stream stream);

}  // namespace kexport::compute
