import Foundation
import GRDB
import SkillCore
import SkillRecords

/// The migrations v5–v11, registered in order by `Schema.migrator`.
extension Schema {
    /// Migration v5-workflow.
    static func v5Workflow(_ db: Database) throws {
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

    /// Migration v6-queue-filter-indexes.
    static func v6QueueFilterIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX claims_queue_kind ON claims(status, kind, submitted_at, id);
            CREATE INDEX claims_queue_institution ON claims(status, institution, submitted_at, id);
            """)
    }

    /// Migration v7-evidence-marks.
    static func v7EvidenceMarks(_ db: Database) throws {
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

    /// Migration v8-payee-accounts.
    static func v8PayeeAccounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE payee_accounts (
                code TEXT PRIMARY KEY NOT NULL,       -- unified social credit code
                name TEXT NOT NULL,                   -- account holder (户名)
                bank_account TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }

    /// Migration v9-database-identity.
    static func v9DatabaseIdentity(_ db: Database) throws {
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

    /// Migration explicitUniqueness.
    static func v10ExplicitUniqueness(_ db: Database) throws {
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

    /// Migration v11-submitted-on.
    static func v11SubmittedOn(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE claims ADD COLUMN submitted_on TEXT")
    }
}
