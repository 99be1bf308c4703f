// kexport fetch through the real binary, against a local HTTP server the test starts itself
// (tests/support/fetch_server.py): no test touches the network. Each case checks what the archive
// holds afterwards, and that nothing partial is left in it.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "helpers.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_kexport;

namespace {

const std::string bulletins = std::string(KEXPORT_TEST_DIR) + "/fixtures/bulletins/";
const std::string february_path = "/files/downloads/rakamlar/2026/2/2026-02-il-bazinda-sektor-rakamlari.xlsx";
const std::string february_file = "2026-02-il-bazinda-sektor-rakamlari.xlsx";

// The server, running while the object lives, with the responses of `scenario`.
class Server {
 public:
  Server(const test::TempDir& dir, const json& scenario) : log_(dir.path / "server.log") {
    const fs::path file = dir.path / "scenario.json";
    test::write_text(file, scenario.dump());
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      const std::string script = std::string(KEXPORT_TEST_DIR) + "/support/fetch_server.py";
      ::execlp("python3", "python3", script.c_str(), file.c_str(), log_.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c = 0;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    REQUIRE_FALSE(line.empty());
    port_ = line;
  }
  ~Server() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  [[nodiscard]] std::string base() const { return "http://127.0.0.1:" + port_; }
  // The requests answered, "GET path status" a line each.
  [[nodiscard]] std::string log() const { return fs::exists(log_) ? test::read_file(log_.string()) : ""; }

 private:
  fs::path log_;
  pid_t pid_ = -1;
  std::string port_;
};

// A fetch of February's province × sector bulletin from the server into `archive`.
test::RunResult fetch(const Server& server, const fs::path& archive, const std::string& more = "") {
  return run_kexport("fetch --month 2026-02 --files il-bazinda-sektor-rakamlari --base-url " + server.base() +
                     " --archive " + archive.string() + " --retry-wait 0.05 " + more);
}

fs::path month_dir(const fs::path& archive) {
  return archive / "tim" / "2026-02";
}

// Nothing half-written anywhere in the archive.
void check_nothing_partial(const fs::path& archive) {
  std::error_code ec;
  if (!fs::exists(archive)) return;
  for (const auto& entry : fs::recursive_directory_iterator(archive, ec))
    CHECK_FALSE(entry.path().string().ends_with(".part"));
}

// The keys docs/json.md documents under "<!-- json: NAME -->".
std::set<std::string> documented(const std::string& name) {
  const std::string doc = test::read_file(std::string(KEXPORT_TEST_DIR) + "/../docs/json.md");
  std::istringstream in(doc.substr(doc.find("<!-- json: " + name + " -->")));
  std::set<std::string> keys;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line) && (line.empty() || line.starts_with("|")))
    if (line.starts_with("| `")) keys.insert(line.substr(3, line.find('`', 3) - 3));
  return keys;
}

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

json fetch_log(const fs::path& archive) {
  return json::parse(test::read_file((month_dir(archive) / "fetch.json").string()));
}

json file_response(const std::string& file, const std::string& etag = "", const std::string& modified = "") {
  json r = {{"status", 200}, {"body_file", bulletins + file}};
  if (!etag.empty()) r["etag"] = etag;
  if (!modified.empty()) r["last_modified"] = modified;
  return r;
}

}  // namespace

TEST_CASE("fetch stores a new file, then an unchanged one costs one 304 (ETag)", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir, {{february_path, {file_response(february_file, "\"v1\"")}}});
  const fs::path archive = dir.path / "archive";
  const auto first = fetch(server, archive);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::StartsWith("yeni") && Catch::Contains(february_file));
  const fs::path stored = month_dir(archive) / february_file;
  REQUIRE(fs::exists(stored));
  CHECK(test::read_file(stored.string()) == test::read_file(bulletins + february_file));
  CHECK((fs::status(stored).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));
  const json log = fetch_log(archive);
  REQUIRE(log["files"][february_file].size() == 1);
  CHECK(log["files"][february_file][0]["etag"] == "\"v1\"");
  CHECK(log["files"][february_file][0]["sha256"].get<std::string>().size() == 64);
  CHECK(log["files"][february_file][0]["address"] == server.base() + february_path);

  const auto second = fetch(server, archive, "-f json");
  REQUIRE(second.exit_code == 0);
  const json report = json::parse(second.out);
  CHECK(keys_of(report) == documented("fetch"));
  CHECK(keys_of(report["unchanged"][0]) == documented("fetch.unchanged[]"));
  CHECK(report["unchanged"].size() == 1);
  CHECK(report["new"].empty());
  CHECK_THAT(server.log(), Catch::EndsWith("GET " + february_path + " 304\n"));
  CHECK(fetch_log(archive)["files"][february_file].size() == 1);
  check_nothing_partial(archive);
}

