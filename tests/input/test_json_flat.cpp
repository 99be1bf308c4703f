// The reader of JSON Lines records of the common shape against the general parser: on random lines,
// valid and broken, both give the same records, the same skipped rows and the same errors.
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

#include "helpers.hpp"
#include "input/json/json_flat.hpp"
#include "input/loaders.hpp"
#include "kexport/model/error.hpp"
#include "kexport/model/parallel.hpp"

using namespace kexport;

namespace {

// What loading gives: the records and skipped rows, or the error's message.
std::string outcome(const std::string& text, input::JsonReader reader, bool skip_bad_rows, bool lines = true,
                    unsigned threads = 0) {
  DatasetBuilder builder;
  LoadOptions options;
  options.skip_bad_rows = skip_bad_rows;
  options.threads = threads;
  try {
    if (lines)
      input::load_json_lines(InputFile{"t.jsonl", text}, Gazetteer::builtin(), builder, options, reader);
    else
      input::load_json(InputFile{"t.json", text}, Gazetteer::builtin(), builder, options, reader);
    const Dataset data = std::move(builder).finish();
    std::string out;
    for (const std::string& r : test::records_of(data)) out += r + "\n";
    out += fmt::format("skipped {}\n", data.skipped_count);
    for (const auto& s : data.skipped) out += s.message + "\n";
    out += fmt::format("rows {}\n", data.files.at(0).rows);
    return out;
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

// A line of a record, written in one of the many ways JSON allows, sometimes broken.
std::string random_line(std::mt19937_64& random, int n) {
  std::uniform_int_distribution<int> pick(0, 99);
  const auto space = [&] {
    const int k = pick(random);
    return k < 70 ? "" : k < 85 ? " " : k < 95 ? "  " : "\t";
  };
  std::vector<std::string> members;
  const std::vector<std::string> provinces = {"\"Kayseri\"", "38",          "\"KAYSERİ\"",     "\"Ankara\"",
                                              "6",           "\"Nowhere\"", "\"Ni\\u011fde\"", "null",
                                              "true",        "\"38\""};
  const std::vector<std::string> values = {"100",
                                           "100.5",
                                           "-0",
                                           "0",
                                           "12.345",
                                           "1e3",
                                           "\"1.234,5\"",
                                           "\"abc\"",
                                           "null",
                                           "[1]",
                                           "{}",
                                           "01",
                                           "1.",
                                           "-5",
                                           "\"100\"",
                                           "1234567890123456789",
                                           "0.30000000000000004",
                                           "-1.5"};
  const std::vector<std::string> countries = {"\"Almanya\"", "\"DE\"",     "\"Atlantis\"", "\"ABD\"",
                                              "\"Irak\\n\"", "\"Fransa\"", "\"\""};
  members.push_back(fmt::format("\"period\"{}:{}\"2025-{:02}\"", space(), space(), 1 + n % 12));
  members.push_back(fmt::format("\"province\":{}", provinces[pick(random) % provinces.size()]));
  if (pick(random) < 70)
    members.push_back(fmt::format("\"country\":{}", countries[pick(random) % countries.size()]));
  members.push_back(fmt::format("\"value_usd\":{}{}", space(), values[pick(random) % values.size()]));
  if (pick(random) < 10) members.push_back("\"value_usd\":1");        // a key twice
  if (pick(random) < 10) members.push_back("\"note\":\"anything\"");  // an unknown key
  if (pick(random) < 5) members.push_back("\"imports_usd\":7.25");    // the other flow
  if (pick(random) < 5) members.push_back("\"v\\u0061lue\":1");       // an escaped key
  if (pick(random) < 8) members.erase(members.begin() + 1);           // no province: a missing field
  std::shuffle(members.begin(), members.end(), random);
  std::string line = std::string(space()) + "{" + space();
  for (std::size_t i = 0; i < members.size(); ++i) line += (i ? std::string(",") + space() : "") + members[i];
  line += std::string(space()) + "}" + space();
  const int broken = pick(random);
  if (broken < 3) line.pop_back(), line.pop_back();  // cut short
  if (broken == 3) line += "x";                      // text after the object
  if (broken == 4) line = "[" + line + "]";          // not an object
  if (broken == 5) line.insert(line.size() / 2, "\x01");
  return line;
}

}  // namespace

TEST_CASE("lines of the common shape read alike by both readers", "[input][json]") {
  std::mt19937_64 random(38);
  std::size_t flat = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int lines = 1 + round % 9;
    std::vector<input::FlatMember> members;
    for (int i = 0; i < lines; ++i) {
      const std::string line = random_line(random, round * 10 + i);
      flat += input::read_flat_record(line, members) ? 1 : 0;
      text += line + (i + 1 < lines || round % 2 ? "\n" : "");
    }
    INFO(text);
    for (const bool skip : {false, true})
      CHECK(outcome(text, input::JsonReader::flat_where_possible, skip) ==
            outcome(text, input::JsonReader::general_only, skip));
  }
  CHECK(flat > 300);  // the common shape is common here too
}

TEST_CASE("arrays of records of the common shape read alike by both readers", "[input][json]") {
  std::mt19937_64 random(6);
  std::size_t flat = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text = round % 3 == 0 ? "[" : " [\n";
    const int records = round % 11;
    for (int i = 0; i < records; ++i) {
      std::string line = random_line(random, round * 10 + i);
      // Broken lines of JSON Lines are broken array elements here; a few more ways to break one.
      text += (i ? ",\n" : "") + line;
    }
    text += round % 5 == 0 ? "]" : "\n]\n";
    if (round % 17 == 0) text.pop_back(), text.pop_back();  // no closing bracket
    if (round % 19 == 0) text += "[]";                      // text after the array
    if (round % 23 == 0) text = "{\"records\": " + text + "}";
    std::vector<input::FlatMember> members;
    flat += input::for_each_flat_record(text, members, [](std::size_t, std::size_t) {}) ? 1 : 0;
    INFO(text);
    for (const bool skip : {false, true})
      CHECK(outcome(text, input::JsonReader::flat_where_possible, skip, false) ==
            outcome(text, input::JsonReader::general_only, skip, false));
  }
  CHECK(flat > 40);
}

