// Formatters: plain structs in, text out to the caller's stream. Nothing here computes a figure;
// rounding happens here and only here.
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "kexport/compute/analysis.hpp"
#include "kexport/compute/revisions.hpp"
#include "kexport/compute/summary.hpp"
#include "kexport/compute/validate.hpp"
#include "kexport/model/cache_entry.hpp"

namespace kexport {

struct TableStyle {
  Language language = Language::tr;
  bool color = false;     // ANSI colour, for a terminal that has not asked for none (NO_COLOR)
  bool terminal = false;  // box-drawing lines and the sparkline, for a terminal
  std::size_t width = 0;  // fit tables to this many columns (a terminal's); 0: as wide as they are
};

// The summary for people: aligned, labelled in the language, amounts grouped in its style.
void write_summary_table(std::ostream& out, const Summary& summary, const TableStyle& style);

// The summary for machines: one JSON document (schema in docs/json.md).
void write_summary_json(std::ostream& out, const Summary& summary, Language language);

// The summary as press-release paragraphs, ready to paste: Turkish or English.
void write_summary_text(std::ostream& out, const Summary& summary, Language language);
void write_summary_text_tr(std::ostream& out, const Summary& summary);
void write_summary_text_en(std::ostream& out, const Summary& summary);

// A report for a web page or an e-mail: heading, key figures, top destinations, the prose.
void write_summary_markdown(std::ostream& out, const Summary& summary, Language language);

// A publication-ready chart: the last 13 months against a year earlier, and the top destinations.
void write_summary_svg(std::ostream& out, const Summary& summary, Language language);

// The summary as a self-contained web page (inline CSS and the chart's SVG, no script, no request):
// the headline figures, the comparisons, the chart, the largest destinations and sectors, imports
// where the data has them, and the press release; prints on A4.
void write_summary_html(std::ostream& out, const Summary& summary, Language language);

// The validate report: a block per file, then the revisions between files.
void write_validation_table(std::ostream& out, const ValidationReport& report, const TableStyle& style);
void write_validation_json(std::ostream& out, const ValidationReport& report);

// The formats answers are written in, by the names the command line takes for them. Every
// command writes some of them: tables for people (table, markdown), documents for machines (json,
// csv), press-release prose (text), a chart (svg) and a web page (html).
enum class Format { table, json, csv, markdown, text, svg, html };
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);

// The summary in any of its formats: table, json, text, markdown, svg, html.
void write_summary(std::ostream& out, const Summary& summary, Format format, const TableStyle& style);

// The validate report in its formats: table, json.
void write_validation(std::ostream& out, const ValidationReport& report, Format format,
                      const TableStyle& style);

// The analysis commands, in four formats each (table, json, csv, markdown). CSV follows RFC 4180
// with a header of stable machine names; JSON is one document; both are documented in docs/json.md.
void write_series(std::ostream& out, const Series& series, Format format, const TableStyle& style);
void write_top(std::ostream& out, const Top& top, Format format, const TableStyle& style);
void write_rank(std::ostream& out, const Ranking& ranking, Format format, const TableStyle& style);
void write_revisions(std::ostream& out, const Revisions& revisions, Format format, const TableStyle& style);
// The gazetteer's lists; with coverage, what the loaded data holds of each entry.
void write_province_list(std::ostream& out, const Gazetteer& gazetteer, const DataCoverage* coverage,
                         Format format, const TableStyle& style);
void write_country_list(std::ostream& out, const Gazetteer& gazetteer, const DataCoverage* coverage,
                        Format format, const TableStyle& style);
void write_chapter_list(std::ostream& out, const Gazetteer& gazetteer, const DataCoverage* coverage,
                        Format format, const TableStyle& style);

// What the cache directory holds (`kexport cache info`), and what `kexport cache clear` removed.
void write_cache_info(std::ostream& out, const std::filesystem::path& directory,
                      const std::vector<CacheEntry>& entries, Format format, const TableStyle& style);
void write_cache_cleared(std::ostream& out, const std::filesystem::path& directory,
                         const ClearedCache& cleared, const TableStyle& style);

// One warning line per figure that the data's gaps left out, naming what cannot be computed (the
// figure, or only its comparison) and the missing months, for standard error.
void write_gaps(std::ostream& err, const std::vector<Gap>& gaps, Language language);

// A warning for standard error for each total row smaller than the sum of its parts, whose shares
// therefore add up to more than 100 %.
void write_parts_over_total(std::ostream& err, const std::vector<PartsOverTotal>& cases, ProvinceId province,
                            Language language);

// The rows --skip-bad-rows left out: how many, and the first of them, for standard error.
void write_skipped_rows(std::ostream& err, const Dataset& data, Language language);
// What a file says that its own figures do not (a bulletin's DEĞ. cells the amounts do not give):
// a line per file for standard error, the details left to validate.
void write_file_warnings(std::ostream& err, const Dataset& data, Language language);
// What a doubt about the unit says: "birim belirtilmemiş, tutarlar dolar sayıldı; ama …".
std::string unit_doubt_line(const FileValidation::UnitDoubt& doubt, Language language);
// What a skipped row left unknown (FileNote::Kind::skipped_row_unknown's detail), for people:
// "Aydın, 2026-01", "her il, dosyanın her ayı".
std::string skipped_key_text(std::string_view detail, Language language);

// Why a directory entry was not loaded, in the language ("spreadsheets are not read; save it as CSV").
std::string_view passed_over_reason(PassedOver::Why why, Language language);

// A note on standard error for each entry of a data directory that was not loaded and may have
// been meant as data (a spreadsheet, a file of another kind).
void write_passed_over_notes(std::ostream& err, const std::vector<PassedOver>& entries, Language language);

// A note for standard error when "latest" passed over the data's latest month: for a province
// that the month does not hold, or for Türkiye and rank (national_total), an incomplete month.
void write_passed_over(std::ostream& err, const std::optional<IncompleteMonth>& passed_over, Period reported,
                       ProvinceId province, Language language);

}  // namespace kexport
