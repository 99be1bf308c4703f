// SheetJS (npm "xlsx"): the workbook's first sheet as CSV, as a script would read a workbook
// before answering: kexport then answers on that CSV, so the answers can be compared.
// Usage: node sheetjs_to_csv.mjs BOOK.xlsx OUT.csv
import * as fs from "node:fs";
import XLSX from "xlsx";

const [book, out] = process.argv.slice(2);
const workbook = XLSX.read(fs.readFileSync(book), { dense: true });
const sheet = workbook.Sheets[workbook.SheetNames[0]];
fs.writeFileSync(out, XLSX.utils.sheet_to_csv(sheet, { rawNumbers: true }));
