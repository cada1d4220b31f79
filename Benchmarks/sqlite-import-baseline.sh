#!/usr/bin/env bash
# The sqlite3 CLI baseline for `worker import` (docs/PERFORMANCE.md).
#
#   Benchmarks/sqlite-import-baseline.sh CSV [DB] [--direct]
#
# Default ("real table"): a fresh database with the product's `workers` DDL and b-tree indexes
# (copied from Sources/SkillStore/Schema.swift v1-registry), WAL + synchronous=NORMAL like the
# product, and in ONE transaction: `.import --csv --skip 1` into a 12-column TEMP staging table,
# then INSERT INTO workers ... SELECT, deriving sex and birth_date from the ID and storing blank
# optional fields as NULL, as the product does. The final table and indexes are the product's.
#
# --direct: the cheapest equivalent — a 12-column table with the same UNIQUE(id) and the same
# indexes on name and phone, imported straight into (no staging, no derived columns).
#
# Neither variant validates rows or maintains the FTS5 name index: the product does both.
# Prints the wall time of the import (database creation excluded) on stderr via `time`.
set -euo pipefail
csv=${1:?usage: sqlite-import-baseline.sh CSV [DB] [--direct]}
db=${2:-bench-data/baseline.sqlite}
mode=${3:-real}
rm -f "$db" "$db-wal" "$db-shm"

if [ "$mode" = "--direct" ]; then
  sqlite3 "$db" <<'SQL'
PRAGMA journal_mode=WAL;
CREATE TABLE workers (
    id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, phone TEXT, hukou_region TEXT, rural INTEGER,
    residence TEXT, employment TEXT, employer TEXT, employer_code TEXT, pension INTEGER,
    groups TEXT, disability TEXT
);
CREATE INDEX workers_name ON workers(name);
CREATE INDEX workers_phone ON workers(phone);
SQL
  time sqlite3 "$db" <<SQL
PRAGMA synchronous=NORMAL;
.import --csv --skip 1 '$csv' workers
SQL
else
  sqlite3 "$db" <<'SQL'
PRAGMA journal_mode=WAL;
CREATE TABLE workers (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sex TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    phone TEXT,
    hukou_region TEXT,
    rural INTEGER NOT NULL DEFAULT 0,
    residence TEXT,
    employment TEXT NOT NULL,
    employer TEXT,
    employer_code TEXT,
    pension INTEGER NOT NULL DEFAULT 0,
    groups TEXT NOT NULL DEFAULT '',
    disability TEXT NOT NULL DEFAULT 'none',
    relative_of TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX workers_name ON workers(name);
CREATE INDEX workers_phone ON workers(phone);
SQL
  time sqlite3 "$db" <<SQL
PRAGMA synchronous=NORMAL;
BEGIN;
CREATE TEMP TABLE staging(id, name, phone, hukou_region, rural, residence, employment, employer,
                          employer_code, pension, groups, disability);
.import --csv --skip 1 '$csv' staging
INSERT INTO workers(id, name, sex, birth_date, phone, hukou_region, rural, residence, employment,
                    employer, employer_code, pension, groups, disability, created_at, updated_at)
SELECT id, name,
       CASE WHEN substr(id, 17, 1) IN ('1','3','5','7','9') THEN 'M' ELSE 'F' END,
       substr(id, 7, 4) || '-' || substr(id, 11, 2) || '-' || substr(id, 13, 2),
       NULLIF(phone, ''), NULLIF(hukou_region, ''), rural, NULLIF(residence, ''), employment,
       NULLIF(employer, ''), NULLIF(employer_code, ''), pension, groups, disability,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM staging WHERE true
ON CONFLICT(id) DO NOTHING;
COMMIT;
SQL
fi
sqlite3 "$db" "SELECT count(*) || ' rows in workers' FROM workers;"
