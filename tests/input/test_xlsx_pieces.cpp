// A worksheet's rows cut into pieces and parsed on several threads (src/input/xlsx_row_pieces,
// xlsx_row_piece, xlsx_sheet_rows) come out as they do when the sheet is parsed in one piece on
// one thread, whatever the cuts; the cuts never fall inside markup that only looks like a tag.
#include <catch2/catch.hpp>

#include <filesystem>

#include "helpers.hpp"
#include "input/xlsx/xlsx_row_pieces.hpp"
#include "input/xlsx/xlsx_sheet_rows.hpp"
#include "kexport/model/error.hpp"

namespace {

namespace fs = std::filesystem;
using kexport::input::find_row_cut;
constexpr auto npos = std::string::npos;

struct ReadRow {
  std::uint64_t line;
  std::vector<std::string> cells;
  std::vector<bool> numbers;
  bool operator==(const ReadRow&) const = default;
};

struct ReadSheet {
  std::vector<ReadRow> rows;
  std::uint64_t hidden_rows = 0;
  std::string problem;  // the error that ended the reading, if any
};

ReadSheet read_sheet(const kexport::input::XlsxWorkbook& workbook, const kexport::input::XlsxSheet& sheet,
                     unsigned threads, std::size_t piece_bytes) {
  ReadSheet out;
  try {
    kexport::input::XlsxSheetRows rows(workbook, sheet, out.hidden_rows, threads, piece_bytes);
    std::vector<std::string_view> cells;
    while (rows.next(cells)) {
      ReadRow row{rows.row_line(), {cells.begin(), cells.end()}, {}};
      for (std::size_t i = 0; i < cells.size(); ++i) row.numbers.push_back(rows.is_number(i));
      out.rows.push_back(std::move(row));
    }
  } catch (const kexport::DataError& error) {
    out.problem = error.what();
  }
  return out;
}

}  // namespace

TEST_CASE("a row cut falls after the last end of a row, and stops at the end of the rows", "[xlsx]") {
  const std::string rows =
      R"(<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row><row r="3"><c>)";
  CHECK(find_row_cut(rows).after_last_row == rows.find("<row r=\"3\""));
  CHECK(find_row_cut(rows).end_of_rows == npos);

  const std::string ended = R"(<x:row r="1"></x:row ><x:row r="2"></x:row></x:sheetData><x:mergeCells/>)";
  CHECK(find_row_cut(ended).after_last_row == ended.find("</x:sheetData>"));
  CHECK(find_row_cut(ended).end_of_rows == ended.find("</x:sheetData>"));

  // Names that merely end like "row" are not rows; a row's end inside a comment, a CDATA section
  // or a processing instruction is no end at all.
  const std::string lookalikes = R"(<row r="1"></row><c><is><t>x</t></is></c></arrow>)";
  CHECK(find_row_cut(lookalikes).after_last_row == lookalikes.find("<c>"));
  for (const std::string hidden : {"<!-- </row> -->", "<![CDATA[</row>]]>", "<?pi </row> ?>"}) {
    INFO(hidden);
    const std::string text = R"(<row r="1"></row><row r="2"><c><is><t>)" + hidden + "</t></is></c>";
    CHECK(find_row_cut(text).after_last_row == text.find("<row r=\"2\""));
    const std::string unfinished = R"(<row r="1"></row>)" + hidden.substr(0, hidden.size() - 3);
    CHECK(find_row_cut(unfinished).after_last_row == unfinished.find(hidden.substr(0, 4)));
  }
  CHECK(find_row_cut(R"(<c><v>1</v></c>)").after_last_row == npos);
}

TEST_CASE("a sheet read in pieces on several threads gives the rows it gives read whole",
          "[xlsx][parallel]") {
  std::vector<fs::path> workbooks;
  for (const std::string dir : {"/fixtures/sheets", "/fixtures/real", "/malformed"})
    for (const auto& entry : fs::directory_iterator(std::string(KEXPORT_TEST_DIR) + dir))
      if (entry.path().extension() == ".xlsx") workbooks.push_back(entry.path());
  std::sort(workbooks.begin(), workbooks.end());
  REQUIRE(workbooks.size() > 20);
  std::size_t sheets_read = 0;
  for (const fs::path& path : workbooks) {
    const std::string bytes = test::read_file(path.string());
    std::unique_ptr<kexport::input::XlsxWorkbook> workbook;
    try {
      workbook = std::make_unique<kexport::input::XlsxWorkbook>(bytes, path.filename().string());
    } catch (const kexport::DataError&) {
      continue;  // not a workbook: nothing to cut
    }
    for (const auto& sheet : workbook->sheets()) {
      INFO(path.filename().string() + "[" + sheet.name + "]");
      const ReadSheet whole = read_sheet(*workbook, sheet, 1, std::size_t{1} << 30);
      // Pieces of about a row, and of a few; on one thread and on three.
      for (const auto& [threads, piece_bytes] :
           std::vector<std::pair<unsigned, std::size_t>>{{1, 1}, {3, 1}, {3, 200}, {2, 4096}}) {
        INFO("threads " << threads << ", pieces of " << piece_bytes << " bytes");
        const ReadSheet pieces = read_sheet(*workbook, sheet, threads, piece_bytes);
        CHECK(pieces.problem == whole.problem);
        if (whole.problem.empty()) {
          CHECK(pieces.rows == whole.rows);
          CHECK(pieces.hidden_rows == whole.hidden_rows);
        } else {
          // Where the reading stops at a problem, the rows given before it depend on where the
          // piece that holds it begins; they are the sheet's first rows all the same.
          const auto shorter = std::min(pieces.rows.size(), whole.rows.size());
          CHECK(std::equal(pieces.rows.begin(), pieces.rows.begin() + static_cast<std::ptrdiff_t>(shorter),
                           whole.rows.begin()));
        }
      }
      ++sheets_read;
    }
  }
  CHECK(sheets_read > 20);
}

TEST_CASE("reading a sheet in pieces starts threads only when asked for more than one", "[xlsx][parallel]") {
  const std::string path = std::string(KEXPORT_TEST_DIR) + "/fixtures/sheets/ministry.xlsx";
  const std::string bytes = test::read_file(path);
  const kexport::input::XlsxWorkbook workbook(bytes, "ministry.xlsx");
  const auto before_one = kexport::threads_started();
  const ReadSheet one = read_sheet(workbook, workbook.sheets().front(), 1, 64);
  CHECK(kexport::threads_started() == before_one);
  const auto before_two = kexport::threads_started();
  const ReadSheet two = read_sheet(workbook, workbook.sheets().front(), 2, 64);
  CHECK(kexport::threads_started() - before_two == 3);  // the producer and two workers
  CHECK(one.rows == two.rows);
  CHECK_FALSE(one.rows.empty());
}
