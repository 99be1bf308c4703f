#!/usr/bin/env python3
"""The generator's CSV as JSON Lines or as a JSON array of the same records, amounts as JSON
numbers written exactly as in the CSV, for the benchmark's JSON rows.
Usage: csv_to_json.py IN.csv OUT.jsonl|OUT.json"""
import csv
import json
import sys

source, target = sys.argv[1], sys.argv[2]
lines = target.endswith(".jsonl")
with open(source, newline="", encoding="utf-8") as f, open(target, "w", encoding="utf-8") as out:
    reader = csv.reader(f)
    header = next(reader)
    value = header.index("value_usd")
    names = [json.dumps(h, ensure_ascii=False) for h in header]
    if not lines:
        out.write("[\n")
    first = True
    for row in reader:
        fields = ",".join(
            f"{names[i]}:{row[i] if i == value else json.dumps(row[i], ensure_ascii=False)}" for i in range(len(row)))
        if lines:
            out.write("{" + fields + "}\n")
        else:
            out.write(("" if first else ",\n") + "{" + fields + "}")
        first = False
    if not lines:
        out.write("\n]\n")
