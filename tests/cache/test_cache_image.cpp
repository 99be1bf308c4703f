// The dataset cache: an image gives back exactly what was stored; questions answered from it equal
// those answered from the files; a changed input, a damaged or foreign image is never trusted.
#include <fcntl.h>
#include <sys/stat.h>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "helpers.hpp"
#include "image_seal.hpp"
#include "kexport/app/cache.hpp"
#include "kexport/cache/cache_image.hpp"
#include "kexport/compute/analysis.hpp"
#include "kexport/model/error.hpp"
#include "kexport/output/report.hpp"
#include "reference_model.hpp"

namespace fs = std::filesystem;
using kexport::CacheOutcome;

namespace {

const kexport::Gazetteer& gazetteer() {
  return kexport::Gazetteer::builtin();
}

// A directory of its own for each test, removed afterwards.
using test::TempDir;
const kexport::cache::ImageKey key = test::fixed_key();
using test::write_text;

std::string summary_json(const kexport::Dataset& data, const std::string& province) {
  kexport::SummaryQuery query;
  query.province = test::province(province);
  std::ostringstream out;
  kexport::write_summary_json(out, kexport::compute_summary(data, gazetteer(), query), kexport::Language::tr);
  return out.str();
}

std::string rank_csv(const kexport::Dataset& data) {
  std::ostringstream out;
  kexport::write_rank(out, kexport::compute_rank(data, {}), kexport::Format::csv, {});
  return out.str();
}

void check_same(const kexport::Dataset& a, const kexport::Dataset& b) {
  CHECK(a.keys == b.keys);
  CHECK(a.cents == b.cents);
  REQUIRE(a.countries.size() == b.countries.size());
  for (std::size_t i = 0; i < a.countries.size(); ++i) {
    CHECK(a.countries[i].written == b.countries[i].written);
    CHECK(a.countries[i].gazetteer == b.countries[i].gazetteer);
  }
  CHECK(a.sectors == b.sectors);
  CHECK(a.sources == b.sources);
  CHECK(a.bases == b.bases);
  CHECK(a.vintages == b.vintages);
  for (std::size_t i = 0; i < std::min(a.files.size(), b.files.size()); ++i) {
    CHECK(a.files[i].vintage == b.files[i].vintage);
    CHECK(a.files[i].vintage_from == b.files[i].vintage_from);
  }
  REQUIRE(a.files.size() == b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) {
    CHECK(a.files[i].name == b.files[i].name);
    CHECK(a.files[i].rows == b.files[i].rows);
    CHECK(a.files[i].unit == b.files[i].unit);
    REQUIRE(a.files[i].total_mismatches.size() == b.files[i].total_mismatches.size());
    for (std::size_t m = 0; m < a.files[i].total_mismatches.size(); ++m) {
      CHECK(a.files[i].total_mismatches[m].where.line == b.files[i].total_mismatches[m].where.line);
      CHECK(a.files[i].total_mismatches[m].stated == b.files[i].total_mismatches[m].stated);
      CHECK(a.files[i].total_mismatches[m].months == b.files[i].total_mismatches[m].months);
    }
  }
  REQUIRE(a.revisions.size() == b.revisions.size());
  for (std::size_t i = 0; i < a.revisions.size(); ++i) {
    CHECK(a.revisions[i].key.packed() == b.revisions[i].key.packed());
    CHECK(a.revisions[i].new_cents == b.revisions[i].new_cents);
  }
  CHECK(a.skipped_count == b.skipped_count);
  CHECK(a.coverage_base == b.coverage_base);
  CHECK(a.coverage == b.coverage);
  CHECK(a.known == b.known);
}

kexport::CacheSettings settings_in(const TempDir& dir) {
  return kexport::CacheSettings{dir.path / "cache", 0};
}

// A data file of random rows: three provinces, or with `national` all 81 and a national total.
std::string random_csv(std::uint64_t seed, bool national) {
  std::mt19937_64 rng(seed);
  return oracle::to_csv(oracle::make_case(rng, national, national));
}

// Exports and imports of random rows, some with their net weight, some without: what the views of
// an image must answer alike for (imports, balance, value per kilogram).
std::string random_trade_csv(std::uint64_t seed, bool national) {
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution weighed(0.8);
  std::uniform_int_distribution<std::int64_t> grams(1, 9'000'000);
  std::string csv = "period,province,country_code,value_usd,flow,net_weight_kg\n";
  for (const char* flow : {"ihracat", "ithalat"})
    for (const auto& r : oracle::make_case(rng, national, national).rows) {
      std::string weight;
      if (weighed(rng)) {
        const std::int64_t g = grams(rng);
        weight = fmt::format("{}.{:03}", g / 1000, g % 1000);
      }
      csv += fmt::format("{},{},{},{}.{:02},{},{}\n", r.month.iso(),
                         r.province == 0 ? "Türkiye" : std::to_string(r.province), r.country, r.cents / 100,
                         r.cents % 100, flow, weight);
    }
  return csv;
}

// Flips one byte of a file in place.
void flip_byte(const fs::path& path, std::uint64_t offset) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  file.seekg(static_cast<std::streamoff>(offset));
  char byte = 0;
  file.read(&byte, 1);
  byte = static_cast<char>(byte ^ 0x5A);
  file.seekp(static_cast<std::streamoff>(offset));
  file.write(&byte, 1);
}

