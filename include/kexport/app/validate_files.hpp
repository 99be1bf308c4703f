// The validate use case: read every file a listing names, load each on its own (collecting every
// problem instead of stopping) and then all together, and describe what they hold.
#pragma once

#include "kexport/compute/validate.hpp"
#include "kexport/input/load.hpp"

namespace kexport {

// Files already read (standard input, tests): each loaded on its own, then all together.
ValidationReport validate_inputs(const std::vector<InputFile>& files, const Gazetteer& gazetteer,
                                 const LoadOptions& options);

// The files a listing names, read here: a file that cannot be read is reported with the others,
// which are still validated. The listing's passed-over entries are reported too.
ValidationReport validate_files(const InputListing& listing, const Gazetteer& gazetteer,
                                const LoadOptions& options);

}  // namespace kexport
