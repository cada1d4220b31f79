import Foundation
import GRDB

/// Migration v15 (issue 13, the audit trail readable).
extension Schema {
    /// Migration v15-audit-browse: what the audit trail's browser pages on (docs/DECISIONS.md
    /// "Oversight (issue 13): the audit trail, readable"). A user's and an action's entries newest
    /// first are ranges of `audit_user` / `audit_action` (a record's history already is one of
    /// `audit_entity`). The time span is found by binary search on `seq`, which needs `at` not to go
    /// back; where it does (the clock was set back), `audit_clock_back` lists the entry, kept by a
    /// trigger on every insert and filled here once from the existing trail (one pass).
    static func v15AuditBrowse(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX audit_user ON audit(user, seq);
            CREATE INDEX audit_action ON audit(action, seq);
            -- Entries whose time is earlier than the entry before them: the starts of the runs in
            -- which `at` never goes back. Not part of the chain; rebuilt from it at will.
            CREATE TABLE audit_clock_back (seq INTEGER PRIMARY KEY);
            INSERT INTO audit_clock_back(seq)
                SELECT a.seq FROM audit a JOIN audit b ON b.seq = a.seq - 1 WHERE a.at < b.at;
            CREATE TRIGGER audit_clock_back_mark AFTER INSERT ON audit
            WHEN NEW.at < (SELECT at FROM audit WHERE seq < NEW.seq ORDER BY seq DESC LIMIT 1) BEGIN
                INSERT OR IGNORE INTO audit_clock_back(seq) VALUES (NEW.seq);
            END;
            """)
    }
}