fs::path only_image(const kexport::CacheSettings& settings) {
  std::vector<fs::path> images;
  for (const auto& entry : fs::directory_iterator(settings.directory))
    if (entry.path().extension() == ".kxc") images.push_back(entry.path());
  REQUIRE(images.size() == 1);
  return images.front();
}

kexport::cache::ImageHeader header_of(const fs::path& image) {
  kexport::cache::ImageHeader header;
  std::ifstream(image, std::ios::binary).read(reinterpret_cast<char*>(&header), sizeof header);
  return header;
}

}  // namespace

TEST_CASE("an image gives back the dataset it was written from", "[cache]") {
  TempDir dir;
  // Three files with a revision between them, a TİM sector name, an unknown destination.
  const std::string first = random_csv(1, true);
  const std::string first_row =
      first.substr(first.find('\n') + 1, first.find('\n', first.find('\n') + 1) - first.find('\n'));
  const std::string revised = first_row.substr(0, first_row.rfind(',')) + ",123.45\n";
  const auto data =
      test::load_texts({{"a.csv", first},
                        {"b.csv",
                         "period,province,country,chapter,value_usd\n2023-02,6,Almanya,Uzay Turizmi,5.25\n"
                         "2023-01,38,Atlantis,,2.00\n"},
                        {"c.csv", "period,province,country_code,value_usd\n" + revised}});
  REQUIRE(!data.revisions.empty());
  const auto directory = kexport::cache::CacheDirectory::open(dir.path, false);
  kexport::cache::write_image(directory, "image.kxc", data, 42, {{"note", "test"}}, key);
  const auto mapped = kexport::map_readonly((dir.path / "image.kxc").string());
  REQUIRE(mapped);
  const kexport::cache::Image image(mapped->bytes, key);
  CHECK(image.identity() == 42);
  CHECK(image.records() == data.size());
  CHECK(image.about().at("note") == "test");
  check_same(image.dataset(std::nullopt, false), data);
}

