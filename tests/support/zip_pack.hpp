// A zip package made in memory from named parts, stored uncompressed: what the workbook fuzz
// targets wrap their mutated XML in (so that mutations reach the XML rather than deflate's bits),
// and what the tests' workbooks written cell by cell are packed in (xlsx_writer.hpp).
#pragma once

#include <zip.h>

#include <string>
#include <utility>
#include <vector>

inline std::string pack_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_source_keep(buffer);
  for (const auto& [name, text] : parts) {
    zip_source_t* part = zip_source_buffer(archive, text.data(), text.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  zip_close(archive);
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    char piece[1 << 14];
    zip_int64_t got = 0;
    while ((got = zip_source_read(buffer, piece, sizeof piece)) > 0)
      bytes.append(piece, static_cast<std::size_t>(got));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}
