import GRDB
import SkillCore
import SkillRecords

/// The schema, one migration per released change. Never edit a shipped migration: add one.
enum Schema {
    /// Every SkillDesk database has it: how a database made before `Store.applicationID` is known.
    static let firstMigration = "v1-registry"

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration(firstMigration, migrate: v1Registry)
        m.registerMigration("v2-catalogue", migrate: v2Catalogue)
        m.registerMigration("v3-training", migrate: v3Training)
        m.registerMigration("v4-claims", migrate: v4Claims)
        m.registerMigration("v5-workflow", migrate: v5Workflow)
        // The queue filtered by kind or institution: without these, a filter matching few pending
        // claims walked claims_queue over every pending claim (100k: 0.5 s warm, 9 s cold when
        // nothing matched; docs/PERFORMANCE.md "Claims workflow at scale").
        m.registerMigration("v6-queue-filter-indexes", migrate: v6QueueFilterIndexes)
        // The rest of a submitted claim's frozen evidence marks it when it changes, as attendance
        // already did (v5): the certificate, the worker's profile fields, the class, the catalogue
        // entry and the active policy. `evidence_changed` is then a complete "may have changed"
        // mark kept by the database for every writer (the program, an import, the sqlite3 shell),
        // so a batch approval trusts it instead of re-gathering each claim's evidence; the claim's
        // detail still compares the evidence field by field (docs/DECISIONS.md "W5 marks").
        // Catalogue and policy changes mark only claims still in review (status 'submitted'; found by
        // claims_occupation and the queue index): approved claims are past the batch's question, and
        // their detail still shows the change.
        m.registerMigration("v7-evidence-marks", migrate: v7EvidenceMarks)
        // The bank accounts of organisations a subsidy is paid to (an institution, or an enterprise
        // for apprenticeship, training through work and an enterprise's own project classes), by
        // unified social credit code, with the account holder's name as the bank file needs it.
        m.registerMigration("v8-payee-accounts", migrate: v8PayeeAccounts)
        // The database's identity (issue 10): a random id, written once, that the chain's first entry
        // (`database.create`) and every anchor outside the database carry. Databases made before this
        // get one here (their chain starts the legacy way; DECISIONS.md "Trust (issue 10)"). The id and
        // the creation time are never changed by the program; the triggers stop honest mistakes.
        m.registerMigration("v9-database-identity", migrate: v9DatabaseIdentity)
        // What SQLite's single writer hid, made constraints (issue 11; DECISIONS.md "Foundations
        // (issue 11): what the single writer hid"): a use case's read-then-write stays the friendly
        // refusal, and these refuse the second of two writers that both read before either wrote.
        m.registerMigration(explicitUniqueness, migrate: v10ExplicitUniqueness)
        // The business date of a claim's submission (issue 12): the queue's ages count from it, not
        // from the real clock's `submitted_at`. Older claims have none and count from submitted_at's day.
        m.registerMigration("v11-submitted-on", migrate: v11SubmittedOn)
        // Correcting mistakes (issue 12): a claim may be withdrawn (status 'withdrawn', which frees
        // the worker's one live claim), a certificate voided (kept, backing nothing) and edited
        // with a version check (DECISIONS.md "A working day (issue 12): correcting mistakes").
        m.registerMigration("v12-withdraw-and-void", migrate: v12WithdrawAndVoid)
        // The worker's place of job-seeking or work (求职就业地, issue 12), E10's third place; a
        // change of it marks the worker's submitted claims as the other profile fields do (v7).
        m.registerMigration("v13-work-place", migrate: v13WorkPlace)
        // Oversight (issue 13): the classes that ended in a report's period, found by their end date.
        m.registerMigration("v14-report-indexes", migrate: v14ReportIndexes)
        // The audit trail's browser (issue 13): indexes by user and by action, and the entries where
        // the clock went back, so any filter's first page is a short index read.
        m.registerMigration("v15-audit-browse", migrate: v15AuditBrowse)
        // Oversight (issue 13): targets, the warning rules a claim raised, certificates by class.
        m.registerMigration("v16-targets-and-grades", migrate: v16TargetsAndGrades)
        // Oversight (issue 13, statistics): certificates by issue date, claims by submission day and
        // decision time, for a period's figures and their drill-downs.
        m.registerMigration("v17-stats-indexes", migrate: v17StatsIndexes)
        // Oversight (issue 13): the anomaly sweep's warned claims, claims by date, a class's certificates.
        m.registerMigration("v18-anomaly-indexes", migrate: v18AnomalyIndexes)
        // The public disclosure of fund use (issue 13): the payment batches of a period by their
        // business date, the day a payment counts in (DECISIONS.md "Oversight (issue 13): disclosure and XLSX").
        m.registerMigration("v19-disclosure-indexes", migrate: v19DisclosureIndexes)
        // Filed reports (报送, issue 13): the frozen bytes of each filing, never changed or removed.
        m.registerMigration("v20-filed-reports", migrate: v20FiledReports)
        return m
    }

    static let explicitUniqueness = "v10-explicit-uniqueness"
}