TEST_CASE("views of an image answer exactly as focused, totals-only and full loads", "[cache][oracle]") {
  TempDir dir;
  for (int round = 0; round < 24; ++round) {
    const bool national = round % 2 == 1;
    // Every third round, of both flows with weights.
    const auto seed = 100 + static_cast<std::uint64_t>(round);
    const std::string csv = round % 3 == 2 ? random_trade_csv(seed, national) : random_csv(seed, national);
    const auto full = test::load_text("random.csv", csv);
    const auto directory = kexport::cache::CacheDirectory::open(dir.path, false);
    kexport::cache::write_image(directory, "image.kxc", full, 7, nlohmann::json::object(), key);
    const auto mapped = kexport::map_readonly((dir.path / "image.kxc").string());
    REQUIRE(mapped);
    const kexport::cache::Image image(mapped->bytes, key);

    for (const std::string province : {"1", "6", "38"}) {
      kexport::LoadOptions focused;
      focused.focus_province = test::province(province);
      const auto loaded = test::load_text("random.csv", csv, focused);
      const auto view = image.dataset(gazetteer().find_province(province), false);
      CHECK(view.size() <= full.size());
      CHECK(summary_json(view, province) == summary_json(loaded, province));
      CHECK(summary_json(view, province) == summary_json(full, province));
    }
    kexport::LoadOptions totals;
    totals.totals_only = true;
    const auto loaded_totals = test::load_text("random.csv", csv, totals);
    const auto totals_view = image.dataset(std::nullopt, true);
    // A totals-only load keeps one total row per province and month: the view has the very same.
    CHECK(totals_view.keys == loaded_totals.keys);
    CHECK(totals_view.cents == loaded_totals.cents);
    if (national) CHECK(rank_csv(totals_view) == rank_csv(full));
  }
}

TEST_CASE("the cache is written once, then answers; a changed input is loaded again", "[cache]") {
  TempDir dir;
  const auto settings = settings_in(dir);
  const fs::path file = dir.path / "exports.csv";
  write_text(file, random_csv(5, true));
  kexport::LoadOptions options;
  options.focus_province = 38;  // Kayseri

  const auto first = kexport::load_through_cache({file.string()}, options, settings);
  CHECK(first.outcome == CacheOutcome::written);
  CHECK(first.note.empty());
  // The directory and the image are their owner's only.
  CHECK(fs::status(settings.directory).permissions() == fs::perms::owner_all);
  CHECK(fs::status(only_image(settings)).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  const auto second = kexport::load_through_cache({file.string()}, options, settings);
  CHECK(second.outcome == CacheOutcome::hit);
  const auto fresh = test::load_text(file.string(), test::read_file(file.string()));
  CHECK(summary_json(second.data, "Kayseri") == summary_json(fresh, "Kayseri"));
  CHECK(second.data.size() < fresh.size());  // only Kayseri's records and the others' totals

  SECTION("other options make another image") {
    kexport::LoadOptions thousands = options;
    thousands.unit = kexport::ValueUnit::thousand_dollars;
    const auto other = kexport::load_through_cache({file.string()}, thousands, settings);
    CHECK(other.outcome == CacheOutcome::written);
    CHECK(summary_json(other.data, "Kayseri") != summary_json(second.data, "Kayseri"));
    CHECK(kexport::list_cache(settings).size() == 2);
  }

  SECTION("same size and time, other content: the fingerprint tells") {
    struct stat before {};
    REQUIRE(::stat(file.c_str(), &before) == 0);
    std::string text = test::read_file(file.string());
    const auto digit = text.find_last_of("123456789");
    text[digit] = text[digit] == '9' ? '8' : static_cast<char>(text[digit] + 1);
    write_text(file, text);
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
    const auto again = kexport::load_through_cache({file.string()}, options, settings);
    CHECK(again.outcome == CacheOutcome::written);
    CHECK(summary_json(again.data, "Kayseri") ==
          summary_json(test::load_text(file.string(), text), "Kayseri"));
    CHECK(kexport::list_cache(settings).size() == 1);  // rewritten in place
  }

  SECTION("a file added to a directory is seen") {
    const fs::path folder = dir.path / "folder";
    fs::create_directory(folder);
    fs::copy_file(file, folder / "a.csv");
    CHECK(kexport::load_through_cache({folder.string()}, options, settings).outcome == CacheOutcome::written);
    CHECK(kexport::load_through_cache({folder.string()}, options, settings).outcome == CacheOutcome::hit);
    write_text(folder / "b.csv", "period,province,value_usd\n2030-01,38,1.00\n");
    const auto again = kexport::load_through_cache({folder.string()}, options, settings);
    CHECK(again.outcome == CacheOutcome::written);
    CHECK(again.data.last_month(kexport::Stream{0}) == kexport::Period::from_year_month(2030, 1));
  }

  SECTION("cache info says what is current and what is stale; clear removes it all") {
    auto entries = kexport::list_cache(settings);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].state == kexport::CacheEntry::State::current);
    CHECK(entries[0].records == fresh.size());
    CHECK(entries[0].inputs == std::vector<std::string>{fs::weakly_canonical(file).string()});
    write_text(file, random_csv(6, true));
    entries = kexport::list_cache(settings);
    CHECK(entries[0].state == kexport::CacheEntry::State::stale);
    write_text(entries[0].file.string() + ".tmp.123", "left by a killed writer");
    // --stale keeps current images and fresh temporary files (a writer may be filling them).
    kexport::LoadOptions other = options;
    other.source = "TİM";
    REQUIRE(kexport::load_through_cache({file.string()}, other, settings).outcome == CacheOutcome::written);
    const auto stale = kexport::clear_cache(settings, true);
    CHECK(stale.files == 1);
    CHECK(stale.bytes == entries[0].bytes);
    entries = kexport::list_cache(settings);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].state == kexport::CacheEntry::State::current);
    const auto cleared = kexport::clear_cache(settings);
    CHECK(cleared.files == 2);
    CHECK(cleared.bytes == entries[0].bytes + 23);
    CHECK(kexport::list_cache(settings).empty());
  }
}

