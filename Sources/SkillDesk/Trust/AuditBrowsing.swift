import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// One entry of the audit trail's list: the entry and its key as a person reads it (a claim's
/// number, not its id). The summary is `AuditText.summary`, the one place it is made.
public struct AuditListItem: Sendable, Equatable {
    public var entry: AuditEntry
    public var keyLabel: String
    public func summary(_ lang: Lang) -> String { AuditText.summary(entry, lang) }
}

/// A page of the audit trail, newest first. `before` of the next page is the last item's seq.
public struct AuditListPage: Sendable, Equatable {
    public var items: [AuditListItem]
    public var hasMore: Bool
}

/// One entry opened: the entry, its key as read, and its images compared field by field.
public struct AuditEntryDetail: Sendable, Equatable {
    public var item: AuditListItem
    public var diff: AuditDiff
}

/// Browsing the audit trail (auditors and administrators, `readAudit`): pages from the database by
/// keyset on `seq`, a count that never reads the trail, one entry with its before → after.
extension Session {
    /// Largest page a caller may ask for.
    public static let auditPageLimit = 10_000

    /// Up to `limit` entries matching `query` older than `before` (a seq; nil: from the newest).
    public func auditPage(_ query: AuditQuery, before: Int64? = nil, limit: Int = 50) throws -> AuditListPage {
        try require(.readAudit)
        try Paging.check(offset: 0, limit: limit)
        return try read(.readAudit) { r in
            let page = try r.auditPage(query, before: before, limit: limit)
            var years = ClaimYears(reader: r)
            return AuditListPage(items: try page.rows.map { AuditListItem(entry: $0, keyLabel: try years.label($0)) },
                                 hasMore: page.hasMore)
        }
    }

    /// How many entries match, capped (`AuditCount`): exact up to 10,000, then "10,000+", or
    /// unknown for a combined filter whose count would read too much.
    public func auditCount(_ query: AuditQuery) throws -> AuditCount {
        try read(.readAudit) { try $0.auditCount(query) }
    }

    /// The entry with sequence number `seq`, compared before → after.
    public func auditEntry(seq: Int64) throws -> AuditEntryDetail {
        try read(.readAudit) { r in
            guard let e = try r.auditEntry(seq: seq) else {
                throw DeskError.auditEntryNotFound(seq)
            }
            var years = ClaimYears(reader: r)
            return AuditEntryDetail(item: AuditListItem(entry: e, keyLabel: try years.label(e)),
                                    diff: AuditDiff(before: e.before, after: e.after))
        }
    }

    /// The sequence number a page continues after, as typed (`--after 1198204`, full-width or with
    /// thousands separators); a clear refusal otherwise.
    public static func auditSeq(_ typed: String) throws -> Int64 {
        let t = HalfWidth.ascii(typed.trimmedWhitespace()).replacingOccurrences(of: ",", with: "")
        guard !t.isEmpty, t.utf8.count <= 18, t.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int64(t), n >= 1 else {
            let s = UnsafeText.forDisplay(typed)
            throw DeskError.invalidInput("'\(s)' is not an audit entry's number; give the Seq on the last line of the previous page, e.g. 1198204",
                                         zh: "“\(s)”不是审计记录的序号；请给出上一页最后一行的序号，如 1198204")
        }
        return n
    }
}

/// A claim's number for its audit key (the trail keys claims by id): the year is read once per claim.
struct ClaimYears {
    let reader: StoreReader
    var known: [Int64: Int] = [:]
    init(reader: StoreReader) { self.reader = reader }

    mutating func label(_ e: AuditEntry) throws -> String {
        guard e.entity == "claim", let id = Int64(e.key), id > 0 else { return e.key }
        if let y = known[id] { return ClaimNumber.format(year: y, serial: Int(id)) }
        guard let c = try reader.claim(id: id) else { return e.key }
        known[id] = c.claimYear
        return ClaimNumber.format(year: c.claimYear, serial: Int(id))
    }
}
