#include "session.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "kexport/app/data_paths.hpp"
#include "kexport/model/error.hpp"
#include "kexport/output/output_file.hpp"
#include "kexport/output/report.hpp"

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

std::optional<std::string> Session::source() const {
  if (options_.source.empty()) return std::nullopt;
  return options_.source;
}

std::optional<Basis> Session::basis() const {
  if (options_.basis.empty()) return std::nullopt;
  return parse_basis(options_.basis);  // the option's check allows known names only
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
  options.basis = basis();
  if (!options_.vintage.empty()) options.vintage = parse_vintage(options_.vintage);
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
  write_file_warnings(std::cerr, loaded.data, language);
  if (loaded.unit_doubt)
    std::cerr << "kexport: " << (language == Language::tr ? "uyarı: " : "warning: ")
              << unit_doubt_line(*loaded.unit_doubt, language) << '\n';
  return std::move(loaded.data);
}

CacheSettings Session::cache_settings() {
  if (auto directory = default_cache_directory()) return CacheSettings{*directory};
  throw Error(ExitCode::usage, "no cache directory: neither XDG_CACHE_HOME nor HOME is set");
}

void Session::emit(const std::string& text) const {
  if (!options_.output.empty() && options_.output != "-")
    refuse_writing_over_input(options_.output, data_paths());
  if (!options_.output.empty())
    write_output_file(options_.output, text);
  else
    write_all(STDOUT_FILENO, text, "standard output");
}

}  // namespace kexport::cli
