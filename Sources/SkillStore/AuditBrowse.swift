import Foundation
import GRDB
import SkillCore
import SkillRecords

/// Browsing the audit trail: pages newest first by keyset on `seq`, never the whole trail
/// (docs/DECISIONS.md "Oversight (issue 13): the audit trail, readable").
///
/// A filter is answered by one or more *probes*, each an index read in `seq` order: the record's
/// history on `audit_entity (entity, key, seq)`; a user's entries on `audit_user (user, seq)`; an
/// action's on `audit_action (action, seq)`; else the primary key. An action prefix (`claim.*`) is
/// one probe per action under it, a key without an entity one per entity (both found by skipping
/// along the index, a handful of seeks), and the probes' pages are merged — `action IN (...) ORDER
/// BY seq` would make SQLite sort every matching row first. The time span becomes a range of
/// `seq` (binary search on the primary key within each run of non-decreasing `at`; the runs begin
/// at the entries `audit_clock_back` lists, where the clock went back), and `at` is still checked
/// on each row.
extension StoreReader {
    /// Up to `limit` entries matching `q` with `seq < before` (nil: from the newest), newest first.
    public func auditPage(_ q: AuditQuery, before: Int64?, limit: Int) throws -> Page<AuditEntry> {
        guard let plan = try auditPlan(q) else { return Page(rows: [], hasMore: false) }
        var hi = plan.hi
        if let before { hi = min(hi, before - 1) }
        guard hi >= plan.lo else { return Page(rows: [], hasMore: false) }
        var rows: [AuditEntry] = []
        for p in plan.probes {
            let sql = "SELECT * FROM audit WHERE \(p.drive) seq BETWEEN ? AND ?\(plan.checks) ORDER BY seq DESC LIMIT ?"
            let args = p.args + [plan.lo, hi] + plan.checkArgs + [limit + 1]
            rows += try Row.fetchAll(db.cachedStatement(sql: sql), arguments: args).map(AuditChain.entry)
        }
        if plan.probes.count > 1 { rows.sort { $0.seq > $1.seq } }
        return Page(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
    }

    /// How many entries match `q`, as far as a bounded read can tell: each probe reads at most
    /// `cap + 1` index entries of its own; when every probe ends within that, the count is exact;
    /// when `cap` matches were found it is "at least `cap`"; otherwise (a combined filter whose
    /// matches are sparse among many entries) it is unknown rather than slow.
    public func auditCount(_ q: AuditQuery, cap: Int = 10_000) throws -> AuditCount {
        guard let plan = try auditPlan(q) else { return .exact(0) }
        var matched = 0
        var exhausted = true
        let test = plan.checks.isEmpty ? "1" : "(" + String(plan.checks.dropFirst(5)) + ")"
        for p in plan.probes {
            let sql = """
                SELECT count(*), coalesce(sum(m), 0) FROM (SELECT \(test) AS m FROM audit
                WHERE \(p.drive) seq BETWEEN ? AND ? ORDER BY seq DESC LIMIT ?)
                """
            let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: plan.checkArgs + p.args + [plan.lo, plan.hi] + [cap + 1])
            let examined: Int = row?[0] ?? 0
            matched += row?[1] ?? 0
            if examined > cap { exhausted = false }
        }
        if exhausted { return .exact(matched) }
        return matched >= cap ? .atLeast(cap) : .unknown
    }

