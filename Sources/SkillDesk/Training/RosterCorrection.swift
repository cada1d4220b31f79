import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What a roster correction did.
public struct RosterCorrectionResult: Sendable, Equatable {
    public var enrolled: [String]
    /// Already on the roster: nothing written for them.
    public var alreadyEnrolled: [String]
    /// The class's submitted claims marked as having their evidence changed (W5).
    public var markedClaims: Int
}

/// Enrolment after completion (issue 12): ordinary enrolment refuses a completed class; a clerk who
/// must correct its roster uses this distinct action, with a reason, audited, and the class's
/// submitted claims are marked (W5) so a supervisor sees that the roster changed under them.
extension Session {
    public static let rosterReasonLabel = FieldLabel(en: "reason for the roster correction", zh: "花名册更正原因")

    public func correctRoster(classID: Int64, workerIDs: [String], reason: String) throws -> RosterCorrectionResult {
        try require(.manageClasses)
        let ids = workerIDs.map { HalfWidth.ascii($0).trimmedWhitespace().uppercased() }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw DeskError.invalidInput("give at least one resident ID", zh: "请至少填写一个身份证号") }
        let why: String
        do { why = try FieldText.cleaned(reason, field: Self.rosterReasonLabel, max: FieldText.maxReason, required: true) }
        catch { throw DeskError.invalidInput(error.message(.en), zh: error.message(.zh)) }
        let now = desk.clock()
        return try write(.manageClasses) { w in
            guard let cls = try w.trainingClass(id: classID) else { throw DeskError.classNotFound(classID) }
            guard cls.status.takesRosterCorrection else {
                let name = try Self.className(cls, w)
                if cls.status.takesEnrolments {
                    throw DeskError.wrongState(
                        "class \(name.en) is \(cls.status.label(.en).lowercased()): enrol workers the ordinary way; a roster correction is for a completed class; nothing was changed",
                        zh: "培训班 \(name.zh)状态为“\(cls.status.label(.zh))”，请直接报名；花名册更正只用于已结业的培训班；未作改动")
                }
                throw DeskError.wrongState(
                    "class \(name.en) is closed: its roster and attendance are final; nothing was changed",
                    zh: "培训班 \(name.zh)已关闭，花名册和考勤均已定稿，不能更正；未作改动")
            }
            var missing: [String] = []
            for id in ids where try w.worker(id: id) == nil && !missing.contains(id) { missing.append(id) }
            if !missing.isEmpty { throw DeskError.workersNotRegistered(missing) }
            var result = RosterCorrectionResult(enrolled: [], alreadyEnrolled: [], markedClaims: 0)
            for id in ids {
                if try w.enrol(classID: classID, workerID: id, at: now) {
                    result.enrolled.append(id)
                    try w.audit(at: now, user: user, action: "class.roster_correction", entity: "class", key: String(classID),
                                before: nil, after: CatalogueJSON.encode(["worker_id": id, "reason": why]))
                } else if !result.alreadyEnrolled.contains(id) {
                    result.alreadyEnrolled.append(id)
                }
            }
            if !result.enrolled.isEmpty { result.markedClaims = try w.markClassClaimsEvidenceChanged(classID: classID) }
            return result
        }
    }

    /// The refusal of ordinary enrolment on a completed class, naming the class and the way out.
    func enrolmentClosed(_ cls: ClassRow, _ r: StoreReader) throws -> DeskError {
        let name = try Self.className(cls, r)
        return DeskError.wrongState(
            "class \(name.en) has completed (ended \(cls.endDate)): it takes no enrolments; to correct its roster use a roster correction, with a reason (it marks the class's claims for the supervisor); nothing was changed",
            zh: "培训班 \(name.zh)已结业（\(cls.endDate) 结束），不再报名；如须更正花名册，请改用“花名册更正”并填写原因（该班已提交的申请将被标记供审核人核对）；未作改动")
    }

    /// "12（电工 中级工）" / "12 (电工, Intermediate)": a class by number and occupation, as every
    /// message names it.
    static func className(_ cls: ClassRow, _ r: StoreReader) throws -> (zh: String, en: String) {
        let occ = try r.occupationName(code: cls.occupationCode) ?? cls.occupationCode
        let level = SkillLevel(rawValue: cls.level)
        return ("\(cls.id)（\(occ) \(level?.label(.zh) ?? cls.level)）", "\(cls.id) (\(occ), \(level?.label(.en) ?? cls.level))")
    }
}
