// The format table: which format a name or the bytes give, and every text that lists the
// extensions read holds exactly the table's.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "helpers.hpp"
#include "kexport/input/load.hpp"
#include "kexport/output/report.hpp"

using kexport::InputFormat;

namespace {

InputFormat format_of(const std::string& name, const std::string& bytes) {
  return kexport::detect_format(kexport::InputFile(name, bytes));
}

// The start of each kind of file, as the programs that write them begin them.
const std::string zip = std::string("PK\x03\x04", 4) + std::string(26, '\0') + "xl/workbook.xml";
const std::string ods = std::string("PK\x03\x04", 4) + std::string(26, '\0') +
                        "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
const std::string compound("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10);

// The extensions a text names: every ".abc" word in it.
std::set<std::string> extensions_in(const std::string& text) {
  std::set<std::string> found;
  const std::regex extension(R"((^|[\s(`,])(\\&)?(\.[a-z]{3,6})\b)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), extension); it != std::sregex_iterator();
       ++it)
    found.insert((*it)[3].str());
  return found;
}

std::set<std::string> extensions_read() {
  std::set<std::string> all;
  for (const std::string_view suffix : kexport::extensions_read()) all.insert(std::string(suffix));
  return all;
}

}  // namespace

TEST_CASE("a file's name gives its format, in any case", "[input][formats]") {
  CHECK(format_of("a.csv", "x") == InputFormat::csv);
  CHECK(format_of("A.TSV", "x") == InputFormat::csv);
  CHECK(format_of("notes.txt", "x") == InputFormat::csv);
  CHECK(format_of("a.Json", "{\"a\":1}\n{\"a\":2}\n") == InputFormat::json);
  CHECK(format_of("a.jsonl", "[]") == InputFormat::jsonl);
  CHECK(format_of("a.ndjson", "") == InputFormat::jsonl);
  CHECK(format_of("b.xlsx", "text") == InputFormat::xlsx);
  CHECK(format_of("b.XLSM", zip) == InputFormat::xlsx);
  CHECK(format_of("b.ods", zip) == InputFormat::ods);
  CHECK(format_of("b.xlsb", zip) == InputFormat::xlsb);
  // A directory's dot is not an extension.
  CHECK(format_of("data.d/file", "[1]") == InputFormat::json);
}

TEST_CASE("an .xls file's bytes decide which workbook it is", "[input][formats]") {
  CHECK(format_of("a.xls", compound) == InputFormat::xls);
  CHECK(format_of("a.xls", zip) == InputFormat::xlsx);
  CHECK(format_of("a.xls", ods) == InputFormat::ods);
  // An HTML table named .xls stays .xls, to be refused as one rather than read as CSV.
  CHECK(format_of("a.xls", "<table><tr><td>1</td></tr></table>") == InputFormat::xls);
}

TEST_CASE("without a known extension the bytes give the format", "[input][formats]") {
  CHECK(format_of("-", zip) == InputFormat::xlsx);
  CHECK(format_of("-", ods) == InputFormat::ods);
  CHECK(format_of("-", compound) == InputFormat::xls);
  CHECK(format_of("-", "  [{\"a\": 1}]") == InputFormat::json);
  CHECK(format_of("-", "\xEF\xBB\xBF{\"a\": 1}\n{\"a\": 2}\n") == InputFormat::jsonl);
  CHECK(format_of("-", "{\n  \"a\": 1\n}\n") == InputFormat::json);
  CHECK(format_of("-", "{\"a\": 1}") == InputFormat::json);  // one line, nothing after it
  CHECK(format_of("data.dat", "period,province\n") == InputFormat::csv);
  CHECK(format_of("-", "") == InputFormat::csv);
}

TEST_CASE("a file whose bytes and name disagree is refused before it is read", "[input][formats]") {
  using kexport::DataError;
  const auto load = [](const std::string& name, const std::string& bytes) {
    return kexport::load_dataset({kexport::InputFile(name, bytes)});
  };
  CHECK_THROWS_AS(load("a.csv", zip), DataError);
  CHECK_THROWS_AS(load("a.json", compound), DataError);
  CHECK_THROWS_WITH(load("a.xlsx", compound), Catch::Contains("compound document"));
  CHECK_THROWS_WITH(load("a.ods", ""), Catch::Contains("empty file"));
  CHECK_THROWS_WITH(load("a.xls", "a,b\n"), Catch::Contains("not an Excel workbook"));
  CHECK_THROWS_WITH(load("a.xlsb", zip), Catch::Contains(".xlsb"));
}

TEST_CASE("every text that lists the extensions read lists the table's", "[input][formats]") {
  const std::set<std::string> read = extensions_read();
  CHECK(read == std::set<std::string>{".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".xlsx", ".xlsm", ".xls",
                                      ".ods"});
  using kexport::Language;
  for (const Language language : {Language::tr, Language::en})
    CHECK(extensions_in(std::string(
              kexport::passed_over_reason(kexport::PassedOver::Why::not_data, language))) == read);
  const std::string man = test::read_file(std::string(KEXPORT_TEST_DIR) + "/../man/kexport.1");
  const auto data_option = man.find(".BI \\-\\-data \" PATH\"");
  REQUIRE(data_option != std::string::npos);
  CHECK(extensions_in(man.substr(data_option, man.find(".TP", data_option) - data_option)) == read);
}
