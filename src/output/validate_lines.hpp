// What the validate report says of a file, shared by its writer for people and its writer for
// machines: the stable keys JSON uses and the sentences the table prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kexport/compute/validate.hpp"
#include "kexport/model/dataset.hpp"

namespace kexport::output {

// The flows' names as JSON and the table give them ("export", "import").
std::vector<std::string> flow_names(const std::vector<Flow>& flows);
// A note's stable key in JSON ("hidden_sheet") and its sentence in the language.
std::string_view note_key(FileNote::Kind kind);
std::string note_line(const FileNote& note, Language lang);
// Why a directory's entry was not read, as a stable key.
std::string_view passed_over_key(PassedOver::Why why);
// How many amounts were rounded from a float artefact, and the first of them.
std::string rounded_line(const LoadedFile& f, Language lang);
// The file's encoding: "UTF-8", "UTF-8 with BOM", "Windows-1254".
std::string encoding_text(const LoadedFile& f);

}  // namespace kexport::output
