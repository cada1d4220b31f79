import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Attendance import")
struct AttendanceImportTests {
    static func options(rejects: String? = nil, encoding: TextEncoding = .auto) -> ImportOptions {
        var o = ImportOptions()
        o.rejectsPath = rejects
        o.encoding = encoding
        return o
    }

    @Test func goodRowsCommittedBadRowsReportedByLineEachAudited() throws {
        let t = try TrainingWorld()
        let id = try t.runningClass()
        let (w0, w1, w2) = (t.workers[0], t.workers[1], t.workers[2])
        _ = try t.clerk.attend(classID: id, workerID: w2, date: day("2025-03-09"), classroomMinutes: 300, onlineMinutes: 0)
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("march.csv", """
            class_id,date,resident_id,hours,online_hours
            \(id),2025-03-02,\(w0),6,
            \(id),2025-03-02,\(w1),3,2
            \(id),2025-03-03,\(w0),0.01,
            \(id),2025-04-02,\(w0),4,
            \(id),2025-03-04,\(residentID(seq: 50)),4,
            \(id),2025-03-02,\(w0),5,
            99,2025-03-02,\(w0),5,
            \(id),2025-03-09,\(w2),0,
            \(id),not-a-day,\(w0),5,

            """)
        let audits = try t.f.auditCount
        let rejectsPath = dir.file("rejects.csv")
        let report = try t.clerk.importAttendance(path: path, options: Self.options(rejects: rejectsPath))
        #expect(report.imported == 3)
        #expect(report.rejects.map(\.line) == [4, 5, 6, 7, 8, 10])
        #expect(report.rejects.first { $0.line == 7 }?.reason.contains("line 2") == true)
        #expect(report.rejects.first { $0.line == 6 }?.reason.contains("roster") == true)
        let stored = try t.f.desk.store.read { try $0.attendance(classID: id) }
        #expect(stored.map { "\($0.workerID.suffix(3))@\($0.date)=\($0.classroomMinutes)+\($0.onlineMinutes)" }.sorted()
                == ["\(w0.suffix(3))@2025-03-02=360+0", "\(w1.suffix(3))@2025-03-02=180+120"])
        // One audit row per good row (two sets, one clear) plus the import's summary.
        #expect(try t.f.auditCount == audits + 4)
        let actions = try t.f.admin.auditEntries(entity: "class", key: String(id)).suffix(3).map(\.action)
        #expect(actions == ["attendance.set", "attendance.set", "attendance.clear"])
        let summary = try t.f.admin.auditEntries(entity: "attendance", key: "import")
        #expect(summary.count == 1 && summary.first?.action == "attendance.import")
        let after = summary.first?.after ?? ""
        #expect(after.contains("\"file\":\"march.csv\"") && after.contains("\"imported\":3") && after.contains("\"rejected\":6"))
        #expect(after.contains(sha256Hex(try readBytes(path))))
        // The rejects file: line, reason, then the row as it was, to fix and import again.
        let rows = try csvRows(rejectsPath)
        #expect(rows.first == ["line", "reason", "class_id", "date", "resident_id", "hours", "online_hours"])
        #expect(rows.dropFirst().map { $0[0] } == ["4", "5", "6", "7", "8", "10"])
        #expect(rows[1][5] == "0.01")
    }

    @Test func w2WarningsComeBackByLineAndMoreThanADayIsRejected() throws {
        let t = try TrainingWorld()
        let a = try t.runningClass(institution: TrainingWorld.schoolA)
        let b = try t.runningClass(institution: TrainingWorld.schoolB)
        let c = try t.runningClass(institution: TrainingWorld.schoolA)
        let w = t.workers[0]
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("w2.csv", """
            class_id,date,resident_id,hours,online_hours
            \(a),2025-03-02,\(w),16,
            \(b),2025-03-02,\(w),7,1
            \(b),2025-03-03,\(w),8,
            \(c),2025-03-02,\(w),2,

            """)
        let report = try t.clerk.importAttendance(path: path, options: Self.options())
        #expect(report.imported == 3 && report.rejected == 1)
        // Line 3 (24 h in all) stores with W2's other-institution warning, naming the class and school.
        #expect(report.warnings.map(\.line) == [3])
        #expect(report.warnings.contains { $0.reason.contains("another institution") && $0.reason.contains("class \(a)") })
        // Line 5 would make 26 h on 2025-03-02: rejected, naming classes a and b and their hours.
        #expect(report.rejects.map(\.line) == [5])
        let reason = report.rejects.first?.reason ?? ""
        #expect(reason.contains("class \(a) (") && reason.contains(") 16 h") && reason.contains("class \(b) (") && reason.contains(") 8 h"), "\(reason)")
        #expect(try t.f.desk.store.read { try $0.attendance(classID: c, workerID: w, date: "2025-03-02") } == nil)
    }

    @Test func onlyClerksAndTheHeaderIsChecked() throws {
        let t = try TrainingWorld()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let good = try dir.write("a.csv", "class_id,date,resident_id,hours\n")
        let sup = try t.f.session(.supervisor)
        #expect(throws: DeskError.self) { try sup.importAttendance(path: good, options: Self.options()) }
        let audits = try t.f.auditCount
        for header in ["class_id,date,hours", "class_id,date,resident_id,hours,minutes", "class_id,date,resident_id,hours,hours"] {
            let p = try dir.write("h.csv", header + "\n1,2025-03-02,x,1\n")
            #expect(throws: DeskError.self, "\(header)") { try t.clerk.importAttendance(path: p, options: Self.options()) }
        }
        #expect(try t.f.auditCount == audits)
    }
}
