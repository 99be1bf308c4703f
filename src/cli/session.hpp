// What every command shares: the global options, turned into where the data is, how answers look,
// and where they go.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kexport/app/data_source.hpp"
#include "kexport/output/report.hpp"

namespace kexport::cli {

struct GlobalOptions {
  std::vector<std::string> data;
  bool skip_bad_rows = false;
  std::string source;
  std::string basis;
  std::string vintage;
  std::string unit;
  std::string decimal;
  std::string encoding;
  std::string data_flow;
  std::string output;
  unsigned threads = 0;
  bool no_cache = false;
  std::vector<std::string> sheets;
};

// How a command's answer is shown: its format and language, as given.
struct Presentation {
  std::string format = "table";
  std::string lang = "tr";
};

class Session {
 public:
  Session(GlobalOptions options, const char* argv0) : options_(std::move(options)), argv0_(argv0) {}

  [[nodiscard]] const GlobalOptions& options() const { return options_; }
  [[nodiscard]] const char* argv0() const { return argv0_; }
  [[nodiscard]] std::optional<std::string> source() const;
  [[nodiscard]] std::optional<Basis> basis() const;
  [[nodiscard]] static Language language(const Presentation& look);
  [[nodiscard]] static Format format(const Presentation& look);
  // Colour, lines and the terminal's width only when the output goes to a terminal; NO_COLOR
  // takes away the colour alone.
  [[nodiscard]] TableStyle style(const Presentation& look) const;

  [[nodiscard]] std::vector<std::string> data_paths() const;
  [[nodiscard]] LoadOptions load_options() const;
  // The data a question needs, with what loading it found said on standard error.
  [[nodiscard]] Dataset load(const DataNeeds& needs, Language language) const;
  // Where cache images go; Error(usage) when neither XDG_CACHE_HOME nor HOME says.
  [[nodiscard]] static CacheSettings cache_settings();

  // The finished answer, in one piece: to --output (see write_output_file), or to standard output.
  void emit(const std::string& text) const;

 private:
  GlobalOptions options_;
  const char* argv0_;
};

}  // namespace kexport::cli
