import Foundation
import Testing
@testable import SkillCore

/// `ClassDraft.validate` and `CertificateDraft.validate`: the one rule the use cases and the forms ask.
@Suite struct ClassDraftTests {
    static let inst = "12320100466001234"
    static func good() -> ClassDraft {
        var d = ClassDraft()
        d.institution = " \(inst.lowercased()) "; d.occupation = "6-31-01-03"; d.level = "L4"; d.type = "employment"
        d.start = "2025-05-26"; d.end = "2025-06-06"; d.plannedHours = "80"
        return d
    }
    static func facts(status: InstitutionStatus = .active,
                      mayTrain: [(String, SkillLevel)] = [("6-31-01-03", .l4), ("6-31-01-03", .l5)],
                      occupation: ClassCatalogueFacts.OccupationFact = .inForce(levels: [.l4, .l5])) -> ClassCatalogueFacts {
        ClassCatalogueFacts(institution: .init(code: inst, status: status,
                                               mayTrain: mayTrain.map { .init(occupation: $0.0, level: $0.1) }),
                            occupation: occupation)
    }

    func errors(_ d: ClassDraft, _ c: ClassCatalogueFacts? = nil) -> [ClassField: ClassDraftError] {
        if case .failure(let v) = d.validate(catalogue: c) { return v.errors }
        return [:]
    }

    @Test func aGoodDraftBecomesAPlan() throws {
        let p = try Self.good().validate(catalogue: Self.facts()).get()
        #expect(p.institution == Self.inst && p.occupation == "6-31-01-03" && p.level == .l4 && p.type == .employment)
        #expect(p.start == CalendarDate(iso: "2025-05-26") && p.end == CalendarDate(iso: "2025-06-06") && p.plannedHours == 80)
    }

    @Test(arguments: [("0", false), ("1", true), ("5000", true), ("5001", false), ("-1", false), ("", false),
                      ("8.5", false), (" 40 ", true), ("４０", false)])
    func plannedHoursRange(text: String, ok: Bool) {
        var d = Self.good()
        d.plannedHours = text
        let e = errors(d)
        #expect((e[.hours] == nil) == ok, "\(text)")
        if !ok { #expect(e[.hours] == .badHours(text)) }
    }

    @Test func theLimitIsNamedInTheMessage() {
        #expect(ClassDraft.maxPlannedHours == 5_000)
        #expect(ClassDraftError.badHours("0").message(.en) == "planned hours '0' must be a whole number from 1 to 5000")
        #expect(ClassDraftError.badHours("0").message(.zh) == "计划课时“0”应为 1–5000 的整数")
        #expect(ClassDraft.plannedHoursDigits == 4)
    }

    @Test func oneErrorPerTextField() {
        var d = ClassDraft()
        d.level = "L9"; d.type = "appraisal"; d.start = "2025-02-30"; d.end = "1800-01-01"; d.plannedHours = "x"
        let e = errors(d)
        #expect(e[.level] == .badLevel("L9"))
        #expect(e[.type] == .noClassDays)
        #expect(e[.start] == .startDate(.notADate(ClassDraft.startLabel, "2025-02-30")))
        #expect(e[.end] == .endDate(.unsupported(ClassDraft.endLabel, CalendarDate(iso: "1800-01-01")!)))
        #expect(e[.hours] == .badHours("x"))
        #expect(e[.institution] == nil && e[.occupation] == nil, "no catalogue given: not checked")
        // The use case's order: the level first.
        if case .failure(let v) = d.validate() { #expect(v.first == .badLevel("L9")) }
        d.type = "nonsense"
        #expect(errors(d)[.type] == .badType("nonsense"))
    }

    @Test func datesInOrderAndAtMostTheLongestClass() {
        var d = Self.good()
        d.end = "2025-05-25"
        #expect(errors(d)[.end] == .endBeforeStart(start: CalendarDate(iso: "2025-05-26")!, end: CalendarDate(iso: "2025-05-25")!))
        d.end = "2025-05-26"
        #expect(errors(d)[.end] == nil, "a one-day class")
        let start = CalendarDate(iso: "2025-05-26")!
        d.end = start.adding(days: ClassSpan.maxDays - 1).description
        #expect(errors(d)[.end] == nil)
        d.end = start.adding(days: ClassSpan.maxDays).description
        #expect(errors(d)[.end] == .tooManyDays(start: start, end: start.adding(days: ClassSpan.maxDays)))
    }

    @Test func theCatalogueFacts() {
        let d = Self.good()
        #expect(errors(d, Self.facts()).isEmpty)
        #expect(errors(d, ClassCatalogueFacts(institution: nil, occupation: .listed))[.institution] == .institutionNotFound(Self.inst))
        #expect(errors(d, Self.facts(status: .suspended))[.institution] == .institutionInactive(code: Self.inst, status: .suspended))
        #expect(errors(d, Self.facts(occupation: .unknown))[.occupation] == .occupationNotFound("6-31-01-03", asOf: nil))
        #expect(errors(d, Self.facts(occupation: .notInForce))[.occupation]
                == .occupationNotFound("6-31-01-03", asOf: CalendarDate(iso: "2025-05-26")))
        #expect(errors(d, Self.facts(occupation: .inForce(levels: [.l5])))[.level]
                == .occupationLacksLevel(occupation: "6-31-01-03", level: .l4, on: CalendarDate(iso: "2025-05-26")!))
        // May train the occupation at another level: the level is wrong.
        #expect(errors(d, Self.facts(mayTrain: [("6-31-01-03", .l5)]))[.level]
                == .mayNotTrain(institution: Self.inst, occupation: "6-31-01-03", level: .l4))
        // Not the occupation at any level: the occupation is wrong, even before a level is typed.
        var noLevel = d
        noLevel.level = ""
        let e = errors(noLevel, Self.facts(mayTrain: [("4-10-01-02", .l5)]))
        #expect(e[.occupation] == .mayNotTrain(institution: Self.inst, occupation: "6-31-01-03", level: nil))
        #expect(e[.level] == .badLevel(""))
    }

    @Test func theFirstErrorFollowsTheUseCaseOrder() {
        var d = Self.good()
        d.plannedHours = "0"
        guard case .failure(let v) = d.validate(catalogue: Self.facts(status: .disqualified, occupation: .unknown)) else {
            Issue.record("should fail"); return
        }
        #expect(v.errors.count == 3)
        #expect(v.first == .badHours("0"))
        #expect(v.message(.en).split(separator: "\n").first?.hasPrefix("institution: ") == true)
    }
}

