import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

func electrician(from: String, to: String? = nil, fen: Int64 = 150_000, code: String = "6-31-01-03") -> OccupationDraft {
    Scenario.electrician(from: from, to: to, fen: fen, code: code)
}

@Suite("Occupation catalogue")
struct OccupationCatalogueTests {
    @Test func asOfPicksTheEntryInForce() throws {
        let f = try Fixture()
        _ = try f.admin.addOccupation(electrician(from: "2024-01-01", to: "2024-12-31", fen: 120_000))
        _ = try f.admin.addOccupation(electrician(from: "2025-01-01", fen: 150_000))
        #expect(try f.admin.occupation(code: "6-31-01-03", asOf: day("2024-12-31")).levels.first { $0.level == "L4" }?.standardFen == 120_000)
        #expect(try f.admin.occupation(code: "6-31-01-03", asOf: day("2025-01-01")).levels.first { $0.level == "L4" }?.standardFen == 150_000)
        #expect(throws: DeskError.self) { try f.admin.occupation(code: "6-31-01-03", asOf: day("2023-12-31")) }
        #expect(try f.admin.occupations(asOf: day("2024-06-01")).map(\.from) == ["2024-01-01"])
        #expect(try f.admin.occupationHistory(code: "6-31-01-03").count == 2)
    }

    @Test func overlappingPeriodIsRefusedAndNothingWritten() throws {
        let f = try Fixture()
        _ = try f.admin.addOccupation(electrician(from: "2025-01-01"))
        let audits = try f.auditCount
        do {
            _ = try f.admin.addOccupation(electrician(from: "2025-07-01", to: "2025-12-31"))
            Issue.record("an overlapping period was accepted")
        } catch let e as DeskError {
            guard case let .periodOverlap(code, name, existing) = e else { Issue.record("\(e)"); return }
            #expect(code == "6-31-01-03" && name == "电工" && existing.from == day("2025-01-01"))
            #expect(e.message(.en).contains("2025-01-01"))
        }
        #expect(try f.admin.occupationHistory(code: "6-31-01-03").count == 1)
        #expect(try f.auditCount == audits)
    }

    @Test func clerkReadsButCannotAdd() throws {
        let f = try Fixture()
        _ = try f.admin.addOccupation(electrician(from: "2025-01-01"))
        let clerk = try f.clerk()
        do {
            _ = try clerk.addOccupation(electrician(from: "2030-01-01"))
            Issue.record("a clerk added an occupation")
        } catch let DeskError.notPermitted(p) {
            #expect(p == .manageCatalogue)
        }
        #expect(try clerk.occupation(code: "6-31-01-03", asOf: day("2026-01-01")).name == "电工")
        #expect(try clerk.occupations(search: "电").count == 1)
    }

    @Test func invalidCodeRefused() throws {
        let f = try Fixture()
        #expect(throws: DeskError.self) { try f.admin.addOccupation(electrician(from: "2025-01-01", code: "6-31-1-03")) }
        #expect(try f.desk.store.read { try $0.occupationCount() } == 0)
    }

    @Test func createIsAudited() throws {
        let f = try Fixture()
        let row = try f.admin.addOccupation(electrician(from: "2025-01-01"))
        let entries = try f.desk.store.read { try $0.auditEntries(entity: "occupation", key: "6-31-01-03@2025-01-01") }
        #expect(entries.map(\.action) == ["occupation.create"])
        #expect(entries.first?.after == OccupationSnapshot(row).json())
    }
}

@Suite("Training institutions")
struct InstitutionTests {
    static let code = creditCode("52320100MJ1234567")

    static func school(_ code: String = InstitutionTests.code, mayTrain: [String] = ["6-31-01-03:L4"]) -> InstitutionDraft {
        var d = InstitutionDraft()
        d.code = code; d.name = "南京某职业培训学校"; d.kind = "private_school"; d.grade = "B"; d.catalogue = true
        d.mayTrain = mayTrain
        return d
    }

    static func fixture() throws -> Fixture {
        let f = try Fixture()
        _ = try f.admin.addOccupation(electrician(from: "2025-01-01"))
        return f
    }

    @Test func creditCodeCheckedAndUnique() throws {
        let f = try Self.fixture()
        let wrong = String(Self.code.dropLast()) + (Self.code.last == "1" ? "2" : "1")
        #expect(throws: DeskError.self) { try f.admin.addInstitution(Self.school(wrong)) }
        let row = try f.admin.addInstitution(Self.school())
        #expect(row.status.rawValue == "active" && row.mayTrain.map { "\($0.occupationCode):\($0.level)" } == ["6-31-01-03:L4"])
        do {
            _ = try f.admin.addInstitution(Self.school(Self.code.lowercased()))
            Issue.record("a second institution with the same code")
        } catch let DeskError.institutionExists(code, name) {
            #expect(code == Self.code && name == "南京某职业培训学校")
        }
        #expect(try f.admin.institutions().count == 1)
    }

    @Test func mayTrainMustBeInTheCatalogue() throws {
        let f = try Self.fixture()
        #expect(throws: DeskError.self) { try f.admin.addInstitution(Self.school(mayTrain: ["6-18-02-04:L4"])) }
        #expect(throws: DeskError.self) { try f.admin.addInstitution(Self.school(mayTrain: ["6-31-01-03:L1"])) }
        #expect(try f.admin.institutions().isEmpty)
    }

    @Test func suspendReinstateDisqualifyWithAuditRows() throws {
        let f = try Self.fixture()
        _ = try f.admin.addInstitution(Self.school())
        #expect(throws: DeskError.self) { try f.admin.suspendInstitution(code: Self.code, reason: "  ") }
        #expect(throws: DeskError.self) { try f.admin.reinstateInstitution(code: Self.code) }
        let s = try f.admin.suspendInstitution(code: Self.code, reason: "台账不全")
        #expect(s.status.rawValue == "suspended" && s.statusReason == "台账不全" && s.statusDate == "2026-01-15")
        #expect(throws: DeskError.self) { try f.admin.suspendInstitution(code: Self.code, reason: "again") }
        #expect(try f.admin.reinstateInstitution(code: Self.code).status.rawValue == "active")
        #expect(try f.admin.disqualifyInstitution(code: Self.code, reason: "虚报培训人数").status.rawValue == "disqualified")
        do {
            _ = try f.admin.reinstateInstitution(code: Self.code)
            Issue.record("a disqualified institution was reinstated")
        } catch let DeskError.wrongStatus(r) {
            #expect(r.status == .disqualified && r.action == .reinstate)
        }
        #expect(throws: DeskError.self) { try f.admin.suspendInstitution(code: Self.code, reason: "x") }
        let actions = try f.desk.store.read { try $0.auditEntries(entity: "institution", key: Self.code) }.map(\.action)
        #expect(actions == ["institution.create", "institution.suspend", "institution.reinstate", "institution.disqualify"])
        #expect(try f.admin.institution(code: Self.code).status.rawValue == "disqualified")
    }

    @Test func clerkCannotChangeInstitutions() throws {
        let f = try Self.fixture()
        _ = try f.admin.addInstitution(Self.school())
        let clerk = try f.clerk()
        #expect(throws: DeskError.self) { try clerk.addInstitution(Self.school(creditCode("52320100MJ7654321"))) }
        #expect(throws: DeskError.self) { try clerk.suspendInstitution(code: Self.code, reason: "x") }
        #expect(try clerk.institution(code: Self.code).status.rawValue == "active")
    }
}
