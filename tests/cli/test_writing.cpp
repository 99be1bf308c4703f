// Nothing of the user's is destroyed by what kexport writes, through the binary: --dir through a
// link, the temporaries a killed report leaves, empty paths, read-only files, hard links, and an
// output that is one of the inputs. (A directory that is not provably kexport's report: see
// test_report.cpp.)
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "helpers.hpp"

namespace fs = std::filesystem;
using test::run_kexport;

namespace {

const std::string data = std::string("--data ") + KEXPORT_DATA_DIR + " ";

// The process id of a process that has ended, as a killed report's would be.
pid_t ended_process() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

}  // namespace

TEST_CASE("report --dir through a link writes where the link points, and keeps the link", "[cli][writing]") {
  // Before: the link was replaced by a directory, and its target kept the old report.
  const test::TempDir dir;
  const fs::path real = dir.path / "www" / "ihracat";
  fs::create_directories(real.parent_path());
  fs::create_directory_symlink(real, dir.path / "latest");
  const std::string report = data + "report -p Kayseri -m 2026-01 --dir " + (dir.path / "latest").string();
  REQUIRE(run_kexport(report).exit_code == 0);
  CHECK(fs::is_symlink(dir.path / "latest"));
  CHECK(fs::is_regular_file(real / "manifest.json"));
  // Again, over the earlier report: the link still points at the report, now the new one.
  const auto first = test::read_file((real / "manifest.json").string());
  REQUIRE(run_kexport(data + "report -p Kayseri,Niğde -m 2026-01 --dir " + (dir.path / "latest").string())
              .exit_code == 0);
  CHECK(fs::is_symlink(dir.path / "latest"));
  CHECK(fs::is_directory(dir.path / "latest" / "51-nigde"));
  CHECK(test::read_file((real / "manifest.json").string()) != first);
  // Nothing left beside it.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(real.parent_path())) ++entries;
  CHECK(entries == 1);
  // A link through a link, relative, to a directory that is not there yet: made where they point.
  fs::create_directory_symlink("www/yeni", dir.path / "relative");
  fs::create_directory_symlink("relative", dir.path / "twice");
  REQUIRE(
      run_kexport(data + "report -p Kayseri -m 2026-01 --dir " + (dir.path / "twice").string()).exit_code ==
      0);
  CHECK(fs::is_symlink(dir.path / "twice"));
  CHECK(fs::is_regular_file(dir.path / "www" / "yeni" / "manifest.json"));
}

TEST_CASE("a killed report's temporaries are removed by a later run, a running one's kept",
          "[cli][writing]") {
  // Before: every killed run left a .DIR.new-XXXXXX of several MB that no run removed.
  const test::TempDir dir;
  const fs::path abandoned = dir.path / (".out.new-" + std::to_string(ended_process()) + "-AbC123");
  const fs::path running = dir.path / (".out.new-" + std::to_string(::getpid()) + "-XyZ789");
  const fs::path someone_elses = dir.path / ".out.new-notes";
  for (const fs::path& p : {abandoned, running, someone_elses}) {
    fs::create_directory(p);
    test::write_text(p / "index.html", "half");
  }
  REQUIRE(run_kexport(data + "report -p Kayseri -m 2026-01 --dir " + (dir.path / "out").string()).exit_code ==
          0);
  CHECK_FALSE(fs::exists(abandoned));
  CHECK(fs::exists(running / "index.html"));
  CHECK(fs::exists(someone_elses / "index.html"));
  // validate and summary over the parent never read them: hidden entries are passed over.
  const auto validate = run_kexport("validate " + dir.path.string());
  CHECK_THAT(validate.out, !Catch::Contains("index.html"));
}

TEST_CASE("an empty path is a usage error, never standard output", "[cli][writing]") {
  // Before: --dir "" was "internal error: … cannot make absolute path" (70); -o "" wrote to stdout.
  const auto dir = run_kexport(data + "report -p Kayseri --dir ''");
  CHECK(dir.exit_code == 64);
  CHECK_THAT(dir.err, Catch::Contains("an empty path"));
  const auto output = run_kexport(data + "summary -p Kayseri -o ''");
  CHECK(output.exit_code == 64);
  CHECK(output.out.empty());
  CHECK_THAT(output.err, Catch::Contains("an empty path"));
}

TEST_CASE("an output file the user may not write, one with other names, or an input is left alone",
          "[cli][writing]") {
  const test::TempDir dir;
  fs::permissions(dir.path, fs::perms::all);  // writable by the unprivileged user below, as /tmp is
  const fs::path kept = dir.path / "bulten.txt";
  test::write_text(kept, "imzalı sürüm");
  fs::permissions(kept, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  // As root every file is writable, as for a shell's redirection: the check runs as "nobody" then,
  // with a copy of the binary and data it can reach wherever the build tree is.
  const fs::path binary = dir.path / "kexport";
  fs::copy_file(KEXPORT_BINARY, binary);
  const fs::path veri = dir.path / "k.csv";
  test::write_text(veri, "period,province,value_usd\n2026-01,Kayseri,100\n");
  std::string as_user;
  if (::geteuid() == 0) {
    REQUIRE(::chown(kept.c_str(), 65534, 65534) == 0);
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  // Before: replaced, where `>` refuses.
  const fs::path err = dir.path / "err";
  const int status = std::system((as_user + binary.string() + " --no-cache --data " + veri.string() +
                                  " summary -p Kayseri -o " + kept.string() + " 2>" + err.string())
                                     .c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 73);
  CHECK_THAT(test::read_file(err.string()), Catch::Contains("read-only"));
  CHECK(test::read_file(kept.string()) == "imzalı sürüm");

  // A file with a second name: before, the other name kept the old content.
  const fs::path page = dir.path / "sayfa.txt";
  test::write_text(page, "eski");
  fs::create_hard_link(page, dir.path / "yayin.txt");
  const auto linked = run_kexport(data + "summary -p Kayseri -o " + page.string());
  CHECK(linked.exit_code == 73);
  CHECK_THAT(linked.err, Catch::Contains("hard links"));
  CHECK(test::read_file((dir.path / "yayin.txt").string()) == "eski");
  CHECK(test::read_file(page.string()) == "eski");

  // One of the run's own inputs: before, overwritten by its own summary.
  const fs::path input = dir.path / "veri.csv";
  test::write_text(input, "period,province,value_usd\n2026-01,Kayseri,100\n");
  const auto self = run_kexport("--data " + input.string() + " summary -p Kayseri -o " + input.string());
  CHECK(self.exit_code == 64);
  CHECK_THAT(self.err, Catch::Contains("is one of the data files this run reads"));
  CHECK(test::read_file(input.string()) == "period,province,value_usd\n2026-01,Kayseri,100\n");
  const auto in_directory =
      run_kexport("--data " + dir.path.string() + " summary -p Kayseri -o " + input.string());
  CHECK(in_directory.exit_code == 64);
  // An ordinary file is still replaced, whole.
  const fs::path fresh = dir.path / "yeni.json";
  test::write_text(fresh, "eski");
  REQUIRE(run_kexport(data + "summary -p Kayseri -f json -o " + fresh.string()).exit_code == 0);
  CHECK(test::read_file(fresh.string()).starts_with("{"));
}
