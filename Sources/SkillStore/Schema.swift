import GRDB
import SkillCore
import SkillRecords

/// The schema, one migration per released change. Never edit a shipped migration: add one.
enum Schema {
    /// Every SkillDesk database has it: how a database made before `Store.applicationID` is known.
    static let firstMigration = "v1-registry"

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration(firstMigration) { db in
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
        m.registerMigration("v4-claims") { db in
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
        m.registerMigration("v5-workflow") { db in
            try db.execute(sql: """
                -- The claims workflow (issue 5): who did what when, the evidence frozen at submission,
                -- the notice, the fund account reserved against, the payment batch.
                ALTER TABLE claims ADD COLUMN submitted_at TEXT;
                ALTER TABLE claims ADD COLUMN submitted_by TEXT;
                ALTER TABLE claims ADD COLUMN decided_at TEXT;
                ALTER TABLE claims ADD COLUMN decided_by TEXT;
                ALTER TABLE claims ADD COLUMN decision_note TEXT;
                ALTER TABLE claims ADD COLUMN reason TEXT;            -- the last return/reject/objection/failure reason
                ALTER TABLE claims ADD COLUMN reject_code TEXT;       -- RejectReason code
                ALTER TABLE claims ADD COLUMN notice_published_on TEXT;
                ALTER TABLE claims ADD COLUMN notice_end_on TEXT;
                ALTER TABLE claims ADD COLUMN fund_year INTEGER;      -- the account reserved against
                ALTER TABLE claims ADD COLUMN fund_source TEXT;
                ALTER TABLE claims ADD COLUMN batch_id TEXT;
                ALTER TABLE claims ADD COLUMN payee_name TEXT;
                ALTER TABLE claims ADD COLUMN bank_account TEXT;
                ALTER TABLE claims ADD COLUMN evidence_json TEXT;     -- frozen at submission
                ALTER TABLE claims ADD COLUMN evidence_sha256 TEXT;
                ALTER TABLE claims ADD COLUMN warning_count INTEGER NOT NULL DEFAULT 0 CHECK (warning_count >= 0);
                ALTER TABLE claims ADD COLUMN clawback_due_fen INTEGER NOT NULL DEFAULT 0 CHECK (clawback_due_fen >= 0);
                ALTER TABLE claims ADD COLUMN recovered_fen INTEGER NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0);
                -- 1 once the claim's class attendance for its worker is written after the evidence was
                -- frozen (W5 in the queue without re-evaluating); a new submission resets it.
                ALTER TABLE claims ADD COLUMN evidence_changed INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX claims_queue ON claims(status, submitted_at, id);
                CREATE INDEX claims_notice ON claims(status, notice_end_on);
                CREATE INDEX claims_batch ON claims(batch_id);
                CREATE TRIGGER attendance_insert_marks_claims AFTER INSERT ON attendance BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE worker_id = NEW.worker_id AND class_id = NEW.class_id
                        AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
                END;
                CREATE TRIGGER attendance_update_marks_claims AFTER UPDATE ON attendance BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE worker_id = NEW.worker_id AND class_id = NEW.class_id
                        AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
                END;
                CREATE TRIGGER attendance_delete_marks_claims AFTER DELETE ON attendance BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE worker_id = OLD.worker_id AND class_id = OLD.class_id
                        AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
                END;

                ALTER TABLE workers ADD COLUMN bank_account TEXT;

                CREATE TABLE fund_accounts (
                    year INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    allocated_fen INTEGER NOT NULL DEFAULT 0 CHECK (allocated_fen >= 0),
                    reserved_fen INTEGER NOT NULL DEFAULT 0 CHECK (reserved_fen >= 0),
                    paid_fen INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
                    recovered_fen INTEGER NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
                    clawback_due_fen INTEGER NOT NULL DEFAULT 0 CHECK (clawback_due_fen >= 0),
                    version INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY(year, source)
                ) WITHOUT ROWID;

                -- The working-day calendar (an administrator edits it); seeded from the shipped file.
                CREATE TABLE holidays (
                    date TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
                    name TEXT NOT NULL DEFAULT ''
                ) WITHOUT ROWID;

                CREATE TABLE payment_batches (
                    id TEXT PRIMARY KEY NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    business_date TEXT NOT NULL,
                    count INTEGER NOT NULL CHECK (count >= 0),
                    total_fen INTEGER NOT NULL CHECK (total_fen >= 0),
                    reconciled_at TEXT
                ) WITHOUT ROWID;
                CREATE TABLE payment_lines (
                    batch_id TEXT NOT NULL REFERENCES payment_batches(id),
                    claim_id INTEGER NOT NULL REFERENCES claims(id),
                    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                    payee_name TEXT NOT NULL,
                    bank_account TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    payee TEXT NOT NULL,
                    result TEXT CHECK (result IN ('paid', 'failed')),
                    bank_reason TEXT,
                    PRIMARY KEY(batch_id, claim_id)
                ) WITHOUT ROWID;
                CREATE INDEX payment_lines_claim ON payment_lines(claim_id);

                -- Only a demo or training database may have its business date moved (SKILLDESK_TODAY).
                INSERT INTO settings(key, value)
                SELECT 'business_date_override_allowed', '1' WHERE (SELECT value FROM meta WHERE key = 'demo') = '1';
                """)
            for e in WorkingCalendar.shippedEntries {
                try db.execute(sql: "INSERT OR IGNORE INTO holidays(date, kind, name) VALUES (?, ?, ?)",
                               arguments: [e.date.description, e.kind.rawValue, e.name])
            }
        }
        // The queue filtered by kind or institution: without these, a filter matching few pending
        // claims walked claims_queue over every pending claim (100k: 0.5 s warm, 9 s cold when
        // nothing matched; docs/PERFORMANCE.md "Claims workflow at scale").
        m.registerMigration("v6-queue-filter-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX claims_queue_kind ON claims(status, kind, submitted_at, id);
                CREATE INDEX claims_queue_institution ON claims(status, institution, submitted_at, id);
                """)
        }
        // The rest of a submitted claim's frozen evidence marks it when it changes, as attendance
        // already did (v5): the certificate, the worker's profile fields, the class, the catalogue
        // entry and the active policy. `evidence_changed` is then a complete "may have changed"
        // mark kept by the database for every writer (the program, an import, the sqlite3 shell),
        // so a batch approval trusts it instead of re-gathering each claim's evidence; the claim's
        // detail still compares the evidence field by field (docs/DECISIONS.md "W5 marks").
        // Catalogue and policy changes mark only claims still in review (status 'submitted'; found by
        // claims_occupation and the queue index): approved claims are past the batch's question, and
        // their detail still shows the change.
        m.registerMigration("v7-evidence-marks") { db in
            try db.execute(sql: """
                CREATE INDEX claims_occupation ON claims(occupation_code, status);
                CREATE TRIGGER certificate_update_marks_claims AFTER UPDATE ON certificates BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE worker_id = OLD.worker_id AND certificate_id = OLD.id
                        AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
                END;
                CREATE TRIGGER certificate_delete_marks_claims AFTER DELETE ON certificates BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE worker_id = OLD.worker_id AND certificate_id = OLD.id
                        AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
                END;
                CREATE TRIGGER worker_profile_marks_claims AFTER UPDATE ON workers
                WHEN OLD.name IS NOT NEW.name OR OLD.groups IS NOT NEW.groups OR OLD.disability IS NOT NEW.disability
                    OR OLD.unemployment_insured IS NOT NEW.unemployment_insured OR OLD.pension IS NOT NEW.pension
                    OR OLD.hukou_region IS NOT NEW.hukou_region OR OLD.residence IS NOT NEW.residence
                    OR OLD.employer_code IS NOT NEW.employer_code OR OLD.id IS NOT NEW.id BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE worker_id IN (OLD.id, NEW.id)
                        AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
                END;
                CREATE TRIGGER class_marks_claims AFTER UPDATE ON classes
                WHEN OLD.start_date IS NOT NEW.start_date OR OLD.end_date IS NOT NEW.end_date
                    OR OLD.occupation_code IS NOT NEW.occupation_code OR OLD.level IS NOT NEW.level
                    OR OLD.type IS NOT NEW.type OR OLD.institution IS NOT NEW.institution OR OLD.id IS NOT NEW.id BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE class_id = OLD.id
                        AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
                END;
                CREATE TRIGGER occupation_insert_marks_claims AFTER INSERT ON occupations BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                        AND occupation_code = NEW.code AND evidence_changed = 0;
                END;
                CREATE TRIGGER occupation_update_marks_claims AFTER UPDATE ON occupations BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                        AND occupation_code IN (OLD.code, NEW.code) AND evidence_changed = 0;
                END;
                CREATE TRIGGER occupation_delete_marks_claims AFTER DELETE ON occupations BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                        AND occupation_code = OLD.code AND evidence_changed = 0;
                END;
                CREATE TRIGGER occupation_level_insert_marks_claims AFTER INSERT ON occupation_levels BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                        AND occupation_code = (SELECT code FROM occupations WHERE id = NEW.occupation_id) AND evidence_changed = 0;
                END;
                CREATE TRIGGER occupation_level_update_marks_claims AFTER UPDATE ON occupation_levels BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                        AND occupation_code IN (SELECT code FROM occupations WHERE id IN (OLD.occupation_id, NEW.occupation_id))
                        AND evidence_changed = 0;
                END;
                CREATE TRIGGER occupation_level_delete_marks_claims AFTER DELETE ON occupation_levels BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted'
                        AND occupation_code = (SELECT code FROM occupations WHERE id = OLD.occupation_id) AND evidence_changed = 0;
                END;
                CREATE TRIGGER policy_marks_claims AFTER UPDATE ON settings
                WHEN NEW.key = 'policy' AND OLD.value IS NOT NEW.value BEGIN
                    UPDATE claims SET evidence_changed = 1 WHERE status = 'submitted' AND evidence_changed = 0;
                END;
                """)
        }
        // The bank accounts of organisations a subsidy is paid to (an institution, or an enterprise
        // for apprenticeship, training through work and an enterprise's own project classes), by
        // unified social credit code, with the account holder's name as the bank file needs it.
        m.registerMigration("v8-payee-accounts") { db in
            try db.execute(sql: """
                CREATE TABLE payee_accounts (
                    code TEXT PRIMARY KEY NOT NULL,       -- unified social credit code
                    name TEXT NOT NULL,                   -- account holder (户名)
                    bank_account TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        // The database's identity (issue 10): a random id, written once, that the chain's first entry
        // (`database.create`) and every anchor outside the database carry. Databases made before this
        // get one here (their chain starts the legacy way; DECISIONS.md "Trust (issue 10)"). The id and
        // the creation time are never changed by the program; the triggers stop honest mistakes.
        m.registerMigration("v9-database-identity") { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO meta(key, value) VALUES ('db_id', lower(hex(randomblob(16))));
                -- Only a database that already had a trail here may begin the legacy way ("seq hash" of
                -- its head at the upgrade); a new database's chain must begin with its creation.
                INSERT OR IGNORE INTO meta(key, value)
                    SELECT 'legacy_head', seq || ' ' || hash FROM audit ORDER BY seq DESC LIMIT 1;
                CREATE TRIGGER meta_identity_no_update BEFORE UPDATE ON meta
                    WHEN OLD.key IN ('db_id', 'created_at', 'legacy_head')
                    BEGIN SELECT RAISE(ABORT, 'the database id and creation time are fixed'); END;
                CREATE TRIGGER meta_identity_no_delete BEFORE DELETE ON meta
                    WHEN OLD.key IN ('db_id', 'created_at', 'legacy_head')
                    BEGIN SELECT RAISE(ABORT, 'the database id and creation time are fixed'); END;
                """)
        }
        // What SQLite's single writer hid, made constraints (issue 11; DECISIONS.md "Foundations
        // (issue 11): what the single writer hid"): a use case's read-then-write stays the friendly
        // refusal, and these refuse the second of two writers that both read before either wrote.
        m.registerMigration(explicitUniqueness) { db in
            // At most one live claim (not rejected or recovered: `Session.refuseDuplicate`'s "dead")
            // per worker and kind on one class, or, without a class, on one certificate. A claim
            // with neither has a NULL key and is never a duplicate (NULLs are distinct), as the use
            // case never calls it one. A database that already breaks this is refused, naming the
            // claims, rather than half-migrated.
            let groups = try String.fetchAll(db, sql: """
                SELECT group_concat(id, ',') FROM (SELECT id, worker_id, kind, class_id, certificate_id FROM claims
                    WHERE status NOT IN ('rejected', 'recovered') AND COALESCE(class_id, certificate_id) IS NOT NULL ORDER BY id)
                GROUP BY worker_id, kind, class_id IS NULL, COALESCE(class_id, certificate_id) HAVING count(*) > 1
                ORDER BY min(id)
                """)
            if !groups.isEmpty {
                throw StoreError.duplicateLiveClaims(groups.map { $0.split(separator: ",").compactMap { Int64($0) } })
            }
            try db.execute(sql: """
                CREATE UNIQUE INDEX claims_one_live ON claims(worker_id, kind, class_id IS NULL, COALESCE(class_id, certificate_id))
                    WHERE status NOT IN ('rejected', 'recovered');
                -- Every audit entry has at most one successor: with seq's primary key, two writers
                -- that read the same head cannot both append after it (the chain cannot fork).
                CREATE UNIQUE INDEX audit_one_successor ON audit(prev_hash);
                """)
        }
        return m
    }

    static let explicitUniqueness = "v10-explicit-uniqueness"
}
