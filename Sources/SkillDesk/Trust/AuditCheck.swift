import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What `audit check` found: every row of the audited tables compared with what the audit trail
/// last recorded for it (the after-images folded in order), plus the fund accounts against the
/// claims they hold. The chain itself is `audit verify`'s; this is the tables' side: a row edited,
/// inserted or deleted behind the program's back (the sqlite3 shell) shows up here by name.
public struct AuditCheckReport: Sendable {
    public enum Problem: Sendable, Equatable {
        /// The row's fields differ from its last audited image.
        case differs([FieldDifference])
        /// The row exists, but the trail has no record of it (inserted outside the program).
        case notAudited
        /// The trail says the row exists, but it does not (deleted outside the program).
        case missing
        /// The trail says the row was removed, but it is there.
        case removedButPresent
    }

    public struct Finding: Sendable, Equatable {
        /// The table, and the row's key as the trail keys it (resident ID, claim id, `class/worker/date`…).
        public var table: String
        public var key: String
        public var problem: Problem
    }

    /// Rows compared, per table.
    public var checked: [String: Int] = [:]
    public var findings: [Finding] = []
    /// Workers imported in bulk are audited per file (`worker.import`), not per row: they have no
    /// image of their own to compare with. Counted, not listed.
    public var bulkImportedWorkers = 0
    public var seconds: Double = 0

    public var ok: Bool { findings.isEmpty }
}

extension AuditCheckReport.Finding: UserMessage {
    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        let what: String
        switch problem {
        case let .differs(d):
            what = d.map { zh ? "\($0.field)：审计记录为 \($0.audited ?? "—")，现为 \($0.stored ?? "—")"
                               : "\($0.field): audited \($0.audited ?? "—"), stored \($0.stored ?? "—")" }
                .joined(separator: zh ? "；" : "; ")
        case .notAudited: what = zh ? "审计记录中没有这一行（可能绕过程序写入）" : "the audit trail has no record of this row (written outside the program?)"
        case .missing: what = zh ? "审计记录中有这一行，表中却没有（可能绕过程序删除）" : "the audit trail records this row but the table lacks it (deleted outside the program?)"
        case .removedButPresent: what = zh ? "审计记录中已删除，表中却仍有" : "the audit trail records its removal but the row is there"
        }
        return "\(table) \(key): \(what)"
    }
}

