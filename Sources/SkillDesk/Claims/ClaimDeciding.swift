import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// Deciding on claims (supervisors): approve, return, reject, alone or in a batch; claw back and recover.
extension Session {
    // MARK: deciding (supervisors)

    /// Approves a submitted claim (supervisors; never one who prepared, submitted or objected to it) and puts it on the
    /// public notice in the same transaction: reserves the amount in the fund account of the
    /// business date's year — of `source`, or else the first source (in `FundSource` order) whose
    /// balance covers it — then approved → on notice for the profile's working days on the
    /// database's calendar. Audited `claim.approve` and `claim.publish_notice`.
    @discardableResult
    public func approveClaim(_ id: Int64, note: String? = nil, source: FundSource? = nil) throws -> ClaimRow {
        try require(.decideClaims)
        let now = desk.clock(), today = desk.today()
        return try write(.decideClaims) { w in
            let c = try loadClaim(w, id)
            let t = try transition(w, c, .approve, reason: note, code: nil)
            return try approve(w, c, t, source: source, notice: try noticePeriod(w, from: today), now: now)
        }
    }

    /// The public notice that an approval on `day` puts up: the active profile's working days
    /// counted on the database's calendar. A batch approval counts it once.
    private func noticePeriod(_ r: StoreReader, from day: CalendarDate) throws -> NoticePeriod {
        let profile = try PolicySetting.profile(r, desk)
        let calendar = WorkingCalendar(entries: try r.calendarEntries())
        guard let period = NoticePeriod(publishedOn: day, workingDays: profile.noticeWorkingDays.value, calendar: calendar) else {
            throw DeskError.wrongState("no notice period could be counted from \(day)", zh: "无法从 \(day) 起计算公示期")
        }
        return period
    }

    /// Approves `c` (already loaded in this transaction, its step `t` checked) and publishes it:
    /// one claim update, the reservation, and two audit rows (`claim.approve`, then
    /// `claim.publish_notice` from the approved snapshot).
    private func approve(_ w: StoreWriter, _ loaded: ClaimRow, _ t: ClaimTransition, source: FundSource?,
                         notice: NoticePeriod, now: Date) throws -> ClaimRow {
        var c = loaded
        try checkMaker(w, c)
        let before = ClaimSnapshot.json(c)
        // The account: the given source, or the first of the year with enough balance.
        let year = notice.publishedOn.year
        var accounts = try w.storedFundAccounts(year: year)
        if let source { accounts = accounts.filter { $0.account.source == source } }
        guard !accounts.isEmpty else {
            let what = source.map { "\($0.label(.en)) " } ?? ""
            throw DeskError.wrongState(
                "no \(what)fund account is allocated for \(year): an administrator must allocate one (fund allocate) before claims are approved; nothing was changed",
                zh: "\(year) 年尚未拨付\(source.map { "“\($0.label(.zh))”" } ?? "")专账资金：请管理员先拨款（fund allocate）再审批；未作改动")
        }
        guard var stored = accounts.first(where: { $0.account.balanceFen >= c.amountFen }) else {
            let best = accounts.map(\.account).max { $0.balanceFen < $1.balanceFen }!
            throw DeskError.fund(.insufficientBalance(year: year, source: best.source, balanceFen: best.balanceFen, amountFen: c.amountFen))
        }
        if c.amountFen > 0 {
            try stored.account.deskApply(.reserve, c.amountFen)
            try w.saveFund(stored)
        }
        let account = stored.account
        c.status = t.to
        c.decidedAt = Timestamp.utc(now)
        c.decidedBy = user
        c.decisionNote = t.reason
        c.fundYear = year
        c.fundSource = account.source
        // The approval's image carries the seal of what was approved: money moves later only for a
        // row that still matches it (`SealCheck`).
        let approved = ClaimSnapshot.json(c, sealed: c.seal)
        // Published at once: the notice list is the live list of claims on notice.
        let p = try ClaimWorkflow.apply(.publishNotice, to: t.to)
        c.status = p.to
        c.noticePublishedOn = notice.publishedOn.description
        c.noticeEndOn = notice.end.description
        guard try w.saveClaim(c, at: now) else { throw DeskError.editConflict("claim \(c.number)") }
        c.version += 1
        let key = String(c.id)
        try w.audit(at: now, user: user, action: "claim." + ClaimAction.approve.rawValue, entity: "claim", key: key,
                    before: before, after: approved)
        try w.audit(at: now, user: user, action: "claim." + p.action.rawValue, entity: "claim", key: key,
                    before: approved, after: ClaimSnapshot.json(c))
        return c
    }

