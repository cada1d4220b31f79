import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A page of a claim search, and where the next one starts (keyset: `next` is the last row's key).
public struct ClaimSearchPage: Sendable {
    public var items: [ClaimQueueItem]
    public var hasMore: Bool
    public var next: ClaimSearchKey?
}

extension Session {
    /// The preparer a claim list is limited to: nil for a user who reads every claim (supervisors,
    /// finance, auditors: `readAllClaims`), else the user (a clerk sees only their own claims, in
    /// every status). The one place this rule lives: the queue, the search and their totals ask it.
    func claimListPreparer(_ asked: String?) -> String? {
        can(.readAllClaims) ? asked : user
    }

    /// One page of a `/` search on the claim lists (issue 12): by number (`SD-2026-000123`) or its
    /// serial, a worker's name (any part of it) or resident-ID prefix (`ClaimSearchTerm.parse`), in
    /// one status or all of them (`status` nil). A clerk finds only the claims they prepared.
    public func claimSearch(_ term: ClaimSearchTerm, status: ClaimStatus? = nil, after: ClaimSearchKey? = nil,
                            limit: Int = 50) throws -> ClaimSearchPage {
        try require(.readClasses)
        try Paging.check(offset: 0, limit: limit)
        try sweepNotices()
        let filter = ClaimSearchFilter(term: term, status: status, preparedBy: claimListPreparer(nil))
        let today = desk.today()
        let (page, calendar) = try read(.readClasses) {
            (try $0.claimSearch(filter, after: after, limit: limit), WorkingCalendar(entries: try $0.calendarEntries()))
        }
        return ClaimSearchPage(items: page.rows.map { r in
            Self.queueItem(r.claim, workerName: r.workerName, today: today, calendar: calendar)
        }, hasMore: page.hasMore, next: page.rows.last?.key)
    }

    /// A claim list's row for a stored claim.
    static func queueItem(_ c: ClaimRow, workerName: String, today: CalendarDate, calendar: WorkingCalendar) -> ClaimQueueItem {
        ClaimQueueItem(id: c.id, ageDays: waitingDays(c, today: today, calendar: calendar), workerID: c.workerID,
                       workerName: workerName, kind: c.kind, amountFen: c.amountFen,
                       warningCount: c.queueWarnings, institution: c.institution, preparedBy: c.preparedBy,
                       submittedAt: c.submittedAt, claimYear: c.claimYear, status: c.status)
    }

    /// The id of the claim `ref` names: a bare serial as it is, a number (`SD-2026-000123`) only when
    /// a claim with that serial exists in that year — else `claimNotFound` naming the number as given.
    public func claimID(_ ref: ClaimRef) throws -> Int64 {
        guard let year = ref.year else { return ref.id }
        let stored = try read(.readClasses) { try $0.claim(id: ref.id)?.claimYear }
        guard stored == year else { throw DeskError.claimNumberNotFound(ref.description) }
        return ref.id
    }
}
