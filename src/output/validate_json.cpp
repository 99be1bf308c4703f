// The validate report for machines: one JSON document.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "json_values.hpp"
#include "kexport/output/report.hpp"
#include "names.hpp"
#include "validate_lines.hpp"

namespace kexport {

namespace {

using Ordered = nlohmann::ordered_json;

Ordered bases_json(const std::vector<Basis>& bases) {
  Ordered out = Ordered::array();
  for (const Basis basis : bases) out.push_back(basis_code(basis));
  return out;
}

Ordered total_json(const TotalCheck& t) {
  return Ordered{
      {"source", t.source},
      {"province", output::province_name(t.province)},
      {"country", t.country ? Ordered(t.country->name(Gazetteer::builtin(), Language::tr)) : Ordered()},
      {"period", t.month.iso()},
      {"parts", output::code_of(t.parts)},
      {"total", output::json_dollars(t.total)},
      {"sum_of_parts", output::json_dollars(t.sum_of_parts)}};
}

// One file: what was read from it, how, and what it said.
Ordered file_json(const FileValidation& f) {
  Ordered totals = Ordered::array();
  for (const TotalCheck& t : f.totals) totals.push_back(total_json(t));
  Ordered missing = Ordered::array();
  for (Period m : f.missing_months) missing.push_back(m.iso());
  // Notices as sentences (stable since the first release), and the same as fields.
  Ordered notices = Ordered::array();
  Ordered mismatches = Ordered::array();
  if (f.file.rounded_amounts > 0)
    notices.push_back(f.file.name + ": " + output::rounded_line(f.file, Language::en));
  for (const TotalColumnMismatch& m : f.file.total_mismatches) {
    notices.push_back(fmt::format(
        "{}: the total {} is not the sum of the months ({}.{:02} USD against {}.{:02} USD)", m.where.text(),
        m.written, m.stated / 100, m.stated % 100, m.months / 100, m.months % 100));
    mismatches.push_back({{"position", m.where.text()},
                          {"line", m.where.line},
                          {"column", m.where.column},
                          {"written", m.written},
                          {"total", output::json_dollars(m.stated)},
                          {"sum_of_months", output::json_dollars(m.months)}});
  }
  Ordered notes = Ordered::array();
  for (const FileNote& note : f.file.notes) {
    notices.push_back(f.file.name + ": " + output::note_line(note, Language::en));
    notes.push_back({{"kind", output::note_key(note.kind)}, {"count", note.count}, {"detail", note.detail}});
  }
  return Ordered{
      {"file", f.file.name},
      {"readable", !f.fatal},
      {"format", f.file.format},
      {"layout", f.file.layout ? name_of(*f.file.layout) : ""},
      {"delimiter", f.file.delimiter},
      {"encoding", f.file.encoding ? output::encoding_text(f.file) : ""},
      {"decimal", f.file.decimal ? name_of(*f.file.decimal) : ""},
      {"unit", f.file.unit ? name_of(*f.file.unit) : ""},
      {"sources", f.sources},
      {"bases", bases_json(f.bases)},
      {"vintage",
       f.file.vintage == unknown_vintage ? Ordered(nullptr) : Ordered(vintage_iso(f.file.vintage))},
      {"vintage_from", f.file.vintage_from},
      {"flows", output::flow_names(f.flows)},
      {"rows", f.file.rows},
      {"title_rows", f.file.title_rows},
      {"note_rows", f.file.note_rows},
      {"group_rows", f.file.group_rows},
      {"first_period", f.first_month ? Ordered(f.first_month->iso()) : Ordered(nullptr)},
      {"last_period", f.last_month ? Ordered(f.last_month->iso()) : Ordered(nullptr)},
      {"missing_periods", missing},
      {"unpublished_months", f.file.unpublished},
      {"provinces", f.provinces},
      {"countries", f.countries},
      {"unknown_countries", f.unknown_countries},
      {"free_zones", f.free_zones},
      {"unit_assumed", f.file.unit_assumed},
      {"unit_doubt", f.unit_doubt ? Ordered{{"province", f.unit_doubt->province},
                                            {"period", f.unit_doubt->month.iso()},
                                            {"value_usd", output::json_dollars(f.unit_doubt->cents)}}
                                  : Ordered()},
      {"totals", totals},
      {"notices", notices},
      {"total_mismatches", mismatches},
      {"rounded_amounts", f.file.rounded_amounts},
      {"notes", notes},
      {"problems", f.file.problems}};
}

Ordered revision_json(const RevisionNote& r) {
  return Ordered{{"earlier_file", r.earlier_file},
                 {"later_file", r.later_file},
                 {"source", r.source},
                 {"province", output::province_name(r.province)},
                 {"period", r.month.iso()},
                 {"country", r.country ? Ordered(r.country->name(Gazetteer::builtin(), Language::tr))
                                       : Ordered(nullptr)},
                 {"chapter", r.chapter == 0 ? Ordered(nullptr) : Ordered(r.chapter)},
                 {"old_value", output::json_dollars(r.old_value)},
                 {"new_value", output::json_dollars(r.new_value)}};
}

}  // namespace

void write_validation_json(std::ostream& out, const ValidationReport& report) {
  Ordered files = Ordered::array();
  for (const FileValidation& f : report.files) files.push_back(file_json(f));
  Ordered revisions = Ordered::array();
  for (const RevisionNote& r : report.revisions) revisions.push_back(revision_json(r));
  Ordered combined = Ordered::array();
  for (const TotalCheck& t : report.combined_totals) combined.push_back(total_json(t));
  Ordered not_read = Ordered::array();
  for (const PassedOver& entry : report.passed_over)
    not_read.push_back({{"path", entry.path}, {"reason", output::passed_over_key(entry.why)}});
  Ordered doc{{"clean", report.clean()},
              {"files", files},
              {"combined_totals", combined},
              {"revisions", revisions},
              {"not_read", not_read}};
  out << doc.dump(2) << '\n';
}

}  // namespace kexport
