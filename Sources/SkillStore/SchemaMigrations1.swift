import Foundation
import GRDB
import SkillCore
import SkillRecords

/// The migrations v1–v4 (registry, catalogue, training, claims), registered in order by `Schema.migrator`.
extension Schema {
    /// Migration firstMigration.
    static func v1Registry(_ db: Database) throws {
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

    /// Migration v2-catalogue.
    static func v2Catalogue(_ db: Database) throws {
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

    /// Migration v3-training.
    static func v3Training(_ db: Database) throws {
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

    /// Migration v4-claims.
    static func v4Claims(_ db: Database) throws {
        try db.execute(sql: """
            -- Settings an administrator changes (audited by the use case). `policy` is the active
            -- policy profile's name; `init --policy` sets it, a database from before v4 gets nanjing-2019.
            CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
            INSERT INTO settings(key, value) VALUES ('policy', 'nanjing-2019');

            -- E2/P2: insured in unemployment insurance (insured-employee upgrading subsidy).
            ALTER TABLE workers ADD COLUMN unemployment_insured INTEGER NOT NULL DEFAULT 0;

            -- A subsidy claim: what the eligibility rules read about earlier claims (E4, E5, E6, E7,
            -- E15, settlement amounts). The claims workflow (maker-checker, notice, payments) adds
            -- its own columns and tables in later migrations.
            CREATE TABLE claims (
                id INTEGER PRIMARY KEY,
                worker_id TEXT NOT NULL,             -- resident ID
                kind TEXT NOT NULL,                  -- SubsidyKind code
                class_id INTEGER REFERENCES classes(id),
                certificate_id INTEGER REFERENCES certificates(id),
                institution TEXT,                    -- the class's institution (credit code), W3
                occupation_code TEXT NOT NULL,
                level TEXT NOT NULL,                 -- SkillLevel code
                training_type TEXT,                  -- the class's TrainingType code
                claim_year INTEGER NOT NULL,         -- PolicyEngine.claimYear (class end year)
                claim_date TEXT NOT NULL,            -- YYYY-MM-DD
                months INTEGER,                      -- training through work
                prepay_percent INTEGER,              -- prepayment
                amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
                payee TEXT NOT NULL CHECK (payee IN ('worker', 'enterprise', 'institution')),
                employer_code TEXT,                  -- E7: the employer of enterprise kinds
                status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'on_notice',
                                                       'payable', 'rejected', 'paid', 'clawback', 'recovered')),
                prepared_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX claims_worker ON claims(worker_id, claim_year);
            CREATE INDEX claims_status ON claims(status, created_at);
            CREATE INDEX claims_institution ON claims(institution, class_id);
            CREATE INDEX claims_class ON claims(class_id);

            -- Claims per institution and status, kept by triggers so W3's rejection rate is one
            -- primary-key read however many claims an institution has.
            CREATE TABLE institution_claim_counts (
                institution TEXT NOT NULL,
                status TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY(institution, status)
            ) WITHOUT ROWID;
            CREATE TRIGGER claims_count_insert AFTER INSERT ON claims WHEN NEW.institution IS NOT NULL
            BEGIN
                INSERT INTO institution_claim_counts(institution, status, n) VALUES (NEW.institution, NEW.status, 1)
                ON CONFLICT(institution, status) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER claims_count_delete AFTER DELETE ON claims WHEN OLD.institution IS NOT NULL
            BEGIN
                UPDATE institution_claim_counts SET n = n - 1 WHERE institution = OLD.institution AND status = OLD.status;
            END;
            CREATE TRIGGER claims_count_update AFTER UPDATE OF status, institution ON claims
            BEGIN
                UPDATE institution_claim_counts SET n = n - 1
                WHERE OLD.institution IS NOT NULL AND institution = OLD.institution AND status = OLD.status;
                INSERT INTO institution_claim_counts(institution, status, n)
                SELECT NEW.institution, NEW.status, 1 WHERE NEW.institution IS NOT NULL
                ON CONFLICT(institution, status) DO UPDATE SET n = n + 1;
            END;
            """)
    }
}
