import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import Testing

/// Issue 10, break 2: `audit check` compares the current rows of every audited table with the
/// last after-image the trail holds for them and names each row that differs. A database the
/// program alone wrote — the whole claim path included — checks clean; each edit an insider makes
/// with raw SQL is named by table, key and field.
@Suite("Audit check: tables against the trail")
struct AuditCheckTests {
    /// Every kind of audited write the program makes, on one database.
    static func world() throws -> WorkflowWorld {
        let x = try WorkflowWorld()
        let a = try x.submitted(worker: 0), b = try x.submitted(worker: 1), c = try x.submitted(worker: 2)
        _ = try x.sup.returnClaim(b.id, reason: "补充材料")
        _ = try x.clerk.submitClaim(b.id)
        for id in [a.id, b.id] { _ = try x.sup.approveClaim(id) }
        _ = try x.sup.rejectClaim(c.id, code: .other, reason: "重复申请")
        x.f.clock.advance(7 * 86_400)
        _ = try x.sup.claimQueue()
        try x.clerk.setBankAccount(workerID: x.w.t.workers[0], account: "6222 0212 3456 7890 128")
        try x.clerk.setBankAccount(workerID: x.w.t.workers[1], account: "6222 0212 3456 7890 557")
        try x.clerk.setPayeeAccount(code: TrainingWorld.schoolA, name: "南京某培训学校", account: "1101 0000 0000 1234 56")
        let batch = try x.fin.createPaymentBatch()
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try x.fin.exportPaymentBatch(batch.batch, encoding: .utf8BOM, to: dir.file("bank.csv"), replace: false)
        let year = try x.claim(a.id).claimYear
        let result = "\(ClaimNumber.format(year: year, serial: Int(a.id))),成功,1500.00,\n"
            + "\(ClaimNumber.format(year: year, serial: Int(b.id))),失败,1500.00,户名不符\n"
        _ = try x.fin.reconcilePaymentBatch(batch.batch, resultFile: Array(result.utf8))
        _ = try x.sup.clawbackClaim(a.id, reason: "伪造证书")
        _ = try x.fin.recoverClaim(a.id, amountFen: 50_000)
        // A certificate no claim rests on; attendance set, changed and cleared; a calendar day; a user disabled.
        var cert = CertificateDraft()
        cert.worker = x.w.t.workers[0]; cert.type = "training"; cert.number = "T-9"; cert.occupation = "6-31-01-03"
        cert.issueDate = "2025-04-02"
        _ = try x.clerk.addCertificate(cert)
        _ = try x.clerk.attend(classID: x.w.classID, workerID: x.w.t.workers[0], date: day("2025-03-04"), classroomMinutes: 240, onlineMinutes: 0)
        _ = try x.clerk.attend(classID: x.w.classID, workerID: x.w.t.workers[0], date: day("2025-03-04"), classroomMinutes: 300, onlineMinutes: 60)
        _ = try x.clerk.attend(classID: x.w.classID, workerID: x.w.t.workers[0], date: day("2025-03-05"), classroomMinutes: 240, onlineMinutes: 0)
        _ = try x.clerk.attend(classID: x.w.classID, workerID: x.w.t.workers[0], date: day("2025-03-05"), classroomMinutes: 0, onlineMinutes: 0)
        try x.f.admin.setCalendarDay(day("2026-03-02"), kind: .holiday, name: "测试假日")
        try x.f.admin.setCalendarDay(day("2026-03-03"), kind: .holiday, name: "另一天")
        try x.f.admin.setCalendarDay(day("2026-03-03"), kind: nil)
        _ = try x.f.session(.auditor, name: "audit1")
        try x.f.admin.disableUser(name: "audit1")
        return x
    }

    static func check(_ x: WorkflowWorld) throws -> AuditCheckReport { try x.f.admin.checkAuditedTables() }

