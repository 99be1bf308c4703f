#include "kexport/output/fetch_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "kexport/model/text.hpp"

namespace kexport {

ExitCode fetch_exit_code(const FetchResult& result) {
  bool unreadable = false, later = false;
  for (const FetchedFile& f : result.files) {
    if (f.state == FetchedFile::State::failed && !f.temporary) unreadable = true;
    if (f.state == FetchedFile::State::not_published ||
        (f.state == FetchedFile::State::failed && f.temporary))
      later = true;
  }
  if (unreadable) return ExitCode::data;
  if (later) return ExitCode::temporary;
  if (!result.not_for_month.empty()) return ExitCode::unavailable;
  return ExitCode::ok;
}

namespace {

std::string_view state_word(FetchedFile::State state, Language language) {
  const bool tr = language == Language::tr;
  switch (state) {
    case FetchedFile::State::new_file:
      return tr ? "yeni" : "new";
    case FetchedFile::State::new_vintage:
      return tr ? "yeni yayım" : "revised";
    case FetchedFile::State::unchanged:
      return tr ? "değişmedi" : "unchanged";
    case FetchedFile::State::not_published:
      return tr ? "yayımlanmamış" : "not published";
    case FetchedFile::State::failed:
      return tr ? "alınamadı" : "failed";
  }
  return {};
}

nlohmann::json fetched_file_json(const FetchedFile& f) {
  nlohmann::json j = {{"file", f.file}, {"address", f.address}, {"path", f.path}};
  if (f.state == FetchedFile::State::new_file || f.state == FetchedFile::State::new_vintage) {
    j["size"] = f.size;
    j["sha256"] = f.sha256;
    j["revised"] = f.state == FetchedFile::State::new_vintage;
  }
  if (f.state == FetchedFile::State::not_published || f.state == FetchedFile::State::failed) {
    j["reason"] = f.problem;
    j["temporary"] = f.state == FetchedFile::State::not_published || f.temporary;
  }
  return j;
}

}  // namespace

void write_fetch_report(std::ostream& out, const FetchResult& result, Format format, Language language) {
  if (format == Format::json) {
    nlohmann::json doc = {{"source", result.source},
                          {"month", result.month.iso()},
                          {"archive", result.archive},
                          {"new", nlohmann::json::array()},
                          {"unchanged", nlohmann::json::array()},
                          {"failed", nlohmann::json::array()},
                          {"not_for_month", result.not_for_month}};
    for (const FetchedFile& f : result.files) {
      const char* list = f.state == FetchedFile::State::new_file || f.state == FetchedFile::State::new_vintage
                             ? "new"
                         : f.state == FetchedFile::State::unchanged ? "unchanged"
                                                                    : "failed";
      doc[list].push_back(fetched_file_json(f));
    }
    out << doc.dump(2) << '\n';
    return;
  }
  const bool tr = language == Language::tr;
  std::size_t width = 0;
  for (const FetchedFile& f : result.files)
    width = std::max(width, display_width(state_word(f.state, language)));
  for (const FetchedFile& f : result.files) {
    const std::string_view word = state_word(f.state, language);
    const std::string pad(width - display_width(word), ' ');
    const bool stored = f.state != FetchedFile::State::not_published && f.state != FetchedFile::State::failed;
    out << printable(fmt::format("{}{}  {}  {}\n", word, pad, result.month.iso(),
                                 stored ? f.path : f.address + ": " + f.problem));
  }
  for (const std::string& name : result.not_for_month)
    out << printable(tr ? fmt::format("yok  {}  {}: {} bu ay için böyle bir dosya yayımlamıyor\n",
                                      result.month.iso(), name, result.source)
                        : fmt::format("none  {}  {}: {} publishes no such file for the month\n",
                                      result.month.iso(), name, result.source));
}

}  // namespace kexport