TEST_CASE("the flat reader takes only what JSON allows, and reads it as the general parser does",
          "[input][json]") {
  std::vector<input::FlatMember> members;
  for (const char* line : {R"({"a":"x","b":12,"c":-3.5,"d":null})", R"(  { "a" : "ş" , "b":0 }  )", "{}"}) {
    INFO(line);
    REQUIRE(input::read_flat_record(line, members));
    const auto doc = nlohmann::json::parse(line);
    REQUIRE(doc.size() == members.size());
    for (const auto& m : members) {
      const auto& v = doc.at(std::string(m.key));
      if (m.kind == input::FlatMember::Kind::string) CHECK(v.get<std::string>() == m.value);
      if (m.kind == input::FlatMember::Kind::null) CHECK(v.is_null());
      if (m.kind == input::FlatMember::Kind::integer) CHECK(v.dump() == m.value);
      if (m.kind == input::FlatMember::Kind::floating)
        CHECK(v.get<double>() == std::stod(std::string(m.value)));
    }
  }
  for (const char* line :
       {R"({"a":"x\"y"})", R"({"a":01})", R"({"a":-0})", R"({"a":1e5})", R"({"a":1.})", R"({"a":.5})",
        R"({"a":true})", R"({"a":[1]})", R"({"a":{}})", R"({"a":"x"} x)", R"({"a":"x",})", R"({"a" "x"})",
        R"({"a":"x")", "{\"a\":\"\x01\"}", R"({"a":1234567890123456789})", R"(["a"])", ""}) {
    INFO(line);
    CHECK_FALSE(input::read_flat_record(line, members));
  }
}

