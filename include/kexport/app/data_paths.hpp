// Where the data comes from when the command line does not say.
#pragma once

#include <string>
#include <vector>

namespace kexport {

// --data paths when given; else $KEXPORT_DATA (paths separated by ':'); else the bundled data
// directory: <prefix>/share/kexport/data next to the installed binary, or the source tree's data/.
std::vector<std::string> data_paths(const std::vector<std::string>& given, const char* argv0);

// The bundled data directory alone: <prefix>/share/kexport/data next to the installed binary, or the
// source tree's data/ (which also holds sources/addresses.csv, for kexport fetch).
std::string bundled_data_directory(const char* argv0);

// Error(usage) when `output` is one of the files the data paths name (or one in a directory they
// name): writing there would destroy the input it was made from.
void refuse_writing_over_input(const std::string& output, const std::vector<std::string>& data_paths);

}  // namespace kexport
