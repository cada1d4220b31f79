import Foundation
import GRDB
import SkillCore
import SkillRecords

/// The migrations from v12 on, registered in order by `Schema.migrator`.
extension Schema {
    /// Migration v12-withdraw-and-void (issue 12, "Correcting mistakes").
    ///
    /// - `claims.status` also takes 'withdrawn'. SQLite cannot alter a CHECK constraint; instead of
    ///   rebuilding `claims` (24 columns, ten indexes, the count and evidence triggers, and the
    ///   triggers of other tables that write to it), the CHECK is widened in place by the procedure
    ///   SQLite documents for loosening a constraint ("ALTER TABLE", "making other kinds of table
    ///   schema changes": `writable_schema`, then `schema_version` + 1). Only values are added to
    ///   the list, so every stored row stays valid and the file format is unchanged. The migration
    ///   checks that exactly one list was widened and refuses otherwise.
    /// - `claims_one_live` excludes withdrawn claims, so a withdrawal frees the worker's place.
    /// - `certificates` gain the void (when, by whom, why) and a version for optimistic edits.
    ///   A voided certificate stays (claims and the trail point at it) but backs nothing.
    static func v12WithdrawAndVoid(_ db: Database) throws {
        let old = "'payable', 'rejected', 'paid', 'clawback', 'recovered'))"
        let new = "'payable', 'rejected', 'paid', 'clawback', 'recovered', 'withdrawn'))"
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claims'"),
              sql.components(separatedBy: old).count == 2 else {
            throw StoreError.failure("the claims table's status CHECK is not the one v4 created (changed outside the program): 申请表的状态约束已在程序外被改动")
        }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        do {
            try db.execute(sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'claims'",
                           arguments: [sql.replacingOccurrences(of: old, with: new)])
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        } catch {
            try? db.execute(sql: "PRAGMA writable_schema = OFF")
            throw error
        }
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        try db.execute(sql: """
            DROP INDEX claims_one_live;
            CREATE UNIQUE INDEX claims_one_live ON claims(worker_id, kind, class_id IS NULL, COALESCE(class_id, certificate_id))
                WHERE status NOT IN ('rejected', 'recovered', 'withdrawn');
            ALTER TABLE certificates ADD COLUMN voided_at TEXT;
            ALTER TABLE certificates ADD COLUMN voided_by TEXT;
            ALTER TABLE certificates ADD COLUMN void_reason TEXT;
            ALTER TABLE certificates ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
            -- The claims resting on a certificate, read before it is corrected or voided.
            CREATE INDEX claims_certificate ON claims(certificate_id);
            """)
    }
}

/// Migration v13 (issue 12, rules found missing).
extension Schema {
    /// Migration v13-work-place: the worker's place of job-seeking or work (求职就业地), a GB/T 2260
    /// code, E10's third place (issue 12). Its change marks the worker's submitted claims (W5) as
    /// the other fields the rules read do: the v7 trigger is replaced by one that also watches it.
    static func v13WorkPlace(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE workers ADD COLUMN work_region TEXT;
            DROP TRIGGER worker_profile_marks_claims;
            CREATE TRIGGER worker_profile_marks_claims AFTER UPDATE ON workers
            WHEN OLD.name IS NOT NEW.name OR OLD.groups IS NOT NEW.groups OR OLD.disability IS NOT NEW.disability
                OR OLD.unemployment_insured IS NOT NEW.unemployment_insured OR OLD.pension IS NOT NEW.pension
                OR OLD.hukou_region IS NOT NEW.hukou_region OR OLD.residence IS NOT NEW.residence
                OR OLD.employer_code IS NOT NEW.employer_code OR OLD.work_region IS NOT NEW.work_region
                OR OLD.id IS NOT NEW.id BEGIN
                UPDATE claims SET evidence_changed = 1 WHERE worker_id IN (OLD.id, NEW.id)
                    AND evidence_sha256 IS NOT NULL AND evidence_changed = 0;
            END;
            """)
    }

    /// Migration v14-report-indexes (issue 13): every training figure starts from the classes that
    /// ended in the period (`StoreReader.enrolmentOutcomesSQL`); without this index a quarter's report
    /// read every class.
    static func v14ReportIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX classes_end ON classes(end_date, status)")
    }

    /// Migration v20-filed-reports (issue 13, filing 报送): a filing keeps the exact bytes of the report
    /// as filed and their SHA-256, which the `report.file` audit entry also carries (so a row rewritten
    /// with `sqlite3` no longer matches the chain). The triggers refuse changes and deletions — an
    /// honest mistake's guard; the chain is the insider's.
    static func v20FiledReports(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE filed_reports (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                period TEXT NOT NULL,
                area TEXT NOT NULL,
                filed_at TEXT NOT NULL,
                filed_by TEXT NOT NULL,
                sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                content BLOB NOT NULL
            );
            CREATE INDEX filed_reports_period ON filed_reports(kind, period, area, id);
            CREATE TRIGGER filed_reports_no_update BEFORE UPDATE ON filed_reports
                BEGIN SELECT RAISE(ABORT, 'filed reports are never changed'); END;
            CREATE TRIGGER filed_reports_no_delete BEFORE DELETE ON filed_reports
                BEGIN SELECT RAISE(ABORT, 'filed reports are never removed'); END;
            """)
    }
}

