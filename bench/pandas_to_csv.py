#!/usr/bin/env python3
"""pandas: the workbook's first sheet read with read_excel (openpyxl) and written as CSV, for
kexport to answer on. Usage: pandas_to_csv.py BOOK.xlsx OUT.csv"""
import sys

import pandas as pd

frame = pd.read_excel(sys.argv[1], dtype=str, keep_default_na=False)
frame.to_csv(sys.argv[2], index=False)
