import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// Keyset paging for the command line's long lists: a page ends with the key of its last row, and
/// the next page starts after it on the list's index — as fast on page 20,000 as on page 1, and no
/// row is skipped or shown twice when rows are added meanwhile (an OFFSET counts rows again and
/// shifts when one is added). `--offset` stays for a quick look (docs/DECISIONS.md "A working day
/// (issue 12): paging and CSV exports").
extension Session {
    /// A page of workers for a search text after the worker with resident ID `after` (the last one
    /// of the previous page of the same search).
    public func searchWorkers(_ text: String, after: String, limit: Int = 50) throws -> Page<WorkerRow> {
        try require(.readWorkers)
        try Paging.check(offset: 0, limit: limit)
        let key = HalfWidth.ascii(after.trimmedWhitespace()).uppercased()
        return try read(.readWorkers) { r in
            guard let last = try r.worker(id: key) else { throw ListKeyError.noWorker(key).desk }
            var rows: [WorkerRow] = []
            try r.eachWorker(matching: text, after: last, limit: limit + 1) { rows.append($0); return true }
            return Page(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
        }
    }

    /// A page of the claim queue after the claim `after` (its number `SD-2026-000123` or its id),
    /// the last one of the previous page of the same filter.
    public func claimQueue(_ filter: ClaimQueueFilter, after: String, limit: Int = 50) throws -> ClaimQueuePage {
        try require(.readClasses)
        try Paging.check(offset: 0, limit: limit)
        guard let id = ListKey.claimID(after) else { throw ListKeyError.notAClaimNumber(after).desk }
        try sweepNotices()
        let today = desk.today()
        let (rows, calendar) = try read(.readClasses) { r -> ([ClaimQueueRow], WorkingCalendar) in
            guard let last = try r.claim(id: id) else { throw ListKeyError.noClaim(id).desk }
            let number = ClaimNumber.format(year: last.claimYear, serial: Int(last.id))
            guard last.status == filter.status else { throw ListKeyError.claimNotInList(number, status: last.status).desk }
            var rows: [ClaimQueueRow] = []
            try r.eachQueueClaim(filter, after: last, limit: limit + 1) { rows.append($0); return true }
            return (rows, WorkingCalendar(entries: try r.calendarEntries()))
        }
        return ClaimQueuePage(items: rows.prefix(limit).map { Self.queueItem($0, today: today, calendar: calendar) },
                              hasMore: rows.count > limit)
    }

    static func queueItem(_ q: ClaimQueueRow, today: CalendarDate, calendar: WorkingCalendar) -> ClaimQueueItem {
        let c = q.claim
        return ClaimQueueItem(id: c.id, ageDays: waitingDays(c, today: today, calendar: calendar), workerID: c.workerID,
                              workerName: q.workerName, kind: c.kind, amountFen: c.amountFen,
                              warningCount: c.queueWarnings, institution: c.institution, preparedBy: c.preparedBy,
                              submittedAt: c.submittedAt, claimYear: c.claimYear)
    }
}

/// The keys of the paged lists.
public enum ListKey {
    /// A claim's id from its number (`SD-2026-000123`, any case) or the bare id (`123`); full-width
    /// digits are read as ASCII. nil for anything else.
    public static func claimID(_ typed: String) -> Int64? {
        let t = HalfWidth.ascii(typed.trimmedWhitespace())
        if let n = ClaimNumber.parse(t) { return Int64(n.serial) }
        let digits = t.hasPrefix("#") ? String(t.dropFirst()) : t
        guard !digits.isEmpty, digits.utf8.count <= 12, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let id = Int64(digits), id >= 1 else { return nil }
        return id
    }
}

/// A key to continue a list after that does not name a row of it. Nothing is read further.
/// Thrown as `DeskError.invalidInput` (exit 65) through `desk`.
public enum ListKeyError: Error, Sendable, Equatable, UserMessage {
    case noWorker(String)
    case notAClaimNumber(String)
    case noClaim(Int64)
    case claimNotInList(String, status: ClaimStatus)

    var desk: DeskError { .invalidInput(message(.en), zh: message(.zh)) }

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch self {
        case let .noWorker(id):
            return zh ? "没有身份证号为 \(id) 的劳动者，无法从其后接着列出；请给出上一页最后一行的身份证号"
                : "no worker has resident ID \(id), so the list cannot continue after it; give the resident ID on the last line of the previous page"
        case let .notAClaimNumber(s):
            let shown = UnsafeText.forDisplay(s)
            return zh ? "“\(shown)”不是申请编号；请给出上一页最后一行的编号，如 SD-2026-000123"
                : "\"\(shown)\" is not a claim number; give the number on the last line of the previous page, e.g. SD-2026-000123"
        case let .noClaim(id):
            let serial = String(ClaimNumber.format(year: 0, serial: Int(id)).dropFirst(5))
            return zh ? "没有编号为 SD-年份-\(serial) 的申请；请给出上一页最后一行的编号"
                : "no claim numbered SD-YYYY-\(serial) exists; give the number on the last line of the previous page"
        case let .claimNotInList(number, status):
            return zh ? "申请 \(number) 的状态是“\(status.label(.zh))”，不在这个列表中；请给出上一页最后一行的编号（状态要与 --status 相同）"
                : "claim \(number) is \(status.label(.en)), not in this list; give the number on the last line of the previous page (of the same --status)"
        }
    }
}
