// Reading one file on all cores: a stretch of it per thread, each into a builder of its own.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "kexport/dataset_builder.hpp"

namespace kexport::input {

// Runs read(i, part) for i in [0, count) on a thread each, each part a builder begun on the same
// file and focus as `builder`; then hands the parts to `builder` in the file's order, their
// problems with them. The first stretch that failed fails the load, as a reading from the top
// would: what it threw is thrown again.
void read_in_stretches(std::size_t count, const std::string& file_name, const std::string& format,
                       DatasetBuilder& builder,
                       const std::function<void(std::size_t, DatasetBuilder&)>& read);

}  // namespace kexport::input
