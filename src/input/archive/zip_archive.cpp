#include "archive/zip_archive.hpp"

#include <zip.h>

#include <fmt/format.h>

#include "kexport/model/error.hpp"
#include "kexport/model/lazy_library.hpp"

namespace kexport::input {
namespace {

// libzip's functions, from the library loaded on first use (lazy_library.hpp says why).
struct Libzip {
  LazyLibrary library{"libzip.so.4"};
  decltype(&::zip_discard) zip_discard = nullptr;
  decltype(&::zip_error_fini) zip_error_fini = nullptr;
  decltype(&::zip_error_init) zip_error_init = nullptr;
  decltype(&::zip_error_strerror) zip_error_strerror = nullptr;
  decltype(&::zip_fclose) zip_fclose = nullptr;
  decltype(&::zip_file_strerror) zip_file_strerror = nullptr;
  decltype(&::zip_fopen_index) zip_fopen_index = nullptr;
  decltype(&::zip_fread) zip_fread = nullptr;
  decltype(&::zip_get_name) zip_get_name = nullptr;
  decltype(&::zip_get_num_entries) zip_get_num_entries = nullptr;
  decltype(&::zip_name_locate) zip_name_locate = nullptr;
  decltype(&::zip_open_from_source) zip_open_from_source = nullptr;
  decltype(&::zip_source_buffer_create) zip_source_buffer_create = nullptr;
  decltype(&::zip_source_free) zip_source_free = nullptr;
  decltype(&::zip_stat_index) zip_stat_index = nullptr;
  decltype(&::zip_stat_init) zip_stat_init = nullptr;
  decltype(&::zip_strerror) zip_strerror = nullptr;
  Libzip() {
    KEXPORT_BIND(library, zip_discard);
    KEXPORT_BIND(library, zip_error_fini);
    KEXPORT_BIND(library, zip_error_init);
    KEXPORT_BIND(library, zip_error_strerror);
    KEXPORT_BIND(library, zip_fclose);
    KEXPORT_BIND(library, zip_file_strerror);
    KEXPORT_BIND(library, zip_fopen_index);
    KEXPORT_BIND(library, zip_fread);
    KEXPORT_BIND(library, zip_get_name);
    KEXPORT_BIND(library, zip_get_num_entries);
    KEXPORT_BIND(library, zip_name_locate);
    KEXPORT_BIND(library, zip_open_from_source);
    KEXPORT_BIND(library, zip_source_buffer_create);
    KEXPORT_BIND(library, zip_source_free);
    KEXPORT_BIND(library, zip_stat_index);
    KEXPORT_BIND(library, zip_stat_init);
    KEXPORT_BIND(library, zip_strerror);
  }
};

const Libzip& libzip() {
  static const Libzip loaded;
  return loaded;
}

[[noreturn]] void refuse(const std::string& file, const std::string& problem) {
  throw DataError({file, 0, 0}, problem);
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, const std::string& file) : file_(file) {
  const Libzip& z = libzip();
  // Every other use of libzip goes through an archive, which cannot exist without it.
  if (!z.library.ready())
    throw Error(ExitCode::unavailable,
                file +
                    ": reading .xlsx and .ods workbooks needs libzip (Debian's package "
                    "libzip4), which could not be loaded (" +
                    z.library.why() + "); install it, or save the workbook as CSV");
  zip_error_t error;
  z.zip_error_init(&error);
  zip_source_t* source = z.zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) archive_ = z.zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive_ == nullptr) {
    const std::string why = z.zip_error_strerror(&error);
    if (source != nullptr) z.zip_source_free(source);
    z.zip_error_fini(&error);
    refuse(file, "not a workbook that can be read (" + why +
                     "); expected an .xlsx or .ods file as the spreadsheet program saved it");
  }
  z.zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) libzip().zip_discard(archive_);
}

bool ZipArchive::has(const std::string& name) const {
  const std::lock_guard lock(mutex_);
  return libzip().zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::names() const {
  const Libzip& z = libzip();
  const std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  const zip_int64_t count = z.zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i)
    if (const char* name = z.zip_get_name(archive_, static_cast<zip_uint64_t>(i), 0)) out.emplace_back(name);
  return out;
}