TEST_CASE("a large JSON Lines file read in stretches gives the records and line numbers of one reading",
          "[input][json][parallel]") {
  // Over the threshold for parallel reading, with lines of both readers' shapes, blank lines and
  // records across provinces and months.
  std::string text;
  std::size_t lines = 0;
  for (int i = 0; text.size() < (6u << 20); ++i) {
    text += i % 5 == 0
                ? fmt::format("{{\"period\":\"{}-{:02}\",\"province\":{},\"value_usd\":{}e0}}\n",
                              1950 + i / 81 / 12, i / 81 % 12 + 1, i % 81 + 1, i)
                : fmt::format("{{\"period\": \"{}-{:02}\", \"province\": {}, \"value_usd\": {}.{:02}}}\n",
                              1950 + i / 81 / 12, i / 81 % 12 + 1, i % 81 + 1, i, i % 100);
    ++lines;
    if (i % 1000 == 0) {
      text += "\n";
      ++lines;
    }
  }
  LoadOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const auto before = threads_started();
  const Dataset parallel = test::load_text("big.jsonl", text, two);
  CHECK(threads_started() > before);
  const Dataset sequential = test::load_text("big.jsonl", text, one);
  CHECK(sequential.keys == parallel.keys);
  CHECK(sequential.cents == parallel.cents);
  CHECK(sequential.size() > 50'000);
  CHECK(sequential.files.at(0).rows == parallel.files.at(0).rows);
  // Two bad lines, in the first and the last stretch: the first is the error, whichever way; with
  // --skip-bad-rows both are listed, in the file's order.
  std::string bad = "{\"period\":\"2026-01\",\"province\":\"Nowhere\",\"value_usd\":1}\n" + text +
                    "{\"period\":\"2026-13\",\"province\":\"Kayseri\",\"value_usd\":1}\n";
  for (const auto& options : {one, two}) {
    try {
      test::load_text("big.jsonl", bad, options);
      FAIL("an unknown province was accepted");
    } catch (const DataError& e) {
      CHECK(e.where().line == 1);
    }
    LoadOptions skipping = options;
    skipping.skip_bad_rows = true;
    const Dataset skipped = test::load_text("big.jsonl", bad, skipping);
    REQUIRE(skipped.skipped.size() == 2);
    CHECK_THAT(skipped.skipped[0].message, Catch::StartsWith("big.jsonl:1:"));
    CHECK_THAT(skipped.skipped[1].message, Catch::StartsWith(fmt::format("big.jsonl:{}:", lines + 2)));
  }
}

TEST_CASE("a large JSON array read in stretches gives the records, skipped rows and errors of one reading",
          "[input][json][parallel]") {
  // Over the threshold for parallel reading, the records of the flat shape; then the same with a
  // bad record in the first and the last stretch, and with a unit named by some records' keys
  // only (from its record on it holds for the records after it, so that such an array is read
  // whole). The general parser, which reads on one thread, is the reference.
  const auto record = [](int i, const char* value_key) {
    return fmt::format("{{\"period\":\"{}-{:02}\",\"province\":{},\"{}\":{}.{:02}}}", 1950 + i / 81 / 12,
                       i / 81 % 12 + 1, i % 81 + 1, value_key, i, i % 100);
  };
  std::string body, mixed, noted;
  for (int i = 0; body.size() < (6u << 20); ++i) {
    body += (i ? ",\n" : "") + record(i, "value_usd");
    mixed += (i ? ",\n" : "") + record(i, i > 1000 && i < 2000 ? "value (thousand usd)" : "value_usd");
  }
  // Records whose first member's text holds ",{" late in a long string: a cut made half way
  // through the array most likely falls there.
  for (int i = 0; noted.size() < (6u << 20); ++i)
    noted +=
        (i ? "," : "") + record(i, "value_usd").insert(1, "\"note\":\"" + std::string(2000, 'x') + ",{b\",");
  const std::string good = "[\n" + body + "\n]\n";
  const std::string bad = "[\n{\"period\":\"2026-01\",\"province\":\"Nowhere\",\"value_usd\":1},\n" + body +
                          ",\n{\"period\":\"2026-13\",\"province\":\"Kayseri\",\"value_usd\":1}\n]\n";
  const std::string expected = outcome(good, input::JsonReader::general_only, false, false);
  CHECK(expected.size() > 1'000'000);
  // Threads started by the reading alone: those of a reading on two threads less those of one.
  const auto started = [&](const std::string& text, unsigned threads) {
    const auto before = threads_started();
    CHECK(outcome(text, input::JsonReader::flat_where_possible, false, false, threads) ==
          outcome(text, input::JsonReader::general_only, false, false));
    return threads_started() - before;
  };
  CHECK(started(good, 2) > started(good, 1));
  for (const bool skip : {false, true})
    CHECK(outcome(bad, input::JsonReader::flat_where_possible, skip, false, 2) ==
          outcome(bad, input::JsonReader::general_only, skip, false));
  // Not flat near its end, where a stretch read at once would stop short: read as the general
  // parser reads it (here, refused where it nests).
  std::string nested = good;
  nested.insert(nested.rfind('}'), ",\"x\":{\"a\":1}");
  CHECK(outcome(nested, input::JsonReader::flat_where_possible, false, false, 2) ==
        outcome(nested, input::JsonReader::general_only, false, false));
  // As a script writes it, on one line: read in stretches too.
  std::string one_line = good;
  one_line.erase(std::remove(one_line.begin(), one_line.end(), '\n'), one_line.end());
  CHECK(started(one_line, 2) > started(one_line, 1));
  // A cut inside a string that looks like the start of a record (",{"): the stretches then do not
  // join, and the array is read as one.
  const std::string tricky = "[" + noted + "]";
  CHECK(outcome(tricky, input::JsonReader::flat_where_possible, false, false, 2) ==
        outcome(tricky, input::JsonReader::general_only, false, false));
  const std::string whole = "[" + mixed + "]";
  CHECK(outcome(whole, input::JsonReader::flat_where_possible, false, false, 2) ==
        outcome(whole, input::JsonReader::general_only, false, false));
}
