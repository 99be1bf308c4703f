// The cache through the real binary: a second run answers from the image with the very same
// output; --no-cache leaves the cache alone; cache info and cache clear; a damaged image is said.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "helpers.hpp"
#include "image_seal.hpp"
#include "kexport/cache/cache_image.hpp"

namespace fs = std::filesystem;
using test::run_kexport;

namespace {

// Every province, eight destinations, six years: a little over 1 MiB, enough for the cache to be
// used (smaller inputs are parsed every time).
std::string big_csv() {
  static const char* const countries[] = {"DE", "US", "PL", "IQ", "IT", "FR", "GB", "NL"};
  std::string csv = "period,province,country_code,value_usd\n";
  for (int province = 1; province <= 81; ++province)
    for (int year = 2020; year <= 2025; ++year)
      for (int month = 1; month <= 12; ++month)
        for (int c = 0; c < 8; ++c) {
          const long cents =
              (province * 7919L + year * 104729L + month * 1299709L + c * 15485863L) % 900000000L;
          csv += fmt::format("{}-{:02},{},{},{}.{:02}\n", year, month, province, countries[c], cents / 100,
                             cents % 100);
        }
  return csv;
}

struct Scratch {
  fs::path dir;
  fs::path data;
  std::string env;
  Scratch() {
    char name[] = "/tmp/kexport-cli-cache-XXXXXX";
    dir = mkdtemp(name);
    data = dir / "exports.csv";
    std::ofstream(data, std::ios::binary) << big_csv();
    env = "XDG_CACHE_HOME=" + (dir / "cache").string();
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  [[nodiscard]] std::string with_data(const std::string& arguments) const {
    return "--data " + data.string() + " " + arguments;
  }
  [[nodiscard]] std::vector<fs::path> images() const {
    std::vector<fs::path> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir / "cache" / "kexport", ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".kxc") found.push_back(it->path());
    return found;
  }
};

}  // namespace

TEST_CASE("answers from the cache are the answers from the file", "[cli][cache]") {
  Scratch s;
  REQUIRE(fs::file_size(s.data) > (1u << 20));
  const std::vector<std::string> questions = {"summary -p Kayseri -f json",
                                              "summary -p 34 -m 2024-02 -f text",
                                              "rank -m 2025-06 --period 12m -f csv",
                                              "top -p Ankara --by country -f json",
                                              "series -p Konya --from 2024-01 -f csv",
                                              "series -c DE -f json"};
  for (const std::string& question : questions) {
    INFO(question);
    const auto parsed = run_kexport("--no-cache " + s.with_data(question), "", s.env);
    REQUIRE(parsed.exit_code == 0);
    CHECK(s.images().empty());  // --no-cache neither reads nor writes
    const auto first = run_kexport(s.with_data(question), "", s.env);
    CHECK(s.images().size() == 1);
    const auto cached = run_kexport(s.with_data(question), "", s.env);
    CHECK(first.out == parsed.out);
    CHECK(cached.out == parsed.out);
    CHECK(cached.err == parsed.err);
    CHECK(cached.exit_code == 0);
    fs::remove_all(s.dir / "cache");
  }
}

