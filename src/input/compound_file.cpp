#include "compound_file.hpp"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>

#include <dlfcn.h>

#include <algorithm>

#include "kexport/error.hpp"

namespace kexport::input {
namespace {

// libgsf, and GLib beneath it, is loaded when the first .xls is opened rather than linked: linked,
// loading it and its dozen libraries (GLib, libxml2, ICU …) at start costs every run of kexport
// about 4 ms, twice what answering from the cache takes. Only the functions used are looked up.
struct Gsf {
  decltype(&gsf_init) init = nullptr;
  decltype(&g_log_set_default_handler) log_set_default_handler = nullptr;
  decltype(&gsf_input_memory_new) input_memory_new = nullptr;
  decltype(&gsf_infile_msole_new) infile_msole_new = nullptr;
  decltype(&gsf_infile_num_children) infile_num_children = nullptr;
  decltype(&gsf_infile_name_by_index) infile_name_by_index = nullptr;
  decltype(&gsf_infile_child_by_name) infile_child_by_name = nullptr;
  decltype(&gsf_input_size) input_size = nullptr;
  decltype(&gsf_input_read) input_read = nullptr;
  decltype(&g_object_unref) object_unref = nullptr;
  decltype(&g_error_free) error_free = nullptr;
  std::string missing;  // why it could not be loaded, if it could not
};

template <typename Function>
void look_up(void* library, const char* name, Function& function, std::string& missing) {
  function = reinterpret_cast<Function>(dlsym(library, name));
  if (function == nullptr && missing.empty()) missing = std::string("no ") + name + " in libgsf";
}

const Gsf& gsf() {
  static const Gsf loaded = [] {
    Gsf g;
    void* library = dlopen("libgsf-1.so.114", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      g.missing = dlerror();
      return g;
    }
    look_up(library, "gsf_init", g.init, g.missing);
    look_up(library, "g_log_set_default_handler", g.log_set_default_handler, g.missing);
    look_up(library, "gsf_input_memory_new", g.input_memory_new, g.missing);
    look_up(library, "gsf_infile_msole_new", g.infile_msole_new, g.missing);
    look_up(library, "gsf_infile_num_children", g.infile_num_children, g.missing);
    look_up(library, "gsf_infile_name_by_index", g.infile_name_by_index, g.missing);
    look_up(library, "gsf_infile_child_by_name", g.infile_child_by_name, g.missing);
    look_up(library, "gsf_input_size", g.input_size, g.missing);
    look_up(library, "gsf_input_read", g.input_read, g.missing);
    look_up(library, "g_object_unref", g.object_unref, g.missing);
    look_up(library, "g_error_free", g.error_free, g.missing);
    if (!g.missing.empty()) return g;
    g.init();
    // libgsf reports a damaged file to GLib's log as well as in its error: kexport's own message
    // says it, with the file's name, and nothing else is printed.
    g.log_set_default_handler([](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
    return g;
  }();
  return loaded;
}

GsfInfile* as_infile(void* infile) {
  return static_cast<GsfInfile*>(infile);
}

}  // namespace

CompoundFile::CompoundFile(std::string_view bytes, const std::string& file)
    : file_(file), size_(bytes.size()) {
  const Gsf& g = gsf();
  if (!g.missing.empty())
    throw Error(ExitCode::unavailable,
                file +
                    ": reading .xls workbooks needs libgsf (Debian's package libgsf-1-114), which could "
                    "not be loaded (" +
                    g.missing + "); install it, or save the workbook as .xlsx");
  // The memory input only borrows the bytes (the last argument): they outlive this object.
  GsfInput* input = g.input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                       static_cast<gsf_off_t>(bytes.size()), FALSE);
  if (input == nullptr) throw DataError({file, 0, 0}, "an empty file; expected a compound document");
  GError* error = nullptr;
  GsfInfile* infile = g.infile_msole_new(input, &error);
  g.object_unref(input);  // the infile holds its own reference
  if (infile == nullptr) {
    const std::string why = error != nullptr ? error->message : "unreadable";
    if (error != nullptr) g.error_free(error);
    throw DataError({file, 0, 0}, "a damaged compound document (" + why +
                                      "); expected an .xls workbook as a spreadsheet program saved it");
  }
  infile_ = infile;
  const int count = g.infile_num_children(infile);
  for (int i = 0; i < count; ++i)
    if (const char* name = g.infile_name_by_index(infile, i)) streams_.emplace_back(name);
}

CompoundFile::~CompoundFile() {
  if (infile_ != nullptr) gsf().object_unref(as_infile(infile_));
}

bool CompoundFile::has(std::string_view stream) const {
  return std::find(streams_.begin(), streams_.end(), stream) != streams_.end();
}

std::string CompoundFile::read(const std::string& stream) const {
  const Gsf& g = gsf();
  GsfInput* child = g.infile_child_by_name(as_infile(infile_), stream.c_str());
  if (child == nullptr) throw DataError({file_, 0, 0}, "no stream '" + stream + "' in the compound document");
  const auto size = static_cast<std::size_t>(std::max<gsf_off_t>(g.input_size(child), 0));
  // Every byte of a stream is stored in the file's sectors: a larger size is a crafted header.
  if (size > size_) {
    g.object_unref(child);
    throw DataError({file_, 0, 0}, "the stream '" + stream +
                                       "' claims more bytes than the file holds; expected an undamaged file");
  }
  std::string bytes(size, '\0');
  const bool whole =
      bytes.empty() || g.input_read(child, bytes.size(), reinterpret_cast<guint8*>(bytes.data())) != nullptr;
  g.object_unref(child);
  if (!whole)
    throw DataError({file_, 0, 0},
                    "the stream '" + stream + "' ends early (a damaged or cut file); expected it whole");
  return bytes;
}

}  // namespace kexport::input
