#include "stretches.hpp"

#include <exception>
#include <memory>
#include <vector>

#include "kexport/parallel.hpp"

namespace kexport::input {

void read_in_stretches(std::size_t count, const std::string& file_name, const std::string& format,
                       DatasetBuilder& builder,
                       const std::function<void(std::size_t, DatasetBuilder&)>& read) {
  std::vector<std::unique_ptr<DatasetBuilder>> parts(count);
  std::vector<std::exception_ptr> failures(count);
  run_parallel(count, [&](std::size_t i) {
    parts[i] = std::make_unique<DatasetBuilder>();
    parts[i]->begin_file(file_name, format);
    if (const auto focus = builder.focus()) parts[i]->focus_on(*focus);
    try {
      read(i, *parts[i]);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (std::size_t i = 0; i < count; ++i) {
    if (failures[i]) std::rethrow_exception(failures[i]);
    std::vector<std::string>& problems = builder.current_file().problems;
    const std::vector<std::string>& found = parts[i]->current_file().problems;
    problems.insert(problems.end(), found.begin(), found.end());
    builder.absorb(std::move(*parts[i]));
  }
}

}  // namespace kexport::input