ZipArchive::Entry::Entry(const ZipArchive& archive, const std::string& name)
    : archive_(archive), name_(name) {
  const Libzip& z = libzip();
  const std::lock_guard lock(archive.mutex_);
  const zip_int64_t index = z.zip_name_locate(archive.archive_, name.c_str(), 0);
  if (index < 0) refuse(archive.file_, fmt::format("the workbook has no part '{}'; expected one", name));
  zip_stat_t stat;
  z.zip_stat_init(&stat);
  if (z.zip_stat_index(archive.archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
    refuse(archive.file_, fmt::format("the workbook's part '{}' cannot be read", name));
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && stat.encryption_method != ZIP_EM_NONE)
    refuse(archive.file_, "the workbook is encrypted; expected it saved without a password");
  compressed_ = (stat.valid & ZIP_STAT_COMP_SIZE) != 0 ? stat.comp_size : 0;
  // A deflated entry is read as stored and inflated by ISA-L where it is installed.
  const bool deflated = (stat.valid & ZIP_STAT_COMP_METHOD) != 0 && stat.comp_method == ZIP_CM_DEFLATE;
  if (deflated && RawInflate::available()) {
    inflate_ = std::make_unique<RawInflate>();
    stored_.resize(1 << 16);
    if ((stat.valid & ZIP_STAT_CRC) != 0) expected_crc_ = stat.crc;
    if ((stat.valid & ZIP_STAT_SIZE) != 0) expected_size_ = stat.size;
  }
  file_ =
      z.zip_fopen_index(archive.archive_, static_cast<zip_uint64_t>(index), inflate_ ? ZIP_FL_COMPRESSED : 0);
  if (file_ == nullptr)
    refuse(archive.file_, fmt::format("the workbook's part '{}' cannot be opened ({})", name,
                                      z.zip_strerror(archive.archive_)));
}

ZipArchive::Entry::~Entry() {
  const std::lock_guard lock(archive_.mutex_);
  if (file_ != nullptr) libzip().zip_fclose(file_);
}

void ZipArchive::Entry::damaged(const std::string& why) const {
  refuse(archive_.file_,
         fmt::format("the workbook's part '{}' is damaged ({}); expected the file as the spreadsheet program "
                     "saved it",
                     name_, why));
}

std::size_t ZipArchive::Entry::read_stored(char* buffer, std::size_t size) {
  const std::lock_guard lock(archive_.mutex_);
  const zip_int64_t got = libzip().zip_fread(file_, buffer, size);
  if (got < 0) damaged(libzip().zip_file_strerror(file_));
  return static_cast<std::size_t>(got);
}

std::size_t ZipArchive::Entry::read_inflated(char* buffer, std::size_t size) {
  if (!inflate_) return read_stored(buffer, size);
  while (!inflate_done_) {
    if (stored_at_ == stored_end_ && !stored_done_) {
      stored_at_ = 0;
      stored_end_ = read_stored(reinterpret_cast<char*>(stored_.data()), stored_.size());
      stored_done_ = stored_end_ == 0;
    }
    const RawInflate::Step step =
        inflate_->inflate(stored_.data() + stored_at_, stored_end_ - stored_at_, buffer, size);
    stored_at_ += step.consumed;
    if (step.damaged) damaged("not a deflate stream");
    if (step.finished) {
      inflate_done_ = true;
      const std::uint64_t total = inflated_ + step.produced;
      if (expected_size_ && total != *expected_size_)
        damaged(fmt::format("{} bytes where the archive says {}", total, *expected_size_));
      if (expected_crc_ && inflate_->crc() != *expected_crc_) damaged("CRC error");
    }
    if (step.produced > 0 || inflate_done_) return step.produced;
    if (step.consumed == 0 && stored_done_) damaged("it ends before its last block");
  }
  return 0;
}

std::size_t ZipArchive::Entry::read(char* buffer, std::size_t size) {
  const std::size_t got = read_inflated(buffer, size);
  inflated_ += got;
  if (inflated_ > max_entry_bytes ||
      (inflated_ > ratio_grace && inflated_ > max_ratio * std::max<std::uint64_t>(compressed_, 1)))
    refuse(archive_.file_,
           fmt::format("the workbook's part '{}' inflates to more than {} the size it is stored in; expected "
                       "an ordinary workbook, not a zip bomb",
                       name_, inflated_ > max_entry_bytes ? "2 GiB, out of proportion to" : "250 times"));
  return got;
}

std::string ZipArchive::read_all(const std::string& name) const {
  Entry entry(*this, name);
  std::string out;
  char buffer[1 << 16];
  while (const std::size_t got = entry.read(buffer, sizeof buffer)) out.append(buffer, got);
  return out;
}

}  // namespace kexport::input
