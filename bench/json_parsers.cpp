// The evaluation of simdjson for kexport's JSON path: the same work — every record's five members
// read, the province's amounts summed to the cent — done by kexport's flat-record reader
// (src/input/json_flat.cpp) and by simdjson's On-Demand API, on one thread, the file already in
// memory, so that only parsing is measured. Prints one line per parser: time, MB/s and the sum,
// which must agree.
//
//   kexport-bench-json-parsers FILE.jsonl|FILE.json PROVINCE [ROUNDS]
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "json/json_flat.hpp"

namespace {

// "1858675.14" or "1858675" in cents; the generator writes no other shape.
long long cents_of(std::string_view number) {
  long long cents = 0;
  int decimals = -1;
  for (const char c : number) {
    if (c == '.') {
      decimals = 0;
      continue;
    }
    cents = cents * 10 + (c - '0');
    if (decimals >= 0) ++decimals;
  }
  for (int d = std::max(decimals, 0); d < 2; ++d) cents *= 10;
  return cents;
}

struct Result {
  long long cents = 0;
  long long records = 0;
};

Result flat_reader(std::string_view text, std::string_view province, bool lines) {
  Result r;
  std::vector<kexport::input::FlatMember> members;
  const auto record = [&](const std::vector<kexport::input::FlatMember>& ms) {
    ++r.records;
    bool ours = false;
    std::string_view value;
    for (const auto& m : ms) {
      if (m.key == "province") ours = m.value == province;
      if (m.key == "value_usd") value = m.value;
    }
    if (ours) r.cents += cents_of(value);
  };
  if (!lines) {
    kexport::input::for_each_flat_record(text, members, [&](std::size_t, std::size_t) { record(members); });
    return r;
  }
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    if (kexport::input::read_flat_record(text.substr(at, end - at), members)) record(members);
    at = end + 1;
  }
  return r;
}

Result on_demand(const simdjson::padded_string& text, std::string_view province, bool lines) {
  Result r;
  simdjson::ondemand::parser parser;
  const auto record = [&](simdjson::ondemand::object object) {
    ++r.records;
    bool ours = false;
    std::string_view value;
    for (auto field : object) {
      const std::string_view key = field.unescaped_key().value();
      if (key == "province") ours = field.value().get_string().value() == province;
      if (key == "value_usd") value = field.value().raw_json_token().value();
    }
    if (ours) r.cents += cents_of(value.substr(0, value.find_first_of(" \t\r\n")));
  };
  if (lines) {
    simdjson::ondemand::document_stream stream = parser.iterate_many(text, 1 << 20).value();
    for (auto document : stream) record(document.get_object().value());
  } else {
    simdjson::ondemand::document document = parser.iterate(text).value();
    for (auto element : document.get_array()) record(element.get_object().value());
  }
  return r;
}

template <typename F>
double best_of(int rounds, F&& run, Result& result) {
  double best = 1e30;
  for (int i = 0; i < rounds; ++i) {
    const auto start = std::chrono::steady_clock::now();
    result = run();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s FILE.jsonl|FILE.json PROVINCE [ROUNDS]\n", argv[0]);
    return 64;
  }
  const std::string path = argv[1];
  const std::string province = argv[2];
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 5;
  const bool lines = path.ends_with(".jsonl");
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const simdjson::padded_string padded(text);
  const double megabytes = static_cast<double>(text.size()) / 1e6;

  Result ours, theirs;
  const double flat = best_of(
      rounds, [&] { return flat_reader(text, province, lines); }, ours);
  const double simd = best_of(
      rounds, [&] { return on_demand(padded, province, lines); }, theirs);
  std::printf("kexport flat reader: %.1f ms, %.0f MB/s, %lld records, %lld cents\n", flat * 1e3,
              megabytes / flat, ours.records, ours.cents);
  std::printf("simdjson On-Demand (%s): %.1f ms, %.0f MB/s, %lld records, %lld cents\n",
              simdjson::get_active_implementation()->name().c_str(), simd * 1e3, megabytes / simd,
              theirs.records, theirs.cents);
  if (ours.cents != theirs.cents || ours.records != theirs.records) {
    std::fprintf(stderr, "the two parsers disagree\n");
    return 1;
  }
  return 0;
}
