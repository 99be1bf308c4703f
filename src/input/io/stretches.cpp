#include "io/stretches.hpp"

#include <exception>
#include <memory>
#include <vector>

#include "kexport/model/parallel.hpp"

namespace kexport::input {

Stretches read_stretches(std::size_t count, const std::string& file_name, const std::string& format,
                         const DatasetBuilder& builder,
                         const std::function<void(std::size_t, DatasetBuilder&)>& read) {
  Stretches stretches;
  stretches.parts.resize(count);
  stretches.failures.resize(count);
  run_parallel(count, [&](std::size_t i) {
    auto& part = stretches.parts[i];
    part = std::make_unique<DatasetBuilder>();
    part->begin_file(file_name, format);
    if (const auto focus = builder.focus()) part->focus_on(*focus);
    try {
      read(i, *part);
    } catch (...) {
      stretches.failures[i] = std::current_exception();
    }
  });
  return stretches;
}

void take_stretches(DatasetBuilder& builder, Stretches&& stretches) {
  for (std::size_t i = 0; i < stretches.parts.size(); ++i) {
    if (stretches.failures[i]) std::rethrow_exception(stretches.failures[i]);
    std::vector<std::string>& problems = builder.current_file().problems;
    const std::vector<std::string>& found = stretches.parts[i]->current_file().problems;
    problems.insert(problems.end(), found.begin(), found.end());
    builder.absorb(std::move(*stretches.parts[i]));
  }
}

void read_in_stretches(std::size_t count, const std::string& file_name, const std::string& format,
                       DatasetBuilder& builder,
                       const std::function<void(std::size_t, DatasetBuilder&)>& read) {
  take_stretches(builder, read_stretches(count, file_name, format, builder, read));
}

}  // namespace kexport::input
