import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Closing an open-ended occupation entry")
struct OccupationCloseTests {
    @Test func closingLetsTheNextPeriodStartAndIsAudited() throws {
        let f = try Fixture()
        _ = try f.admin.addOccupation(electrician(from: "2025-01-01", fen: 150_000))
        #expect(throws: DeskError.self, "open-ended entry blocks a later one") {
            try f.admin.addOccupation(electrician(from: "2026-01-01", fen: 160_000))
        }
        let audits = try f.auditCount
        let closed = try f.admin.closeOccupation(code: "6-31-01-03", from: day("2025-01-01"), to: day("2025-12-31"))
        #expect(closed.to == "2025-12-31" && closed.from == "2025-01-01")
        #expect(try f.auditCount == audits + 1)
        let audit = try f.admin.auditEntries(entity: "occupation", key: "6-31-01-03@2025-01-01").last
        #expect(audit?.action == "occupation.close")
        #expect(audit?.before?.contains("\"to\":null") == true && audit?.after?.contains("\"to\":\"2025-12-31\"") == true)
        // An entry starting on the last day still overlaps; the day after is accepted.
        #expect(throws: DeskError.self) { try f.admin.addOccupation(electrician(from: "2025-12-31", fen: 160_000)) }
        _ = try f.admin.addOccupation(electrician(from: "2026-01-01", fen: 160_000))
        #expect(try f.admin.occupation(code: "6-31-01-03", asOf: day("2025-12-31")).levels.first?.standardFen == 75_000)
        #expect(try f.admin.occupation(code: "6-31-01-03", asOf: day("2026-01-01")).levels.first?.standardFen == 80_000)
    }

    @Test func refusals() throws {
        let t = try TrainingWorld()  // electrician from 2025-01-01, open-ended
        let c = try t.clerk.addClass(TrainingWorld.classDraft(start: "2025-03-01", end: "2025-03-31"))
        let f = t.f
        let audits = try f.auditCount
        func refused(_ why: Comment, code: String = "6-31-01-03", from: String = "2025-01-01", to: String) -> DeskError? {
            deskError { _ = try f.admin.closeOccupation(code: code, from: day(from), to: day(to)) }
        }
        #expect(refused("to before from", to: "2024-12-31")?.message(.en).contains("before") == true)
        #expect(refused("no entry starts that day", from: "2025-02-01", to: "2025-12-31")?.message(.en).contains("2025-01-01") == true)
        if case .occupationNotFound? = refused("unknown code", code: "6-18-02-04", to: "2025-12-31") {} else { Issue.record("not found") }
        let cut = refused("a class runs past to", to: "2025-03-15")
        guard case .wrongState? = cut else { Issue.record("\(String(describing: cut))"); return }
        #expect(cut?.message(.en).contains("\(c.id)") == true)
        #expect(throws: DeskError.self, "a clerk") {
            try t.clerk.closeOccupation(code: "6-31-01-03", from: day("2025-01-01"), to: day("2025-12-31"))
        }
        #expect(try f.auditCount == audits)
        // On the class's last day is fine; then the entry has an end and cannot be closed again.
        _ = try f.admin.closeOccupation(code: "6-31-01-03", from: day("2025-01-01"), to: day("2025-03-31"))
        guard case .wrongState? = refused("already ends", to: "2025-12-31") else { Issue.record("closed twice"); return }
        #expect(try f.admin.occupationHistory(code: "6-31-01-03").first?.to == "2025-03-31")
    }
}
