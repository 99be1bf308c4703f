// An OLE2 compound document holding one "Workbook" stream, written by libgsf: an .xls file around
// the BIFF records it is given. What the .xls fuzz target wraps its mutated records in, and how the
// tests write .xls workbooks record by record.
#pragma once

#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>

#include <string>

inline std::string compound_document(const std::string& stream) {
  GsfOutput* memory = gsf_output_memory_new();
  GsfOutfile* document = gsf_outfile_msole_new(memory);
  GsfOutput* workbook = gsf_outfile_new_child(document, "Workbook", FALSE);
  gsf_output_write(workbook, stream.size(), reinterpret_cast<const guint8*>(stream.data()));
  gsf_output_close(workbook);
  g_object_unref(workbook);
  gsf_output_close(GSF_OUTPUT(document));
  g_object_unref(document);
  const auto* bytes = gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(memory));
  std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(gsf_output_size(memory)));
  g_object_unref(memory);
  return out;
}