TEST_CASE("a damaged or foreign image is never trusted", "[cache]") {
  TempDir dir;
  const auto settings = settings_in(dir);
  const fs::path file = dir.path / "exports.csv";
  const std::string csv = random_csv(9, true);
  write_text(file, csv);
  const auto fresh = test::load_text(file.string(), csv);
  kexport::LoadOptions kayseri;
  kayseri.focus_province = 38;
  REQUIRE(kexport::load_through_cache({file.string()}, kayseri, settings).outcome == CacheOutcome::written);
  const fs::path image = only_image(settings);
  const auto header = header_of(image);
  // The first record of a slice: Ankara's (province 6) comes after Adana's (1).
  const auto mapped = kexport::map_readonly(image.string());
  REQUIRE(mapped);
  std::vector<kexport::cache::SliceEntry> slices(header.slice_count);
  std::memcpy(slices.data(), mapped->bytes.data() + header.slices_offset, slices.size() * sizeof slices[0]);
  const auto slice_of = [&](int province) {
    for (const auto& s : slices)
      if ((s.prefix & 0xFF) == static_cast<std::uint64_t>(province)) return s;
    FAIL("no slice for the province");
    return slices.front();
  };

  SECTION("a record of the asked province: found, said, rewritten; the answer is right") {
    flip_byte(image, header.cents_offset + 8 * slice_of(38).begin);
    const auto loaded = kexport::load_through_cache({file.string()}, kayseri, settings);
    CHECK(loaded.outcome == CacheOutcome::written);
    CHECK_THAT(loaded.note, Catch::Contains("damaged") && Catch::Contains("checksum"));
    CHECK(summary_json(loaded.data, "38") == summary_json(fresh, "38"));
    CHECK(kexport::load_through_cache({file.string()}, kayseri, settings).outcome == CacheOutcome::hit);
  }

  SECTION("a record of another province: a Kayseri question does not read it, a full one does") {
    flip_byte(image, header.keys_offset + 8 * slice_of(6).begin);
    CHECK(kexport::load_through_cache({file.string()}, kayseri, settings).outcome == CacheOutcome::hit);
    const auto whole = kexport::load_through_cache({file.string()}, {}, settings);
    CHECK(whole.outcome == CacheOutcome::written);
    CHECK_THAT(whole.note, Catch::Contains("damaged"));
    check_same(whole.data, fresh);
  }

  SECTION("the monthly totals") {
    flip_byte(image, header.total_cents_offset);
    kexport::LoadOptions totals;
    totals.totals_only = true;
    const auto loaded = kexport::load_through_cache({file.string()}, totals, settings);
    CHECK(loaded.outcome == CacheOutcome::written);
    CHECK(rank_csv(loaded.data) == rank_csv(fresh));
  }

  SECTION("the metadata, the header, a cut") {
    const std::uint64_t where =
        GENERATE(std::uint64_t{sizeof(kexport::cache::ImageHeader) + 4}, std::uint64_t{20}, std::uint64_t{0});
    if (where == 0)
      fs::resize_file(image, header.file_size - 8);
    else
      flip_byte(image, where);
    const auto loaded = kexport::load_through_cache({file.string()}, kayseri, settings);
    CHECK(loaded.outcome == CacheOutcome::written);
    CHECK_THAT(loaded.note, Catch::Contains("damaged"));
    CHECK(summary_json(loaded.data, "38") == summary_json(fresh, "38"));
  }

  SECTION("another format version: replaced without a word") {
    flip_byte(image, 8);
    const auto loaded = kexport::load_through_cache({file.string()}, kayseri, settings);
    CHECK(loaded.outcome == CacheOutcome::written);
    CHECK(loaded.note.empty());
  }

  SECTION("a cache that cannot be written: the answer still comes, and the reason is said") {
    fs::remove_all(settings.directory);
    write_text(settings.directory, "a file where the directory should be");
    const auto loaded = kexport::load_through_cache({file.string()}, kayseri, settings);
    CHECK(loaded.outcome == CacheOutcome::unwritten);
    CHECK_THAT(loaded.note, Catch::Contains("could not write the cache"));
    CHECK(summary_json(loaded.data, "38") == summary_json(fresh, "38"));
    CHECK(loaded.data.size() < fresh.size());  // answered as without a cache: focused, not whole
  }
}

