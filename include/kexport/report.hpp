// Formatters: plain structs in, text out to the caller's stream. Nothing here computes a figure;
// rounding happens here and only here.
#pragma once

#include <ostream>

#include "kexport/summary.hpp"
#include "kexport/validate.hpp"

namespace kexport {

enum class OutputFormat { table, json };

struct TableStyle {
  Language language = Language::tr;
  bool color = false;  // ANSI colour and box-drawing characters, for a terminal
};

// The summary for people: aligned, labelled in the language, amounts grouped in its style.
void write_summary_table(std::ostream& out, const Summary& summary, const TableStyle& style);

// The summary for machines: one JSON document (schema in README.md, "JSON output").
void write_summary_json(std::ostream& out, const Summary& summary);

// The validate report: a block per file, then the revisions between files.
void write_validation_table(std::ostream& out, const ValidationReport& report, const TableStyle& style);
void write_validation_json(std::ostream& out, const ValidationReport& report);

// One line per figure that could not be computed, for standard error.
void write_gap_warnings(std::ostream& err, const Summary& summary, Language language);

}  // namespace kexport
