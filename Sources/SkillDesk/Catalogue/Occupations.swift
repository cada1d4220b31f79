import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What an administrator types to add a catalogue entry (CLI options or one CSV group).
public struct OccupationDraft: Sendable {
    public var code = ""
    public var name = ""
    public var subsidised = false
    public var shortage = false
    public var accessControlled = false
    public var tier: Int?
    public var levels: [LevelStandard] = []
    /// Nil: today.
    public var from: CalendarDate?
    public var to: CalendarDate?
    public init() {}
}

/// The occupation catalogue. Administrators add entries; everyone reads them. An entry is never
/// edited: next year's standards are a new entry with its own period (DECISIONS.md).
extension Session {
    public func addOccupation(_ draft: OccupationDraft) throws -> OccupationRow {
        try require(.manageCatalogue)
        let occupation = try validate(draft)
        let now = desk.clock()
        return try write(.manageCatalogue) { w in try insert(occupation, w, at: now) }
    }

    /// Refuses a period overlapping another entry of the same code, then inserts and audits.
    func insert(_ o: Occupation, _ w: StoreWriter, at now: Date) throws -> OccupationRow {
        for e in try w.occupationEntries(code: o.code.value) {
            // A stored day that does not parse (changed behind the program's back) counts as open from
            // the earliest day: the new entry is then refused as overlapping, never a trap.
            let period = EffectivePeriod(from: CalendarDate(iso: e.from) ?? CalendarDate.first,
                                         to: e.to.flatMap(CalendarDate.init(iso:)))
            if period.overlaps(o.period) {
                throw DeskError.periodOverlap(code: e.code, name: e.name, existing: period)
            }
        }
        let row = try w.insertOccupation(o, at: now)
        try w.audit(at: now, user: user, action: "occupation.create", entity: "occupation",
                    key: "\(row.code)@\(row.from)", before: nil, after: OccupationSnapshot(row).json())
        return row
    }

    func validate(_ d: OccupationDraft) throws -> Occupation {
        switch Occupation.make(code: d.code, name: d.name, subsidised: d.subsidised, shortage: d.shortage,
                               accessControlled: d.accessControlled, tier: d.tier, levels: d.levels,
                               from: d.from ?? desk.today(), to: d.to) {
        case let .success(o): return o
        case let .failure(p): throw DeskError.invalidCatalogue(p)
        }
    }

    /// Gives the open-ended entry of `code` starting on `from` its last day `to`, so that a later
    /// entry can start after it. Refused when `to` is before `from`, when the entry already has an
    /// end, or when classes of that entry run past `to` (they were judged by it). Audited before/after.
    public func closeOccupation(code: String, from: CalendarDate, to: CalendarDate) throws -> OccupationRow {
        try require(.manageCatalogue)
        let key = code.trimmedWhitespace()
        guard to >= from else {
            throw DeskError.invalidInput("--to \(to) is before the entry's first day \(from)", zh: "结束日期 \(to) 早于该条目的开始日期 \(from)")
        }
        let now = desk.clock()
        return try write(.manageCatalogue) { w in
            let entries = try w.occupationEntries(code: key)
            guard let old = entries.first(where: { $0.from == from.description }) else {
                if entries.isEmpty { throw DeskError.occupationNotFound(key, asOf: nil) }
                let starts = entries.map(\.from).joined(separator: ", ")
                throw DeskError.invalidInput("no entry of \(key) starts on \(from); its entries start on \(starts)",
                                             zh: "职业 \(key) 没有 \(from) 开始的条目；现有条目开始于 \(starts)")
            }
            if let end = old.to {
                throw DeskError.wrongState("the entry \(key) from \(from) already ends on \(end); an end is not changed",
                                           zh: "职业 \(key) 自 \(from) 起的条目已于 \(end) 截止；不修改已有的结束日期")
            }
            let cut = try w.classIDs(occupationCode: key, startingFrom: from.description, endingAfter: to.description)
            if !cut.isEmpty {
                let list = cut.map(String.init).joined(separator: ", ")
                throw DeskError.wrongState("classes \(list) of this entry run past \(to); close it on or after their last day",
                                           zh: "该条目的培训班 \(list) 在 \(to) 之后仍有课；结束日期不能早于其结业日期")
            }
            let row = try w.closeOccupation(id: old.id, to: to)
            try w.audit(at: now, user: user, action: "occupation.close", entity: "occupation", key: "\(row.code)@\(row.from)",
                        before: OccupationSnapshot(old).json(), after: OccupationSnapshot(row).json())
            return row
        }
    }

    /// The entry of `code` in force on `asOf` (default today).
    public func occupation(code: String, asOf: CalendarDate? = nil) throws -> OccupationRow {
        try require(.readCatalogue)
        let day = asOf ?? desk.today()
        let key = code.trimmedWhitespace()
        guard let row = try read(.readCatalogue, { try $0.occupation(code: key, asOf: day.description) }) else {
            let any = try read(.readCatalogue) { try !$0.occupationEntries(code: key).isEmpty }
            throw DeskError.occupationNotFound(key, asOf: any ? day : nil)
        }
        return row
    }

    /// Every entry of one code, oldest first.
    public func occupationHistory(code: String) throws -> [OccupationRow] {
        return try read(.readCatalogue) { try $0.occupationEntries(code: code.trimmedWhitespace()) }
    }

    /// Entries in force on `asOf` (default today), by code; `search` is a code prefix or part of a name.
    public func occupations(asOf: CalendarDate? = nil, search: String = "", limit: Int = 1_000) throws -> [OccupationRow] {
        try require(.readCatalogue)
        let day = asOf ?? desk.today()
        return try read(.readCatalogue) { try $0.occupations(asOf: day.description, search: search, limit: max(1, limit)) }
    }
}