TEST_CASE("cache info and cache clear", "[cli][cache]") {
  Scratch s;
  const auto empty = run_kexport("cache info --format json", "", s.env);
  CHECK(empty.exit_code == 0);
  CHECK(nlohmann::json::parse(empty.out)["images"].empty());

  REQUIRE(run_kexport(s.with_data("summary -p Kayseri"), "", s.env).exit_code == 0);
  const auto info = run_kexport("cache info --format json", "", s.env);
  REQUIRE(info.exit_code == 0);
  const auto json = nlohmann::json::parse(info.out);
  CHECK(json["directory"] == (s.dir / "cache" / "kexport").string());
  REQUIRE(json["images"].size() == 1);
  const auto& image = json["images"][0];
  CHECK(image["state"] == "current");
  CHECK(image["inputs"] == nlohmann::json::array({fs::weakly_canonical(s.data).string()}));
  CHECK(image["records"] == 81 * 6 * 12 * 8);
  CHECK(image["bytes"] == fs::file_size(s.images().front()));
  CHECK(json["bytes"] == image["bytes"]);

  std::ofstream(s.data, std::ios::app) << "2026-01,38,DE,1.00\n";
  CHECK(nlohmann::json::parse(run_kexport("cache info -f json", "", s.env).out)["images"][0]["state"] ==
        "stale");
  const auto table = run_kexport("cache info --lang en", "", s.env);
  CHECK_THAT(table.out, Catch::Contains("stale") && Catch::Contains(s.data.filename().string()));

  const auto cleared = run_kexport("cache clear --stale --lang en", "", s.env);  // it is stale
  CHECK(cleared.exit_code == 0);
  CHECK_THAT(cleared.out, Catch::Contains("removed 1 file"));
  CHECK(s.images().empty());
  CHECK(run_kexport("cache", "", s.env).exit_code == 64);  // info or clear must be named
  CHECK(run_kexport("cache info", "", "HOME= XDG_CACHE_HOME=").exit_code == 64);
}

TEST_CASE("a damaged image is said on stderr, and the answer is still right", "[cli][cache]") {
  Scratch s;
  // A question about one country reads every slice, so any damaged record is met.
  const std::string question = s.with_data("series -c DE -f json");
  const auto parsed = run_kexport("--no-cache " + question, "", s.env);
  REQUIRE(run_kexport(question, "", s.env).exit_code == 0);
  REQUIRE(s.images().size() == 1);
  // The middle of the file lies in the records.
  const fs::path image = s.images().front();
  const auto size = fs::file_size(image);
  for (std::uint64_t offset = size / 4; offset < size; offset += size / 4) {
    std::fstream file(image, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(offset));
    file.put('\x7f');
  }
  const auto r = run_kexport(question, "", s.env);
  CHECK(r.exit_code == 0);
  CHECK(r.out == parsed.out);
  CHECK_THAT(r.err, Catch::StartsWith("kexport: note: the cache image") && Catch::Contains("damaged"));
  const auto again = run_kexport(question, "", s.env);
  CHECK(again.err.empty());
  CHECK(again.out == parsed.out);
}

// --- a cache that cannot be forged -------------------------------------------------------------

namespace {

// Multiplies Kayseri's cents by ten in an image's bytes (its records and its monthly totals) and
// makes every checksum right again with `key`: what a forger who knows the format can do.
std::string tampered(const fs::path& image, const kexport::cache::ImageKey& key) {
  std::string bytes = test::read_file(image.string());
  kexport::cache::ImageHeader h;
  std::memcpy(&h, bytes.data(), sizeof h);
  const auto times_ten = [&](std::uint64_t keys_offset, std::uint64_t cents_offset, std::uint64_t count) {
    for (std::uint64_t i = 0; i < count; ++i) {
      std::uint64_t packed = 0;
      std::memcpy(&packed, bytes.data() + keys_offset + 8 * i, 8);
      if (kexport::RecordKey::unpack(packed).province != 38) continue;
      kexport::Cents cents = 0;
      std::memcpy(&cents, bytes.data() + cents_offset + 8 * i, 8);
      cents *= 10;
      std::memcpy(bytes.data() + cents_offset + 8 * i, &cents, 8);
    }
  };
  times_ten(h.keys_offset, h.cents_offset, h.record_count);
  times_ten(h.total_keys_offset, h.total_cents_offset, h.total_count);
  test::reseal(bytes, key);
  return bytes;
}

kexport::cache::ImageKey key_in(const fs::path& directory) {
  kexport::cache::ImageKey key;
  const std::string bytes = test::read_file((directory / "key").string());
  REQUIRE(bytes.size() == key.secret.size());
  std::memcpy(key.secret.data(), bytes.data(), bytes.size());
  return key;
}

bool running_as_root() {
  return ::geteuid() == 0;
}

}  // namespace

