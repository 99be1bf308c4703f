// The gazetteer's lists, and with data, what the data holds of each entry.
#include <fmt/format.h>

#include "grid.hpp"
#include "kexport/output/report.hpp"
#include "labels.hpp"

namespace kexport {
namespace {

using output::Column;
using output::Kind;
using output::Report;
using output::say;
using output::Section;
using output::Value;

void add_coverage_columns(Section& section, const TableStyle& style) {
  section.columns.push_back({"rows", say(style, "Satır", "Rows"), Kind::count});
  section.columns.push_back({"first_period", say(style, "İlk ay", "First month"), Kind::period});
  section.columns.push_back({"last_period", say(style, "Son ay", "Last month"), Kind::period});
  section.columns.push_back({"sources", say(style, "Kaynaklar", "Sources"), Kind::text});
}

void add_coverage_cells(std::vector<Value>& row, const Coverage* c) {
  if (!c || c->rows == 0) {
    row.push_back(Value::of_count(0));
    row.insert(row.end(), 2, Value::null());
    row.push_back(Value::of_list({}));
    return;
  }
  row.push_back(Value::of_count(static_cast<std::int64_t>(c->rows)));
  row.push_back(Value::of_text(c->first->iso()));
  row.push_back(Value::of_text(c->last->iso()));
  row.push_back(Value::of_list(c->sources));
}

}  // namespace

void write_province_list(std::ostream& out, const Gazetteer& gazetteer, const DataCoverage* coverage,
                         Format format, const TableStyle& style) {
  Report report;
  report.title = say(style, "İller", "Provinces");
  Section section;
  section.key = "provinces";
  section.columns = {{"code", say(style, "Kod", "Code"), Kind::count},
                     {"name", say(style, "İl", "Province"), Kind::text},
                     {"nuts2", "NUTS-2", Kind::text},
                     {"aliases", say(style, "Diğer yazımlar", "Other spellings"), Kind::text}};
  if (coverage) add_coverage_columns(section, style);
  for (const Province& p : gazetteer.provinces()) {
    std::vector<Value> row = {Value::of_count(p.code), Value::of_text(p.name), Value::of_text(p.nuts2),
                              Value::of_list(p.aliases)};
    if (coverage) add_coverage_cells(row, &coverage->provinces[p.code]);
    section.rows.push_back(std::move(row));
  }
  if (coverage && coverage->provinces[national_total].rows > 0) {
    std::vector<Value> row = {Value::null(), Value::of_text("Türkiye"), Value::null(), Value::of_list({})};
    add_coverage_cells(row, &coverage->provinces[national_total]);
    section.rows.push_back(std::move(row));
  }
  report.sections.push_back(std::move(section));
  output::write_report(out, report, format, style);
}

void write_country_list(std::ostream& out, const Gazetteer& gazetteer, const DataCoverage* coverage,
                        Format format, const TableStyle& style) {
  Report report;
  report.title = say(style, "Ülkeler", "Countries");
  Section section;
  section.key = "countries";
  section.columns = {{"code", say(style, "Kod", "Code"), Kind::text},
                     {"alpha3", "ISO-3", Kind::text},
                     {"name_tr", say(style, "Ad", "Turkish name"), Kind::text},
                     {"name_official", say(style, "TÜİK adı", "TÜİK's name"), Kind::text},
                     {"name_en", say(style, "İngilizce", "English name"), Kind::text}};
  if (coverage) add_coverage_columns(section, style);
  const auto find = [&](const std::string& key) -> const Coverage* {
    if (!coverage) return nullptr;
    for (const auto& [name, c] : coverage->countries)
      if (name == key) return &c;
    return nullptr;
  };
  for (const Country& c : gazetteer.countries()) {
    std::vector<Value> row = {
        Value::of_text(c.code), c.alpha3.empty() ? Value::null() : Value::of_text(c.alpha3),
        Value::of_text(c.name_tr), Value::of_text(c.name_official), Value::of_text(c.name_en)};
    if (coverage) add_coverage_cells(row, find(c.code));
    section.rows.push_back(std::move(row));
  }
  // Names in the data that the gazetteer does not know, kept as written.
  if (coverage) {
    for (const auto& [name, c] : coverage->countries) {
      if (gazetteer.find_country_code(name)) continue;
      std::vector<Value> row = {Value::null(), Value::null(), Value::of_text(name), Value::null(),
                                Value::null()};
      add_coverage_cells(row, &c);
      section.rows.push_back(std::move(row));
    }
  }
  report.sections.push_back(std::move(section));
  output::write_report(out, report, format, style);
}

void write_chapter_list(std::ostream& out, const Gazetteer& gazetteer, const DataCoverage* coverage,
                        Format format, const TableStyle& style) {
  Report report;
  report.title = say(style, "Fasıllar (HS)", "HS chapters");
  Section section;
  section.key = "chapters";
  section.columns = {{"chapter", say(style, "Fasıl", "Chapter"), Kind::count},
                     {"name_tr", say(style, "Ad", "Turkish name"), Kind::text},
                     {"name_en", say(style, "İngilizce", "English name"), Kind::text}};
  if (coverage) add_coverage_columns(section, style);
  for (const Chapter& c : gazetteer.chapters()) {
    std::vector<Value> row = {Value::of_count(c.code), Value::of_text(c.name_tr), Value::of_text(c.name_en)};
    if (coverage) add_coverage_cells(row, &coverage->chapters[static_cast<std::size_t>(c.code)]);
    section.rows.push_back(std::move(row));
  }
  if (coverage) {
    for (std::size_t i = 0; i < coverage->sectors.size(); ++i) {
      std::vector<Value> row = {Value::null(), Value::of_text(coverage->sectors[i]), Value::null()};
      add_coverage_cells(row, &coverage->chapters[Dataset::first_sector_code + i]);
      section.rows.push_back(std::move(row));
    }
  }
  report.sections.push_back(std::move(section));
  // TİM's sectors and the chapters they correspond to.
  Section sectors;
  sectors.key = "sectors";
  sectors.title =
      say(style, "TİM sektörleri ve karşılık gelen fasıllar", "TİM's sectors and their HS chapters");
  sectors.columns = {{"sector", say(style, "Sektör", "Sector"), Kind::text},
                     {"name_en", say(style, "İngilizce", "English name"), Kind::text},
                     {"chapters", say(style, "Fasıllar", "Chapters"), Kind::text}};
  for (const Sector& sector : gazetteer.sectors()) {
    std::vector<std::string> codes;
    for (int c : sector.chapters) codes.push_back(fmt::format("{:02}", c));
    sectors.rows.push_back(
        {Value::of_text(sector.name), Value::of_text(sector.name_en), Value::of_list(std::move(codes))});
  }
  if (format != Format::csv) report.sections.push_back(std::move(sectors));
  output::write_report(out, report, format, style);
}

}  // namespace kexport
