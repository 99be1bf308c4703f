#!/usr/bin/env python3
"""Regenerates data/gazetteer/countries.csv from Debian's iso-codes package (ISO 3166-1 with its
Turkish translation), then applies the customary Turkish and English short names that chambers and
TÜİK use. Run by hand when iso-codes changes: python3 data/tools/make_countries.py > countries.csv
"""
import csv
import gettext
import json
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# Customary short Turkish names where they differ from the ISO translation.
SHORT_TR = {
    "US": "ABD", "AE": "BAE", "GB": "Birleşik Krallık", "KR": "Güney Kore", "KP": "Kuzey Kore",
    "RU": "Rusya", "IR": "İran", "SY": "Suriye", "TW": "Tayvan", "TZ": "Tanzanya",
    "VE": "Venezuela", "BO": "Bolivya", "MD": "Moldova", "LA": "Laos", "VN": "Vietnam",
    "CD": "Kongo Demokratik Cumhuriyeti", "PS": "Filistin", "BN": "Brunei", "VA": "Vatikan",
    "FM": "Mikronezya", "CV": "Yeşil Burun Adaları", "SZ": "Esvatini", "CI": "Fildişi Sahili",
    "UM": "ABD Küçük Dış Adaları", "VI": "ABD Virjin Adaları", "VG": "Britanya Virjin Adaları",
    "TL": "Doğu Timor", "MK": "Kuzey Makedonya", "CZ": "Çekya", "BA": "Bosna-Hersek",
    "HK": "Hong Kong", "MO": "Makao", "NL": "Hollanda", "CN": "Çin",
}
# How TÜİK writes the country in its tables, where it is not the upper-case ISO translation.
OFFICIAL_TR = {
    "US": "AMERİKA BİRLEŞİK DEVLETLERİ", "RU": "RUSYA FEDERASYONU", "IR": "İRAN",
    "KR": "GÜNEY KORE", "KP": "KUZEY KORE", "SY": "SURİYE", "TW": "TAYVAN", "TZ": "TANZANYA",
    "VE": "VENEZUELA", "BO": "BOLİVYA", "MD": "MOLDOVA", "LA": "LAOS", "VN": "VİETNAM",
    "PS": "FİLİSTİN", "BN": "BRUNEY", "VA": "VATİKAN", "CZ": "ÇEKYA CUMHURİYETİ",
    "CN": "ÇİN HALK CUMHURİYETİ", "HK": "HONG KONG", "MK": "KUZEY MAKEDONYA",
    "CD": "KONGO DEMOKRATİK CUMHURİYETİ", "BA": "BOSNA-HERSEK",
}
SHORT_EN = {
    "US": "United States", "GB": "United Kingdom", "KR": "South Korea", "KP": "North Korea",
    "RU": "Russia", "IR": "Iran", "SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania",
    "VE": "Venezuela", "BO": "Bolivia", "MD": "Moldova", "LA": "Laos", "VN": "Vietnam",
    "CD": "DR Congo", "PS": "Palestine", "BN": "Brunei", "VA": "Vatican City",
    "FM": "Micronesia", "VG": "British Virgin Islands", "VI": "US Virgin Islands",
    "CZ": "Czechia", "MK": "North Macedonia", "TR": "Türkiye",
}
ALIASES = {
    "US": ["USA", "Amerika", "A.B.D.", "United States of America", "Birleşik Devletler"],
    "AE": ["Birleşik Arap Emirlikleri", "UAE", "B.A.E."],
    "GB": ["İngiltere", "UK", "Great Britain", "Birleşik Krallık (İngiltere)"],
    "DE": ["Federal Almanya"],
    "KR": ["Kore Cumhuriyeti", "Kore", "South Korea"],
    "RU": ["Rusya Federasyonu", "Russia"],
    "NL": ["Netherlands", "Hollanda Krallığı"],
    "CZ": ["Çek Cumhuriyeti", "Czech Republic"],
    "MK": ["Makedonya", "Macedonia"],
    "SZ": ["Svaziland", "Swaziland"],
    "CI": ["Cote d'Ivoire", "Ivory Coast"],
    "CN": ["Çin Halk Cumhuriyeti", "China"],
    "IR": ["Iran", "İran İslam Cumhuriyeti"],
    "SY": ["Suriye Arap Cumhuriyeti", "Syria"],
    "TR": ["Turkey", "Türkiye Cumhuriyeti"],
}
# Partners with no ISO 3166-1 code: codes from the user-assigned range.
EXTRA = [
    ("XC", "", "KKTC", "KUZEY KIBRIS TÜRK CUMHURİYETİ", "TRNC",
     ["Kuzey Kıbrıs Türk Cumhuriyeti", "Kuzey Kıbrıs", "Northern Cyprus", "K.K.T.C."]),
    ("XK", "XKX", "Kosova", "KOSOVA", "Kosovo", ["Kosova Cumhuriyeti"]),
    ("XZ", "", "Serbest Bölgeler", "SERBEST BÖLGELER", "Free zones", ["Serbest Bölge"]),
]

UPPER = str.maketrans({"i": "İ", "ı": "I"})


def upper_tr(text):
    return text.translate(UPPER).upper()


def main():
    countries = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    tr = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["tr"])
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "alpha3", "name_tr", "name_official", "name_en", "aliases"])
    rows = []
    for c in countries:
        code = c["alpha_2"]
        en = c.get("common_name", c["name"])
        translated = tr.gettext(c["name"]).replace("İslâm", "İslam")
        short = SHORT_TR.get(code, translated)
        official = OFFICIAL_TR.get(code, upper_tr(translated))
        aliases = list(ALIASES.get(code, []))
        if translated != short:
            aliases.append(translated)
        if c["name"] != SHORT_EN.get(code, en):
            aliases.append(c["name"])
        rows.append([code, c["alpha_3"], short, official, SHORT_EN.get(code, en),
                     "|".join(dict.fromkeys(aliases))])
    for code, a3, short, official, en, aliases in EXTRA:
        rows.append([code, a3, short, official, en, "|".join(aliases)])
    for row in sorted(rows):
        out.writerow(row)


if __name__ == "__main__":
    main()