    @Test func aDatabaseOnlyTheProgramWroteChecksClean() throws {
        let x = try Self.world()
        let r = try Self.check(x)
        #expect(r.ok, "\(r.findings.map { $0.message(.en) })")
        #expect(r.checked["claims"] == 3 && (r.checked["attendance"] ?? 0) >= 3 && r.checked["payee_accounts"] == 1
                && r.checked["users"] ?? 0 >= 5 && r.checked["fund_accounts"] == 1 && r.checked["holidays"] == 2, "\(r.checked)")
        // Only auditors and administrators run it.
        #expect(throws: DeskError.self) { _ = try x.clerk.checkAuditedTables() }
    }

    /// One edit at a time, each on a fresh database: the finding names table, key and field.
    @Test(arguments: [
        ("UPDATE claims SET amount_fen = 99999900 WHERE id = 1", "claims", "1", "amount_fen"),
        ("UPDATE claims SET status = 'payable' WHERE id = 3", "claims", "3", "status"),
        ("UPDATE workers SET name = '冒名者' WHERE rowid = 1", "workers", "", "name"),
        ("UPDATE workers SET bank_account = '6222021234567899999' WHERE bank_account IS NOT NULL AND rowid = (SELECT min(rowid) FROM workers WHERE bank_account IS NOT NULL)", "workers", "", "bank_account"),
        ("UPDATE attendance SET classroom_minutes = 600 WHERE date = '2025-03-03' AND worker_id = (SELECT min(worker_id) FROM attendance WHERE date = '2025-03-03')", "attendance", "/2025-03-03", "classroom_minutes"),
        ("INSERT INTO attendance(class_id, worker_id, date, classroom_minutes, online_minutes, updated_at) SELECT class_id, worker_id, '2025-03-06', 480, 0, updated_at FROM attendance LIMIT 1", "attendance", "/2025-03-06", "not_audited"),
        ("UPDATE certificates SET number = 'FAKE-1' WHERE id = 1", "certificates", "1", "number"),
        ("DELETE FROM certificates WHERE number = 'T-9'", "certificates", "", "missing"),
        ("UPDATE institutions SET grade = 'D' WHERE 1", "institutions", "", "grade"),
        ("UPDATE occupation_levels SET standard_fen = 9999999 WHERE 1", "occupations", "@", "levels"),
        ("UPDATE classes SET end_date = '2099-12-31' WHERE 1", "classes", "", "end_date"),
        ("INSERT INTO users(name, roles, password_hash, created_at) VALUES ('ghost', 'admin', 'x', '2026-01-01')", "users", "ghost", "not_audited"),
        ("UPDATE users SET roles = 'admin' WHERE name = 'clerk1'", "users", "clerk1", "roles"),
        ("UPDATE users SET disabled = 0 WHERE name = 'audit1'", "users", "audit1", "disabled"),
        ("UPDATE payee_accounts SET bank_account = '110100000000999999' WHERE 1", "payee_accounts", "", "bank_account_sha256"),
        ("UPDATE fund_accounts SET allocated_fen = allocated_fen + 100 WHERE 1", "fund_accounts", "2026/", "allocated_fen"),
        ("UPDATE fund_accounts SET reserved_fen = reserved_fen + 100 WHERE 1", "fund_accounts", "2026/", "reserved_fen"),
        ("UPDATE settings SET value = 'wuxi-2015' WHERE key = 'policy'", "settings", "policy", "policy"),
        ("UPDATE holidays SET name = '改' WHERE date = '2026-03-02'", "holidays", "2026-03-02", "name"),
        ("DELETE FROM attendance WHERE worker_id = (SELECT max(worker_id) FROM enrolments); DELETE FROM enrolments WHERE worker_id = (SELECT max(worker_id) FROM enrolments)", "enrolments", "/", "missing"),
    ])
    func eachEditOutsideTheProgramIsNamed(sql: String, table: String, key: String, field: String) throws {
        let x = try Self.world()
        try x.f.desk.store.write { w in
            // The insider turns the foreign keys off as the sqlite3 shell has them.
            try w.db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try w.db.execute(sql: sql)
            #expect(w.db.changesCount > 0, "\(sql) changed nothing")
        }
        let r = try Self.check(x)
        let hit = r.findings.first { f in
            guard f.table == table, key.isEmpty || f.key.contains(key) else { return false }
            switch f.problem {
            case let .differs(d): return d.contains { $0.field == field }
            case .notAudited: return field == "not_audited"
            case .missing: return field == "missing"
            case .removedButPresent: return field == "removed_but_present"
            }
        }
        #expect(hit != nil, "\(sql): \(r.findings.map { $0.message(.en) })")
        // Only what was edited is named (with, for a claim's amount, the fund account it no longer adds up to).
        #expect(r.findings.count <= 3, "\(r.findings.map { $0.message(.en) })")
    }
}
