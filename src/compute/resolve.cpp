#include "resolve.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>

#include "kexport/model/error.hpp"
#include "kexport/model/text.hpp"

namespace kexport {

ProvinceId resolve_province(const Gazetteer& gazetteer, const std::string& text) {
  // Folding drops signs and punctuation: "-38" must not pass as plate 38.
  const std::string_view trimmed = trim(text);
  const bool signed_number = !trimmed.empty() && (trimmed.front() == '-' || trimmed.front() == '+');
  if (!signed_number)
    if (auto id = gazetteer.find_province(text)) return *id;
  if (signed_number)
    throw Error(ExitCode::usage,
                fmt::format("'{}' is not a province; give a name or a plate code (1-81)", text));
  const auto suggestions = gazetteer.suggest_provinces(text);
  throw Error(
      ExitCode::usage,
      fmt::format("unknown province '{}'{}", text,
                  suggestions.empty() ? std::string("; give a name or a plate code (1-81)")
                                      : fmt::format("; did you mean {}?", fmt::join(suggestions, ", "))));
}

}  // namespace kexport

namespace kexport::compute {

namespace {

// Source entries as people read them: the source's name, with its basis where the data holds the
// same source on another basis too ("TÜİK (head_office), TÜİK (production_place), TİM").
std::string entry_list(const Dataset& data, const std::vector<std::size_t>& entries) {
  std::vector<std::string> names;
  for (const std::size_t s : entries) {
    std::string name = data.sources[s].empty() ? "(unlabelled)" : data.sources[s];
    for (std::size_t other = 0; other < data.sources.size(); ++other)
      if (other != s && data.sources[other] == data.sources[s]) {
        name += fmt::format(" ({})", basis_code(data.bases[s]));
        break;
      }
    names.push_back(std::move(name));
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

std::vector<std::size_t> all_entries(const Dataset& data) {
  std::vector<std::size_t> all(data.sources.size());
  for (std::size_t s = 0; s < all.size(); ++s) all[s] = s;
  return all;
}

// What a choice of source and basis says, for a message: "TÜİK on the basis production_place".
std::string choice_text(const std::optional<std::string>& source, const std::optional<Basis>& basis) {
  if (source && basis)
    return fmt::format("{} on the basis {}", canonical_source(*source), basis_code(*basis));
  if (source) return canonical_source(*source);
  return fmt::format("the basis {}", basis ? basis_code(*basis) : "unstated");
}

}  // namespace

Stream resolve_stream(const Dataset& data, const std::optional<std::string>& source,
                      const std::optional<Basis>& basis, Flow flow) {
  const std::string canonical = source ? canonical_source(*source) : std::string();
  std::vector<std::size_t> chosen;
  bool source_known = false;
  for (std::size_t s = 0; s < data.sources.size(); ++s) {
    const bool named = !source || data.sources[s] == canonical;
    source_known = source_known || named;
    if (named && (!basis || data.bases[s] == *basis)) chosen.push_back(s);
  }
  if (source && !source_known)
    throw Error(ExitCode::usage, fmt::format("the data has no source '{}'; it has: {}", *source,
                                             entry_list(data, all_entries(data))));
  if (chosen.empty() && data.size() > 0)
    throw Error(ExitCode::usage,
                fmt::format("the data has no figures from {}; it has: {}", choice_text(source, basis),
                            entry_list(data, all_entries(data))));
  // Of those, the ones that hold the flow: a source of exports alone (TİM) beside one of imports
  // does not make the question ambiguous.
  std::vector<std::size_t> holding;
  for (const std::size_t s : chosen)
    if (data.has(Stream{static_cast<SourceId>(s), flow})) holding.push_back(s);
  if (holding.size() > 1) {
    const auto same_name = [&](std::size_t a, std::size_t b) { return data.sources[a] == data.sources[b]; };
    const bool one_source =
        std::all_of(holding.begin(), holding.end(), [&](std::size_t s) { return same_name(s, holding[0]); });
    bool some_name_twice = false;
    for (std::size_t i = 0; i < holding.size(); ++i)
      for (std::size_t k = i + 1; k < holding.size(); ++k)
        some_name_twice = some_name_twice || same_name(holding[i], holding[k]);
    const std::string& first = data.sources[holding[0]];
    throw Error(
        ExitCode::usage,
        one_source
            ? fmt::format("the data holds {} figures on several bases ({}), which count {}s "
                          "differently; choose one with --basis",
                          first.empty() ? "unlabelled" : first, entry_list(data, holding), name_of(flow))
            : fmt::format("the data holds several sources ({}), which count {}s differently; "
                          "choose one with --source{}",
                          entry_list(data, holding), name_of(flow), some_name_twice ? " and --basis" : ""));
  }
  if (holding.size() == 1) return Stream{static_cast<SourceId>(holding[0]), flow};
  if (data.size() == 0) return Stream{chosen.empty() ? SourceId{0} : static_cast<SourceId>(chosen[0]), flow};
  if (source || basis)
    throw Error(ExitCode::unavailable,
                fmt::format("the data holds no {}s from {}", name_of(flow), choice_text(source, basis)));
  throw Error(
      ExitCode::unavailable,
      fmt::format("the data holds no {}s, only {}s; {}", name_of(flow),
                  name_of(flow == Flow::exports ? Flow::imports : Flow::exports),
                  flow == Flow::imports ? "add a table of imports (a flow column, an İthalat column, "
                                          "or a file titled İTHALAT), or ask about exports"
                                        : "series, top and rank answer for imports with --flow import"));
}

std::optional<CountryId> resolve_country(const Dataset& data, const Gazetteer& gazetteer,
                                         const std::string& text) {
  if (auto known = gazetteer.find_country(text)) {
    for (std::size_t id = 1; id < data.countries.size(); ++id)
      if (data.countries[id].gazetteer == known) return static_cast<CountryId>(id);
    return std::nullopt;
  }
  const std::string folded = fold_name(text);
  for (std::size_t id = 1; id < data.countries.size(); ++id)
    if (!data.countries[id].gazetteer && fold_name(data.countries[id].written) == folded)
      return static_cast<CountryId>(id);
  const auto suggestions = gazetteer.suggest_countries(text);
  throw Error(
      ExitCode::usage,
      fmt::format("unknown country '{}'{}", text,
                  suggestions.empty() ? std::string("; give a name or an ISO code (DE, US)")
                                      : fmt::format("; did you mean {}?", fmt::join(suggestions, ", "))));
}

std::uint8_t resolve_chapter(const Dataset& data, const Gazetteer& gazetteer, const std::string& text) {
  int number = 0;
  const std::string_view trimmed = trim(text);
  auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), number);
  if (ec == std::errc{} && end == trimmed.data() + trimmed.size()) {
    if (number >= 1 && number <= 99) return static_cast<std::uint8_t>(number);
    throw Error(ExitCode::usage, fmt::format("--chapter {} is not an HS chapter; expected 1 to 99", text));
  }
  if (const Chapter* chapter = gazetteer.find_chapter_named(text))
    return static_cast<std::uint8_t>(chapter->code);
  const std::string folded = fold_name(text);
  for (std::size_t i = 0; i < data.sectors.size(); ++i)
    if (fold_name(data.sectors[i]) == folded)
      return static_cast<std::uint8_t>(Dataset::first_sector_code + i);
  // A TİM sector that is one HS chapter ("Halı" is chapter 57), as the loader reads it.
  if (const Sector* sector = gazetteer.find_sector(text); sector && sector->chapters.size() == 1)
    return static_cast<std::uint8_t>(sector->chapters.front());
  throw Error(ExitCode::usage,
              fmt::format("unknown sector '{}'; expected an HS chapter number (1-99), a chapter's name, or a "
                          "sector named in the data",
                          text));
}

Place place_of(const Dataset& data, CountryId id) {
  return data.countries[id];
}

SectorRef sector_ref(const Dataset& data, std::uint8_t code) {
  if (code >= Dataset::first_sector_code) return {0, data.sectors[code - Dataset::first_sector_code]};
  return {code, {}};
}

std::pair<Period, Period> window_span(Window window, Period month) {
  switch (window) {
    case Window::month:
      return {month, month};
    case Window::ytd:
      return {month.january(), month};
    case Window::rolling_12m:
      return {month.plus_months(-11), month};
  }
  return {month, month};
}

namespace {

std::string covered_span(const Dataset& data, Stream stream) {
  const auto first = data.first_month(stream), last = data.last_month(stream);
  return fmt::format("{} to {}", first->iso(), last->iso());
}

// The names of the provinces a month lists, for messages.
std::string provinces_in(const Dataset& data, const Gazetteer& gazetteer, Stream stream, Period month) {
  std::vector<std::string> names;
  for (ProvinceId p = 1; p <= province_count; ++p)
    if (data.knows(stream, p, month)) names.emplace_back(gazetteer.province_name(p));
  constexpr std::size_t shown = 5;
  if (names.size() > shown) {
    const std::size_t more = names.size() - shown;
    names.resize(shown);
    return fmt::format("{} and {} more", fmt::join(names, ", "), more);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

std::string provinces_held(const Dataset& data, const Gazetteer& gazetteer, Stream stream) {
  std::vector<std::string> names;
  for (ProvinceId p = 1; p <= province_count; ++p) {
    const auto [begin, end] = data.rows_of(stream, p);
    if (begin != end) names.emplace_back(gazetteer.province_name(p));
  }
  if (names.empty()) return "no province";
  constexpr std::size_t shown = 8;
  const std::size_t count = names.size();
  if (names.size() > shown) names.resize(shown);
  return fmt::format("{} province{}: {}{}", count, count == 1 ? "" : "s", fmt::join(names, ", "),
                     count > shown ? fmt::format(" and {} more", count - shown) : "");
}

void throw_no_turkey(const Dataset& data, const Gazetteer& gazetteer, Stream stream) {
  throw Error(
      ExitCode::unavailable,
      fmt::format("the data holds no national total and no month with all {} provinces (it holds {}), "
                  "so it cannot speak for Turkey as a whole; add a table of all provinces, or ask "
                  "about one province with --province",
                  province_count, provinces_held(data, gazetteer, stream)));
}

void require_known(const Dataset& data, const Gazetteer& gazetteer, Stream stream, ProvinceId province,
                   const ProvinceTimeline& timeline) {
  if (timeline.last_known()) return;
  if (province == national_total) throw_no_turkey(data, gazetteer, stream);
  throw Error(ExitCode::unavailable,
              fmt::format("the data holds no record of {}; it holds {}", gazetteer.province_name(province),
                          provinces_held(data, gazetteer, stream)));
}

Period resolve_month(const Dataset& data, const Gazetteer& gazetteer, Stream stream, ProvinceId province,
                     const ProvinceTimeline& timeline, const std::optional<Period>& wanted,
                     std::optional<IncompleteMonth>& passed_over) {
  const auto last = data.last_month(stream);
  if (!last) throw Error(ExitCode::unavailable, "the data holds no records");
  const std::string name(gazetteer.province_name(province));
  require_known(data, gazetteer, stream, province, timeline);
  const auto latest = timeline.last_known();
  if (!wanted) {
    if (*latest != *last) passed_over = IncompleteMonth{*last, data.provinces_known(stream, *last)};
    return *latest;
  }
  if (timeline.knows(*wanted)) return *wanted;
  if (!data.covers(stream, *wanted))
    throw Error(
        ExitCode::unavailable,
        fmt::format("{} is not in the data; it covers {}{}", wanted->iso(), covered_span(data, stream),
                    *wanted<*last&& * wanted> * data.first_month(stream) ? " with gaps" : ""));
  const std::size_t held = data.provinces_known(stream, *wanted);
  if (province == national_total)
    throw Error(
        ExitCode::unavailable,
        fmt::format("{} is not complete: the data holds {} of the {} provinces for it ({}) and no national "
                    "total, so it cannot speak for Turkey; the latest month it can is {}",
                    wanted->iso(), held, province_count, provinces_in(data, gazetteer, stream, *wanted),
                    latest->iso()));
  throw Error(ExitCode::unavailable,
              fmt::format("{} is not in the data for {}: the data for {} lists {} of the {} provinces ({}), "
                          "which says nothing of {}; the latest month known for {} is {}",
                          wanted->iso(), name, wanted->iso(), held, province_count,
                          provinces_in(data, gazetteer, stream, *wanted), name, name, latest->iso()));
}

Period resolve_complete_month(const Dataset& data, Stream stream, const std::optional<Period>& wanted,
                              std::optional<IncompleteMonth>& passed_over) {
  const auto last = data.last_month(stream);
  if (!last) throw Error(ExitCode::unavailable, "the data holds no records");
  const auto latest_complete = data.last_complete_month(stream);
  const std::string advice =
      latest_complete
          ? fmt::format("the latest complete month is {} (--month {})", latest_complete->iso(),
                        latest_complete->iso())
          : fmt::format("no month holds all {} provinces; add TÜİK's table of all provinces", province_count);
  if (!wanted) {
    if (!latest_complete)
      throw Error(ExitCode::unavailable,
                  fmt::format("no month of the data holds all {} provinces (the latest, {}, holds {}), so it "
                              "cannot rank them or speak for Turkey; add TÜİK's table of all provinces",
                              province_count, last->iso(), data.provinces_known(stream, *last)));
    if (*latest_complete != *last) passed_over = IncompleteMonth{*last, data.provinces_known(stream, *last)};
    return *latest_complete;
  }
  if (!data.covers(stream, *wanted))
    throw Error(ExitCode::unavailable, fmt::format("{} is not in the data; it covers {}", wanted->iso(),
                                                   covered_span(data, stream)));
  if (!data.complete(stream, *wanted))
    throw Error(
        ExitCode::unavailable,
        fmt::format("{} is not complete: the data holds {} of the {} provinces for it, so it cannot rank "
                    "them or speak for Turkey; {}",
                    wanted->iso(), data.provinces_known(stream, *wanted), province_count, advice));
  return *wanted;
}

}  // namespace kexport::compute
