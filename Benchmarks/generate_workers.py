#!/usr/bin/env python3
"""Writes a CSV of realistic, valid workers for the import and search benchmarks.

    python3 Benchmarks/generate_workers.py [N] [--out PATH] [--seed S]

N defaults to 1,000,000, PATH to bench-data/workers-1m.csv (git-ignored), S to 20240601.
Python and Faker (`pip install faker`) are needed only to make test data: never by `swift test`
or the product.

The file is repeatable for a given seed and Faker version: one `random.Random(seed)` drives every
choice and Faker is seeded from it. It is written row by row (streamed), never held in memory,
except for the set of resident IDs already issued (to keep them unique).

Speed: Faker's zh_CN `name()` costs ~45 us and `address()` ~45 us, which would make 1M rows take
well over a minute. So, as allowed for test data, the script pre-generates POOLS with Faker —
200,000 names, 20,000 street addresses, 5,000 companies — and samples them with the seeded RNG.
Phones are drawn per row from Faker's zh_CN `phone_number()` (~9 us; 11 digits, 1[3-9]...).
A 200k name pool still gives the realistic distribution of surnames and given names (Faker's
own weights), which is what the search benchmark depends on.

Columns: id,name,phone,hukou_region,rural,residence,employment,employer,employer_code,pension,
groups,disability — the header `worker import` expects.

- id: 18-character resident ID valid under GB 11643-1999: a county-level code from
  /work/shared/data/regions.tsv (or the copy beside DESIGN.md) in force in the birth year
  (~90% Jiangsu 32xxxx), birth date 1960-01-01..2006-12-31, a 3-digit sequence, and the
  ISO 7064 MOD 11-2 check character. Unique across the file.
- name: Faker zh_CN names, plus ~1% minority names joined by the middle dot (阿卜杜拉·艾尼).
- phone: ~90% filled.
- employer_code: a valid unified social credit code (GB 32100) when an employer is given.
"""

import argparse
import csv
import os
import random
import sys
import time

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

EMPLOYMENT = ["employed_insured", "employed_uninsured", "unemployed", "graduate",
              "self_employed", "farmer", "other"]
EMPLOYMENT_WEIGHTS = [35, 15, 15, 8, 12, 10, 5]

GROUPS = ["enterprise_employee", "rural_migrant", "new_gen_migrant", "school_leaver", "graduate",
          "unemployed", "transferring", "veteran", "employment_difficulty", "disabled",
          "low_income_rural", "dibao", "zero_employment_family", "poor_family_child", "farmer",
          "entrepreneur", "high_risk", "community_correction", "capacity_reduction", "dispatched",
          "local_talent"]

# Parts of Uyghur / Kazakh / Hui style names as written in Chinese characters.
MINORITY_PARTS = ["阿卜杜拉", "艾尼", "买买提", "热合曼", "古丽", "努尔", "阿依古丽", "吐尔逊", "艾力",
                  "帕提古丽", "麦麦提", "伊力哈木", "阿不都", "热依拉", "如则", "阿力木", "卡德尔",
                  "阿迪力", "玉素甫", "依明", "沙吾提", "哈斯木", "米娜瓦尔", "克里木", "塔依尔",
                  "努尔兰", "叶尔兰", "阿依达娜", "巴合提", "别克"]


def id_check(first17: str) -> str:
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS)) % 11]


def credit_code(rng: random.Random) -> str:
    # 9 = registered by industry & commerce, 1 = enterprise, then a 6-digit region code.
    body = "91" + rng.choice(["320102", "320106", "320505", "320211", "320412", "321002"])
    body += "".join(rng.choice(CREDIT_ALPHABET) for _ in range(9))
    s = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(body, CREDIT_WEIGHTS))
    return body + CREDIT_ALPHABET[(31 - s % 31) % 31]


