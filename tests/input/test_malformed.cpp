// The malformed-input corpus (tests/malformed/cases.txt): every file ends with its documented
// exit code and a message naming what was wrong, with nothing on standard output. The large
// cases are made here rather than stored.
#include <unistd.h>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "helpers.hpp"

namespace {

struct Case {
  std::string file;
  int exit_code;
  std::string fragment;
};

std::vector<Case> cases() {
  std::ifstream in(std::string(KEXPORT_TEST_DIR) + "/malformed/cases.txt");
  std::vector<Case> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto a = line.find('|'), b = line.find('|', a + 1);
    out.push_back({line.substr(0, a), std::stoi(line.substr(a + 1, b - a - 1)), line.substr(b + 1)});
  }
  return out;
}

void check(const std::string& path, int exit_code, const std::string& fragment) {
  INFO(path);
  const auto r = test::run_kexport("--data '" + path + "' summary -p Kayseri");
  CHECK(r.exit_code == exit_code);
  CHECK_THAT(r.err, Catch::Contains(fragment));
  CHECK(r.out.empty());
  CHECK(r.err.size() < 2000);  // a message, not a dump of the input
}

std::string temporary_dir() {
  char name[] = "/tmp/kexport-malformed-XXXXXX";
  return mkdtemp(name);
}

}  // namespace

TEST_CASE("every file of the malformed corpus gives its documented error", "[malformed]") {
  const auto all = cases();
  CHECK(all.size() >= 40);
  for (const Case& c : all)
    check(std::string(KEXPORT_TEST_DIR) + "/malformed/" + c.file, c.exit_code, c.fragment);
}

TEST_CASE("large malformed inputs fail fast with a short message", "[malformed]") {
  const std::string dir = temporary_dir();
  const auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir + "/" + name, std::ios::binary) << content;
    return dir + "/" + name;
  };
  check(write("field-10mb.csv", "period,province,value_usd\n2026-01," + std::string(10 << 20, 'K') + ",1\n"),
        65, ":2:9: a field of 10485760 bytes; expected at most 1048576");
  std::string wide = "period";
  for (int i = 0; i < 100'000; ++i) wide += ",c" + std::to_string(i);
  check(write("header-100000-columns.csv", wide + "\n"), 65, "more than 10000 fields on one line");
  check(write("nested.json", std::string(100'000, '[') + std::string(100'000, ']')), 65,
        ":1:2: an array here");
  check(write("long-number.json", "[{\"period\":\"2026-01\",\"province\":\"Kayseri\",\"value_usd\":" +
                                      std::string(10'000, '7') + "}]"),
        65, "a number too large");
  // A directory whose file cannot be read (a link to nothing: even root cannot open it).
  const std::string folder = dir + "/folder";
  REQUIRE(std::system(("mkdir -p " + folder + " && ln -sf /nonexistent/exports.csv " + folder + "/broken.csv")
                          .c_str()) == 0);
  write("folder/good.csv", "period,province,value_usd\n2026-01,Kayseri,1\n");
  check(folder, 66, "broken.csv: cannot open");
  REQUIRE(std::system(("rm -rf " + dir).c_str()) == 0);
}
