import GRDB

/// The schema, one migration per released change. Never edit a shipped migration: add one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-registry") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;

                CREATE TABLE users (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    roles TEXT NOT NULL,                 -- comma-separated Role codes
                    password_hash TEXT NOT NULL,         -- yescrypt ($y$...)
                    disabled INTEGER NOT NULL DEFAULT 0,
                    failed_attempts INTEGER NOT NULL DEFAULT 0,
                    locked_until TEXT,                   -- UTC ISO 8601, NULL when not locked
                    created_at TEXT NOT NULL
                );

                -- The integer rowid exists for the contentless FTS index, which can only return rowids.
                CREATE TABLE workers (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,             -- resident ID, 18 characters, upper-case X
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
                    groups TEXT NOT NULL DEFAULT '',     -- ';'-separated TargetGroup codes
                    disability TEXT NOT NULL DEFAULT 'none',
                    relative_of TEXT,
                    version INTEGER NOT NULL DEFAULT 1,  -- optimistic concurrency for edits
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX workers_name ON workers(name);
                CREATE INDEX workers_phone ON workers(phone);

                -- Substring search on names: each character is a token ("张 桂 兰"), a phrase query
                -- finds any substring (DESIGN.md "Search recipe").
                CREATE VIRTUAL TABLE worker_name_fts USING fts5(chars, content='', tokenize='unicode61');

                -- Append-only, hash-chained. Rows are never updated or deleted by the program.
                CREATE TABLE audit (
                    seq INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,                    -- UTC, ISO 8601 with milliseconds
                    user TEXT NOT NULL,
                    action TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    key TEXT NOT NULL,
                    before TEXT,
                    after TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX audit_entity ON audit(entity, key, seq);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
                """)
        }
        m.registerMigration("v2-catalogue") { db in
            try db.execute(sql: """
                -- One row per catalogue entry: a code has several entries over time, whose inclusive
                -- periods [valid_from, valid_to] never overlap (checked by the use case).
                CREATE TABLE occupations (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL,                  -- national code, e.g. 6-31-01-03
                    name TEXT NOT NULL,
                    subsidised INTEGER NOT NULL DEFAULT 0,
                    shortage INTEGER NOT NULL DEFAULT 0,
                    access_controlled INTEGER NOT NULL DEFAULT 0,
                    tier INTEGER,
                    valid_from TEXT NOT NULL,            -- YYYY-MM-DD, inclusive
                    valid_to TEXT,                       -- YYYY-MM-DD, inclusive; NULL = open-ended
                    created_at TEXT NOT NULL,
                    UNIQUE(code, valid_from)
                );
                CREATE TABLE occupation_levels (
                    occupation_id INTEGER NOT NULL REFERENCES occupations(id),
                    level TEXT NOT NULL,                 -- SkillLevel code
                    standard_fen INTEGER NOT NULL,       -- subsidy standard, fen
                    hours INTEGER NOT NULL,
                    PRIMARY KEY(occupation_id, level)
                ) WITHOUT ROWID;

                CREATE TABLE institutions (
                    code TEXT PRIMARY KEY NOT NULL,      -- unified social credit code
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    grade TEXT,                          -- A/B/C/D
                    catalogue INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL DEFAULT 'active',
                    status_reason TEXT,
                    status_date TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE institution_scopes (
                    institution TEXT NOT NULL REFERENCES institutions(code),
                    occupation_code TEXT NOT NULL,
                    level TEXT NOT NULL,
                    PRIMARY KEY(institution, occupation_code, level)
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v3-training") { db in
            try db.execute(sql: """
                -- A training class (培训班). Hours are planned whole hours; attendance is in minutes.
                CREATE TABLE classes (
                    id INTEGER PRIMARY KEY,
                    institution TEXT NOT NULL REFERENCES institutions(code),
                    occupation_code TEXT NOT NULL,
                    level TEXT NOT NULL,                 -- SkillLevel code
                    type TEXT NOT NULL,                  -- TrainingType code
                    start_date TEXT NOT NULL,            -- YYYY-MM-DD, inclusive
                    end_date TEXT NOT NULL,              -- YYYY-MM-DD, inclusive
                    planned_hours INTEGER NOT NULL,
                    status TEXT NOT NULL DEFAULT 'planned',
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX classes_institution ON classes(institution, start_date);

                CREATE TABLE enrolments (
                    class_id INTEGER NOT NULL REFERENCES classes(id),
                    worker_id TEXT NOT NULL,             -- resident ID
                    enrolled_at TEXT NOT NULL,
                    PRIMARY KEY(class_id, worker_id)
                ) WITHOUT ROWID;
                CREATE INDEX enrolments_worker ON enrolments(worker_id);

                -- One row per enrolled worker per day; a change replaces the row (audited).
                CREATE TABLE attendance (
                    class_id INTEGER NOT NULL,
                    worker_id TEXT NOT NULL,
                    date TEXT NOT NULL,                  -- YYYY-MM-DD
                    classroom_minutes INTEGER NOT NULL,
                    online_minutes INTEGER NOT NULL,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY(class_id, worker_id, date)
                ) WITHOUT ROWID;
                CREATE INDEX attendance_worker_date ON attendance(worker_id, date);

                CREATE TABLE certificates (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,                  -- CertificateType code
                    number TEXT NOT NULL,
                    occupation_code TEXT NOT NULL,
                    level TEXT,                          -- only for types that state a level
                    issuer TEXT,
                    issue_date TEXT NOT NULL,
                    worker_id TEXT NOT NULL,
                    class_id INTEGER REFERENCES classes(id),
                    created_at TEXT NOT NULL,
                    UNIQUE(type, number, worker_id)
                );
                CREATE INDEX certificates_worker ON certificates(worker_id);
                """)
        }
        return m
    }
}
