// The cache directory is used only when it is this account's own, its files are never reached
// through a link, and the account's key is made once and kept private.
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "helpers.hpp"
#include "kexport/cache/cache_directory.hpp"
#include "kexport/model/error.hpp"

namespace fs = std::filesystem;
using kexport::cache::CacheDirectory;
using State = CacheDirectory::State;

namespace {

fs::perms mode_of(const fs::path& path) {
  return fs::symlink_status(path).permissions() & fs::perms::mask;
}

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a cache directory not there is missing, or made private when asked") {
  test::TempDir tmp;
  const fs::path path = tmp.path / "parent" / "kexport";
  CHECK(CacheDirectory::open(path, false).state() == State::missing);
  CHECK_FALSE(fs::exists(path));

  const auto made = CacheDirectory::open(path, true);
  REQUIRE(made.state() == State::usable);
  CHECK(mode_of(path) == fs::perms::owner_all);
  CHECK(CacheDirectory::open(path, false).state() == State::usable);
}

TEST_CASE("a cache directory others can write, or a link to one, is never used") {
  test::TempDir tmp;
  const fs::path path = tmp.path / "cache";
  fs::create_directory(path);

  fs::permissions(path, fs::perms::owner_all | fs::perms::group_all);
  const auto group_writable = CacheDirectory::open(path, true);
  CHECK(group_writable.state() == State::unsafe);
  CHECK(group_writable.why() == "writable by its group (mode 0770)");
  CHECK(group_writable.names().empty());
  CHECK_FALSE(group_writable.map("anything"));

  fs::permissions(path, fs::perms::owner_all | fs::perms::others_write);
  CHECK(CacheDirectory::open(path, false).why() == "writable by others (mode 0702)");

  fs::permissions(path, fs::perms::owner_all);
  fs::create_directory_symlink(path, tmp.path / "link");
  const auto through_link = CacheDirectory::open(tmp.path / "link", false);
  CHECK(through_link.state() == State::unsafe);
  CHECK(through_link.why() == "a symbolic link");
}

TEST_CASE("a file where the cache directory should be leaves it broken, with the reason") {
  test::TempDir tmp;
  test::write_text(tmp.path / "cache", "not a directory");
  const auto dir = CacheDirectory::open(tmp.path / "cache", true);
  CHECK(dir.state() == State::broken);
  CHECK_FALSE(dir.why().empty());
}

TEST_CASE("the account's key is made once, private, and remade when it cannot be trusted") {
  test::TempDir tmp;
  const auto dir = CacheDirectory::open(tmp.path / "cache", true);
  REQUIRE(dir.state() == State::usable);
  const auto first = dir.key();
  const fs::path file = tmp.path / "cache" / "key";
  CHECK(fs::file_size(file) == first.secret.size());
  CHECK(mode_of(file) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(dir.key().secret == first.secret);
  // No temporary left behind.
  CHECK(dir.names() == std::vector<std::string>{"key"});

  SECTION("one readable by others is replaced") {
    fs::permissions(file, fs::perms::others_read, fs::perm_options::add);
    CHECK(dir.key().secret != first.secret);
    CHECK(mode_of(file) == (fs::perms::owner_read | fs::perms::owner_write));
  }
  SECTION("one cut short is replaced") {
    fs::resize_file(file, 100);
    CHECK(dir.key().secret != first.secret);
    CHECK(fs::file_size(file) == first.secret.size());
  }
  SECTION("a link in its place is replaced, and what it pointed to is untouched") {
    test::write_text(tmp.path / "elsewhere", std::string(first.secret.size(), 'x'));
    fs::remove(file);
    fs::create_symlink(tmp.path / "elsewhere", file);
    CHECK(dir.key().secret != first.secret);
    CHECK_FALSE(fs::is_symlink(file));
    CHECK(bytes_of(tmp.path / "elsewhere") == std::string(first.secret.size(), 'x'));
  }
}

TEST_CASE("an image is mapped only when it is a non-empty file of this account's, not a link") {
  test::TempDir tmp;
  const auto dir = CacheDirectory::open(tmp.path / "cache", true);
  const fs::path root = tmp.path / "cache";
  test::write_text(root / "image", "IMAGE");
  const auto mapped = dir.map("image");
  REQUIRE(mapped);
  CHECK(mapped->bytes == "IMAGE");

  CHECK_FALSE(dir.map("absent"));
  test::write_text(root / "empty", "");
  CHECK_FALSE(dir.map("empty"));
  test::write_text(root / "shared", "IMAGE");
  fs::permissions(root / "shared", fs::perms::group_write, fs::perm_options::add);
  CHECK_FALSE(dir.map("shared"));
  test::write_text(tmp.path / "outside", "IMAGE");
  fs::create_symlink(tmp.path / "outside", root / "link");
  CHECK_FALSE(dir.map("link"));
  fs::create_directory(root / "folder");
  CHECK_FALSE(dir.map("folder"));
}

TEST_CASE("removing an entry removes a link itself and says the size of a file") {
  test::TempDir tmp;
  const auto dir = CacheDirectory::open(tmp.path / "cache", true);
  const fs::path root = tmp.path / "cache";
  test::write_text(root / "image", "0123456789");
  test::write_text(tmp.path / "outside", "kept");
  fs::create_symlink(tmp.path / "outside", root / "link");

  auto names = dir.names();
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"image", "link"});

  CHECK(dir.remove("image") == std::optional<std::uint64_t>{10});
  CHECK(dir.remove("link") == std::optional<std::uint64_t>{0});
  CHECK(bytes_of(tmp.path / "outside") == "kept");
  CHECK_FALSE(dir.remove("image"));
  CHECK(dir.names().empty());
}
