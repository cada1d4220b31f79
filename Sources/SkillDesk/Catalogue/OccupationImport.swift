import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// The columns of an occupation CSV: one row per level; rows with the same code and `from` are
/// one catalogue entry.
enum OccupationColumn: String, CaseIterable {
    case code, name, subsidised, shortage, accessControlled = "access_controlled", tier, level
    case standardFen = "standard_fen", hours, from, to

    static let required: [OccupationColumn] = [.code, .name, .level, .standardFen, .hours, .from]
}

extension Session {
    /// Imports catalogue entries from a CSV file (a catalogue is hundreds of rows, read whole).
    /// Bad rows are reported with their line; a bad row spoils its whole entry (every line of
    /// that code and `from`). All good entries go in one transaction, each with its audit row,
    /// plus one audit row for the import.
    public func importOccupations(path: String, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try require(.manageCatalogue)
        let lang = options.lang
        let csv = try NamedCSV<OccupationColumn>(path: path, encoding: options.encoding, required: OccupationColumn.required)
        var rejects = ImportRejects(file: try rejectsFile(options, input: path))
        var groups: [String: [(line: Int, draft: OccupationDraft)]] = [:]
        var order: [String] = []
        while let record = try csv.next() {
            rejects.note(record)
            if let why = csv.unreadable(record, lang: lang) { rejects.refuse(record.line, why); continue }
            switch Self.occupationRow({ csv.field($0, record) }, lang: lang) {
            case let .failure(refusal):
                rejects.refuse(record.line, refusal.text)
            case let .success(d):
                let key = d.code + "@" + (d.from?.description ?? "")
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append((record.line, d))
            }
        }

        var entries: [(lines: [Int], occupation: Occupation)] = []
        for key in order {
            let rows = groups[key]!
            let lines = rows.map(\.line)
            var merged = rows[0].draft
            merged.levels = rows.flatMap(\.draft.levels)
            let consistent = rows.allSatisfy {
                $0.draft.name == merged.name && $0.draft.subsidised == merged.subsidised && $0.draft.shortage == merged.shortage
                    && $0.draft.accessControlled == merged.accessControlled && $0.draft.tier == merged.tier && $0.draft.to == merged.to
            }
            if !consistent {
                let reason = lang == .zh ? "同一职业编码和开始日期的各行，名称、标志、层级或结束日期不一致"
                    : "the rows of this code and from date disagree on name, flags, tier or to date"
                for l in lines { rejects.refuse(l, reason) }
                continue
            }
            do { entries.append((lines, try validate(merged))) } catch let e as DeskError {
                for l in lines { rejects.refuse(l, e.message(lang)) }
            }
        }

        let now = desk.clock()
        var imported = 0
        try write(.manageCatalogue) { w in
            for (lines, occupation) in entries {
                do {
                    _ = try insert(occupation, w, at: now)
                    imported += 1
                } catch let e as DeskError {
                    // Refused before anything of this entry was written (overlap check first).
                    for l in lines { rejects.refuse(l, e.message(lang)) }
                }
            }
            try w.audit(at: now, user: user, action: "occupation.import", entity: "occupation", key: "import",
                        before: nil, after: csv.summary(imported: imported, rejected: rejects.list.count))
        }
        rejects.finish(header: csv.header)
        return csv.report(imported: imported, rejects: rejects)
    }

    /// One CSV row as a one-level draft, or the reason (in `lang`) it is refused.
    static func occupationRow(_ field: (OccupationColumn) -> String, lang: Lang) -> Result<OccupationDraft, RowRefusal> {
        func say(_ en: String, _ zh: String) -> Result<OccupationDraft, RowRefusal> { .failure(RowRefusal(text: lang == .zh ? zh : en)) }
        var d = OccupationDraft()
        d.code = field(.code)
        d.name = field(.name)
        for (c, set) in [(OccupationColumn.subsidised, { (d: inout OccupationDraft, v: Bool) in d.subsidised = v }),
                         (.shortage, { $0.shortage = $1 }), (.accessControlled, { $0.accessControlled = $1 })] {
            guard let v = flag(field(c)) else {
                return say("\(c.rawValue) '\(field(c))' is not valid; use 1/0, true/false, yes/no or 是/否",
                           "\(c.rawValue)“\(field(c))”无效；应为 1/0、true/false、yes/no 或 是/否")
            }
            set(&d, v)
        }
        if !field(.tier).isEmpty {
            guard let t = Int(field(.tier)) else { return say("tier '\(field(.tier))' is not a number", "层级“\(field(.tier))”不是数字") }
            d.tier = t
        }
        switch LevelStandard.make(level: field(.level), standardFen: field(.standardFen), hours: field(.hours)) {
        case let .success(l): d.levels = [l]
        case let .failure(p): return .failure(RowRefusal(text: p.message(lang)))
        }
        guard let from = CalendarDate(iso: field(.from)) else {
            return say("from '\(field(.from))' is not a date (YYYY-MM-DD)", "开始日期“\(field(.from))”无效（应为 YYYY-MM-DD）")
        }
        d.from = from
        if !field(.to).isEmpty {
            guard let to = CalendarDate(iso: field(.to)) else {
                return say("to '\(field(.to))' is not a date (YYYY-MM-DD)", "结束日期“\(field(.to))”无效（应为 YYYY-MM-DD）")
            }
            d.to = to
        }
        return .success(d)
    }

    static func flag(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "", "0", "false", "no", "n", "否": false
        case "1", "true", "yes", "y", "是": true
        default: nil
        }
    }
}

/// Why one CSV row was refused, already in the user's language.
struct RowRefusal: Error {
    var text: String
}
