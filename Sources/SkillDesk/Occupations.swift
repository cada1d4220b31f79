import Foundation
import SkillCore
import SkillStore

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
        return try desk.write { w in try insert(occupation, w, at: now) }
    }

    /// Refuses a period overlapping another entry of the same code, then inserts and audits.
    func insert(_ o: Occupation, _ w: StoreWriter, at now: Date) throws -> OccupationRow {
        for e in try w.occupationEntries(code: o.code.value) {
            let period = EffectivePeriod(from: CalendarDate(iso: e.from)!, to: e.to.flatMap(CalendarDate.init(iso:)))
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

    /// The entry of `code` in force on `asOf` (default today).
    public func occupation(code: String, asOf: CalendarDate? = nil) throws -> OccupationRow {
        try require(.readCatalogue)
        let day = asOf ?? desk.today()
        let key = code.trimmedWhitespace()
        guard let row = try desk.read({ try $0.occupation(code: key, asOf: day.description) }) else {
            let any = try desk.read { try !$0.occupationEntries(code: key).isEmpty }
            throw DeskError.occupationNotFound(key, asOf: any ? day : nil)
        }
        return row
    }

    /// Every entry of one code, oldest first.
    public func occupationHistory(code: String) throws -> [OccupationRow] {
        try require(.readCatalogue)
        return try desk.read { try $0.occupationEntries(code: code.trimmedWhitespace()) }
    }

    /// Entries in force on `asOf` (default today), by code; `search` is a code prefix or part of a name.
    public func occupations(asOf: CalendarDate? = nil, search: String = "", limit: Int = 1_000) throws -> [OccupationRow] {
        try require(.readCatalogue)
        let day = asOf ?? desk.today()
        return try desk.read { try $0.occupations(asOf: day.description, search: search, limit: max(1, limit)) }
    }
}
