// Writing a report's directory: every file of the month's publication and its manifest, whole or
// not at all.
#pragma once

#include <string>
#include <vector>

#include "kexport/output/publication_files.hpp"

namespace kexport {

// Lower-case hex SHA-256 of some bytes.
std::string sha256_hex(std::string_view bytes);

// Each input file's path, size and SHA-256 ("-", standard input, with neither: its bytes are gone).
std::vector<FileDigest> digest_inputs(const std::vector<std::string>& files);

// Writes `files` and manifest.json into `directory`: first into a new directory beside it, made
// durable, then renamed into place; an existing `directory` is swapped out only once the new one
// is complete, and then removed. A directory kexport did not write (neither empty nor holding a
// manifest.json) is never replaced: Error(io). Missing parent directories are made. On any
// failure the new directory is removed and `directory` is left as it was: Error(io).
// Returns the manifest's list of files (every file but the manifest).
std::vector<FileDigest> publish_directory(const std::string& directory,
                                          const std::vector<PublishedFile>& files,
                                          const Publication& publication,
                                          const std::vector<Language>& languages,
                                          const std::vector<FileDigest>& inputs);

}  // namespace kexport
