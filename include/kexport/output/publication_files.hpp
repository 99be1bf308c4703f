// A report's files: every document of the month's publication, named and rendered, and the
// manifest that lists them. Writing them to disk is the app layer's (whole or not at all).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "kexport/compute/publication.hpp"

namespace kexport {

// A file of the report: its path under the report's directory ("38-kayseri/index.html") and bytes.
struct PublishedFile {
  std::string path;
  std::string content;
};

// The directory of a province's documents: "38-kayseri", "46-kahramanmaras".
std::string province_directory(ProvinceId province);

// Every file of the report but the manifest, in the languages asked for (the first names the plain
// documents: index.html, report.md, chart.svg, summary.json; a second language's take its code
// before the extension: index.en.html, …; the press release is release.<lang>.txt in each). Per
// province: the page, the release, the Markdown report, the chart and the JSON, the same bytes
// `summary` writes in those formats; at the top, Turkey's page (index.html). Rendered on
// `threads` threads (0: one per core), in a stable order.
std::vector<PublishedFile> render_publication(const Publication& publication,
                                              const std::vector<Language>& languages, unsigned threads);

// A file's size and SHA-256 (lower-case hex), for the manifest.
struct FileDigest {
  std::string path;
  std::uint64_t size = 0;
  std::string sha256;
};

// manifest.json: kexport's version, the month and source, the languages, the data's inputs, the
// provinces written (with their directories) and those missing (with why), what the index could
// say of Turkey, and every file written with its size and SHA-256. Schema in docs/json.md.
void write_manifest_json(std::ostream& out, const Publication& publication,
                         const std::vector<Language>& languages, const std::vector<FileDigest>& inputs,
                         const std::vector<FileDigest>& files);

}  // namespace kexport
