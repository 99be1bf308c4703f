#!/usr/bin/env python3
"""Writes the spreadsheet benchmark's workbook: the rows of a canonical CSV file in one sheet, as
openpyxl's write-only mode writes them (text cells inline, amounts as number cells).
Usage: make_workbook.py CSV XLSX"""
import csv
import sys

import openpyxl

source, target = sys.argv[1], sys.argv[2]
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("Veri")
with open(source, newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    header = next(rows)
    sheet.append(header)
    value = header.index("value_usd")
    for row in rows:
        # A float holds every amount of the generator (at most 15 significant digits) exactly
        # enough for its shortest form to be the amount as written.
        row[value] = float(row[value])
        sheet.append(row)
book.save(target)