/// Migration v19 (issue 13, the public disclosure of fund use).
extension Schema {
    /// Migration v19-disclosure-indexes: the batches of a period found by their business date (the
    /// day a payment counts in the disclosure), instead of reading every batch.
    static func v19DisclosureIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX payment_batches_business_date ON payment_batches(business_date)")
    }
}

/// Migration v16 (issue 13, targets and institution grades).
extension Schema {
    /// Migration v16-targets-and-grades:
    /// - `targets`: what the bureau means to reach (person-times over a span of years, or a share in
    ///   basis points), with the clause, who/when and a version for edits; one per kind and span.
    /// - `claim_warnings`: which warning rules (W1–W5) a claim raised at submission, so institution
    ///   performance counts warnings by kind (until now only `warning_count` was kept).
    /// - The certificates of a class (an institution's certified rate) are found by `certificates_class`,
    ///   which v18 creates on (class_id, issue_date) for the anomaly sweep as well.
    static func v16TargetsAndGrades(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE targets (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('person_times', 'high_skill_share')),
                from_year INTEGER NOT NULL,
                to_year INTEGER NOT NULL,
                value INTEGER NOT NULL CHECK (value >= 0),   -- person-times, or basis points for a share
                clause TEXT NOT NULL DEFAULT '',
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_by TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                CHECK (from_year <= to_year),
                CHECK (kind <> 'high_skill_share' OR value <= 10000),
                UNIQUE(kind, from_year, to_year)
            );
            CREATE TABLE claim_warnings (
                claim_id INTEGER NOT NULL REFERENCES claims(id),
                rule TEXT NOT NULL CHECK (rule IN ('W1', 'W2', 'W3', 'W4', 'W5')),
                PRIMARY KEY(claim_id, rule)
            ) WITHOUT ROWID;
            """)
    }
}

/// Migration v17 (issue 13, statistics).
extension Schema {
    /// Migration v17-stats-indexes: each statistics read finds its period's rows on an index —
    /// certificates by issue date, claims by the bureau day of their last submission (an expression
    /// index: claims from before `submitted_on` count from `submitted_at`'s day) and by their
    /// decision time (`StoreReader.forEachStatsCertificate` / `forEachStatsClaim`). Without them a
    /// quarter's report scanned 1M certificates and 5M claims.
    static func v17StatsIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX certificates_issued ON certificates(issue_date);
            CREATE INDEX claims_submitted_day ON claims(COALESCE(submitted_on, date(submitted_at, '+8 hours')));
            CREATE INDEX claims_decided ON claims(decided_at);
            """)
    }
}

/// Migration v18 (issue 13, anomalies).
extension Schema {
    /// Migration v18-anomaly-indexes: what the anomaly sweep reads, found without scanning claims or
    /// certificates (DECISIONS.md "Oversight (issue 13): anomalies").
    /// - `claims_warned`: only the claims that carried warnings or whose evidence changed, by the
    ///   business day of their submission (few; partial, so it costs nothing for the others).
    /// - `workers_bank_account`: the accounts held by several workers, found by scanning this index
    ///   (as `workers_phone` does for phones) rather than sorting the period's workers.
    /// - `claims_paid_account`: the accounts of claims paid to the worker (partial: only those claims).
    /// - `certificates_class`: a class's certificates and their dates (certificates en masse).
    static func v18AnomalyIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX claims_warned ON claims(COALESCE(submitted_on, substr(submitted_at, 1, 10)))
                WHERE warning_count > 0 OR evidence_changed = 1;
            CREATE INDEX workers_bank_account ON workers(bank_account) WHERE bank_account IS NOT NULL;
            CREATE INDEX claims_paid_account ON claims(bank_account, claim_date, worker_id)
                WHERE payee = 'worker' AND bank_account IS NOT NULL;
            CREATE INDEX certificates_class ON certificates(class_id, issue_date);
            """)
    }
}
