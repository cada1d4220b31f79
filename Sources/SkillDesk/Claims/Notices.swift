import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// One line of the public notice list (公示): masked as published.
public struct NoticeEntry: Sendable, Equatable {
    public var claimID: Int64
    public var claimNumber: String
    public var maskedName: String
    public var maskedID: String
    public var kind: SubsidyKind?
    public var amountFen: Int64
    public var publishedOn: String
    public var endsOn: String
    /// Working days of the notice still to run, today included when it is a working day (0 once
    /// the end has passed), counted on the database's calendar.
    public var workingDaysLeft: Int = 0
}

/// One row of the supervisor's queue.
public struct ClaimQueueItem: Sendable, Equatable {
    public var id: Int64
    /// Whole days since submission (business date − submission day).
    public var ageDays: Int
    public var workerID: String
    public var workerName: String
    public var kind: SubsidyKind?
    public var amountFen: Int64
    public var warningCount: Int
    public var institution: String?
    public var preparedBy: String
    public var submittedAt: String?
    /// The claim's year (for its number, `ClaimNumber.format`).
    public var claimYear: Int = 0
    /// Its status (a search lists every status).
    public var status: ClaimStatus = .submitted

    /// `SD-2026-000123`.
    public var number: String { ClaimNumber.format(year: claimYear, serial: Int(id)) }
}

public struct ClaimQueuePage: Sendable {
    public var items: [ClaimQueueItem]
    public var hasMore: Bool
}

extension Session {
    /// Moves every claim whose notice ended before the business date to payable, each audited
    /// `claim.end_notice` (user `system`). Idempotent; run lazily at the start of the queue, the
    /// notice list and payments, in its own write transaction. Returns how many moved.
    @discardableResult
    public func sweepNotices() throws -> Int {
        // With triggers or indexes missing, writes wait for `repair`; the lists that sweep first
        // still read (the claims stay on notice until then).
        if !desk.store.schemaProblems.isEmpty { return 0 }
        let now = desk.clock(), today = desk.today().description
        var moved = 0
        while true {
            let n = try writeAsSystem(because: "the notice sweep is the program's upkeep, audited as system") { w -> Int in
                let due = try w.claimsWithNoticeEnded(before: today, limit: 500)
                for var c in due {
                    let t = try ClaimWorkflow.apply(.endNotice, to: .onNotice)
                    let before = ClaimSnapshot.json(c)
                    c.status = t.to
                    _ = try save(w, c, action: .endNotice, before: before, now: now, auditUser: "system")
                }
                return due.count
            }
            moved += n
            if n < 500 { return moved }
        }
    }

    /// The supervisor's queue (default: submitted claims), oldest submission first, one indexed query.
    /// A user who may not read every claim (a clerk) sees only the claims they prepared.
    public func claimQueue(_ filter: ClaimQueueFilter = ClaimQueueFilter(), offset: Int = 0, limit: Int = 50) throws -> ClaimQueuePage {
        try require(.readClasses)
        var filter = filter
        filter.preparedBy = claimListPreparer(filter.preparedBy)
        try Paging.check(offset: offset, limit: limit)
        try sweepNotices()
        let today = desk.today()
        let (page, calendar) = try read(.readClasses) {
            (try $0.claimQueue(filter, offset: offset, limit: limit), WorkingCalendar(entries: try $0.calendarEntries()))
        }
        return ClaimQueuePage(items: page.rows.map { q in
            Self.queueItem(q.claim, workerName: q.workerName, today: today, calendar: calendar)
        }, hasMore: page.hasMore)
    }

