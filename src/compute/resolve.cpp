#include "resolve.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>

#include "kexport/dataset_builder.hpp"
#include "kexport/error.hpp"
#include "kexport/text.hpp"

namespace kexport::compute {

ProvinceId resolve_province(const Gazetteer& gazetteer, const std::string& text) {
  if (auto id = gazetteer.find_province(text)) return *id;
  const auto suggestions = gazetteer.suggest_provinces(text);
  throw Error(
      ExitCode::usage,
      fmt::format("unknown province '{}'{}", text,
                  suggestions.empty() ? std::string("; give a name or a plate code (1-81)")
                                      : fmt::format("; did you mean {}?", fmt::join(suggestions, ", "))));
}

namespace {
std::string source_list(const Dataset& data) {
  std::vector<std::string> names;
  for (const auto& s : data.sources) names.push_back(s.empty() ? "(unlabelled)" : s);
  return fmt::format("{}", fmt::join(names, ", "));
}
}  // namespace

SourceId resolve_source(const Dataset& data, const std::optional<std::string>& wanted) {
  if (wanted) {
    const std::string canonical = canonical_source(*wanted);
    auto it = std::find(data.sources.begin(), data.sources.end(), canonical);
    if (it == data.sources.end())
      throw Error(ExitCode::usage,
                  fmt::format("the data has no source '{}'; it has: {}", *wanted, source_list(data)));
    return static_cast<SourceId>(it - data.sources.begin());
  }
  if (data.sources.size() > 1)
    throw Error(ExitCode::usage,
                fmt::format("the data holds several sources ({}), which count exports differently; "
                            "choose one with --source",
                            source_list(data)));
  return 0;
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
  const std::string folded = fold_name(text);
  for (const Chapter& chapter : gazetteer.chapters())
    if (fold_name(chapter.name_tr) == folded || fold_name(chapter.name_en) == folded)
      return static_cast<std::uint8_t>(chapter.code);
  for (std::size_t i = 0; i < data.sectors.size(); ++i)
    if (fold_name(data.sectors[i]) == folded)
      return static_cast<std::uint8_t>(Dataset::first_sector_code + i);
  throw Error(ExitCode::usage,
              fmt::format("unknown sector '{}'; expected an HS chapter number (1-99), a chapter's name, or a "
                          "sector named in the data",
                          text));
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

Period resolve_month(const Dataset& data, SourceId source, const std::optional<Period>& wanted) {
  const auto first = data.first_month(source);
  const auto last = data.last_month(source);
  if (!first || !last) throw Error(ExitCode::unavailable, "the data holds no records");
  if (!wanted) return *last;
  if (!data.covers(source, *wanted))
    throw Error(ExitCode::unavailable,
                fmt::format("{} is not in the data; it covers {} to {}{}", wanted->iso(), first->iso(),
                            last->iso(), *wanted > *first && *wanted < *last ? " with gaps" : ""));
  return *wanted;
}

}  // namespace kexport::compute
