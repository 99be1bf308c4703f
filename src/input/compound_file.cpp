#include "compound_file.hpp"

#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>

#include <algorithm>
#include <mutex>

#include "kexport/error.hpp"

namespace kexport::input {
namespace {

GsfInfile* as_infile(void* infile) {
  return static_cast<GsfInfile*>(infile);
}

}  // namespace

CompoundFile::CompoundFile(std::string_view bytes, const std::string& file)
    : file_(file), size_(bytes.size()) {
  static std::once_flag initialised;
  std::call_once(initialised, [] {
    gsf_init();
    // libgsf reports a damaged file to GLib's log as well as in its error: kexport's own message
    // says it, with the file's name, and nothing else is printed.
    g_log_set_default_handler([](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
  });
  // The memory input only borrows the bytes (the last argument): they outlive this object.
  GsfInput* input = gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                         static_cast<gsf_off_t>(bytes.size()), FALSE);
  if (input == nullptr) throw DataError({file, 0, 0}, "an empty file; expected a compound document");
  GError* error = nullptr;
  GsfInfile* infile = gsf_infile_msole_new(input, &error);
  g_object_unref(input);  // the infile holds its own reference
  if (infile == nullptr) {
    const std::string why = error != nullptr ? error->message : "unreadable";
    if (error != nullptr) g_error_free(error);
    throw DataError({file, 0, 0}, "a damaged compound document (" + why +
                                      "); expected an .xls workbook as a spreadsheet program saved it");
  }
  infile_ = infile;
  const int count = gsf_infile_num_children(infile);
  for (int i = 0; i < count; ++i)
    if (const char* name = gsf_infile_name_by_index(infile, i)) streams_.emplace_back(name);
}

CompoundFile::~CompoundFile() {
  if (infile_ != nullptr) g_object_unref(as_infile(infile_));
}

bool CompoundFile::has(std::string_view stream) const {
  return std::find(streams_.begin(), streams_.end(), stream) != streams_.end();
}

std::string CompoundFile::read(const std::string& stream) const {
  GsfInput* child = gsf_infile_child_by_name(as_infile(infile_), stream.c_str());
  if (child == nullptr) throw DataError({file_, 0, 0}, "no stream '" + stream + "' in the compound document");
  const auto size = static_cast<std::size_t>(std::max<gsf_off_t>(gsf_input_size(child), 0));
  // Every byte of a stream is stored in the file's sectors: a larger size is a crafted header.
  if (size > size_) {
    g_object_unref(child);
    throw DataError({file_, 0, 0}, "the stream '" + stream +
                                       "' claims more bytes than the file holds; expected an undamaged file");
  }
  std::string bytes(size, '\0');
  const bool whole = bytes.empty() ||
                     gsf_input_read(child, bytes.size(), reinterpret_cast<guint8*>(bytes.data())) != nullptr;
  g_object_unref(child);
  if (!whole)
    throw DataError({file_, 0, 0},
                    "the stream '" + stream + "' ends early (a damaged or cut file); expected it whole");
  return bytes;
}

}  // namespace kexport::input