    /// Returns a submitted claim to its clerk for correction (supervisors; reason required).
    @discardableResult
    public func returnClaim(_ id: Int64, reason: String) throws -> ClaimRow {
        try require(.decideClaims)
        let now = desk.clock()
        return try write(.decideClaims) { w in
            var c = try loadClaim(w, id)
            let t = try transition(w, c, .returnForCorrection, reason: reason, code: nil)
            try checkMaker(w, c)
            let before = ClaimSnapshot.json(c)
            c.status = t.to
            c.reason = t.reason
            c.decidedAt = Timestamp.utc(now)
            c.decidedBy = user
            return try save(w, c, action: t.action, before: before, now: now)
        }
    }

    /// Rejects a submitted claim (supervisors; code and reason required; final).
    @discardableResult
    public func rejectClaim(_ id: Int64, code: RejectReason, reason: String) throws -> ClaimRow {
        try require(.decideClaims)
        let now = desk.clock()
        return try write(.decideClaims) { w in try reject(w, id, code: code, reason: reason, now: now) }
    }

    private func reject(_ w: StoreWriter, _ id: Int64, code: RejectReason, reason: String, now: Date) throws -> ClaimRow {
        var c = try loadClaim(w, id)
        let t = try transition(w, c, .reject, reason: reason, code: code)
        try checkMaker(w, c)
        let before = ClaimSnapshot.json(c)
        c.status = t.to
        c.reason = t.reason
        c.rejectCode = code.rawValue
        c.decidedAt = Timestamp.utc(now)
        c.decidedBy = user
        return try save(w, c, action: t.action, before: before, now: now)
    }

    /// Approves many claims. A claim with any warning — stored at submission, or W5 because its
    /// evidence was marked changed since (the database's triggers mark every kind of evidence;
    /// docs/DECISIONS.md "W5 marks") — is skipped: it must be opened and approved alone. Every
    /// other refusal (state, maker-checker, fund) is reported per claim too. Each claim is all or
    /// nothing (see `decideEach`); the notice period is counted once per business date.
    public func approveClaims(_ ids: [Int64], note: String? = nil, source: FundSource? = nil) throws -> BatchDecision {
        try require(.decideClaims)
        var notice: NoticePeriod?
        return try decideEach(ids) { w, id, now, today in
            let c = try loadClaim(w, id)
            let t = try transition(w, c, .approve, reason: note, code: nil)
            if c.warningCount > 0 || c.evidenceChanged {
                let n = c.warningCount + (c.evidenceChanged ? 1 : 0)
                throw BatchSkip(reason: SkipReason(zh: "申请 \(c.number) 有 \(n) 个警示：不批量批准，请打开单独审核",
                                                   en: "claim \(c.number) has \(n) warning(s); open it to approve it alone",
                                                   warned: true))
            }
            if notice?.publishedOn != today { notice = try noticePeriod(w, from: today) }
            _ = try approve(w, c, t, source: source, notice: notice!, now: now)
        }
    }

    /// Rejects many claims with one code and reason; refusals are reported.
    public func rejectClaims(_ ids: [Int64], code: RejectReason, reason: String) throws -> BatchDecision {
        try require(.decideClaims)
        return try decideEach(ids) { w, id, now, _ in _ = try reject(w, id, code: code, reason: reason, now: now) }
    }

    /// Claims decided per transaction in a batch: the write lock is held for one chunk (tens of
    /// milliseconds), not the whole batch, and a commit is shared by the chunk's claims.
    public static let batchChunk = 50