    /// One entry by its sequence number.
    public func auditEntry(seq: Int64) throws -> AuditEntry? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM audit WHERE seq = ?"), arguments: [seq]).map(AuditChain.entry)
    }

    // MARK: the plan

    struct AuditProbe {
        /// Equality conditions on an index prefix, each followed by " AND " (empty: the primary key).
        var drive: String
        var args: StatementArguments
    }

    struct AuditPlan {
        var probes: [AuditProbe]
        var lo: Int64
        var hi: Int64
        /// Row checks, each preceded by " AND ".
        var checks: String
        var checkArgs: StatementArguments
    }

    /// nil when nothing can match (an empty span or trail, a prefix no action has).
    func auditPlan(_ q: AuditQuery) throws -> AuditPlan? {
        guard let span = try auditSeqSpan(since: q.since, until: q.until) else { return nil }
        var checks = "", checkArgs = StatementArguments()
        func check(_ sql: String, _ args: StatementArguments) { checks += " AND " + sql; checkArgs += args }
        var probes: [AuditProbe] = []
        if let e = q.entity, let k = q.key {
            probes = [AuditProbe(drive: "entity = ? AND key = ? AND ", args: [e, k])]
            if let u = q.user { check("user = ?", [u]) }
            if let a = q.action { actionCheck(a, prefix: q.actionIsPrefix, check) }
        } else if let k = q.key {
            probes = try distinctValues("entity", prefix: nil).map {
                AuditProbe(drive: "entity = ? AND key = ? AND ", args: [$0, k])
            }
            if let u = q.user { check("user = ?", [u]) }
            if let a = q.action { actionCheck(a, prefix: q.actionIsPrefix, check) }
        } else if let u = q.user {
            probes = [AuditProbe(drive: "user = ? AND ", args: [u])]
            if let a = q.action { actionCheck(a, prefix: q.actionIsPrefix, check) }
            if let e = q.entity { check("entity = ?", [e]) }
        } else if let a = q.action {
            let actions = q.actionIsPrefix ? try distinctValues("action", prefix: a) : [a]
            probes = actions.map { AuditProbe(drive: "action = ? AND ", args: [$0]) }
            if let e = q.entity { check("entity = ?", [e]) }
        } else if let e = q.entity {
            probes = [AuditProbe(drive: "entity = ? AND ", args: [e])]
        } else {
            probes = [AuditProbe(drive: "", args: [])]
        }
        if probes.isEmpty { return nil }
        if let s = q.since { check("at >= ?", [s]) }
        if let u = q.until { check("at < ?", [u]) }
        return AuditPlan(probes: probes, lo: span.lowerBound, hi: span.upperBound, checks: checks, checkArgs: checkArgs)
    }

    private func actionCheck(_ a: String, prefix: Bool, _ check: (String, StatementArguments) -> Void) {
        if prefix { check("action >= ? AND action < ?", [a, Self.prefixEnd(a)]) } else { check("action = ?", [a]) }
    }

    /// The first string after every string starting with `prefix` (its last character raised by one).
    static func prefixEnd(_ prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        guard let last = scalars.popLast(), let next = Unicode.Scalar(last.value + 1) else { return prefix + "\u{10FFFF}" }
        return String(String.UnicodeScalarView(scalars)) + String(next)
    }

    /// The distinct values of an indexed column (under `prefix` if given), by seeking past each
    /// value in turn: one index seek per value, however many entries each has.
    func distinctValues(_ column: String, prefix: String?) throws -> [String] {
        var out: [String] = []
        let upper = prefix.map(Self.prefixEnd)
        var last: String? = nil
        let bound = upper == nil ? "" : " AND \(column) < ?"
        let first = try db.cachedStatement(sql: "SELECT \(column) FROM audit WHERE \(column) >= ?\(bound) ORDER BY \(column) LIMIT 1")
        let next = try db.cachedStatement(sql: "SELECT \(column) FROM audit WHERE \(column) > ?\(bound) ORDER BY \(column) LIMIT 1")
        while out.count < 10_000 {
            let args: StatementArguments
            if let last { args = upper.map { [last, $0] } ?? [last] } else { args = upper.map { [prefix ?? "", $0] } ?? [prefix ?? ""] }
            guard let v = try String.fetchOne(last == nil ? first : next, arguments: args) else { break }
            out.append(v)
            last = v
        }
        return out
    }

    /// The range of `seq` holding every entry with `since <= at < until` (nil when none can).
    /// `at` is not guaranteed to grow with `seq` (the clock may be set back); `audit_clock_back`
    /// lists each entry whose time is before its predecessor's, and within the runs between them the
    /// times never go back, so each run is binary-searched on the primary key. With very many runs
    /// (a clock that jumps about) the whole trail is the range and the row checks on `at` decide.
    func auditSeqSpan(since: String?, until: String?) throws -> ClosedRange<Int64>? {
        guard let bounds = try Row.fetchOne(db.cachedStatement(sql: "SELECT min(seq), max(seq) FROM audit")),
              let first: Int64 = bounds[0], let last: Int64 = bounds[1] else { return nil }
        if since == nil && until == nil { return first...last }
        let backs = try Int64.fetchAll(db.cachedStatement(sql: "SELECT seq FROM audit_clock_back WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT 1001"),
                                       arguments: [first, last])
        if backs.count > 1_000 { return first...last }
        let starts = [first] + backs
        var lo: Int64?, hi: Int64?
        for (i, s) in starts.enumerated() {
            let e = i + 1 < starts.count ? starts[i + 1] - 1 : last
            // the first entry of the run at or after `since`, and the last before `until`
            let a = try since.map { try firstSeq(in: s...e, atLeast: $0) } ?? s
            let b = try until.map { try firstSeq(in: s...e, atLeast: $0) - 1 } ?? e
            guard a <= b else { continue }
            lo = min(lo ?? a, a)
            hi = max(hi ?? b, b)
        }
        guard let lo, let hi else { return nil }
        return lo...hi
    }

    /// The smallest seq m in `run` from which on (within the run) every entry has `at >= time`;
    /// `run.upperBound + 1` when no entry of the run has. Assumes `at` does not go back in the run.
    private func firstSeq(in run: ClosedRange<Int64>, atLeast time: String) throws -> Int64 {
        let probe = try db.cachedStatement(sql: "SELECT seq, at FROM audit WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT 1")
        var lo = run.lowerBound, hi = run.upperBound + 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            // the first entry at or after mid decides; none left in the run counts as "late enough"
            if let row = try Row.fetchOne(probe, arguments: [mid, run.upperBound]) {
                let at: String = row[1]
                if at >= time { hi = mid } else { lo = (row[0] as Int64) + 1 }
            } else {
                hi = mid
            }
        }
        return lo
    }
}
