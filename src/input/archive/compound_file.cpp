#include "archive/compound_file.hpp"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>

#include <algorithm>

#include "kexport/model/error.hpp"
#include "kexport/model/lazy_library.hpp"

namespace kexport::input {
namespace {

// libgsf's functions (and the two of GLib beneath it that kexport calls), from the library loaded
// on first use (lazy_library.hpp says why).
struct Libgsf {
  LazyLibrary library{"libgsf-1.so.114"};
  decltype(&::gsf_init) gsf_init = nullptr;
  decltype(&::g_log_set_default_handler) g_log_set_default_handler = nullptr;
  decltype(&::gsf_input_memory_new) gsf_input_memory_new = nullptr;
  decltype(&::gsf_infile_msole_new) gsf_infile_msole_new = nullptr;
  decltype(&::gsf_infile_num_children) gsf_infile_num_children = nullptr;
  decltype(&::gsf_infile_name_by_index) gsf_infile_name_by_index = nullptr;
  decltype(&::gsf_infile_child_by_name) gsf_infile_child_by_name = nullptr;
  decltype(&::gsf_input_size) gsf_input_size = nullptr;
  decltype(&::gsf_input_read) gsf_input_read = nullptr;
  decltype(&::g_object_unref) g_object_unref = nullptr;
  decltype(&::g_error_free) g_error_free = nullptr;
  Libgsf() {
    KEXPORT_BIND(library, gsf_init);
    KEXPORT_BIND(library, g_log_set_default_handler);
    KEXPORT_BIND(library, gsf_input_memory_new);
    KEXPORT_BIND(library, gsf_infile_msole_new);
    KEXPORT_BIND(library, gsf_infile_num_children);
    KEXPORT_BIND(library, gsf_infile_name_by_index);
    KEXPORT_BIND(library, gsf_infile_child_by_name);
    KEXPORT_BIND(library, gsf_input_size);
    KEXPORT_BIND(library, gsf_input_read);
    KEXPORT_BIND(library, g_object_unref);
    KEXPORT_BIND(library, g_error_free);
    if (!library.ready()) return;
    gsf_init();
    // libgsf reports a damaged file to GLib's log as well as in its error: kexport's own message
    // says it, with the file's name, and nothing else is printed.
    g_log_set_default_handler([](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
  }
};

const Libgsf& libgsf() {
  static const Libgsf loaded;
  return loaded;
}

GsfInfile* as_infile(void* infile) {
  return static_cast<GsfInfile*>(infile);
}

}  // namespace

CompoundFile::CompoundFile(std::string_view bytes, const std::string& file)
    : file_(file), size_(bytes.size()) {
  const Libgsf& g = libgsf();
  if (!g.library.ready())
    throw Error(ExitCode::unavailable,
                file +
                    ": reading .xls workbooks needs libgsf (Debian's package libgsf-1-114), which could "
                    "not be loaded (" +
                    g.library.why() + "); install it, or save the workbook as .xlsx");
  // The memory input only borrows the bytes (the last argument): they outlive this object.
  GsfInput* input = g.gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                           static_cast<gsf_off_t>(bytes.size()), FALSE);
  if (input == nullptr) throw DataError({file, 0, 0}, "an empty file; expected a compound document");
  GError* error = nullptr;
  GsfInfile* infile = g.gsf_infile_msole_new(input, &error);
  g.g_object_unref(input);  // the infile holds its own reference
  if (infile == nullptr) {
    const std::string why = error != nullptr ? error->message : "unreadable";
    if (error != nullptr) g.g_error_free(error);
    throw DataError({file, 0, 0}, "a damaged compound document (" + why +
                                      "); expected an .xls workbook as a spreadsheet program saved it");
  }
  infile_ = infile;
  const int count = g.gsf_infile_num_children(infile);
  for (int i = 0; i < count; ++i)
    if (const char* name = g.gsf_infile_name_by_index(infile, i)) streams_.emplace_back(name);
}

CompoundFile::~CompoundFile() {
  if (infile_ != nullptr) libgsf().g_object_unref(as_infile(infile_));
}

bool CompoundFile::has(std::string_view stream) const {
  return std::find(streams_.begin(), streams_.end(), stream) != streams_.end();
}

std::string CompoundFile::read(const std::string& stream) const {
  const Libgsf& g = libgsf();
  GsfInput* child = g.gsf_infile_child_by_name(as_infile(infile_), stream.c_str());
  if (child == nullptr) throw DataError({file_, 0, 0}, "no stream '" + stream + "' in the compound document");
  const auto size = static_cast<std::size_t>(std::max<gsf_off_t>(g.gsf_input_size(child), 0));
  // Every byte of a stream is stored in the file's sectors: a larger size is a crafted header.
  if (size > size_) {
    g.g_object_unref(child);
    throw DataError({file_, 0, 0}, "the stream '" + stream +
                                       "' claims more bytes than the file holds; expected an undamaged file");
  }
  std::string bytes(size, '\0');
  const bool whole = bytes.empty() || g.gsf_input_read(child, bytes.size(),
                                                       reinterpret_cast<guint8*>(bytes.data())) != nullptr;
  g.g_object_unref(child);
  if (!whole)
    throw DataError({file_, 0, 0},
                    "the stream '" + stream + "' ends early (a damaged or cut file); expected it whole");
  return bytes;
}

}  // namespace kexport::input