TEST_CASE("fetch asks with Last-Modified where there is no ETag", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir,
                      {{february_path, {file_response(february_file, "", "Sat, 28 Feb 2026 18:00:00 GMT")}}});
  const fs::path archive = dir.path / "archive";
  REQUIRE(fetch(server, archive).exit_code == 0);
  const auto second = fetch(server, archive);
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::StartsWith("değişmedi"));
  CHECK_THAT(server.log(), Catch::EndsWith(" 304\n"));
}

TEST_CASE("a file not published yet: exit 75, nothing stored", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir, json::object());
  const fs::path archive = dir.path / "archive";
  const auto r = fetch(server, archive);
  CHECK(r.exit_code == 75);
  CHECK_THAT(r.out, Catch::StartsWith("yayımlanmamış") && Catch::Contains("HTTP 404"));
  CHECK_FALSE(fs::exists(month_dir(archive) / february_file));
  // A 4xx is not retried.
  CHECK(server.log() == "GET " + february_path + " 404\n");
  check_nothing_partial(archive);
}

TEST_CASE("a server error is retried, and the file then stored", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir,
                      {{february_path, {{{"status", 500}, {"body", "oops"}}, file_response(february_file)}}});
  const fs::path archive = dir.path / "archive";
  const auto r = fetch(server, archive);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(month_dir(archive) / february_file));
  CHECK(server.log() == "GET " + february_path + " 500\nGET " + february_path + " 200\n");
}

TEST_CASE("a server that stalls is given up on within the time allowed", "[cli][fetch]") {
  const test::TempDir dir;
  json stall = file_response(february_file);
  stall["delay"] = 30;
  const Server server(dir, {{february_path, {stall}}});
  const fs::path archive = dir.path / "archive";
  const auto start = std::chrono::steady_clock::now();
  const auto r = fetch(server, archive, "--timeout 1 --retries 1");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.exit_code == 75);
  CHECK(seconds < 8);  // two tries of one second, a short wait between
  CHECK_FALSE(fs::exists(month_dir(archive) / february_file));
  check_nothing_partial(archive);
}

TEST_CASE("what is not the file is refused and nothing is written", "[cli][fetch]") {
  const test::TempDir dir;
  json cut = file_response(february_file);
  cut["truncate"] = 5000;
  const json html = {{"status", 200},
                     {"body", "<!DOCTYPE html><html><body>Please enable JavaScript</body></html>"},
                     {"content_type", "text/html"}};
  const json plain_http = {{"status", 302}, {"location", "http://127.0.0.1:9/elsewhere.xlsx"}};
  const json not_bulletin = file_response("tuik-sorgu-2025.xlsx");
  const std::vector<std::tuple<json, int, std::string>> cases = {
      {cut, 75, "cut short"},
      {html, 75, "an HTML page"},
      {plain_http, 75, "redirect"},
      {not_bulletin, 65, "not TİM's province × sector bulletin"},
  };
  for (const auto& [response, code, message] : cases) {
    INFO(message);
    const test::TempDir run;
    const Server server(run, {{february_path, {response}}});
    const fs::path archive = run.path / "archive";
    const auto r = fetch(server, archive, "--retries 0");
    CHECK(r.exit_code == code);
    const auto as_json = fetch(server, archive, "--retries 0 -f json");
    REQUIRE(json::parse(as_json.out)["failed"].size() == 1);
    CHECK(keys_of(json::parse(as_json.out)["failed"][0]) == documented("fetch.failed[]"));
    CHECK_THAT(r.out, Catch::Contains(message));
    CHECK_FALSE(fs::exists(month_dir(archive) / february_file));
    CHECK_FALSE(fs::exists(month_dir(archive) / "fetch.json"));
    check_nothing_partial(archive);
  }
}

TEST_CASE("a re-published file is kept as a second vintage beside the first", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir, {{february_path,
                             {file_response(february_file, "\"v1\""),
                              file_response("2026-01-il-bazinda-sektor-rakamlari.xlsx", "\"v2\"")}}});
  const fs::path archive = dir.path / "archive";
  REQUIRE(fetch(server, archive).exit_code == 0);
  const auto second = fetch(server, archive);
  INFO(second.err);
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::StartsWith("yeni yayım"));
  const json vintages = fetch_log(archive)["files"][february_file];
  REQUIRE(vintages.size() == 2);
  CHECK(vintages[1]["etag"] == "\"v2\"");
  const fs::path old_copy = month_dir(archive) / vintages[0]["stored_as"].get<std::string>();
  CHECK_THAT(old_copy.string(), Catch::Contains("/superseded/"));
  CHECK(test::read_file(old_copy.string()) == test::read_file(bulletins + february_file));
  CHECK(test::read_file((month_dir(archive) / february_file).string()) ==
        test::read_file(bulletins + "2026-01-il-bazinda-sektor-rakamlari.xlsx"));
  check_nothing_partial(archive);
}

