#include "zip_archive.hpp"

#include <zip.h>

#include <fmt/format.h>

#include "kexport/error.hpp"

namespace kexport::input {
namespace {

[[noreturn]] void refuse(const std::string& file, const std::string& problem) {
  throw DataError({file, 0, 0}, problem);
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, const std::string& file) : file_(file) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive_ == nullptr) {
    const std::string why = zip_error_strerror(&error);
    if (source != nullptr) zip_source_free(source);
    zip_error_fini(&error);
    refuse(file, "not a workbook that can be read (" + why +
                     "); expected an .xlsx or .ods file as the spreadsheet program saved it");
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipArchive::has(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::names() const {
  std::vector<std::string> out;
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i)
    if (const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0)) out.emplace_back(name);
  return out;
}

ZipArchive::Entry::Entry(const ZipArchive& archive, const std::string& name)
    : archive_(archive), name_(name) {
  const zip_int64_t index = zip_name_locate(archive.archive_, name.c_str(), 0);
  if (index < 0) refuse(archive.file_, fmt::format("the workbook has no part '{}'; expected one", name));
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive.archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
    refuse(archive.file_, fmt::format("the workbook's part '{}' cannot be read", name));
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE)
    refuse(archive.file_, "the workbook is encrypted; expected it saved without a password");
  compressed_ = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0;
  file_ = zip_fopen_index(archive.archive_, static_cast<zip_uint64_t>(index), 0);
  if (file_ == nullptr)
    refuse(archive.file_, fmt::format("the workbook's part '{}' cannot be opened ({})", name,
                                      zip_strerror(archive.archive_)));
}

ZipArchive::Entry::~Entry() {
  if (file_ != nullptr) zip_fclose(file_);
}

std::size_t ZipArchive::Entry::read(char* buffer, std::size_t size) {
  const zip_int64_t got = zip_fread(file_, buffer, size);
  if (got < 0)
    refuse(
        archive_.file_,
        fmt::format("the workbook's part '{}' is damaged ({}); expected the file as the spreadsheet program "
                    "saved it",
                    name_, zip_file_strerror(file_)));
  inflated_ += static_cast<std::uint64_t>(got);
  if (inflated_ > max_entry_bytes ||
      (inflated_ > ratio_grace && inflated_ > max_ratio * std::max<std::uint64_t>(compressed_, 1)))
    refuse(archive_.file_,
           fmt::format("the workbook's part '{}' inflates to more than {} the size it is stored in; expected "
                       "an ordinary workbook, not a zip bomb",
                       name_, inflated_ > max_entry_bytes ? "2 GiB, out of proportion to" : "250 times"));
  return static_cast<std::size_t>(got);
}

std::string ZipArchive::read_all(const std::string& name) const {
  Entry entry(*this, name);
  std::string out;
  char buffer[1 << 16];
  while (const std::size_t got = entry.read(buffer, sizeof buffer)) out.append(buffer, got);
  return out;
}

}  // namespace kexport::input