@Suite struct CertificateDraftTests {
    static let today = CalendarDate(iso: "2025-07-01")!
    static func good() -> CertificateDraft {
        var d = CertificateDraft()
        d.worker = "32010219850612002x"; d.type = "skill_level"; d.number = "S3201-2025-0001"; d.occupation = " 6-31-01-03 "
        d.level = "L4"; d.issuer = "  南京市\n职业技能鉴定中心 "; d.issueDate = "2025-06-30"; d.classID = 3
        return d
    }

    func errors(_ d: CertificateDraft, _ facts: CertificateStoreFacts? = nil) -> [CertificateField: CertificateDraftError] {
        if case .failure(let v) = d.validate(today: Self.today, catalogue: facts) { return v.errors }
        return [:]
    }

    @Test func aGoodDraftBecomesAPlan() throws {
        let p = try Self.good().validate(today: Self.today).get()
        #expect(p.worker == "32010219850612002X" && p.type == .skillLevel && p.number == "S3201-2025-0001")
        #expect(p.occupation == "6-31-01-03" && p.level == .l4 && p.issuer == "南京市 职业技能鉴定中心")
        #expect(p.issueDate == CalendarDate(iso: "2025-06-30") && p.classID == 3)
    }

    @Test func numberLengthBoundaries() {
        #expect(CertificateDraft.maxNumber == 64)
        var d = Self.good()
        d.number = String(repeating: "证", count: 64)
        #expect(errors(d)[.number] == nil, "64 characters, whatever their bytes")
        d.number = String(repeating: "A", count: 65)
        #expect(errors(d)[.number] == .number(.tooLong(CertificateDraft.numberLabel, count: 65, max: 64)))
        d.number = "  "
        #expect(errors(d)[.number] == .number(.empty(CertificateDraft.numberLabel, max: 64)))
        d.number = "S1\u{202E}2"
        #expect(errors(d)[.number] == .number(.forbidden(CertificateDraft.numberLabel, position: 3)))
    }

    @Test func typeAndLevel() {
        var d = Self.good()
        d.type = "diploma"
        #expect(errors(d)[.type] == .badType("diploma"))
        #expect(errors(d)[.level] == nil, "no type: the level is not judged")
        d.type = "skill_level"; d.level = ""
        #expect(errors(d)[.level] == .levelRequired(.skillLevel))
        d.type = "training"; d.level = "L4"
        #expect(errors(d)[.level] == .levelNotStated(.training))
        d.level = " "
        #expect(errors(d).isEmpty)
    }

    @Test func issueDate() {
        var d = Self.good()
        d.issueDate = "2025-07-01"
        #expect(errors(d).isEmpty, "today is fine")
        d.issueDate = "2025-07-02"
        #expect(errors(d)[.issueDate] == .issuedAfterToday(CalendarDate(iso: "2025-07-02")!, today: Self.today))
        d.issueDate = "07/01/2025"
        #expect(errors(d)[.issueDate] == .issueDate(.notADate(CertificateDraft.issueDateLabel, "07/01/2025")))
    }

    @Test func issuerAndOccupation() {
        var d = Self.good()
        d.issuer = String(repeating: "局", count: 101)
        #expect(errors(d)[.issuer] == .issuer(.tooLong(CertificateDraft.issuerLabel, count: 101, max: 100)))
        d.issuer = ""
        #expect(try! d.validate(today: Self.today).get().issuer == nil)
        d.occupation = " "
        #expect(errors(d)[.occupation] == .occupationNotFound(""))
    }

    @Test func whatTheStoreKnows() {
        let d = Self.good()
        #expect(errors(d, CertificateStoreFacts(workerRegistered: true, occupationKnown: true, classExists: true)).isEmpty)
        let e = errors(d, CertificateStoreFacts(workerRegistered: false, occupationKnown: false, classExists: false))
        #expect(e[.worker] == .workerNotRegistered("32010219850612002X"))
        #expect(e[.occupation] == .occupationNotFound("6-31-01-03"))
        #expect(e[.trainingClass] == .classNotFound(3))
        #expect(errors(d, CertificateStoreFacts(workerRegistered: true, occupationKnown: nil, classExists: nil)).isEmpty)
        var bad = d
        bad.number = ""
        guard case .failure(let v) = bad.validate(today: Self.today, catalogue: CertificateStoreFacts(
            workerRegistered: false, occupationKnown: true, classExists: true)) else { Issue.record("should fail"); return }
        #expect(v.first == .number(.empty(CertificateDraft.numberLabel, max: 64)), "text errors come before the store's")
        #expect(v.first?.needsStore == false && CertificateDraftError.workerNotRegistered("x").needsStore)
    }
}
