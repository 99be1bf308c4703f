#include "image_meta.hpp"

#include <stdexcept>

namespace kexport::cache {

using nlohmann::json;

namespace {

json describe(const LoadedFile& f) {
  json notes = json::array();
  for (const FileNote& n : f.notes) notes.push_back({static_cast<int>(n.kind), n.count, n.detail});
  json mismatches = json::array();
  for (const TotalColumnMismatch& m : f.total_mismatches)
    mismatches.push_back(
        {m.where.file, m.where.line, m.where.column, m.written, m.stated, m.months, m.where.in_sheet});
  return {{"name", f.name},
          {"format", f.format},
          {"layout", f.layout ? name_of(*f.layout) : ""},
          {"delimiter", f.delimiter},
          {"encoding", f.encoding ? name_of(*f.encoding) : ""},
          {"bom", f.byte_order_mark},
          {"decimal", f.decimal ? name_of(*f.decimal) : ""},
          {"unit", f.unit ? name_of(*f.unit) : ""},
          {"unit_assumed", f.unit_assumed},
          {"source", f.source},
          {"vintage", f.vintage},
          {"vintage_from", f.vintage_from},
          {"rows", f.rows},
          {"title_rows", f.title_rows},
          {"note_rows", f.note_rows},
          {"group_rows", f.group_rows},
          {"unpublished", f.unpublished},
          {"total_mismatches", mismatches},
          {"rounded_amounts", f.rounded_amounts},
          {"first_rounded_line", f.first_rounded_line},
          {"first_rounded", f.first_rounded},
          {"problems", f.problems},
          {"notes", notes}};
}

LoadedFile restore_file(const json& j) {
  LoadedFile f;
  j.at("name").get_to(f.name);
  j.at("format").get_to(f.format);
  f.layout = parse_layout(j.at("layout").get<std::string>());
  j.at("delimiter").get_to(f.delimiter);
  f.encoding = parse_encoding(j.at("encoding").get<std::string>());
  j.at("bom").get_to(f.byte_order_mark);
  f.decimal = parse_decimal_style(j.at("decimal").get<std::string>());
  f.unit = parse_unit(j.at("unit").get<std::string>());
  j.at("unit_assumed").get_to(f.unit_assumed);
  j.at("source").get_to(f.source);
  j.at("vintage").get_to(f.vintage);
  j.at("vintage_from").get_to(f.vintage_from);
  j.at("rows").get_to(f.rows);
  j.at("title_rows").get_to(f.title_rows);
  j.at("note_rows").get_to(f.note_rows);
  j.at("group_rows").get_to(f.group_rows);
  j.at("unpublished").get_to(f.unpublished);
  for (const json& m : j.at("total_mismatches")) {
    if (!m.is_array() || m.size() != 7) throw std::runtime_error("a total mismatch is not seven fields");
    f.total_mismatches.push_back({{m.at(0).get<std::string>(), m.at(1).get<std::uint64_t>(),
                                   m.at(2).get<std::uint64_t>(), m.at(6).get<bool>()},
                                  m.at(3).get<std::string>(),
                                  m.at(4).get<Cents>(),
                                  m.at(5).get<Cents>()});
  }
  j.at("rounded_amounts").get_to(f.rounded_amounts);
  j.at("first_rounded_line").get_to(f.first_rounded_line);
  j.at("first_rounded").get_to(f.first_rounded);
  j.at("problems").get_to(f.problems);
  for (const json& n : j.at("notes")) {
    const int kind = n.at(0).get<int>();
    if (kind < 0 || kind > static_cast<int>(FileNote::last_kind))
      throw std::runtime_error("a note of no kind");
    f.notes.push_back(
        {static_cast<FileNote::Kind>(kind), n.at(1).get<std::uint64_t>(), n.at(2).get<std::string>()});
  }
  return f;
}

void require(bool condition, const char* what) {
  if (!condition) throw std::runtime_error(what);
}

json bases_of(const std::vector<Basis>& bases) {
  json out = json::array();
  for (const Basis basis : bases) out.push_back(std::string(basis_code(basis)));
  return out;
}

}  // namespace

json describe(const Dataset& data) {
  json countries = json::array();
  for (const CountryEntry& c : data.countries)
    countries.push_back({c.written, c.gazetteer ? json(*c.gazetteer) : json(nullptr)});
  json files = json::array();
  for (const LoadedFile& f : data.files) files.push_back(describe(f));
  json revisions = json::array();
  for (const Revision& r : data.revisions)
    revisions.push_back({r.key.packed(), r.old_cents, r.new_cents, r.old_file, r.new_file});
  json skipped = json::array();
  for (const SkippedRow& s : data.skipped) skipped.push_back(s.message);
  // Coverage as one string of 0s and 1s per source: compact in CBOR, plain to read.
  const auto bit_strings = [](const std::vector<std::vector<bool>>& per_source) {
    json out = json::array();
    for (const auto& bits : per_source) {
      std::string text(bits.size(), '0');
      for (std::size_t i = 0; i < bits.size(); ++i)
        if (bits[i]) text[i] = '1';
      out.push_back(std::move(text));
    }
    return out;
  };
  return {{"countries", std::move(countries)},
          {"sectors", data.sectors},
          {"sources", data.sources},
          {"bases", bases_of(data.bases)},
          {"files", std::move(files)},
          {"revisions", std::move(revisions)},
          {"skipped", std::move(skipped)},
          {"skipped_count", data.skipped_count},
          {"coverage_base", data.coverage_base},
          {"coverage", bit_strings(data.coverage)},
          {"vintages", data.vintages},
          {"known", bit_strings(data.known)},
          {"sample_totals", bit_strings(data.sample_totals)},
          {"sample_parts", bit_strings(data.sample_part_bits)}};
}

Dataset restore(const json& meta) {
  Dataset data;
  for (const json& c : meta.at("countries")) {
    require(c.is_array() && c.size() == 2, "a country entry is not [name, index]");
    CountryEntry entry;
    c.at(0).get_to(entry.written);
    if (!c.at(1).is_null()) entry.gazetteer = c.at(1).get<std::size_t>();
    require(!entry.gazetteer || *entry.gazetteer < Gazetteer::builtin().countries().size(),
            "a country beyond the gazetteer");
    data.countries.push_back(std::move(entry));
  }
  require(!data.countries.empty() && data.countries.size() <= 0x10000, "no 'all countries' entry");
  meta.at("sectors").get_to(data.sectors);
  require(data.sectors.size() <= 255u - Dataset::first_sector_code, "too many sectors");
  meta.at("sources").get_to(data.sources);
  require(!data.sources.empty() && data.sources.size() <= 255, "no sources");
  for (const json& b : meta.at("bases")) {
    const auto basis = parse_basis(b.get<std::string>());
    require(basis.has_value(), "an unknown basis");
    data.bases.push_back(*basis);
  }
  require(data.bases.size() == data.sources.size(), "bases do not match the sources");
  for (const json& f : meta.at("files")) data.files.push_back(restore_file(f));
  for (const json& r : meta.at("revisions")) {
    require(r.is_array() && r.size() == 5, "a revision is not [key, old, new, old file, new file]");
    Revision revision{RecordKey::unpack(r.at(0).get<std::uint64_t>()), r.at(1).get<Cents>(),
                      r.at(2).get<Cents>(), r.at(3).get<std::uint32_t>(), r.at(4).get<std::uint32_t>()};
    require(revision.old_file < data.files.size() && revision.new_file < data.files.size(),
            "a revision names a file that is not there");
    data.revisions.push_back(revision);
  }
  for (const json& s : meta.at("skipped")) data.skipped.push_back({s.get<std::string>()});
  meta.at("skipped_count").get_to(data.skipped_count);
  meta.at("coverage_base").get_to(data.coverage_base);
  const auto bits_of = [](const json& strings) {
    std::vector<std::vector<bool>> out;
    for (const json& c : strings) {
      const auto& text = c.get_ref<const std::string&>();
      std::vector<bool> bits(text.size());
      for (std::size_t i = 0; i < text.size(); ++i) bits[i] = text[i] == '1';
      out.push_back(std::move(bits));
    }
    return out;
  };
  data.coverage = bits_of(meta.at("coverage"));
  require(data.coverage.size() == data.sources.size() * Stream::kinds, "coverage does not match the sources");
  meta.at("vintages").get_to(data.vintages);
  require(data.vintages.size() == data.coverage.size(), "releases do not match the sources");
  for (std::size_t s = 0; s < data.vintages.size(); ++s)
    require(data.vintages[s].empty() || data.vintages[s].size() == data.coverage[s].size(),
            "releases do not match the coverage");
  data.known = bits_of(meta.at("known"));
  require(data.known.size() == data.coverage.size(), "known months do not match the sources");
  for (std::size_t s = 0; s < data.known.size(); ++s)
    require(data.known[s].size() == (province_count + 1) * data.coverage[s].size(),
            "known months do not match the coverage");
  data.sample_totals = bits_of(meta.at("sample_totals"));
  data.sample_part_bits = bits_of(meta.at("sample_parts"));
  require(data.sample_totals.size() == data.sample_part_bits.size() &&
              (data.sample_totals.empty() || data.sample_totals.size() == data.coverage.size()),
          "sample marks do not match the sources");
  for (std::size_t s = 0; s < data.sample_totals.size(); ++s)
    require(data.sample_totals[s].size() == data.known[s].size() &&
                data.sample_part_bits[s].size() == data.known[s].size(),
            "sample marks do not match the coverage");
  return data;
}

}  // namespace kexport::cache
