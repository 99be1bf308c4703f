// A worksheet of an .xlsx workbook as rows of cells, its XML streamed from the archive and parsed
// in pieces of whole rows on the other cores while the caller reads the rows parsed before: memory
// holds a few pieces and the rows they gave, never the sheet. What a row's cells hold is said in
// xlsx_row_piece.hpp.
#pragma once

#include <functional>
#include <string>

#include "io/ordered_pipeline.hpp"
#include "table/sheet_row_buffer.hpp"
#include "xlsx/xlsx_row_piece.hpp"
#include "xlsx/xlsx_row_pieces.hpp"
#include "xlsx/xlsx_workbook.hpp"

namespace kexport::input {

class XlsxSheetRows final : public BufferedSheetRows {
 public:
  // Excel's limit: a reference beyond it is not a sheet Excel wrote.
  static constexpr std::size_t max_columns = 16'384;
  // Large enough that cutting and handing over cost nothing beside parsing, small enough that a
  // few in flight hold little memory.
  static constexpr std::size_t default_piece_bytes = std::size_t{256} << 10;

  // `threads` as --threads gives it (0: one per core); with one, everything runs on the caller's.
  XlsxSheetRows(const XlsxWorkbook& workbook, const XlsxSheet& sheet, std::uint64_t& hidden_rows,
                unsigned threads, std::size_t piece_bytes = default_piece_bytes);

 private:
  bool read_more() override;
  // The sheet's <mergeCell ref="A2:A5"/> ranges, which .xlsx writes after its rows: the part is
  // read through once more, the first time a label cell is found empty.
  void find_merged(std::vector<MergedRange>& into) const override;
  // Numbers a row that has no number of its own; refuses rows out of order.
  void number(SheetRow& row);

  const ZipArchive& archive_;
  std::string part_;
  SheetNames names_;
  RowPieceCutter cutter_;
  OrderedPipeline<RowPiece, ParsedRows> pipeline_;  // after cutter_: its threads stop first
  std::uint64_t last_row_ = 0;
  std::function<DataError()> problem_;  // raised once the rows before it are given
};

}  // namespace kexport::input
