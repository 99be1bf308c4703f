// From bytes to UTF-8 on its own: byte order marks, Windows-1254, NUL bytes, mojibake, and the line
// numbers a reader starting in the middle of a large text needs.
#include <catch2/catch.hpp>

#include <optional>

#include "helpers.hpp"
#include "input/io/decode.hpp"
#include "kexport/model/error.hpp"

using kexport::TextEncoding;
using namespace std::string_literals;
using kexport::input::decode_text;

namespace {

kexport::InputFile file(std::string bytes) {
  return {"f.csv", std::move(bytes)};
}

}  // namespace

TEST_CASE("Windows-1254's Turkish letters become their UTF-8", "[decode]") {
  // The code page's table for the letters that differ from Latin-1, and those shared with it,
  // written out by hand: byte, then the letter's UTF-8.
  const std::vector<std::pair<unsigned char, std::string>> table = {
      {0xD0, "Ğ"}, {0xF0, "ğ"}, {0xDD, "İ"}, {0xFD, "ı"}, {0xDE, "Ş"}, {0xFE, "ş"}, {0xC7, "Ç"},
      {0xE7, "ç"}, {0xD6, "Ö"}, {0xF6, "ö"}, {0xDC, "Ü"}, {0xFC, "ü"}, {0x80, "€"}, {0x41, "A"}};
  for (const auto& [byte, utf8] : table) {
    INFO(static_cast<int>(byte));
    CHECK(kexport::input::windows1254_to_utf8(std::string(1, static_cast<char>(byte))) == utf8);
  }
}

TEST_CASE("text that is not UTF-8 is read as Windows-1254", "[decode]") {
  // "KAYSERİ;İZMİR" in Windows-1254.
  const auto input = file("il\nKAYSER\xDD\n\xDDZM\xDDR\n");
  const auto decoded = decode_text(input, std::nullopt);
  CHECK(decoded.encoding == TextEncoding::windows1254);
  CHECK(decoded.text == "il\nKAYSERİ\nİZMİR\n");
  CHECK_FALSE(decoded.byte_order_mark);
}

TEST_CASE("UTF-8 is kept as it is, its byte order mark stripped", "[decode]") {
  const std::string text = "il\nKayseri\nİzmir\n";
  // The decoded text is a view of the file's bytes: the file must outlive it.
  const auto plain_file = file(text), marked_file = file("\xEF\xBB\xBF" + text);
  const auto plain = decode_text(plain_file, std::nullopt);
  CHECK(plain.encoding == TextEncoding::utf8);
  CHECK(plain.text == text);
  const auto marked = decode_text(marked_file, std::nullopt);
  CHECK(marked.byte_order_mark);
  CHECK(marked.text == text);
}

TEST_CASE("bytes that cannot be text are refused where they are", "[decode]") {
  CHECK_THROWS_WITH(decode_text(file("il\nKay\0seri\n"s), std::nullopt),
                    Catch::StartsWith("f.csv:2:4: a NUL byte; expected text"));
  // A byte order mark says UTF-8: a byte that is not is an error, not Windows-1254.
  CHECK_THROWS_WITH(decode_text(file("\xEF\xBB\xBFil\nKAYSER\xDD\n"), std::nullopt),
                    Catch::StartsWith("f.csv:2:7: a byte that is not UTF-8"));
  CHECK_THROWS_WITH(decode_text(file("il\nKAYSER\xDD\n"), TextEncoding::utf8),
                    Catch::StartsWith("f.csv:2:7: a byte that is not UTF-8"));
}

TEST_CASE("Turkish text decoded with the wrong code page earlier is refused", "[decode]") {
  // Windows-1254 read as Latin-1 and saved as UTF-8: İ became Ý.
  CHECK_THROWS_WITH(decode_text(file("il\nKAYSERÝ\n"), std::nullopt),
                    Catch::StartsWith("f.csv:2:7: 'KAYSERÝ' is garbled"));
  // UTF-8 read as Latin-1: İ (C4 B0) became Ä°.
  CHECK_THROWS_WITH(decode_text(file("il\nÄ°zmir\n"), std::nullopt), Catch::Contains("is garbled"));
}

TEST_CASE("line ends are counted for readers that start in the middle", "[decode]") {
  std::string text;
  // Above 8 MiB, so that two threads check it in two blocks.
  for (int i = 0; i < 320'000; ++i) text += "2025-01,Kayseri,Almanya,12.34\n";
  const auto input = file(text);
  for (const unsigned threads : {1u, 2u}) {
    const auto decoded = decode_text(input, std::nullopt, threads);
    for (const std::size_t offset :
         {std::size_t{0}, std::size_t{31}, text.size() / 3, text.size() / 2 + 7, text.size()}) {
      INFO(offset);
      const auto expected = static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + offset, '\n'));
      CHECK(decoded.line_ends_before(offset) == expected);
    }
  }
}

TEST_CASE("a large file on disk is checked through its descriptor, finding what the bytes in memory show",
          "[decode]") {
  // Rows full of two-byte letters, so that the checker's 1 MiB pieces fall beside them; then each
  // fault, placed at a piece's edge or deep in a later block. Read from disk, the check goes
  // through pread(); the same bytes in memory are checked in place: both must say the same.
  std::string clean;
  while (clean.size() < (10u << 20)) clean += "2025-01,KAYSERİ,BİRLEŞİK ARAP EMİRLİKLERİ,ÜÇÖĞŞ,12.34\n";
  const std::size_t mebibyte = 1u << 20;
  const auto with = [&](std::size_t at, const std::string& bytes) {
    std::string text = clean;
    return text.replace(at, bytes.size(), bytes);
  };
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"clean", clean},
      {"a mark of mojibake across a piece's edge", with(mebibyte - 1, "Ä°")},
      {"a byte that is not UTF-8 in a later block", with(9 * mebibyte + 5, "\xFF")},
      {"a NUL after a bad byte in the same block", with(9 * mebibyte + 100, "\xFF" + "x\0x"s)},
      {"a NUL in the first piece", with(17, "\0"s)},
  };
  test::TempDir dir;
  for (const auto& [what, text] : cases) {
    INFO(what);
    test::write_text(dir.path / "big.csv", text);
    const auto on_disk = kexport::read_input((dir.path / "big.csv").string());
    REQUIRE(on_disk.size() == 1);
    REQUIRE(on_disk[0].descriptor);  // else this test would not test the descriptor's path
    const kexport::InputFile in_memory{on_disk[0].name, text};
    for (const auto& [threads, forced] :
         {std::pair{1u, std::optional<TextEncoding>()}, std::pair{2u, std::optional<TextEncoding>()},
          std::pair{2u, std::optional{TextEncoding::utf8}}}) {
      INFO(threads << (forced ? " threads, UTF-8 forced" : " threads"));
      std::string expected_error, error;
      std::optional<kexport::input::DecodedText> expected, got;
      try {
        expected = decode_text(in_memory, forced, threads);
      } catch (const kexport::DataError& e) {
        expected_error = e.what();
      }
      try {
        got = decode_text(on_disk[0], forced, threads);
      } catch (const kexport::DataError& e) {
        error = e.what();
      }
      CHECK(error == expected_error);
      REQUIRE(got.has_value() == expected.has_value());
      if (!got) continue;
      CHECK(got->encoding == expected->encoding);
      CHECK(got->text == expected->text);
      for (std::size_t offset = 0; offset <= got->text.size(); offset += 999'983) {
        INFO(offset);
        CHECK(got->line_ends_before(offset) == expected->line_ends_before(offset));
      }
    }
  }
}
