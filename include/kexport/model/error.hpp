// Errors raised by the library, and the exit codes the command line maps them to.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace kexport {

// Exit codes follow BSD sysexits.h so that scripts and cron can tell the failures apart.
enum class ExitCode : int {
  ok = 0,
  usage = 64,          // bad option, bad month, unknown province
  data = 65,           // malformed input data
  no_input = 66,       // input file missing or unreadable
  unavailable = 69,    // the requested month is not in the data
  software = 70,       // an internal error: a bug
  cannot_create = 73,  // the output exists and is not kexport's to replace (a person's files)
  io = 74,             // writing the output failed
  temporary = 75,      // fetch: not published yet, or the server failed: try again later
};
// Every exit code, for the test that holds the README, the manual and --help to this list.
inline constexpr ExitCode all_exit_codes[] = {
    ExitCode::ok,       ExitCode::usage,         ExitCode::data, ExitCode::no_input, ExitCode::unavailable,
    ExitCode::software, ExitCode::cannot_create, ExitCode::io,   ExitCode::temporary};

// Every failure the library reports carries the exit code it should end the run with.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

// A place in an input file: 1-based line and column (in characters, not bytes). In a spreadsheet's
// sheet (`file` is then "book.xlsx[Sheet]") the line is the row and the column the cell's column,
// written as a cell reference: "book.xlsx[Sheet]!C12".
struct SourceLocation {
  std::string file;
  std::uint64_t line = 0;
  std::uint64_t column = 0;
  bool in_sheet = false;

  // "file:12:3", "file:12", "file" — or "book.xlsx[Sheet]!C12", "book.xlsx[Sheet]!12:12".
  [[nodiscard]] std::string text() const;
};

// A spreadsheet column's letters: 1 → "A", 27 → "AA".
std::string column_letters(std::uint64_t column);

// Malformed input. The message reads "file:line:column: what was found; expected what".
class DataError : public Error {
 public:
  DataError(SourceLocation where, const std::string& problem)
      : Error(ExitCode::data, format(where, problem)), where_(std::move(where)), problem_(problem) {}
  [[nodiscard]] const SourceLocation& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }

  static std::string format(const SourceLocation& where, const std::string& problem) {
    return where.text() + ": " + problem;
  }

 private:
  SourceLocation where_;
  std::string problem_;
};

}  // namespace kexport
