import Foundation
import SkillCore
import SkillDesk
import SkillStore

/// The path most tests need before they can test anything, through the use-case layer as a
/// clerk would walk it: catalogue → class → attendance → certificate → claim. Each step is one
/// call with the values the tests share as defaults (the electrician, 6-31-01-03, at L4).
public struct Scenario {
    /// Runs classes, records attendance and certificates, prepares claims.
    public let clerk: Session

    public init(clerk: Session) {
        self.clerk = clerk
    }

    public static let electricianCode = "6-31-01-03"

    // MARK: catalogue

    /// The electrician: L4 at `fen` (120 hours), L5 at half of it (80 hours), in force from `from`.
    public static func electrician(from: String, to: String? = nil, fen: Int64 = 150_000,
                                   code: String = electricianCode) -> OccupationDraft {
        var d = OccupationDraft()
        d.code = code; d.name = "电工"; d.subsidised = true; d.accessControlled = true
        d.levels = [LevelStandard(level: .l4, standardFen: fen, hours: 120), LevelStandard(level: .l5, standardFen: fen / 2, hours: 80)]
        d.from = CalendarDate(iso: from)!; d.to = to.map { CalendarDate(iso: $0)! }
        return d
    }

    /// A private training school in the catalogue that may train `mayTrain` ("code:level").
    public static func school(_ code: String, name: String = "南京某职业培训学校", kind: String = "private_school",
                              grade: String = "B", mayTrain: [String] = [electricianCode + ":L4"]) -> InstitutionDraft {
        var d = InstitutionDraft()
        d.code = code; d.name = name; d.kind = kind; d.grade = grade; d.catalogue = true
        d.mayTrain = mayTrain
        return d
    }

    /// Adds the occupations and institutions as `admin` (the catalogue comes before any clerk).
    public static func catalogue(as admin: Session, _ occupations: [OccupationDraft], _ institutions: [InstitutionDraft]) throws {
        for o in occupations { _ = try admin.addOccupation(o) }
        for i in institutions { _ = try admin.addInstitution(i) }
    }

    // MARK: class

    public static func classDraft(institution: String, occupation: String = electricianCode, level: String = "L4",
                                  type: String = "employment", start: String = "2025-03-01", end: String = "2025-03-31",
                                  hours: String = "10") -> ClassDraft {
        var d = ClassDraft()
        d.institution = institution; d.occupation = occupation; d.level = level; d.type = type
        d.start = start; d.end = end; d.plannedHours = hours
        return d
    }

    /// The class added, `workers` enrolled, and the class started; its id.
    public func runningClass(_ draft: ClassDraft, enrolling workers: [String]) throws -> Int64 {
        let c = try clerk.addClass(draft)
        _ = try clerk.enrol(classID: c.id, workerIDs: workers)
        _ = try clerk.startClass(c.id)
        return c.id
    }

    // MARK: attendance

    public func attend(_ classID: Int64, _ worker: String, on date: String, classroomMinutes: Int = 480,
                       onlineMinutes: Int = 0) throws {
        _ = try clerk.attend(classID: classID, workerID: worker, date: CalendarDate(iso: date)!,
                             classroomMinutes: classroomMinutes, onlineMinutes: onlineMinutes)
    }

    // MARK: certificate

    /// A skill-level certificate of `worker` from the class.
    public func certify(_ worker: String, number: String, classID: Int64, occupation: String = electricianCode,
                        level: String = "L4", issued: String = "2025-04-01", issuer: String? = nil) throws {
        var c = CertificateDraft()
        c.worker = worker; c.type = "skill_level"; c.number = number; c.occupation = occupation; c.level = level
        c.issueDate = issued; c.classID = classID
        if let issuer { c.issuer = issuer }
        _ = try clerk.addCertificate(c)
    }

    // MARK: claim

    /// A training claim of `worker` for the class, drafted and submitted by `by` (the clerk unless told).
    public func submittedClaim(_ worker: String, classID: Int64, by: Session? = nil) throws -> ClaimRow {
        let s = by ?? clerk
        let d = try s.newClaim(ClaimProposal(worker: worker, kind: .training, classID: classID))
        return try s.submitClaim(d.claim.id)
    }
}