    /// How long a claim has waited, in working days after the business day it was submitted on up to
    /// the business date (issue 12: not the real clock's days, which run on while `SKILLDESK_TODAY`
    /// moves the business date); 0 on the day itself. A claim submitted before v11 has no business
    /// date recorded and counts from its `submitted_at` day.
    static func waitingDays(_ c: ClaimRow, today: CalendarDate, calendar: WorkingCalendar) -> Int {
        guard let day = c.submittedOn.flatMap({ CalendarDate(iso: $0) })
                ?? c.submittedAt.flatMap({ CalendarDate(iso: String($0.prefix(10))) }),
              day < today else { return 0 }
        return calendar.workingDays(from: day.adding(days: 1), to: today)
    }

    /// How many claims match `filter` and their total (home screen: queue size, payable total).
    /// Sweeps ended notices first, as the queue does, so the payable count is today's.
    public func claimQueueTotals(_ filter: ClaimQueueFilter = ClaimQueueFilter()) throws -> (count: Int, totalFen: Int64) {
        try require(.readClasses)
        var filter = filter
        filter.preparedBy = claimListPreparer(filter.preparedBy)
        try sweepNotices()
        return try read(.readClasses) { try $0.claimQueueTotals(filter) }
    }

    /// The public notice list (every role): names and IDs masked with `PublicMask`.
    public func noticeList(limit: Int = 1_000) throws -> [NoticeEntry] {
        try require(.readClasses)
        try sweepNotices()
        let today = desk.today()
        return try read(.readClasses) { r in
            let calendar = WorkingCalendar(entries: try r.calendarEntries())
            return try r.claimsOnNotice(limit: max(1, min(limit, 100_000))).map { q in
                let c = q.claim
                let left = c.noticeEndOn.flatMap { CalendarDate(iso: $0) }.map { calendar.workingDays(from: today, to: $0) } ?? 0
                return NoticeEntry(claimID: c.id, claimNumber: ClaimNumber.format(year: c.claimYear, serial: Int(c.id)),
                                   maskedName: PublicMask.name(q.workerName), maskedID: PublicMask.residentID(c.workerID),
                                   kind: c.kind, amountFen: c.amountFen,
                                   publishedOn: c.noticePublishedOn ?? "", endsOn: c.noticeEndOn ?? "", workingDaysLeft: left)
            }
        }
    }
}

extension Session {
    /// The working-day calendar as the database has it (seeded from the shipped file).
    public func calendarEntries() throws -> [CalendarEntry] {
        return try read(.readClasses) { try $0.calendarEntries() }
    }

    /// Sets a day (administrators): a holiday, or a working day on a weekend (调休); kind nil
    /// removes the entry (the day counts as its weekday says). Audited `calendar.set` with
    /// before/after. Notices already published keep their end date.
    public func setCalendarDay(_ date: CalendarDate, kind: CalendarDayKind?, name: String = "") throws {
        try require(.manageCalendar)
        guard date.isSupported else {
            let m = CalendarDate.unsupportedMessage(date, en: "day", zh: "日期")
            throw DeskError.invalidInput(m.en, zh: m.zh)
        }
        let clean = UnsafeText.sanitise(name)
        if clean.count > HolidayFile.maxNameLength {
            throw DeskError.invalidInput("the name is at most \(HolidayFile.maxNameLength) characters", zh: "名称最多 \(HolidayFile.maxNameLength) 个字")
        }
        if kind == .workday && date.weekday < 6 {
            throw DeskError.invalidInput("\(date) is a weekday: only a Saturday or Sunday can be made a working day",
                                         zh: "\(date) 本来就是工作日：只有周六或周日可以设为调休上班")
        }
        let now = desk.clock()
        try write(.manageCalendar) { w in
            let old = try w.calendarEntries().first { $0.date == date }
            try w.setCalendarDay(date.description, kind: kind, name: clean)
            func json(_ k: CalendarDayKind?, _ n: String) -> String? {
                k.map { CatalogueJSON.encode(["date": date.description, "kind": $0.rawValue, "name": n]) }
            }
            try w.audit(at: now, user: user, action: "calendar.set", entity: "calendar", key: date.description,
                        before: json(old?.kind, old?.name ?? ""), after: json(kind, clean))
        }
    }
}
