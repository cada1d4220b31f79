import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A target and where it stands on a date (the targets screen's line, `report targets`).
public struct TargetLine: Sendable, Equatable, Codable {
    public var target: TargetRow
    public var progress: TargetProgress
}

/// Every target's progress on a business date, ordered as `targets()` lists them.
public struct TargetReport: Sendable, Equatable, Codable {
    public var asOf: CalendarDate
    public var lines: [TargetLine]
}

/// The target's fields the audit trail keeps before and after each change.
struct TargetSnapshot: Encodable {
    var id: Int64, kind: String, from_year: Int, to_year: Int, value: Int64, clause: String, version: Int
    init(_ t: TargetRow) {
        id = t.id; kind = t.kind.rawValue; from_year = t.fromYear; to_year = t.toYear; value = t.value
        clause = t.clause; version = t.version
    }
    var json: String { CatalogueJSON.encode(self) }
}

/// Targets (目标任务, issue 13 item 2): administrators record them (audited `target.set`,
/// `target.change`, `target.remove`); whoever reads reports sees their progress.
extension Session {
    public func targets() throws -> [TargetRow] {
        try read(.readReports) { try $0.targets() }
    }

    /// Records a target; one of the same kind and span already recorded is changed instead
    /// (`target.change`), so `target set` can be run again with a corrected figure.
    @discardableResult
    public func setTarget(_ d: TargetDraft) throws -> TargetRow {
        try require(.manageReports)
        let clause = try Self.targetClause(d.clause)
        var draft = d
        draft.clause = clause
        let now = desk.clock()
        return try write(.manageReports) { w in
            if let row = try w.insertTarget(draft, user: user, at: now) {
                try w.audit(at: now, user: user, action: "target.set", entity: "target", key: String(row.id),
                            before: nil, after: TargetSnapshot(row).json)
                return row
            }
            guard let old = try w.targets().first(where: { $0.kind == d.kind && $0.fromYear == d.fromYear && $0.toYear == d.toYear }) else {
                throw DeskError.editConflict("target \(d.kind.rawValue) \(d.fromYear)–\(d.toYear)")
            }
            return try change(w, old, value: draft.value, clause: clause, version: old.version, now: now)
        }
    }

    /// Changes a target's value and clause if nobody changed it since it was read at `version`.
    @discardableResult
    public func changeTarget(id: Int64, value: Int64, clause: String, version: Int) throws -> TargetRow {
        try require(.manageReports)
        let clause = try Self.targetClause(clause)
        let now = desk.clock()
        return try write(.manageReports) { w in
            guard let old = try w.target(id: id) else { throw DeskError.targetNotFound(id) }
            if old.kind.isShare && value > 10_000 || value < 0 {
                throw DeskError.invalidInput(TargetProblem.badValue(String(value), kind: old.kind).message(.en),
                                             zh: TargetProblem.badValue(String(value), kind: old.kind).message(.zh))
            }
            return try change(w, old, value: value, clause: clause, version: version, now: now)
        }
    }

    private func change(_ w: StoreWriter, _ old: TargetRow, value: Int64, clause: String, version: Int, now: Date) throws -> TargetRow {
        guard try w.updateTarget(id: old.id, value: value, clause: clause, version: version, user: user, at: now),
              let row = try w.target(id: old.id) else {
            throw DeskError.editConflict("target \(old.kind.rawValue) \(old.spanText)")
        }
        try w.audit(at: now, user: user, action: "target.change", entity: "target", key: String(row.id),
                    before: TargetSnapshot(old).json, after: TargetSnapshot(row).json)
        return row
    }

    /// Removes a target (audited with its last image).
    public func removeTarget(id: Int64, version: Int? = nil) throws {
        let now = desk.clock()
        try write(.manageReports) { w in
            guard let old = try w.target(id: id) else { throw DeskError.targetNotFound(id) }
            guard try w.deleteTarget(id: id, version: version ?? old.version) else {
                throw DeskError.editConflict("target \(old.kind.rawValue) \(old.spanText)")
            }
            try w.audit(at: now, user: user, action: "target.remove", entity: "target", key: String(id),
                        before: TargetSnapshot(old).json, after: nil)
        }
    }

    /// Every target's progress on `asOf` (default: the business date). Person-times: the
    /// completed enrolments (`forEachEnrolmentOutcome` + `completed`, the one definition) of the
    /// classes that ended from the span's first day to the earlier of its last day and `asOf`.
    /// A share: `highSkillCertificates` over the same days.
    public func targetReport(asOf: CalendarDate? = nil) throws -> TargetReport {
        let day = asOf ?? desk.today()
        return try read(.readReports) { r in
            let rule = try PolicySetting.rule(r, desk)
            var lines: [TargetLine] = []
            for t in try r.targets() {
                let end = min(t.last, day)
                switch t.kind {
                case .personTimes:
                    let n = day < t.first ? 0 : try Self.personTimes(r, from: t.first, to: end, rule: rule)
                    lines.append(TargetLine(target: t, progress: .count(target: t.value, achieved: n, first: t.first, last: t.last, asOf: day)))
                case .highSkillShare:
                    let counts = day < t.first ? TargetProgress.ShareCounts(part: 0, whole: 0)
                        : try r.highSkillCertificates(from: t.first, to: end)
                    lines.append(TargetLine(target: t, progress: .share(targetBP: t.value, counts: counts, first: t.first, last: t.last, asOf: day)))
                }
            }
            return TargetReport(asOf: day, lines: lines)
        }
    }

    /// Person-times trained in `first...last`: the one definition.
    static func personTimes(_ r: StoreReader, from first: CalendarDate, to last: CalendarDate, rule: AttendanceRule) throws -> Int64 {
        var n: Int64 = 0
        try r.forEachEnrolmentOutcome(from: first, to: last, onlinePercent: rule.onlinePercent) { if $0.completed(rule) { n += 1 } }
        return n
    }

    static func targetClause(_ text: String) throws -> String {
        try DeskError.checking {
            try FieldText.cleaned(text, field: FieldLabel(en: "clause", zh: "依据条款"), max: FieldText.maxReason)
        }
    }
}