def load_regions(path):
    """County-level codes (not xx0000 / xxxx00, not 市辖区/市区) with their years in force."""
    regions = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("code\t"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5:
                continue
            code, name, full, frm, to = parts[:5]
            if len(code) != 6 or code[4:] == "00" or code[2:] == "0000" or name in ("市辖区", "市区"):
                continue
            regions.append((code, full, int(frm) if frm else 0, int(to) if to else 9999))
    return regions


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", nargs="?", type=int, default=1_000_000)
    p.add_argument("--out", default=os.path.join(here, "..", "bench-data", "workers-1m.csv"))
    p.add_argument("--seed", type=int, default=20240601)
    p.add_argument("--regions", default=next((c for c in (
        os.path.join(here, "..", "..", "shared", "data", "regions.tsv"),
        "/work/shared/data/regions.tsv") if os.path.exists(c)), "/work/shared/data/regions.tsv"))
    args = p.parse_args()

    from faker import Faker  # imported late so --help works without it

    rng = random.Random(args.seed)
    fake = Faker("zh_CN")
    fake.seed_instance(rng.randrange(2**32))
    started = time.time()

    name_pool = [fake.name() for _ in range(200_000)]
    street_pool = [fake.street_address() for _ in range(20_000)]
    company_pool = [fake.company() for _ in range(5_000)]

    regions = load_regions(args.regions)
    jiangsu = [r for r in regions if r[0].startswith("32")]
    other = [r for r in regions if not r[0].startswith("32")]
    # Region candidates in force in each birth year, per pool.
    in_force = {}
    for year in range(1960, 2007):
        in_force[year] = ([r for r in jiangsu if r[2] <= year <= r[3]],
                          [r for r in other if r[2] <= year <= r[3]])
    current_jiangsu = [r for r in jiangsu if r[3] == 9999]

    days_in_month = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    issued = set()

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="", buffering=1 << 20) as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["id", "name", "phone", "hukou_region", "rural", "residence", "employment",
                      "employer", "employer_code", "pension", "groups", "disability"])
        for _ in range(args.n):
            # Resident ID, unique.
            while True:
                year = rng.randint(1960, 2006)
                js, ot = in_force[year]
                region = rng.choice(js) if rng.random() < 0.9 else rng.choice(ot)
                month = rng.randint(1, 12)
                dim = days_in_month[month - 1]
                if month == 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
                    dim = 29
                day = rng.randint(1, dim)
                first17 = f"{region[0]}{year:04d}{month:02d}{day:02d}{rng.randrange(1000):03d}"
                if first17 not in issued:
                    issued.add(first17)
                    break
            rid = first17 + id_check(first17)

            if rng.random() < 0.01:
                name = rng.choice(MINORITY_PARTS) + "·" + rng.choice(MINORITY_PARTS)
            else:
                name = rng.choice(name_pool)
            phone = fake.phone_number() if rng.random() < 0.9 else ""
            # Mostly still registered where born (if that code is still in force), else moved.
            hukou = region[0] if region[3] == 9999 and rng.random() < 0.8 else rng.choice(current_jiangsu)[0]
            rural = 1 if rng.random() < 0.4 else 0
            home = rng.choice(current_jiangsu)
            residence = home[1] + rng.choice(street_pool) if rng.random() < 0.85 else ""
            employment = rng.choices(EMPLOYMENT, EMPLOYMENT_WEIGHTS)[0]
            employer = employer_code = ""
            if employment in ("employed_insured", "employed_uninsured") and rng.random() < 0.3:
                employer = rng.choice(company_pool)
                if rng.random() < 0.7:
                    employer_code = credit_code(rng)
            pension = 1 if year < 1966 and rng.random() < 0.3 else 0
            r = rng.random()
            if r < 0.70:
                groups = ""
            else:
                k = 1 if r < 0.92 else 2 if r < 0.99 else 3
                groups = ";".join(rng.sample(GROUPS, k))
            r = rng.random()
            disability = "none" if r < 0.97 else "nonsevere" if r < 0.993 else "severe"
            out.writerow([rid, name, phone, hukou, rural, residence, employment, employer,
                          employer_code, pension, groups, disability])

    print(f"wrote {args.n} rows to {args.out} in {time.time() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