extension Session {
    /// Compares the current rows of every audited table with the audit trail's last after-images
    /// (auditors and administrators: `verifyAudit`). Reads only; one read transaction, so the
    /// tables and the trail are one snapshot. Slow at city scale (an index probe per row): an
    /// overnight check, not an interactive one.
    public func checkAuditedTables() throws -> AuditCheckReport {
        try require(.verifyAudit)
        let started = Date()
        var report = try read(.verifyAudit) { r in
            var c = TableCheck(reader: r)
            try c.workers()
            try c.claims()
            try c.classesEnrolmentsAndAttendance()
            try c.certificates()
            try c.catalogue()
            try c.users()
            try c.payees()
            try c.funds()
            try c.settingsAndCalendar()
            return c.report
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

/// The comparison, table by table. Each row's audit images are folded oldest first: a full image
/// (a create or update) replaces what it names, a partial one (an account change) only its own
/// fields; a removal (no after-image) marks the row gone.
struct TableCheck {
    let reader: StoreReader
    var report = AuditCheckReport()

    mutating func note(_ table: AuditedTable, _ key: String, _ p: AuditCheckReport.Problem) {
        report.findings.append(.init(table: table.rawValue, key: key, problem: p))
    }

    mutating func note(_ table: String, _ key: String, _ p: AuditCheckReport.Problem) {
        report.findings.append(.init(table: table, key: key, problem: p))
    }

    /// What the trail last recorded of one record: the newest full image among `full` actions (all
    /// actions when empty), with the fields of `partial` actions (an account change, which names
    /// only its own fields) applied over it in order. A full image replaces everything before it —
    /// a field it leaves out is a field that became empty. Nil when the trail has none; `removed`
    /// when the newest full entry carries no after-image.
    func image(_ entity: String, _ key: String, full: Set<String> = [], partial: Set<String> = []) throws -> (image: [String: JSONValue], removed: Bool)? {
        var base: [String: JSONValue]?
        var removed = false
        var parts: [String: JSONValue] = [:]
        var any = false
        for e in try reader.auditEntries(entity: entity, key: key) {
            if partial.contains(e.action) {
                if let after = JSONValue.object(e.after) { for (k, v) in after { parts[k] = v }; any = true }
            } else if full.isEmpty || full.contains(e.action) {
                any = true
                if let after = JSONValue.object(e.after) { base = after; removed = false } else if e.after == nil { removed = true }
            }
        }
        guard any else { return nil }
        return (AuditImage.fold(base ?? [:], parts), removed)
    }

    mutating func compare(_ table: AuditedTable, _ key: String, image: [String: JSONValue], now: String, ignore: Set<String> = []) {
        let d = AuditImage.differences(image: image, now: JSONValue.object(now) ?? [:], ignore: ignore)
        if !d.isEmpty { note(table, key, .differs(d)) }
    }

    /// Keys the trail has for `entity` whose rows are gone (deleted outside the program).
    mutating func missingRows(_ table: AuditedTable, entity: String, full: Set<String> = [], skip: (String) -> Bool = { _ in false }) throws {
        var keys: [String] = []
        try reader.auditKeys(entity: entity) { keys.append($0) }
        for key in keys where !skip(key) {
            guard let (_, removed) = try image(entity, key, full: full), !removed else { continue }
            if try !reader.auditedRowExists(table: table, key: key) { note(table, key, .missing) }
        }
    }

    static let workerActions: Set<String> = ["worker.create", "worker.update"]

    mutating func workers() throws {
        var n = 0
        var rows: [(WorkerRow, String?)] = []
        try reader.eachWorker { w, account in n += 1; rows.append((w, account)) }
        for (w, account) in rows {
            guard let (img, _) = try image("worker", w.id, full: Self.workerActions, partial: ["worker.bank_account"]) else {
                report.bulkImportedWorkers += 1
                continue
            }
            var now = JSONValue.object(WorkerSnapshot(w).json()) ?? [:]
            if let account {
                now["bank_account"] = .string(PublicMask.bankAccount(account))
                now["bank_account_sha256"] = .string(AccountDigest.sha256(account))
            }
            let d = AuditImage.differences(image: img, now: now)
            if !d.isEmpty { note(.workers, w.id, .differs(d)) }
        }
        report.checked["workers"] = n
        // A worker the trail created but the table lacks. (Imported workers have no key of their own.)
        try missingRows(.workers, entity: "worker", full: Self.workerActions)
    }

    mutating func claims() throws {
        var n = 0
        var rows: [ClaimRow] = []
        try reader.eachClaim { rows.append($0) }
        for c in rows {
            n += 1
            guard let (img, _) = try image("claim", String(c.id)) else { note(.claims, String(c.id), .notAudited); continue }
            compare(.claims, String(c.id), image: img, now: ClaimSnapshot.json(c), ignore: ["seal", "seal_sha256"])
        }
        report.checked["claims"] = n
        try missingRows(.claims, entity: "claim")
    }

    static let classActions: Set<String> = ["class.create", "class.running", "class.completed", "class.closed"]

    mutating func classesEnrolmentsAndAttendance() throws {
        var classes: [ClassRow] = []
        try reader.eachClass { classes.append($0) }
        var days = 0, enrolled = 0
        for row in classes {
            let key = String(row.id)
            let entries = try reader.auditEntries(entity: "class", key: key)
            // The class itself.
            var img: [String: JSONValue]?
            var roster = Set<String>()
            var attendance: [String: [String: JSONValue]?] = [:]  // "worker/date" → image, nil = cleared
            for e in entries {
                let after = JSONValue.object(e.after)
                if Self.classActions.contains(e.action), let after { img = after }
                else if e.action == "class.enrol", case let .string(w)? = after?["worker_id"] { roster.insert(w) }
                else if e.action == "attendance.set", let after, case let .string(w)? = after["worker_id"],
                        case let .string(d)? = after["date"] { attendance["\(w)/\(d)"] = after }
                else if e.action == "attendance.clear", let before = JSONValue.object(e.before),
                        case let .string(w)? = before["worker_id"], case let .string(d)? = before["date"] { attendance["\(w)/\(d)"] = .some(nil) }
            }
            if let img {
                let now = ClassSnapshot(row, roster: [], rule: AttendanceRule.demo).json()
                compare(.classes, key, image: img, now: now, ignore: ["roster"])
            } else {
                note(.classes, key, .notAudited)
            }
            // Enrolments: each one audited `class.enrol`.
            let stored = Set(try reader.enrolledWorkers(classID: row.id))
            enrolled += stored.count
            for w in stored.subtracting(roster).sorted() { note("enrolments", "\(key)/\(w)", .notAudited) }
            for w in roster.subtracting(stored).sorted() { note("enrolments", "\(key)/\(w)", .missing) }
            // Attendance: each day set or cleared with its own row.
            var seen = Set<String>()
            for a in try reader.attendance(classID: row.id) {
                days += 1
                let k = "\(a.workerID)/\(a.date)"
                seen.insert(k)
                switch attendance[k] {
                case .none: note("attendance", "\(key)/\(k)", .notAudited)
                case .some(.none): note("attendance", "\(key)/\(k)", .removedButPresent)
                case let .some(.some(image)):
                    let d = AuditImage.differences(image: image, now: JSONValue.object(AttendanceSnapshot(a).json()) ?? [:])
                    if !d.isEmpty { note("attendance", "\(key)/\(k)", .differs(d)) }
                }
            }
            for (k, image) in attendance where image != nil && !seen.contains(k) { note("attendance", "\(key)/\(k)", .missing) }
        }
        report.checked["classes"] = classes.count
        report.checked["enrolments"] = enrolled
        report.checked["attendance"] = days
        try missingRows(.classes, entity: "class", full: Self.classActions)
    }

    mutating func certificates() throws {
        var rows: [CertificateRow] = []
        try reader.eachCertificate { rows.append($0) }
        for c in rows {
            let key = String(c.id)
            guard let (img, _) = try image("certificate", key) else { note(.certificates, key, .notAudited); continue }
            compare(.certificates, key, image: img, now: CertificateSnapshot(c).json())
        }
        report.checked["certificates"] = rows.count
        try missingRows(.certificates, entity: "certificate")
    }

    mutating func catalogue() throws {
        var institutions: [InstitutionRow] = []
        try reader.eachInstitution { institutions.append($0) }
        for i in institutions {
            // Imported institutions are audited one by one too (`institution.create`).
            guard let (img, _) = try image("institution", i.code) else { note(.institutions, i.code, .notAudited); continue }
            compare(.institutions, i.code, image: img, now: InstitutionSnapshot(i).json(), ignore: ["grade_reason"])
        }
        report.checked["institutions"] = institutions.count
        try missingRows(.institutions, entity: "institution", skip: { $0 == "import" })
        var occupations: [OccupationRow] = []
        try reader.eachOccupation { occupations.append($0) }
        for o in occupations {
            let key = "\(o.code)@\(o.from)"
            guard let (img, _) = try image("occupation", key) else { note(.occupations, key, .notAudited); continue }
            compare(.occupations, key, image: img, now: OccupationSnapshot(o).json())
        }
        report.checked["occupations"] = occupations.count
        try missingRows(.occupations, entity: "occupation", skip: { !$0.contains("@") })
    }

    static let userActions: Set<String> = ["user.create", "user.disable", "user.enable", "user.roles"]

    mutating func users() throws {
        let users = try reader.users()
        for u in users {
            guard let (img, _) = try image("user", u.name, full: Self.userActions) else { note(.users, u.name, .notAudited); continue }
            let now = Session.userJSON(name: u.name, roles: u.roles, disabled: u.disabled)
            compare(.users, u.name, image: img, now: now)
        }
        report.checked["users"] = users.count
        try missingRows(.users, entity: "user", full: Self.userActions)
    }

    mutating func payees() throws {
        let rows = try reader.payeeAccounts(limit: Int.max)
        for p in rows {
            guard let (img, _) = try image("payee", p.code) else { note(.payeeAccounts, p.code, .notAudited); continue }
            let now = CatalogueJSON.encode(["name": p.name, "bank_account": PublicMask.bankAccount(p.bankAccount),
                                            "bank_account_sha256": AccountDigest.sha256(p.bankAccount)])
            compare(.payeeAccounts, p.code, image: img, now: now)
        }
        report.checked["payee_accounts"] = rows.count
        try missingRows(.payeeAccounts, entity: "payee")
    }

    /// Fund accounts: the allocation against the trail (`fund.allocate`), and what is reserved,
    /// paid, due and recovered against the claims that hold the money — those figures move with
    /// each claim's own audited step, not with a row of the account's.
    mutating func funds() throws {
        let accounts = try reader.allFundAccounts()
        let fromClaims = try reader.fundFiguresFromClaims()
        for a in accounts {
            let key = "\(a.year)/\(a.source.rawValue)"
            if let (img, _) = try image("fund", key), case let .int(allocated)? = img["allocated_fen"], allocated != a.allocatedFen {
                note("fund_accounts", key, .differs([FieldDifference(field: "allocated_fen", audited: String(allocated), stored: String(a.allocatedFen))]))
            } else if try image("fund", key) == nil {
                note("fund_accounts", key, .notAudited)
            }
            let c = fromClaims[key] ?? (0, 0, 0, 0)
            var d: [FieldDifference] = []
            if c.reserved != a.reservedFen { d.append(.init(field: "reserved_fen", audited: String(c.reserved), stored: String(a.reservedFen))) }
            if c.paid != a.paidFen { d.append(.init(field: "paid_fen", audited: String(c.paid), stored: String(a.paidFen))) }
            if c.recovered != a.recoveredFen { d.append(.init(field: "recovered_fen", audited: String(c.recovered), stored: String(a.recoveredFen))) }
            if c.due - c.recovered != a.clawbackDueFen {
                d.append(.init(field: "clawback_due_fen", audited: String(c.due - c.recovered), stored: String(a.clawbackDueFen)))
            }
            if !d.isEmpty { note("fund_accounts", key, .differs(d)) }
        }
        report.checked["fund_accounts"] = accounts.count
    }

    /// The active policy (`policy.use`) and the administrator's calendar days (`calendar.set`).
    mutating func settingsAndCalendar() throws {
        if let (img, _) = try image("settings", PolicySetting.key), case let .string(p)? = img["policy"],
           let now = try reader.setting(PolicySetting.key), now != p {
            note("settings", PolicySetting.key, .differs([FieldDifference(field: "policy", audited: p, stored: now)]))
        }
        let days = Dictionary(try reader.calendarEntries().map { ($0.date.description, $0) }, uniquingKeysWith: { a, _ in a })
        var keys: [String] = []
        try reader.auditKeys(entity: "calendar") { keys.append($0) }
        for key in keys {
            guard let (img, removed) = try image("calendar", key) else { continue }
            let stored = days[key]
            if removed || img.isEmpty || img["kind"] == .string("normal") {
                if stored != nil { note("holidays", key, .removedButPresent) }
                continue
            }
            guard let stored else { note("holidays", key, .missing); continue }
            var d: [FieldDifference] = []
            if case let .string(k)? = img["kind"], k != stored.kind.rawValue { d.append(.init(field: "kind", audited: k, stored: stored.kind.rawValue)) }
            if case let .string(n)? = img["name"], n != stored.name { d.append(.init(field: "name", audited: n, stored: stored.name)) }
            if !d.isEmpty { note("holidays", key, .differs(d)) }
        }
        report.checked["settings"] = 1
        report.checked["holidays"] = keys.count
    }
}