    /// Runs `step` for each claim in its own savepoint, `batchChunk` claims to a transaction: a
    /// claim is decided whole (state, reservation, audit rows) or not at all — a refusal rolls back
    /// its savepoint only, and a crash loses at most the uncommitted chunk, each claim of which is
    /// then untouched. A refusal (`BatchSkip`, or a DeskError other than a missing permission) is
    /// reported for that claim and the batch goes on.
    private func decideEach(_ ids: [Int64], _ step: (StoreWriter, Int64, Date, CalendarDate) throws -> Void) throws -> BatchDecision {
        var out = BatchDecision(done: [], skipped: [])
        // The claims indexes a decision rewrites (six on status) do not fit SQLite's default 2 MB
        // cache at city scale: with 32 MiB for the batch its chunks reuse the pages they read.
        if ids.count > Self.batchChunk {
            try write(.decideClaims) { try $0.setCacheSize(kibibytes: 32_768) }
        }
        defer {
            if ids.count > Self.batchChunk {
                _ = desk.logger.attempt("restoring the cache size after a batch", level: .debug) {
                    try write(.decideClaims) { try $0.setCacheSize(kibibytes: 2_000) }
                }
            }
        }
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(start + Self.batchChunk, ids.count)]
            start += chunk.count
            let now = desk.clock(), today = desk.today()
            let part = try write(.decideClaims) { w in
                var part = BatchDecision(done: [], skipped: [])
                for id in chunk {
                    do {
                        try w.savepoint { try step(w, id, now, today) }
                        part.done.append(id)
                        if desk.batchStepPauseMicroseconds > 0 { usleep(desk.batchStepPauseMicroseconds) }
                    } catch let s as BatchSkip {
                        part.skipped.append((id, s.reason))
                    } catch let e as DeskError {
                        if case .notPermitted = e { throw e }
                        part.skipped.append((id, SkipReason(e)))
                    }
                    if let c = try w.claim(id: id) { part.numbers[id] = c.number }
                }
                return part
            }
            out.done += part.done
            out.skipped += part.skipped
            out.numbers.merge(part.numbers) { a, _ in a }
        }
        return out
    }

    /// Claws back a paid claim (supervisors; reason required): the amount becomes due in its fund
    /// account (the balance changes only when it is recovered).
    @discardableResult
    public func clawbackClaim(_ id: Int64, reason: String) throws -> ClaimRow {
        try require(.decideClaims)
        let now = desk.clock()
        return try write(.decideClaims) { w in
            var c = try loadClaim(w, id)
            let t = try transition(w, c, .clawback, reason: reason, code: nil)
            let before = ClaimSnapshot.json(c)
            try moveFund(w, c, .recordClawback)
            c.status = t.to
            c.reason = t.reason
            c.clawbackDueFen = c.amountFen
            return try save(w, c, action: t.action, before: before, now: now)
        }
    }

    /// Records money clawed back coming in (finance). `amountFen` nil = all that is still due, which
    /// completes the recovery (clawback → recovered); less is a partial recovery (`claim.recover_part`,
    /// no status change).
    @discardableResult
    public func recoverClaim(_ id: Int64, amountFen: Int64? = nil, note: String? = nil) throws -> ClaimRow {
        try require(.payClaims)
        let now = desk.clock()
        return try write(.payClaims) { w in
            var c = try loadClaim(w, id)
            guard let open = ClaimClawback.stillDueFen(clawedBackFen: c.clawbackDueFen, recoveredFen: c.recoveredFen) else {
                throw DeskError.money(.sumOverflow(what: "claim \(c.number)'s clawback", whatZh: "申请 \(c.number) 的追回金额"))
            }
            let amount = amountFen ?? open
            let complete = amount == open
            var to = c.status
            if complete {
                to = try transition(w, c, .recover, reason: note, code: nil).to
            } else if c.status != .clawback {
                throw DeskError.workflow(.notAllowed(c.status, .recover))
            }
            // The fund account only knows what is due over all its claims: this claim's own due
            // bounds what may be recorded against it.
            switch ClaimClawback.recoveryProblem(amountFen: amount, stillDueFen: open) {
            case nil: break
            case .notPositive?:
                throw DeskError.invalidInput("the amount recovered must be more than ¥0.00", zh: "追回金额须大于 ¥0.00")
            case .moreThanDue?:
                throw DeskError.invalidInput("\(Money.format(fen: amount)) is more than the \(Money.format(fen: open)) still due on claim \(c.number)",
                                             zh: "\(Money.format(fen: amount)) 超过申请 \(c.number) 尚未追回的 \(Money.format(fen: open))")
            }
            let before = ClaimSnapshot.json(c)
            guard let y = c.fundYear, let s = c.fundSource,
                  var stored = try w.storedFundAccount(year: y, source: s) else { throw DeskError.claimNotFound(id) }
            try stored.account.deskApply(.recover, amount)
            try w.saveFund(stored)
            c.recoveredFen += amount
            c.status = to
            return try save(w, c, action: complete ? .recover : nil, before: before, now: now,
                            actionName: complete ? nil : "claim.recover_part")
        }
    }

}
