#include "kexport/output/publication_files.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "html_pages.hpp"
#include "kexport/model/parallel.hpp"
#include "kexport/model/text.hpp"
#include "kexport/output/report.hpp"
#include "names.hpp"

namespace kexport {
namespace {

std::string_view code_of(Language language) {
  return language == Language::tr ? "tr" : "en";
}

// "index.html" in the first language, "index.en.html" in another.
std::string named(std::string_view stem, std::string_view extension, Language language, Language first) {
  if (language == first) return fmt::format("{}.{}", stem, extension);
  return fmt::format("{}.{}.{}", stem, code_of(language), extension);
}

template <typename Write>
std::string render(Write write) {
  std::ostringstream out;
  write(out);
  return out.str();
}

std::string other_language_name(Language language) {
  return language == Language::tr ? "Türkçe" : "English";
}

std::vector<PublishedFile> province_files(const Summary& s, const std::vector<Language>& languages) {
  const std::string dir = province_directory(s.province) + "/";
  const Language first = languages.front();
  std::vector<PublishedFile> files;
  for (const Language lang : languages) {
    const bool tr = lang == Language::tr;
    std::vector<output::html::Link> nav{
        {"← " + output::province_name(national_total), "../" + named("index", "html", lang, first)}};
    for (const Language other : languages)
      if (other != lang) nav.push_back({other_language_name(other), named("index", "html", other, first)});
    for (const Language other : languages)
      nav.push_back({fmt::format("{} ({})", tr ? "Bülten" : "Release", code_of(other)),
                     fmt::format("release.{}.txt", code_of(other))});
    nav.push_back({tr ? "Rapor (md)" : "Report (md)", named("report", "md", lang, first)});
    nav.push_back({tr ? "Grafik (svg)" : "Chart (svg)", named("chart", "svg", lang, first)});
    nav.push_back({tr ? "Veri (json)" : "Data (json)", named("summary", "json", lang, first)});
    files.push_back({dir + named("index", "html", lang, first), render([&](std::ostream& out) {
                       output::html::write_province_page(out, s, lang, nav);
                     })});
    files.push_back({dir + fmt::format("release.{}.txt", code_of(lang)),
                     render([&](std::ostream& out) { write_summary_text(out, s, lang); })});
    files.push_back({dir + named("report", "md", lang, first),
                     render([&](std::ostream& out) { write_summary_markdown(out, s, lang); })});
    files.push_back({dir + named("chart", "svg", lang, first),
                     render([&](std::ostream& out) { write_summary_svg(out, s, lang); })});
    files.push_back({dir + named("summary", "json", lang, first),
                     render([&](std::ostream& out) { write_summary_json(out, s, lang); })});
  }
  return files;
}

using Json = nlohmann::ordered_json;

Json digests(const std::vector<FileDigest>& list) {
  Json out = Json::array();
  for (const FileDigest& d : list) {
    // Standard input's bytes are gone by the time the manifest is written: neither size nor hash.
    const bool standard_input = d.path == "-";
    out.push_back({{"path", d.path},
                   {"size", standard_input ? Json(nullptr) : Json(d.size)},
                   {"sha256", standard_input ? Json(nullptr) : Json(d.sha256)}});
  }
  return out;
}

Json reason_or_null(const std::string& reason) {
  return reason.empty() ? Json(nullptr) : Json(reason);
}

}  // namespace

std::string province_directory(ProvinceId province) {
  return fmt::format("{:02}-{}", province, fold_name(output::province_name(province)));
}

std::vector<PublishedFile> render_publication(const Publication& p, const std::vector<Language>& languages,
                                              unsigned threads) {
  std::vector<std::vector<PublishedFile>> per_province(p.provinces.size());
  for_each_parallel(p.provinces.size(), threads,
                    [&](std::size_t i) { per_province[i] = province_files(p.provinces[i], languages); });

  const Language first = languages.front();
  std::vector<std::string> hrefs(province_count + 1);
  std::vector<PublishedFile> files;
  for (const Language lang : languages) {
    for (const Summary& s : p.provinces)
      hrefs[s.province] = province_directory(s.province) + "/" + named("index", "html", lang, first);
    std::vector<output::html::Link> nav;
    for (const Language other : languages)
      if (other != lang) nav.push_back({other_language_name(other), named("index", "html", other, first)});
    nav.push_back(
        {lang == Language::tr ? "Dosya listesi (manifest.json)" : "Files (manifest.json)", "manifest.json"});
    files.push_back({named("index", "html", lang, first), render([&](std::ostream& out) {
                       output::html::write_index_page(out, p, lang, nav, hrefs);
                     })});
  }
  for (std::vector<PublishedFile>& list : per_province)
    for (PublishedFile& f : list) files.push_back(std::move(f));
  return files;
}

void write_manifest_json(std::ostream& out, const Publication& p, const std::vector<Language>& languages,
                         const std::vector<FileDigest>& inputs, const std::vector<FileDigest>& files) {
  Json doc;
  doc["kexport_version"] = KEXPORT_VERSION;
  doc["month"] = p.month.iso();
  doc["source"] = p.source;
  doc["basis"] = p.basis == Basis::unstated ? Json(nullptr) : Json(basis_code(p.basis));
  doc["vintage"] = p.vintage == unknown_vintage ? Json(nullptr) : Json(vintage_iso(p.vintage));
  Json langs = Json::array();
  for (const Language lang : languages) langs.push_back(code_of(lang));
  doc["languages"] = langs;
  doc["inputs"] = digests(inputs);
  Json written = Json::array();
  for (const Summary& s : p.provinces)
    written.push_back({{"province", output::province_name(s.province)},
                       {"province_code", s.province},
                       {"directory", province_directory(s.province)},
                       {"sample", s.sample.any()}});
  doc["provinces"] = written;
  Json missing = Json::array();
  for (const MissingProvince& m : p.missing)
    missing.push_back({{"province", output::province_name(m.province)},
                       {"province_code", m.province},
                       {"reason", m.reason}});
  doc["missing"] = missing;
  doc["national"] = {{"total", p.national.turkey.has_value()},
                     {"total_missing", reason_or_null(p.national.turkey_missing)},
                     {"ranking", p.national.ranking.has_value()},
                     {"ranking_missing", reason_or_null(p.national.ranking_missing)}};
  doc["files"] = digests(files);
  out << doc.dump(2) << '\n';
}

}  // namespace kexport
