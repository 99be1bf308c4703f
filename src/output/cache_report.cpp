// What `kexport cache info` and `kexport cache clear` say.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>

#include "grid.hpp"
#include "kexport/output/report.hpp"
#include "labels.hpp"

namespace kexport {

using output::Kind;
using output::say;
using output::Value;

void write_cache_info(std::ostream& out, const std::filesystem::path& directory,
                      const std::vector<CacheEntry>& entries, Format format, const TableStyle& style) {
  output::Report report;
  report.title = say(style, "Önbellek: ", "Cache: ") + directory.string();
  report.meta.push_back({"directory", Value::of_text(directory.string())});
  output::Section section;
  section.key = "images";
  section.columns = {{"file", say(style, "Dosya", "File"), Kind::text},
                     {"state", say(style, "Durum", "State"), Kind::text},
                     {"bytes", say(style, "Bayt", "Bytes"), Kind::count},
                     {"records", say(style, "Kayıt", "Records"), Kind::count},
                     {"written", say(style, "Yazıldı (UTC)", "Written (UTC)"), Kind::text},
                     {"inputs", say(style, "Girdiler", "Inputs"), Kind::text}};
  // States are stable codes for machines, words for people.
  const bool for_people = format == Format::table || format == Format::markdown;
  const bool turkish = for_people && style.language == Language::tr;
  const auto state = [&](CacheEntry::State code) -> std::string {
    switch (code) {
      case CacheEntry::State::current:
        return turkish ? "güncel" : "current";
      case CacheEntry::State::stale:
        return turkish ? "eskimiş" : "stale";
      case CacheEntry::State::unreadable:
        break;
    }
    return turkish ? "okunamıyor" : "unreadable";
  };
  std::uint64_t total = 0;
  for (const CacheEntry& e : entries) {
    const std::time_t written = e.written_unix;
    section.rows.push_back({Value::of_text(e.file.filename().string()), Value::of_text(state(e.state)),
                            Value::of_count(static_cast<std::int64_t>(e.bytes)),
                            Value::of_count(static_cast<std::int64_t>(e.records)),
                            e.written_unix > 0
                                ? Value::of_text(fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(written)))
                                : Value::null(),
                            Value::of_list(e.inputs)});
    total += e.bytes;
  }
  report.meta.push_back({"bytes", Value::of_count(static_cast<std::int64_t>(total))});
  if (entries.empty()) report.notes.push_back(say(style, "Önbellek boş.", "The cache is empty."));
  report.notes.push_back(say(style,
                             "Eskimiş bir önbellek dosyası, girdileriyle yapılan bir sonraki çalıştırmada "
                             "yeniden yazılır; \"kexport cache clear\" hepsini siler.",
                             "A stale image is rewritten by the next run over its inputs; "
                             "\"kexport cache clear\" removes them all."));
  report.sections.push_back(std::move(section));
  output::write_report(out, report, format, style);
}

void write_cache_cleared(std::ostream& out, const std::filesystem::path& directory,
                         const ClearedCache& cleared, const TableStyle& style) {
  const double megabytes = static_cast<double>(cleared.bytes) / 1e6;
  if (style.language == Language::tr)
    out << fmt::format("{}: {} dosya silindi ({:.1f} MB).\n", directory.string(), cleared.files, megabytes);
  else
    out << fmt::format("{}: removed {} file{} ({:.1f} MB).\n", directory.string(), cleared.files,
                       cleared.files == 1 ? "" : "s", megabytes);
}

}  // namespace kexport
