// --output onto whatever the path names, through the real binary: a new or existing file (its mode
// and owner kept), a symbolic link (followed), a device, a FIFO, a socket, standard output. As root
// and, by switching to the unprivileged user "nobody", as an ordinary user.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "helpers.hpp"

namespace fs = std::filesystem;
using test::run_kexport;

namespace {

const std::string data = std::string(" --data ") + KEXPORT_DATA_DIR + "/provinces-2024-01-2026-01.csv";
const std::string question = "summary -p 38 -m 2026-01 -f json" + data;

struct stat stat_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info;
}

// What the question writes to standard output: every other destination must receive the same.
std::string expected_output() {
  static const std::string out = run_kexport(question).out;
  return out;
}

// Reads everything written into a FIFO or a listening socket, on a thread of its own.
class Reader {
 public:
  explicit Reader(int fd)
      : thread_([this, fd] {
          char buffer[4096];
          for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
            text_.append(buffer, static_cast<std::size_t>(n));
          ::close(fd);
        }) {}
  std::string finish() {
    thread_.join();
    return text_;
  }

 private:
  std::string text_;
  std::thread thread_;
};

}  // namespace

TEST_CASE("the output option writes a new file whole, and an existing one keeping its mode",
          "[cli][output]") {
  const test::TempDir dir;
  const fs::path report = dir.path / "report.json";
  auto r = run_kexport(question + " -o " + report.string());
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(test::read_file(report) == expected_output());

  test::write_text(report, "old");
  ::chmod(report.c_str(), 0600);
  r = run_kexport(question + " -o " + report.string());
  CHECK(r.exit_code == 0);
  CHECK(test::read_file(report) == expected_output());
  CHECK((stat_of(report).st_mode & 07777) == 0600);
  // No temporary file is left beside it.
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("the output option follows a symbolic link and writes the file it points to", "[cli][output]") {
  const test::TempDir dir;
  test::write_text(dir.path / "real.json", "old");
  fs::create_symlink("real.json", dir.path / "link.json");
  const auto r = run_kexport(question + " -o " + (dir.path / "link.json").string());
  CHECK(r.exit_code == 0);
  CHECK(S_ISLNK(stat_of(dir.path / "link.json").st_mode));
  CHECK(test::read_file(dir.path / "real.json") == expected_output());
  // A link to a file not written yet: the file is made where the link points.
  fs::create_symlink("later.json", dir.path / "dangling.json");
  CHECK(run_kexport(question + " -o " + (dir.path / "dangling.json").string()).exit_code == 0);
  CHECK(S_ISLNK(stat_of(dir.path / "dangling.json").st_mode));
  CHECK(test::read_file(dir.path / "later.json") == expected_output());
}

TEST_CASE("the output option writes straight into devices, FIFOs and sockets, and - is standard output",
          "[cli][output]") {
  // A full device: exit 74, and it stays a device.
  const auto full = run_kexport(question + " -o /dev/full");
  CHECK(full.exit_code == 74);
  CHECK_THAT(full.err, Catch::Contains("/dev/full: write failed"));
  CHECK(S_ISCHR(stat_of("/dev/full").st_mode));
  const auto null = run_kexport(question + " -o /dev/null");
  CHECK(null.exit_code == 0);
  CHECK(S_ISCHR(stat_of("/dev/null").st_mode));

  // Standard output, by name and by a dash; /dev/stdout stays a link.
  for (const std::string name : {"/dev/stdout", "-"}) {
    const auto r = run_kexport(question + " -o " + name);
    CHECK(r.exit_code == 0);
    CHECK(r.out == expected_output());
  }
  CHECK(S_ISLNK(stat_of("/dev/stdout").st_mode));

  const test::TempDir dir;
  const fs::path fifo = dir.path / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  {
    // The reader opens without blocking, and a writer of our own keeps the FIFO open until
    // kexport has written, so that the reader sees its end only after kexport's output.
    const int fd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(fd >= 0);
    const int keep_open = ::open(fifo.c_str(), O_WRONLY);
    REQUIRE(keep_open >= 0);
    ::fcntl(fd, F_SETFL, 0);
    Reader reader(fd);
    const auto r = run_kexport(question + " -o " + fifo.string());
    ::close(keep_open);
    CHECK(r.exit_code == 0);
    CHECK(reader.finish() == expected_output());
    CHECK(S_ISFIFO(stat_of(fifo).st_mode));
  }

  const fs::path socket_path = dir.path / "socket";
  const int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  REQUIRE(::bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(listener, 1) == 0);
  std::string received;
  std::thread accept_one([&] {
    const int connection = ::accept(listener, nullptr, nullptr);
    if (connection < 0) return;
    char buffer[4096];
    for (ssize_t n; (n = ::read(connection, buffer, sizeof buffer)) > 0;)
      received.append(buffer, static_cast<std::size_t>(n));
    ::close(connection);
  });
  const auto r = run_kexport(question + " -o " + socket_path.string());
  accept_one.join();
  ::close(listener);
  CHECK(r.exit_code == 0);
  CHECK(received == expected_output());
  CHECK(S_ISSOCK(stat_of(socket_path).st_mode));
}

TEST_CASE("the output option keeps an existing file's owner when root writes it", "[cli][output][root]") {
  if (::geteuid() != 0) {
    WARN("skipped: only root can give a file to another user (run the suite as root, as CI does)");
    return;
  }
  const test::TempDir dir;
  const fs::path report = dir.path / "owned.json";
  test::write_text(report, "old");
  REQUIRE(::chown(report.c_str(), 65534, 65534) == 0);  // nobody:nogroup
  ::chmod(report.c_str(), 0640);
  const auto r = run_kexport(question + " -o " + report.string());
  CHECK(r.exit_code == 0);
  const struct stat info = stat_of(report);
  CHECK(info.st_uid == 65534);
  CHECK(info.st_gid == 65534);
  CHECK((info.st_mode & 07777) == 0640);
  CHECK(test::read_file(report) == expected_output());
}

TEST_CASE("the output option as an ordinary user: files, links and modes", "[cli][output]") {
  // As root, the same binary and data are copied where the unprivileged user "nobody" can reach
  // them, and run as nobody; as any other user, the test already runs unprivileged.
  const test::TempDir dir;
  ::chmod(dir.path.c_str(), 0755);
  const fs::path work = dir.path / "work";
  fs::create_directory(work);
  std::string runner;
  std::string binary = KEXPORT_BINARY;
  fs::path data_file = fs::path(KEXPORT_DATA_DIR) / "provinces-2024-01-2026-01.csv";
  if (::geteuid() == 0) {
    fs::copy_file(binary, dir.path / "kexport");
    fs::copy_file(data_file, dir.path / "data.csv");
    ::chmod((dir.path / "kexport").c_str(), 0755);
    ::chmod((dir.path / "data.csv").c_str(), 0644);
    binary = (dir.path / "kexport").string();
    data_file = dir.path / "data.csv";
    REQUIRE(::chown(work.c_str(), 65534, 65534) == 0);
    runner = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  const auto run = [&](const std::string& output) {
    const std::string command = "cd " + work.string() + " && env HOME=" + work.string() + " NO_COLOR=1 " +
                                runner + binary + " --no-cache summary -p 38 -m 2026-01 -f json --data " +
                                data_file.string() + " -o " + output + " 2>/dev/null";
    return std::system(command.c_str());
  };
  REQUIRE(run("new.json") == 0);
  CHECK(test::read_file(work / "new.json") == expected_output());
  // An existing file keeps its mode; a link keeps being a link.
  REQUIRE(run("new.json") == 0);
  if (::geteuid() == 0) CHECK(stat_of(work / "new.json").st_uid == 65534);
  ::chmod((work / "new.json").c_str(), 0604);
  REQUIRE(run("new.json") == 0);
  CHECK((stat_of(work / "new.json").st_mode & 07777) == 0604);
  fs::create_symlink("new.json", work / "link.json");
  REQUIRE(run("link.json") == 0);
  CHECK(S_ISLNK(stat_of(work / "link.json").st_mode));
  CHECK(test::read_file(work / "new.json") == expected_output());
  // A directory the user cannot write: exit 74, nothing left behind.
  if (::geteuid() == 0) {
    const fs::path locked = dir.path / "locked";
    fs::create_directory(locked);
    ::chmod(locked.c_str(), 0755);
    CHECK(WEXITSTATUS(run((locked / "x.json").string())) == 74);
    CHECK(fs::is_empty(locked));
  }
}
