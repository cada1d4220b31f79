import Foundation
import SkillCore
@testable import SkillDesk
@testable import SkillStore
import SkillRecords
import CoreTestSupport
import Testing

/// Filing (报送, issue 13): the figures frozen with time, user and SHA-256 in the chain; listed and
/// exported byte-identical later; a re-run shows what changed since; an edit behind the program's
/// back is named.
@Suite("Filing reports")
struct FilingTests {
    static let q3 = ReportPeriod.quarter(year: 2026, quarter: 3)

    @Test func anAdministratorFilesAQuarterAndTheChainCarriesItsHash() throws {
        let x = try WorkflowWorld()
        let filed = try x.f.admin.fileReport(.funds, period: Self.q3)
        #expect(filed.integrity.isIntact)
        #expect(filed.row.sha256 == SHA256.hex(filed.row.content))
        #expect(filed.row.filedBy == x.f.admin.user && filed.row.period == "2026-Q3")
        let entry = try x.f.desk.store.read { try $0.auditEntries(entity: "report", key: String(filed.row.id)) }
        #expect(entry.count == 1 && entry[0].action == "report.file")
        #expect(entry[0].after?.contains(filed.row.sha256) == true)
        // The content is the fund account as it stands: 1,000,000 fen allocated for 2026.
        let text = String(decoding: filed.row.content, as: UTF8.self)
        #expect(text.contains(#""allocated_fen":1000000"#), "\(text)")
        #expect(try x.sup.filedReports().map(\.row.id) == [filed.row.id])
    }

    @Test func onlyAdministratorsFileAndOnlyQuartersOrYears() throws {
        let x = try WorkflowWorld()
        guard case .notPermitted(.manageReports) = deskError({ _ = try x.sup.fileReport(.funds, period: Self.q3) }) else {
            Issue.record("a supervisor filed"); return
        }
        guard case .notPermitted(.readReports) = deskError({ _ = try x.clerk.filedReports() }) else {
            Issue.record("a clerk read filed reports"); return
        }
        do {
            _ = try x.f.admin.fileReport(.funds, period: .month(year: 2026, month: 7))
            Issue.record("a month was filed")
        } catch let e as DeskError {
            #expect(e.message(.zh).contains("2026-Q3") && e.message(.en).contains("2026-07"))
        }
        #expect(try x.f.admin.filedReports().isEmpty)
        #expect(try x.f.desk.store.read { try $0.auditEntries(entity: "report", key: "1") }.isEmpty)
    }

    @Test func aLateCorrectionShowsAsAChangeAndTheFiledBytesStay() throws {
        let x = try WorkflowWorld()
        let filed = try x.f.admin.fileReport(.funds, period: .year(2026))
        let dir = try TempDir()
        defer { dir.cleanup() }
        try x.f.admin.exportFiledReport(id: filed.row.id, to: dir.file("before.json"), replace: false)
        #expect(try x.f.admin.changesSinceFiling(id: filed.row.id).changes.isEmpty)
        // After filing, more money is allocated: the re-run differs, the filing does not.
        try x.f.admin.allocateFund(year: 2026, source: .employmentSubsidy, amountFen: 250_000)
        let (again, changes) = try x.f.admin.changesSinceFiling(id: filed.row.id)
        #expect(again.row.content == filed.row.content && again.integrity.isIntact)
        #expect(changes.contains { $0.path == "years[2026].accounts[employment_subsidy].allocated_fen"
                && $0.before == "1000000" && $0.after == "1250000" }, "\(changes)")
        try x.f.admin.exportFiledReport(id: filed.row.id, to: dir.file("after.json"), replace: false)
        let a = try Data(contentsOf: URL(fileURLWithPath: dir.file("before.json")))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir.file("after.json")))
        #expect(a == b && [UInt8](a) == filed.row.content)
        // The one writer: no overwrite without being asked.
        #expect(throws: (any Error).self) { try x.f.admin.exportFiledReport(id: filed.row.id, to: dir.file("after.json"), replace: false) }
    }

    @Test func anInsidersEditIsNamed() throws {
        let x = try WorkflowWorld()
        let filed = try x.f.admin.fileReport(.funds, period: Self.q3)
        // The triggers stop an honest UPDATE…
        #expect(throws: (any Error).self) {
            try x.f.desk.store.write { w in try w.db.execute(sql: "UPDATE filed_reports SET period = '2026-Q2'") }
        }
        // …an insider drops them, rewrites the content and even its SHA-256: the chain still disagrees.
        try x.f.desk.store.write { w in
            try w.db.execute(sql: "DROP TRIGGER filed_reports_no_update")
            let forged = Array(#"{"forged":true}"#.utf8)
            try w.db.execute(sql: "UPDATE filed_reports SET content = ?, sha256 = ? WHERE id = ?",
                             arguments: [Data(forged), SHA256.hex(forged), filed.row.id])
        }
        let now = try x.f.desk.store.read { try $0.filedReport(id: filed.row.id)! }
        #expect(try x.f.desk.store.read { try Session.integrity(now, $0) } == .notInChain)
        // Content changed but the old hash kept: named as altered content.
        try x.f.desk.store.write { w in
            try w.db.execute(sql: "UPDATE filed_reports SET sha256 = ? WHERE id = ?", arguments: [filed.row.sha256, filed.row.id])
        }
        let again = try x.f.desk.store.read { try $0.filedReport(id: filed.row.id)! }
        #expect(try x.f.desk.store.read { try Session.integrity(again, $0) } == .contentAltered)
        #expect(FilingIntegrity.contentAltered.message(.zh).contains("SHA-256"))
    }

    @Test func anUnknownFilingSaysHowToFindOne() throws {
        let x = try WorkflowWorld()
        do { _ = try x.sup.filedReport(id: 42); Issue.record("found") } catch let e as DeskError {
            #expect(e.message(.zh).contains("RPT-000042") && e.message(.en).contains("report filed list"))
        }
    }
}
