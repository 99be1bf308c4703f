#include "session.hpp"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "kexport/data_paths.hpp"
#include "kexport/error.hpp"
#include "kexport/output_file.hpp"
#include "kexport/report.hpp"
#include "kexport/validate.hpp"

namespace kexport::cli {
namespace {

bool is_terminal() {
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) == 1;
}

// The terminal's columns: as it says, else $COLUMNS, else 80.
std::size_t terminal_width() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n > 0 && n < 10000) return static_cast<std::size_t>(n);
  }
  return 80;
}

}  // namespace

void Session::refuse_overwriting_input(const std::string& output) const {
  struct stat target {};
  if (::stat(output.c_str(), &target) != 0 || !S_ISREG(target.st_mode)) return;
  const auto same = [&](const std::filesystem::path& input) {
    struct stat info {};
    return ::stat(input.c_str(), &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino;
  };
  for (const std::string& path : data_paths()) {
    std::error_code ec;
    bool found = same(path);
    if (!found && std::filesystem::is_directory(path, ec))
      for (const auto& entry : std::filesystem::directory_iterator(path, ec))
        if (same(entry.path())) found = true;
    if (found)
      throw Error(ExitCode::usage, output + ": is one of the data files this run reads (--data " + path +
                                       "); expected an output file that is not an input");
  }
}

std::optional<std::string> Session::source() const {
  if (options_.source.empty()) return std::nullopt;
  return options_.source;
}

Language Session::language(const Presentation& look) {
  return look.lang == "en" ? Language::en : Language::tr;
}

Format Session::format(const Presentation& look) {
  return parse_format(look.format).value_or(Format::table);  // the option's check allows known names only
}

TableStyle Session::style(const Presentation& look) const {
  TableStyle style;
  style.language = language(look);
  style.terminal = (options_.output.empty() || options_.output == "-") && is_terminal();
  const char* no_color = std::getenv("NO_COLOR");
  style.color = style.terminal && (no_color == nullptr || *no_color == '\0');
  if (style.terminal) style.width = terminal_width();
  return style;
}

std::vector<std::string> Session::data_paths() const {
  return kexport::data_paths(options_.data, argv0_);
}

LoadOptions Session::load_options() const {
  LoadOptions options;
  options.skip_bad_rows = options_.skip_bad_rows;
  options.source = source();
  if (!options_.unit.empty()) options.unit = parse_unit(options_.unit);
  if (!options_.data_flow.empty()) options.flow = parse_flow(options_.data_flow);
  if (!options_.decimal.empty()) options.decimal = parse_decimal_style(options_.decimal);
  if (!options_.encoding.empty()) options.encoding = parse_encoding(options_.encoding);
  options.threads = options_.threads;
  options.sheets = options_.sheets;
  return options;
}

Dataset Session::load(const DataNeeds& needs, Language language) const {
  DataSource source{data_paths(), load_options(), std::nullopt};
  if (!options_.no_cache)
    if (auto directory = default_cache_directory()) source.cache = CacheSettings{*directory};
  LoadedData loaded = kexport::load(source, needs);
  write_passed_over_notes(std::cerr, loaded.passed_over, language);
  if (!loaded.cache_note.empty()) std::cerr << "kexport: note: " << loaded.cache_note << '\n';
  write_skipped_rows(std::cerr, loaded.data, language);
  // Files that state no unit, read as dollars: every command says when the figures look like
  // thousands, not only validate.
  if (std::any_of(loaded.data.files.begin(), loaded.data.files.end(), [](const LoadedFile& f) { return f.unit_assumed; }))
    if (const auto doubt = doubt_unit(loaded.data, Gazetteer::builtin()))
      std::cerr << "kexport: " << (language == Language::tr ? "uyarı: " : "warning: ")
                << unit_doubt_line(*doubt, language) << '\n';
  return std::move(loaded.data);
}

CacheSettings Session::cache_settings() {
  if (auto directory = default_cache_directory()) return CacheSettings{*directory};
  throw Error(ExitCode::usage, "no cache directory: neither XDG_CACHE_HOME nor HOME is set");
}

void Session::emit(const std::string& text) const {
  if (!options_.output.empty() && options_.output != "-") refuse_overwriting_input(options_.output);
  if (!options_.output.empty())
    write_output_file(options_.output, text);
  else
    write_all(STDOUT_FILENO, text, "standard output");
}

}  // namespace kexport::cli