TEST_CASE("two fetches at once are taken one after the other", "[cli][fetch]") {
  const test::TempDir dir;
  json slow = file_response(february_file, "\"v1\"");
  slow["delay"] = 0.5;
  const Server server(dir, {{february_path, {slow}}});
  const fs::path archive = dir.path / "archive";
  auto a = std::async(std::launch::async, [&] { return fetch(server, archive, "-f json"); });
  auto b = std::async(std::launch::async, [&] { return fetch(server, archive, "-f json"); });
  const auto ra = a.get(), rb = b.get();
  REQUIRE(ra.exit_code == 0);
  REQUIRE(rb.exit_code == 0);
  // One stored it; the other, after the lock, found it current.
  const std::size_t stored = json::parse(ra.out)["new"].size() + json::parse(rb.out)["new"].size();
  for (const auto* out : {&ra.out, &rb.out})
    for (const json& file : json::parse(*out)["new"]) CHECK(keys_of(file) == documented("fetch.new[]"));
  CHECK(stored == 1);
  CHECK(fetch_log(archive)["files"][february_file].size() == 1);
  check_nothing_partial(archive);
}

TEST_CASE("an archive that cannot be written: exit 74", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir, {{february_path, {file_response(february_file)}}});
  test::write_text(dir.path / "a-file", "not a directory");
  const auto r = fetch(server, dir.path / "a-file" / "archive");
  CHECK(r.exit_code == 74);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("a-file/archive"));
}

TEST_CASE("a file in the archive that fetch did not put there is never replaced: exit 73", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir, {{february_path, {file_response(february_file)}}});
  const fs::path archive = dir.path / "archive";
  fs::create_directories(month_dir(archive));
  test::write_text(month_dir(archive) / february_file, "a person's own copy");
  const auto r = fetch(server, archive);
  CHECK(r.exit_code == 73);
  CHECK_THAT(r.err, Catch::Contains(february_file) && Catch::Contains("not the file kexport last fetched"));
  CHECK(test::read_file((month_dir(archive) / february_file).string()) == "a person's own copy");
  // Nor one it fetched and a person changed since.
  fs::remove(month_dir(archive) / february_file);
  REQUIRE(fetch(server, archive).exit_code == 0);
  test::write_text(month_dir(archive) / february_file, "edited");
  const Server changed(dir, {{february_path, {file_response("2026-01-il-bazinda-sektor-rakamlari.xlsx")}}});
  CHECK(fetch(changed, archive).exit_code == 73);
  CHECK(test::read_file((month_dir(archive) / february_file).string()) == "edited");
  check_nothing_partial(archive);
}

TEST_CASE("a file the publisher does not put out that month: exit 69", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir, json::object());
  const auto r =
      run_kexport("fetch --month 2021-06 --files ulkelere-gore-sektorel-ihracat-rakamlari --base-url " +
                  server.base() + " --archive " + (dir.path / "archive").string());
  CHECK(r.exit_code == 69);
  CHECK(server.log().empty());
  const auto unknown = run_kexport("fetch --files no-such-file --archive " + (dir.path / "archive").string());
  CHECK(unknown.exit_code == 64);
  CHECK_THAT(unknown.err, Catch::Contains("il-bazinda-sektor-rakamlari"));
}

TEST_CASE("a fetched month is answered straight from the archive", "[cli][fetch]") {
  const test::TempDir dir;
  const Server server(dir, {{february_path, {file_response(february_file)}}});
  const fs::path archive = dir.path / "archive";
  REQUIRE(fetch(server, archive).exit_code == 0);
  const auto from_archive =
      run_kexport("--no-cache --data " + archive.string() + " summary -p Kayseri -f json");
  INFO(from_archive.err);
  REQUIRE(from_archive.exit_code == 0);
  const auto from_file =
      run_kexport("--no-cache --data " + bulletins + february_file + " summary -p Kayseri -f json");
  REQUIRE(from_file.exit_code == 0);
  CHECK(json::parse(from_archive.out) == json::parse(from_file.out));
  CHECK(json::parse(from_archive.out)["vintage"] == "2026-02-28");
  // The fetcher's own files are not data.
  const auto validate = run_kexport("--no-cache validate " + archive.string() + " -f json");
  CHECK(validate.exit_code == 0);
  const auto report = run_kexport("--no-cache --data " + archive.string() +
                                  " report --province Kayseri --dir " + (dir.path / "site").string());
  INFO(report.err);
  CHECK(report.exit_code == 0);
  CHECK(fs::exists(dir.path / "site" / "manifest.json"));
}
