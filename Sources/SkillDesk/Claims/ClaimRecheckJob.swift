import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What re-evaluating every claim in a status found (`Session.recheckAll`, `claim recheck`).
public struct RecheckReport: Sendable {
    /// Who and what a listed claim is, from the stored claim the job read (so a screen can show
    /// its number — `ClaimNumber.format(year:serial:)` — name and kind without reading it again).
    public struct ClaimRef: Sendable, Equatable {
        public var year: Int
        /// The stored kind (`SubsidyKind` raw value).
        public var kind: String
        public var workerID: String
        /// The worker's name; empty when the worker is no longer on record.
        public var workerName: String
        public init(year: Int, kind: String, workerID: String, workerName: String) {
            self.year = year; self.kind = kind; self.workerID = workerID; self.workerName = workerName
        }
    }
    public struct Failing: Sendable, Equatable {
        public var id: Int64
        /// The rules that fail now (E…, P…), in the engine's order.
        public var rules: [String]
        public var ref: ClaimRef
    }
    public struct AmountChange: Sendable, Equatable {
        public var id: Int64
        public var storedFen: Int64
        public var nowFen: Int64
        public var ref: ClaimRef
    }
    public struct Refusal: Sendable {
        public var id: Int64
        public var error: DeskError
        public var ref: ClaimRef
    }
    public var status: ClaimStatus
    public var asOf: CalendarDate
    public var profile: String
    public var evaluated = 0
    public var eligible = 0
    /// Claims some rule fails for now (ascending id).
    public var failing: [Failing] = []
    /// Eligible claims whose amount now differs from the stored one (ascending id).
    public var amountChanged: [AmountChange] = []
    /// Claims that can no longer be evaluated (worker, class or certificate gone…), ascending id.
    public var refused: [Refusal] = []
    /// Batches run at once.
    public var readers = 1
    /// How long the job took (wall clock).
    public var seconds: Double = 0
}

extension Session {
    /// The re-evaluation job: every claim in `status` (default submitted, the supervisors' queue)
    /// evaluated again as of `asOf` (default today) under the active profile, verdicts only
    /// (`recheckClaims(… messages: false)`), in batches of `batch` claims read ahead with one
    /// query per table, `readers` batches at once on the pool's concurrent readers (default: one
    /// per processor, at most 4). Each batch is one read transaction (one consistent snapshot);
    /// nothing is written. `progress(done, total)` is called after each batch, from the job's
    /// threads.
    public func recheckAll(status: ClaimStatus = .submitted, asOf: CalendarDate? = nil, batch: Int = 1_000,
                           readers: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> RecheckReport {
        try require(.readClasses)
        let started = Date()
        let size = max(1, min(batch, 10_000))
        let day = asOf ?? desk.today()
        let (starts, total, profile) = try read(.readClasses) { r in
            let s = try r.claimBatchStarts(status: status, size: size)
            return (s.starts, s.count, try PolicySetting.profile(r, desk).name)
        }
        let threads = max(1, min(readers ?? min(ProcessInfo.processInfo.activeProcessorCount, 4), starts.count, 8))
        let results = RecheckResults(batches: starts.count)
        DispatchQueue.concurrentPerform(iterations: threads) { k in
            var i = k
            while i < starts.count, !results.stopped {
                do {
                    // Bounded by the next batch's start: a claim added meanwhile lands in one batch, never
                    // pushes another out of both. The last batch takes what is left (at most its size more).
                    let next = i + 1 < starts.count ? starts[i + 1] : nil
                    let rows = try recheckClaims(status: status, afterPosition: starts[i], through: next,
                                                 limit: next == nil ? 2 * size : 100_000, asOf: day,
                                                 prefetch: true, messages: false)
                    results.store(i, rows)
                    progress?(results.done, total)
                } catch {
                    results.fail(error)
                }
                i += threads
            }
        }
        if let e = results.error { throw e }
        var report = RecheckReport(status: status, asOf: day, profile: profile)
        report.readers = threads
        for rows in results.batches {
            for r in rows {
                report.evaluated += 1
                let c = r.claim
                switch r.result {
                case .success(let e):
                    let ref = RecheckReport.ClaimRef(year: c.claimYear, kind: c.kind.rawValue, workerID: c.workerID, workerName: e.workerName)
                    if e.eligible {
                        report.eligible += 1
                        if e.amountFen != c.amountFen {
                            report.amountChanged.append(.init(id: c.id, storedFen: c.amountFen, nowFen: e.amountFen, ref: ref))
                        }
                    } else {
                        report.failing.append(.init(id: c.id, rules: e.evaluation.failures.map(\.rule), ref: ref))
                    }
                case .failure(let error):
                    report.refused.append(.init(id: c.id, error: error,
                                                ref: .init(year: c.claimYear, kind: c.kind.rawValue, workerID: c.workerID, workerName: "")))
                }
            }
        }
        // The evaluation names the worker; a claim that could not be evaluated is looked up (one
        // read for all of them; a worker no longer on record stays unnamed).
        if !report.refused.isEmpty {
            let names = try read(.readClasses) { try $0.workerNames(ids: Array(Set(report.refused.map(\.ref.workerID)))) }
            for i in report.refused.indices { report.refused[i].ref.workerName = names[report.refused[i].ref.workerID] ?? "" }
        }
        report.failing.sort { $0.id < $1.id }
        report.amountChanged.sort { $0.id < $1.id }
        report.refused.sort { $0.id < $1.id }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}

/// The job's batches as they come back from its threads (a lock around plain arrays).
private final class RecheckResults: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [[ClaimRecheck]]
    private var count = 0
    private var firstError: Error?

    init(batches: Int) { rows = Array(repeating: [], count: batches) }

    func store(_ i: Int, _ r: [ClaimRecheck]) { lock.withLock { rows[i] = r; count += r.count } }
    func fail(_ e: Error) { lock.withLock { if firstError == nil { firstError = e } } }
    var done: Int { lock.withLock { count } }
    var stopped: Bool { lock.withLock { firstError != nil } }
    var error: Error? { lock.withLock { firstError } }
    var batches: [[ClaimRecheck]] { lock.withLock { rows } }
}
