import Foundation
import SkillCore

/// A `/` search on a claim list (issue 12), as the store runs it: the term, and the conditions every
/// row must also meet. A value, so the list screen, the CLI and an export can hand the same search
/// to the store (`StoreReader.claimSearch`) page after page.
public struct ClaimSearchFilter: Equatable, Sendable {
    public var term: ClaimSearchTerm
    /// One status, or nil for every status.
    public var status: ClaimStatus?
    /// Only claims this user prepared (a clerk's own; the use case sets it for a user who may not
    /// read every claim).
    public var preparedBy: String?

    public init(term: ClaimSearchTerm, status: ClaimStatus? = nil, preparedBy: String? = nil) {
        self.term = term; self.status = status; self.preparedBy = preparedBy
    }
}

/// Where the next page of a claim search starts: the last row of the page before (keyset paging,
/// so page 1,000 costs what page 1 does). Name searches run newest worker first (the worker's
/// rowid, descending), ID-prefix searches in ID order; within a worker, by year and id.
public struct ClaimSearchKey: Equatable, Sendable {
    public var workerRowid: Int64
    public var workerID: String
    public var claimYear: Int
    public var claimID: Int64

    public init(workerRowid: Int64, workerID: String, claimYear: Int, claimID: Int64) {
        self.workerRowid = workerRowid; self.workerID = workerID; self.claimYear = claimYear; self.claimID = claimID
    }
}

/// One row of a claim search: the claim with its worker's name, and the key a next page starts after.
public struct ClaimSearchRow: Equatable, Sendable {
    public var claim: ClaimRow
    public var workerName: String
    public var key: ClaimSearchKey

    public init(claim: ClaimRow, workerName: String, key: ClaimSearchKey) {
        self.claim = claim; self.workerName = workerName; self.key = key
    }
}

extension ClaimRow {
    /// `SD-2026-000123`: how every message names a claim (issue 12: never `claim 4`).
    public var number: String { ClaimNumber.format(year: claimYear, serial: Int(id)) }
}