TEST_CASE("an image forged without the account's key is never trusted", "[cli][cache][trust]") {
  Scratch s;
  const std::string question = s.with_data("summary -p Kayseri -f json");
  const auto truth = run_kexport("--no-cache " + question, "", s.env);
  REQUIRE(run_kexport(question, "", s.env).exit_code == 0);
  REQUIRE(s.images().size() == 1);
  const fs::path image = s.images().front();
  const fs::path directory = image.parent_path();
  CHECK((fs::status(directory).permissions() & fs::perms::all) == fs::perms::owner_all);
  CHECK((fs::status(directory / "key").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));

  // Sealed with the account's own key, the tampered image would be believed: the key is what
  // stands between a forger and a wrong figure.
  test::write_text(image, tampered(image, key_in(directory)));
  const auto believed = run_kexport(question, "", s.env);
  CHECK(nlohmann::json::parse(believed.out)["value"] != nlohmann::json::parse(truth.out)["value"]);

  // Sealed with any other key (the forger does not have this one): refused, said, rewritten.
  test::write_text(image, tampered(image, test::fixed_key()));
  CHECK(nlohmann::json::parse(run_kexport("cache info -f json", "", s.env).out)["images"][0]["state"] ==
        "unreadable");
  const auto forged = run_kexport(question, "", s.env);
  CHECK(forged.exit_code == 0);
  CHECK(forged.out == truth.out);
  CHECK_THAT(forged.err, Catch::Contains("was not written by this account's kexport"));
  CHECK(run_kexport(question, "", s.env).err.empty());  // rewritten, and trusted again

  // An image copied from another account (its own key): the same.
  Scratch other;
  const std::string other_question = "--data " + s.data.string() + " summary -p Kayseri -f json";
  REQUIRE(run_kexport(other_question, "", other.env).exit_code == 0);
  REQUIRE(other.images().size() == 1);
  fs::copy_file(other.images().front(), image, fs::copy_options::overwrite_existing);
  const auto copied = run_kexport(question, "", s.env);
  CHECK(copied.out == truth.out);
  CHECK_THAT(copied.err, Catch::Contains("was not written by this account's kexport"));
}

TEST_CASE("a cache directory planted by another user is neither read nor cleared", "[cli][cache][trust]") {
  if (!running_as_root()) {
    WARN("skipped: planting a directory as another user needs root (CI runs the suite as root)");
    return;
  }
  Scratch s;
  const std::string question = s.with_data("summary -p Kayseri -f json");
  const auto truth = run_kexport("--no-cache " + question, "", s.env);
  // A forged image made where kexport would look, then the directory handed to the unprivileged
  // user nobody, world-writable, as an attacker on a shared cache would leave it.
  REQUIRE(run_kexport(question, "", s.env).exit_code == 0);
  const fs::path directory = s.dir / "cache" / "kexport";
  const fs::path image = s.images().front();
  test::write_text(image, tampered(image, key_in(directory)));
  REQUIRE(std::system(("chown -R 65534:65534 " + directory.string() + " && chmod 0777 " + directory.string())
                          .c_str()) == 0);

  const auto r = run_kexport(question, "", s.env);
  CHECK(r.exit_code == 0);
  CHECK(r.out == truth.out);
  CHECK_THAT(r.err, Catch::Contains("the cache directory " + directory.string() +
                                    " is not safe to use (owned by user 65534"));
  const auto info = run_kexport("cache info", "", s.env);
  CHECK(info.exit_code == 74);
  CHECK(info.out.empty());
  CHECK_THAT(info.err, Catch::Contains("not safe to use"));
  const auto clear = run_kexport("cache clear", "", s.env);
  CHECK(clear.exit_code == 74);
  CHECK(fs::exists(image));  // nothing of another user's removed

  // Owned by this user but writable by others: not safe either.
  REQUIRE(std::system(("chown -R 0:0 " + directory.string()).c_str()) == 0);
  const auto writable = run_kexport(question, "", s.env);
  CHECK(writable.out == truth.out);
  CHECK_THAT(writable.err, Catch::Contains("writable by others (mode 0777)"));
}

