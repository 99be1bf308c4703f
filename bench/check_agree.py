#!/usr/bin/env python3
"""Checks that kexport's summary JSON and the peers' answers agree to the cent.
Usage: check_agree.py KEXPORT.json PEER.json [PEER.json ...]; exit 1 on any difference."""
import json
import sys
from decimal import Decimal


def cents(value):
    return None if value is None else int((Decimal(str(value)) * 100).to_integral_exact())


def from_kexport(doc):
    top = [{"country_code": d["country_code"], "value": cents(d["value"])} for d in doc["top_destinations"]]
    return {
        "month": doc["period"],
        "value": cents(doc["value"]),
        "previous_month": cents(doc["previous_month"]["value"]),
        "previous_year": cents(doc["previous_year"]["value"]),
        "rolling_12m": cents(doc["rolling_12m"]["value"]),
        "rolling_12m_previous": cents(doc["rolling_12m"]["previous_value"]),
        "year_to_date": cents(doc["year_to_date"]["value"]),
        "year_to_date_previous": cents(doc["year_to_date"]["previous_value"]),
        "countries": doc["countries"],
        "top": top,
    }


def from_peer(doc):
    out = {k: (cents(v) if k not in ("month", "countries", "top") else v) for k, v in doc.items()}
    out["top"] = [{"country_code": d["country_code"], "value": cents(d["value"])} for d in doc["top"]]
    return out


def main():
    expected = from_kexport(json.load(open(sys.argv[1])))
    ok = True
    for path in sys.argv[2:]:
        peer = from_peer(json.load(open(path)))
        for key, value in expected.items():
            if peer.get(key) != value:
                print(f"{path}: {key} differs: kexport {value!r}, peer {peer.get(key)!r}")
                ok = False
    print("all answers agree to the cent" if ok else "answers differ")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
