#!/usr/bin/env python3
"""Generates kexport's bundled sample data (deterministic: the same files every run).

Kayseri's monthly totals of exports and imports are the figures chambers published (see
data/README.md), where a release gives them; everything else (the other 80 provinces' totals,
Kayseri's split by country, and the months of imports no release gives) is made up to look realistic.
Run from the repository root: python3 data/tools/generate_sample.py
"""
import csv
import random

FIRST, LAST = (2024, 1), (2026, 1)

# Kayseri, thousand US dollars. Published figures, and the months derived from them (README).
KAYSERI_THOUSANDS = {
    (2024, 1): 285_500, (2024, 2): 292_400, (2024, 3): 318_900, (2024, 4): 279_913,
    (2024, 5): 330_150, (2024, 6): 301_238, (2024, 7): 327_662, (2024, 8): 328_300,
    (2024, 9): 313_761, (2024, 10): 324_786, (2024, 11): 318_000, (2024, 12): 329_464,
    (2025, 1): 310_232, (2025, 2): 295_460, (2025, 3): 325_466, (2025, 4): 304_798,
    (2025, 5): 345_287, (2025, 6): 279_353, (2025, 7): 324_385, (2025, 8): 303_813,
    (2025, 9): 322_923, (2025, 10): 341_762, (2025, 11): 314_776, (2025, 12): 378_582,
    (2026, 1): 291_804,
}
# The one figure the issue quotes to the dollar.
KAYSERI_EXACT_CENTS = {(2026, 1): 29_180_423_645}

# Destination countries per month where chambers published them, and the largest buyers.
KAYSERI_COUNTRY_COUNT = {(2025, 7): 147, (2025, 9): 147, (2025, 10): 143, (2026, 1): 140}
KAYSERI_TOP3 = {
    (2025, 9): ["IT", "US", "IQ"],
    (2025, 10): ["DE", "IQ", "US"],
    (2026, 1): ["DE", "US", "PL"],
}

# Kayseri's imports, thousand US dollars: published figures and months derived from published
# changes and year-to-date totals (True), or made up where no release gives them (False).
KAYSERI_IMPORTS_THOUSANDS = {
    (2024, 1): (121_000, False), (2024, 2): (128_500, False), (2024, 3): (139_800, False),
    (2024, 4): (136_146, True), (2024, 5): (141_200, False), (2024, 6): (127_900, False),
    (2024, 7): (133_400, False), (2024, 8): (149_043, True), (2024, 9): (138_600, False),
    (2024, 10): (131_004, True), (2024, 11): (118_151, True), (2024, 12): (142_700, False),
    (2025, 1): (163_571, True), (2025, 2): (144_257, True), (2025, 3): (125_334, True),
    (2025, 4): (154_662, True), (2025, 5): (160_101, True), (2025, 6): (138_514, True),
    (2025, 7): (162_457, True), (2025, 8): (136_285, True), (2025, 9): (146_175, True),
    (2025, 10): (131_685, True), (2025, 11): (125_488, True), (2025, 12): (151_300, False),
    (2026, 1): (129_532, True),
}
# Where Kayseri's imports come from, largest first (ISO codes), with made-up relative sizes.
ORIGINS = ["CN", "DE", "IT", "RU", "US", "KR", "ES", "FR", "PL", "IN", "NL", "BE", "AT", "CZ", "JP",
           "GB", "UA", "RO", "BG", "SE", "CH", "TW", "VN", "MY", "ID", "TH", "PK", "BR", "AR", "KZ",
           "AZ", "GE", "IR", "EG", "SA", "AE", "IL", "HU", "SK", "SI", "PT", "DK", "FI", "NO", "GR",
           "CA", "MX", "ZA", "AU", "SG", "HK", "BY", "UZ", "TM", "RS", "IQ", "LT", "LV", "EE", "IE"]

