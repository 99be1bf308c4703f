// A shared library loaded when it is first needed, not linked into kexport: libzip (with the
// OpenSSL, bzip2 and lzma it brings), libgsf (with GLib, libxml2 and ICU) and libcurl (with some
// thirty libraries of its own: 8 ms of start-up here) would otherwise be loaded by every run,
// answering from the cache included, where they cost more than the answer.
#pragma once

#include <dlfcn.h>

#include <string>

namespace kexport {

class LazyLibrary {
 public:
  // Loads `soname` (e.g. "libzip.so.4"); on failure why() says why.
  explicit LazyLibrary(const char* soname) : soname_(soname) {
    handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) why_ = dlerror();
  }

  // Points `function` at the library's symbol `name`, the type checked against the header's
  // declaration by the caller's decltype; null (and why() set) when it is not there.
  template <typename Function>
  void bind(Function& function, const char* name) {
    function = handle_ != nullptr ? reinterpret_cast<Function>(dlsym(handle_, name)) : nullptr;
    if (function == nullptr && why_.empty()) why_ = std::string(name) + " is not in " + soname_;
  }

  [[nodiscard]] bool ready() const { return why_.empty(); }
  [[nodiscard]] const std::string& why() const { return why_; }

 private:
  std::string soname_;
  void* handle_ = nullptr;  // never closed: the functions stay in use until the process ends
  std::string why_;
};

// Binds a member named like the library's function: KEXPORT_BIND(library, zip_fread).
#define KEXPORT_BIND(library, function) (library).bind(function, #function)

}  // namespace kexport
