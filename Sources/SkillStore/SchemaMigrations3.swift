import GRDB

/// The migrations from v13 on, registered in order by `Schema.migrator`.
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
}
