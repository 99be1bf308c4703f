// One options struct and one run function per command. A run function turns its options into a
// question, has the library answer it, and writes the answer: no rule of what to load (the app
// layer's needs_of), no arithmetic, no parsing of data.
#pragma once

#include <string>
#include <vector>

#include "kexport/compute/analysis.hpp"
#include "kexport/compute/publication.hpp"
#include "kexport/compute/revisions.hpp"
#include "kexport/compute/summary.hpp"
#include "session.hpp"

namespace kexport::cli {

struct SummaryCommand {
  SummaryQuery query;
  std::string province, month = "latest";
  Presentation look;
};
struct SeriesCommand {
  std::string province, country, chapter, from, to, flow = "export";
  Presentation look;
};
struct TopCommand {
  TopQuery query;
  std::string province, month = "latest", by = "country", window = "month", flow = "export";
  Presentation look;
};
struct RankCommand {
  RankQuery query;
  std::string month = "latest", by = "value", window = "month", province, flow = "export";
  Presentation look;
};
struct RevisionsCommand {
  std::string province, month, old_release, new_release, flow = "export";
  Presentation look;
};
struct ReportCommand {
  std::vector<std::string> provinces{"all"};
  std::string month = "latest", lang = "tr,en", dir;
  std::size_t top_n = 10;
};
struct ListCommand {
  enum class Kind { provinces, countries, chapters } kind = Kind::provinces;
  Presentation look;
};
struct ValidateCommand {
  std::vector<std::string> paths;
  Presentation look;
};
struct FetchCommand {
  std::string month = "latest", base_url, archive;
  std::vector<std::string> files;
  long connect_timeout = 15, timeout = 180;
  int retries = 3;
  double retry_wait = 2;
  Presentation look;
};
struct CacheCommand {
  bool stale_only = false;
  Presentation look;
};

// "YYYY-MM", or "latest" (and empty) as nothing; Error(usage) naming `flag` otherwise.
std::optional<Period> month_option(const std::string& text, std::string_view flag);

// Each returns the process's exit code; errors are thrown as kexport::Error.
int run_summary(const Session& session, SummaryCommand command);
int run_series(const Session& session, const SeriesCommand& command);
int run_top(const Session& session, TopCommand command);
int run_rank(const Session& session, RankCommand command);
int run_revisions(const Session& session, const RevisionsCommand& command);
int run_report(const Session& session, const ReportCommand& command);
int run_list(const Session& session, const ListCommand& command);
int run_validate(const Session& session, const ValidateCommand& command);
int run_cache_info(const Session& session, const CacheCommand& command);
int run_cache_clear(const Session& session, const CacheCommand& command);
int run_fetch(const Session& session, const FetchCommand& command);

}  // namespace kexport::cli
