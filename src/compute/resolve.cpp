#include "resolve.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "kexport/dataset_builder.hpp"
#include "kexport/error.hpp"

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