# Made-up yearly exports by province, million US dollars (head-office basis, order of magnitude).
PROVINCE_MILLIONS = {
    1: 2600, 2: 120, 3: 650, 4: 40, 5: 170, 6: 11500, 7: 1800, 8: 150, 9: 1300, 10: 1000,
    11: 450, 12: 12, 13: 20, 14: 320, 15: 260, 16: 16500, 17: 260, 18: 80, 19: 600, 20: 4000,
    21: 260, 22: 300, 23: 280, 24: 60, 25: 120, 26: 1300, 27: 11000, 28: 300, 29: 30, 30: 45,
    31: 3000, 32: 250, 33: 2500, 34: 113000, 35: 14000, 36: 25, 37: 190, 38: 0, 39: 350, 40: 60,
    41: 16000, 42: 3100, 43: 400, 44: 420, 45: 7000, 46: 1600, 47: 800, 48: 450, 49: 6, 50: 160,
    51: 230, 52: 480, 53: 320, 54: 5000, 55: 1100, 56: 50, 57: 30, 58: 220, 59: 2300, 60: 140,
    61: 1100, 62: 3, 63: 380, 64: 450, 65: 110, 66: 50, 67: 500, 68: 250, 69: 4, 70: 550,
    71: 130, 72: 180, 73: 300, 74: 60, 75: 8, 76: 60, 77: 260, 78: 650, 79: 280, 80: 600,
    81: 500,
}
SEASON = [0.88, 0.95, 1.05, 0.98, 1.02, 0.97, 1.01, 0.92, 1.02, 1.08, 1.04, 1.08]
GROWTH = {2024: 1.0, 2025: 1.03, 2026: 1.01}

# Kayseri's markets, largest first (ISO codes), with made-up relative sizes.
MAJOR = ["DE", "US", "PL", "IT", "IQ", "GB", "FR", "ES", "NL", "RO", "IL", "AZ", "GE", "RU", "BG",
         "BE", "SA", "AE", "GR", "EG", "LY", "DZ", "UA", "TM", "KZ", "UZ", "IR", "SE", "AT", "CZ",
         "HU", "DK", "CH", "MA", "TN", "JO", "LB", "QA", "KW", "OM", "BH", "YE", "SY", "XC", "CY",
         "RS", "BA", "MK", "AL", "XK", "ME", "HR", "SI", "SK", "LT", "LV", "EE", "FI", "NO", "IE",
         "PT", "CA", "MX", "BR", "CL", "CO", "PE", "AR", "ZA", "NG", "GH", "KE", "ET", "TZ", "SD",
         "SN", "CI", "CM", "AO", "CN", "IN", "PK", "BD", "JP", "KR", "AU", "NZ", "SG", "MY", "ID",
         "TH", "VN", "PH", "AF", "KG", "TJ", "MN", "AM", "MD", "BY"]
MINOR = ["SO", "DJ", "ER", "MR", "ML", "NE", "TD", "BF", "GN", "SL", "LR", "TG", "BJ", "GA",
         "CG", "CD", "UG", "RW", "BI", "MZ", "MG", "ZM", "ZW", "MW", "NA", "BW", "MU", "SC",
         "KM", "LK", "NP", "MM", "KH", "LA", "HK", "TW", "MV", "BN", "PA", "CR", "GT", "HN",
         "SV", "NI", "DO", "JM", "TT", "CU", "EC", "BO", "PY", "UY", "VE", "IS", "LU", "MT",
         "MC", "AD", "LI", "FJ", "PG", "GM", "GW", "CV", "SS", "LS", "SZ", "BT", "PS", "HT"]


def months():
    y, m = FIRST
    while (y, m) <= LAST:
        yield y, m
        y, m = (y + (m == 12), m % 12 + 1)


def province_names():
    with open("data/gazetteer/provinces.csv", encoding="utf-8") as f:
        return {int(r["code"]): r["name"] for r in csv.DictReader(f)}


def country_names():
    with open("data/gazetteer/countries.csv", encoding="utf-8") as f:
        return {r["code"]: r["name_tr"] for r in csv.DictReader(f)}


