// Reading one file on all cores: a stretch of it per thread, each into a builder of its own.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kexport/model/dataset_builder.hpp"

namespace kexport::input {

// Below this many bytes of data a file is read on one thread: threads cost more than they save.
inline constexpr std::size_t parallel_threshold = 4 << 20;

// Parts of a file read on a thread each, each into a builder of its own, with what each threw.
struct Stretches {
  std::vector<std::unique_ptr<DatasetBuilder>> parts;
  std::vector<std::exception_ptr> failures;
};

// Runs read(i, part) for i in [0, count) on a thread each, each part a builder begun on the same
// file and focus as `builder`.
Stretches read_stretches(std::size_t count, const std::string& file_name, const std::string& format,
                         const DatasetBuilder& builder,
                         const std::function<void(std::size_t, DatasetBuilder&)>& read);

// Hands the parts to `builder` in the file's order, their problems with them. The first stretch
// that failed fails the load, as a reading from the top would: what it threw is thrown again.
void take_stretches(DatasetBuilder& builder, Stretches&& stretches);

// Both.
void read_in_stretches(std::size_t count, const std::string& file_name, const std::string& format,
                       DatasetBuilder& builder,
                       const std::function<void(std::size_t, DatasetBuilder&)>& read);

}  // namespace kexport::input
