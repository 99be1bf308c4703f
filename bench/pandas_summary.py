#!/usr/bin/env python3
"""The summary question in pandas, for kexport's benchmark.
Usage: python3 pandas_summary.py FILE PROVINCE [wide]
PROVINCE is the name as the file writes it; `wide` reads the layout of bench/generate_wide.py.
Prints one JSON object with exact decimal strings (values are read as text and turned into
integer cents, so no float rounding)."""
import json
import sys

import pandas as pd

path, province = sys.argv[1], sys.argv[2]
if len(sys.argv) > 3 and sys.argv[3] == "wide":
    names = {"İl": "province", "Ülke Kodu": "country_code", "İhracat (ABD Doları)": "value_usd"}
    d = pd.read_csv(path, dtype={"Yıl": "int64", "Ay": "int64", **{k: str for k in names}},
                    usecols=["Yıl", "Ay", *names], keep_default_na=False).rename(columns=names)
    d["m"] = d["Yıl"] * 12 + d["Ay"] - 1
else:
    d = pd.read_csv(path, dtype={"period": str, "province": str, "country_code": str, "value_usd": str},
                    usecols=["period", "province", "country_code", "value_usd"], keep_default_na=False)
    d["m"] = d["period"].str[:4].astype("int64") * 12 + d["period"].str[5:7].astype("int64") - 1
parts = d["value_usd"].str.split(".", n=1, expand=True)
d["cents"] = parts[0].astype("int64") * 100 + parts[1].str.ljust(2, "0").astype("int64")
latest = int(d["m"].max())
# One figure per month and destination (the wide layout has a row per chapter).
k = d[d["province"] == province].groupby(["m", "country_code"], as_index=False)["cents"].sum()
monthly = k.groupby("m")["cents"].sum()


def total(lo, hi):
    return int(monthly[(monthly.index >= lo) & (monthly.index <= hi)].sum())


def dollars(cents):
    return None if cents is None else f"{cents // 100}.{cents % 100:02d}"


now = k[(k["m"] == latest) & (k["cents"] > 0)]
before = k[k["m"] == latest - 12].set_index("country_code")["cents"]
top = now.sort_values("cents", ascending=False).head(10)
out = {
    "month": f"{latest // 12}-{latest % 12 + 1:02d}",
    "value": dollars(total(latest, latest)),
    "previous_month": dollars(total(latest - 1, latest - 1)),
    "previous_year": dollars(total(latest - 12, latest - 12)),
    "rolling_12m": dollars(total(latest - 11, latest)),
    "rolling_12m_previous": dollars(total(latest - 23, latest - 12)),
    "year_to_date": dollars(total(latest - latest % 12, latest)),
    "year_to_date_previous": dollars(total(latest - latest % 12 - 12, latest - 12)),
    "countries": int(len(now)),
    "top": [{"country_code": r.country_code, "value": dollars(int(r.cents)),
             "previous_year": dollars(int(before[r.country_code])) if r.country_code in before.index else None}
            for r in top.itertuples()],
}
print(json.dumps(out))