def split_exactly(total, weights):
    """Splits integer cents in proportion to integer weights; the parts add up to the total."""
    weight_sum = sum(weights)
    parts = [total * w // weight_sum for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: -(total * weights[i] % weight_sum))
    for i in remainders[: total - sum(parts)]:
        parts[i] += 1
    return parts


def kayseri_cents(rng, ym):
    if ym in KAYSERI_EXACT_CENTS:
        return KAYSERI_EXACT_CENTS[ym]
    # Within 20 dollars of the published thousand, so that sums over 12 months still round to the
    # published twelve-month and yearly totals.
    return KAYSERI_THOUSANDS[ym] * 100_000 + rng.randint(-2_000, 2_000)


def country_split(rng, ym, total):
    count = KAYSERI_COUNTRY_COUNT.get(ym, rng.randint(134, 148))
    minor = rng.sample(MINOR, count - len(MAJOR))
    codes = MAJOR + minor
    weights = {}
    for rank, code in enumerate(MAJOR):
        weights[code] = 1000.0 / (rank + 4) ** 1.25 * rng.lognormvariate(0, 0.10)
    for code in minor:
        weights[code] = 2.0 * rng.lognormvariate(0, 0.6)
    if ym in KAYSERI_TOP3:
        leaders = KAYSERI_TOP3[ym]
        rest = max(w for c, w in weights.items() if c not in leaders)
        floor = rest
        for code in reversed(leaders):
            weights[code] = max(weights[code], floor * 1.06)
            floor = weights[code]
    int_weights = [max(1, round(weights[c] * 1_000_000)) for c in codes]
    return list(zip(codes, split_exactly(total, int_weights)))


def main():
    rng = random.Random(20260227)
    provinces = province_names()
    countries = country_names()
    kayseri_totals = {}
    with open("data/provinces-2024-01-2026-01.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["period", "province_code", "province", "value_usd", "source", "status"])
        for y, m in months():
            for code in sorted(provinces):
                if code == 38:
                    cents = kayseri_cents(rng, (y, m))
                    kayseri_totals[(y, m)] = cents
                else:
                    dollars = PROVINCE_MILLIONS[code] * 1e6 / 12 * SEASON[m - 1] * GROWTH[y]
                    cents = round(dollars * rng.normalvariate(1.0, 0.06) * 100)
                # Only Kayseri's totals are published figures; the others are made up.
                out.writerow([f"{y:04}-{m:02}", f"{code:02}", provinces[code],
                              f"{cents // 100}.{cents % 100:02}", "TÜİK",
                              "published" if code == 38 else "sample"])
    with open("data/kayseri-countries-2024-01-2026-01.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["period", "province", "country", "country_code", "value_usd", "source", "status"])
        for y, m in months():
            split = country_split(rng, (y, m), kayseri_totals[(y, m)])
            for code, cents in sorted(split, key=lambda p: -p[1]):
                out.writerow([f"{y:04}-{m:02}", "Kayseri", countries[code], code,
                              f"{cents // 100}.{cents % 100:02}", "TÜİK", "sample"])

    write_kayseri_imports(countries)


def write_kayseri_imports(countries):
    # A generator of its own, so that the export files stay as they were.
    rng = random.Random(20260301)
    with open("data/kayseri-imports-2024-01-2026-01.csv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["period", "province", "country", "country_code", "value_usd", "flow", "source", "status"])
        for y, m in months():
            thousands, published = KAYSERI_IMPORTS_THOUSANDS[(y, m)]
            # Within 20 dollars of the thousand, as the exports.
            total = thousands * 100_000 + rng.randint(-2_000, 2_000)
            out.writerow([f"{y:04}-{m:02}", "Kayseri", "", "", f"{total // 100}.{total % 100:02}", "ithalat",
                          "TÜİK", "published" if published else "sample"])
            count = rng.randint(52, len(ORIGINS))
            weights = [max(1, round(1_000_000 / (rank + 2) ** 1.4 * rng.lognormvariate(0, 0.15)))
                       for rank in range(count)]
            split = split_exactly(total, weights)
            for code, cents in sorted(zip(ORIGINS[:count], split), key=lambda p: -p[1]):
                out.writerow([f"{y:04}-{m:02}", "Kayseri", countries[code], code,
                              f"{cents // 100}.{cents % 100:02}", "ithalat", "TÜİK", "sample"])


if __name__ == "__main__":
    main()
