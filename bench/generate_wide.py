#!/usr/bin/env python3
"""A second generator for kexport's benchmark, shaped unlike bench/generate.cpp so the CSV loader
is not tuned to one file's shape: the layout of a TÜİK/TİM download saved as CSV.

  Yıl,Ay,İl Kodu,İl,Ülke Kodu,Ülke,Fasıl,Net Ağırlık (kg),İhracat (ABD Doları)

Nine columns: year and month apart, plate codes beside upper-case province names, ISO codes
beside the official (long, upper-case) country names, the HS chapter, a net weight, and every
text field in double quotes (the names with commas need them). Rows are
province × destination × chapter for each month, drawn with numpy from skewed sizes, not
province × destination as in the other generator. Deterministic: the same arguments give the
same bytes.

Usage: /usr/bin/python3 bench/generate_wide.py ROWS FILE   (ROWS: the approximate number wanted)
"""
import csv
import sys
from pathlib import Path

import numpy as np

GAZETTEER = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
MONTHS = 36  # 2023-02 to 2026-01


def turkish_upper(text):
    return text.replace("i", "İ").replace("ı", "I").upper()


def read(name):
    with open(GAZETTEER / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    wanted, path = int(float(sys.argv[1])), sys.argv[2]
    provinces = [(int(p["code"]), turkish_upper(p["name"])) for p in read("provinces.csv")]
    countries = [(c["code"], c["name_official"]) for c in read("countries.csv")
                 if c["code"] not in ("TR", "XZ") and c["name_official"]]
    chapters = [int(c["code"]) for c in read("chapters.csv")]

    rng = np.random.default_rng(42)
    # Heavy tails again, drawn differently: province weights from a Pareto law, destinations and
    # chapters ranked at random with Zipf-like weights.
    province_w = rng.pareto(1.2, len(provinces)) + 0.05
    country_w = 1.0 / np.arange(1, len(countries) + 1) ** 1.05
    chapter_w = 1.0 / np.arange(1, len(chapters) + 1) ** 0.9
    rng.shuffle(country_w)
    rng.shuffle(chapter_w)
    per_month = wanted // MONTHS

    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Yıl,Ay,İl Kodu,İl,Ülke Kodu,Ülke,Fasıl,Net Ağırlık (kg),İhracat (ABD Doları)\n")
        rows = 0
        for m in range(MONTHS):
            index = 2023 * 12 + 1 + m  # months since year 0, 2023-02 first
            year, month = divmod(index, 12)
            # Draw keys until the month has enough distinct ones (one row per key and month), then
            # keep a random subset of exactly that many.
            keys = np.empty(0, dtype=np.int64)
            while len(keys) < per_month:
                n = per_month - len(keys) + per_month // 4
                p = rng.choice(len(provinces), n, p=province_w / province_w.sum())
                c = rng.choice(len(countries), n, p=country_w / country_w.sum())
                h = rng.choice(len(chapters), n, p=chapter_w / chapter_w.sum())
                keys = np.union1d(keys, (p * len(countries) + c) * len(chapters) + h)
            keys = np.sort(rng.choice(keys, per_month, replace=False))
            h = keys % len(chapters)
            c = keys // len(chapters) % len(countries)
            p = keys // len(chapters) // len(countries)
            scale = province_w[p] * country_w[c] * chapter_w[h] * 4e10 * (1.0 + 0.003 * m)
            cents = (scale * rng.lognormal(0.0, 0.8, len(keys))).astype(np.int64) + 1
            kilos = (cents / rng.uniform(150, 900, len(keys))).astype(np.int64) + 1
            lines = [
                f'{year},{month + 1},{provinces[pi][0]},"{provinces[pi][1]}","{countries[ci][0]}",'
                f'"{countries[ci][1]}",{chapters[hi]},{kg},{v // 100}.{v % 100:02d}\n'
                for pi, ci, hi, kg, v in zip(p.tolist(), c.tolist(), h.tolist(), kilos.tolist(), cents.tolist())
            ]
            out.writelines(lines)
            rows += len(lines)
    print(f"{rows} rows, {MONTHS} months (2023-02 to 2026-01)", file=sys.stderr)


if __name__ == "__main__":
    main()