TEST_CASE("a cache directory that is a symbolic link is not followed", "[cli][cache][trust]") {
  Scratch s;
  // The link points at a directory of someone's files that happen to end in .kxc.
  const fs::path elsewhere = s.dir / "elsewhere";
  fs::create_directories(elsewhere);
  ::chmod(elsewhere.c_str(), 0700);
  test::write_text(elsewhere / "precious.kxc", "not a cache image");
  fs::create_directories(s.dir / "cache");
  fs::create_directory_symlink(elsewhere, s.dir / "cache" / "kexport");
  const auto clear = run_kexport("cache clear", "", s.env);
  CHECK(clear.exit_code == 74);
  CHECK_THAT(clear.err, Catch::Contains("not safe to use (a symbolic link)"));
  CHECK(fs::exists(elsewhere / "precious.kxc"));
  const std::string question = s.with_data("summary -p Kayseri -f json");
  const auto r = run_kexport(question, "", s.env);
  CHECK(r.exit_code == 0);
  CHECK(r.out == run_kexport("--no-cache " + question, "", s.env).out);
  CHECK(fs::directory_iterator(elsewhere) != fs::directory_iterator());
  CHECK(std::distance(fs::directory_iterator(elsewhere), fs::directory_iterator()) == 1);  // nothing written
}

TEST_CASE("an ordinary user's own cache is made private and used", "[cli][cache][trust]") {
  if (!running_as_root()) {
    WARN("skipped: switching to another user needs root (CI runs the suite as root)");
    return;
  }
  // The binary and the data where the unprivileged user nobody can reach them.
  Scratch s;
  ::chmod(s.dir.c_str(), 0755);
  fs::copy_file(KEXPORT_BINARY, s.dir / "kexport");
  ::chmod((s.dir / "kexport").c_str(), 0755);
  ::chmod(s.data.c_str(), 0644);
  const fs::path home = s.dir / "home";
  fs::create_directories(home);
  REQUIRE(::chown(home.c_str(), 65534, 65534) == 0);
  const auto as_nobody = [&](const std::string& arguments) {
    const std::string command = "cd " + home.string() + " && env -i HOME=" + home.string() +
                                " setpriv --reuid=65534 --regid=65534 --clear-groups " +
                                (s.dir / "kexport").string() + " " + arguments + " >" +
                                (home / "out").string() + " 2>" + (home / "err").string();
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  const std::string question = "--data " + s.data.string() + " summary -p Kayseri -f json";
  REQUIRE(as_nobody(question) == 0);
  const std::string first = test::read_file((home / "out").string());
  const fs::path cache = home / ".cache" / "kexport";
  struct stat info {};
  REQUIRE(::stat(cache.c_str(), &info) == 0);
  CHECK(info.st_uid == 65534);
  CHECK((info.st_mode & 07777) == 0700);
  REQUIRE(as_nobody(question) == 0);
  CHECK(test::read_file((home / "out").string()) == first);
  CHECK(test::read_file((home / "err").string()).empty());
  REQUIRE(as_nobody("cache info -f json") == 0);
  const auto images = nlohmann::json::parse(test::read_file((home / "out").string()))["images"];
  REQUIRE(images.size() == 1);
  CHECK(images[0]["state"] == "current");

  // A cache directory of root's, given to nobody by its path: refused, the answer as without it.
  const fs::path roots = s.dir / "roots-cache";
  fs::create_directories(roots / "kexport");
  ::chmod(roots.c_str(), 0755);
  ::chmod((roots / "kexport").c_str(), 0755);
  REQUIRE(as_nobody("cache info") == 0);
  const std::string command =
      "cd " + home.string() + " && env -i HOME=" + home.string() + " XDG_CACHE_HOME=" + roots.string() +
      " setpriv --reuid=65534 --regid=65534 --clear-groups " + (s.dir / "kexport").string() + " " + question +
      " >" + (home / "out").string() + " 2>" + (home / "err").string();
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(test::read_file((home / "out").string()) == first);
  CHECK_THAT(test::read_file((home / "err").string()), Catch::Contains("owned by user 0, not by user 65534"));
}
