// What `kexport fetch` did, file by file, and how it is written: a line per file for people and
// cron mail, or JSON (`new`, `unchanged`, `failed`) for scripts.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "kexport/model/error.hpp"
#include "kexport/model/period.hpp"
#include "kexport/output/report.hpp"

namespace kexport {

struct FetchedFile {
  enum class State {
    new_file,       // stored: the first vintage of the file
    new_vintage,    // stored: the file was re-published with other content
    unchanged,      // the archive holds it already (a 304, or the same bytes)
    not_published,  // 404: not (yet) published; worth another try later
    failed,         // the server, the network or the content failed (see `problem`)
  };
  std::string file;     // the name --files uses
  std::string address;  // the URL asked
  std::string path;     // where it is kept
  State state = State::failed;
  bool temporary = true;  // for a failure: worth another try later (else the content is unreadable)
  std::string problem;
  std::uint64_t size = 0;
  std::string sha256;
};

struct FetchResult {
  std::string source;
  Period month;
  std::string archive;
  std::vector<FetchedFile> files;
  // Names --files gave that the publisher does not put out for the month.
  std::vector<std::string> not_for_month;
};

// The run's exit code: 0 when every file is stored or current; 65 for a file that is not what its
// name promises; 75 (try later) for one not published yet or a failure that may pass; 69 for a
// name not published that month.
ExitCode fetch_exit_code(const FetchResult& result);

// Table: a line per file ("yeni", "aynı", …, the path or the problem); JSON: source, month,
// archive and the lists new, unchanged, failed.
void write_fetch_report(std::ostream& out, const FetchResult& result, Format format, Language language);

}  // namespace kexport