TEST_CASE("small inputs and standard input bypass the cache", "[cache]") {
  TempDir dir;
  const fs::path file = dir.path / "small.csv";
  write_text(file, random_csv(3, false));
  kexport::CacheSettings settings{dir.path / "cache"};  // the default threshold: 1 MiB
  CHECK(kexport::load_through_cache({file.string()}, {}, settings).outcome == CacheOutcome::bypassed);
  CHECK_FALSE(fs::exists(settings.directory));
  kexport::LoadOptions problems;
  problems.collect_problems = true;  // validate reads the files themselves
  settings.min_input_bytes = 0;
  CHECK(kexport::load_through_cache({file.string()}, problems, settings).outcome == CacheOutcome::bypassed);
  CHECK_THROWS_AS(kexport::load_through_cache({(dir.path / "missing.csv").string()}, {}, settings),
                  kexport::Error);
}

TEST_CASE("the fuzz target's seed images are of the current format", "[cache][fuzz]") {
  // A format change must come with new seeds (tests/fuzz/corpus/image), or the fuzzer would start
  // from images it refuses at the first check and reach little of the reader. With
  // KEXPORT_WRITE_SEEDS=1 in the environment this test writes them anew.
  const fs::path corpus = fs::path(KEXPORT_TEST_DIR) / "fuzz/corpus/image";
  if (const char* write = std::getenv("KEXPORT_WRITE_SEEDS"); write && std::string(write) == "1") {
    std::mt19937_64 rng(1);
    const auto directory = kexport::cache::CacheDirectory::open(corpus, false);
    const auto national = test::load_text("national.csv", oracle::to_csv(oracle::make_case(rng, true)));
    kexport::cache::write_image(directory, "national.kxc", national, 1, nlohmann::json::object(), key);
    const auto sectors = test::load_texts(
        {{"a.csv",
          "period,province,country,chapter,value_usd\n2025-01,Kayseri,Almanya,94,10\n"
          "2025-01,Kayseri,Irak,Halı,5\n2025-02,Kayseri,Atlantis,,7\n"},
         {"b.csv", "period,province,country,chapter,value_usd\n2025-01,Kayseri,Almanya,94,12\n"}});
    kexport::cache::write_image(directory, "sectors-revision.kxc", sectors, 2, nlohmann::json::object(), key);
  }
  std::size_t seeds = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    INFO(entry.path().string());
    const auto mapped = kexport::map_readonly(entry.path().string());
    REQUIRE(mapped);
    const kexport::cache::Image image(mapped->bytes, key);  // the fuzzer's key
    CHECK(image.dataset(std::nullopt, false).size() == image.records());
    ++seeds;
  }
  CHECK(seeds >= 2);
}
