// What a cache image is for (the request) and what it was made from (the identity).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kexport/input/load.hpp"

namespace kexport::cache {

// The data paths as given (they name the files in messages), the same absolute with symbolic
// links resolved (the same spelling from another directory is other data), and the load options
// that change what is loaded. It names the image file: one image per request, rewritten when its
// inputs change.
struct Request {
  std::vector<std::string> given;
  std::vector<std::string> resolved;
  std::string options;
};
Request make_request(const std::vector<std::string>& paths, const LoadOptions& options);
std::uint64_t request_hash(const Request& request);

// One input file as it is now.
struct InputState {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  std::uint64_t fingerprint = 0;  // XXH3 of the first and the last 64 KiB

  bool operator==(const InputState&) const = default;
};
// The files of a request, as read_input() would read them, by their resolved paths (so that the
// answer does not depend on the working directory). Throws Error(no_input) as read_input() does.
std::vector<InputState> input_states(const Request& request);
// The same for the files a run has listed already (list_inputs of the request's paths as given):
// each named as its resolved path names it, and its state read again, with no directory listed.
std::vector<InputState> input_states(const Request& request, const InputListing& listed);

// The identity of an image: the request, its inputs, and the program (cache format, kexport
// version, and the running executable's size and modification time, so that a rebuilt kexport
// never trusts what an older build wrote).
std::uint64_t identity_hash(const Request& request, const std::vector<InputState>& inputs);

}  // namespace kexport::cache
