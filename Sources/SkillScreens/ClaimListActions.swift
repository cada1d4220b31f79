import SkillCore
import SkillDesk
import TermUI

/// The claim list's actions: the re-check, the overlays' keys, the option column (approve, reject,
/// view) and moving to the next view.
extension ClaimListScreen {
    /// F10: how many claims, under which profile, as of which day — then one confirmation.
    func askRecheck(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        let status = filter.status
        do {
            let count = try s.claimQueueTotals(ClaimQueueFilter(status: status)).count
            guard count > 0 else { return [.message(lang.format(.recheckNothing, status.label(lang)), .warning)] }
            let profile = try s.activePolicy()
            overlay = .recheck(Dialog(title: lang[.recheckTitle],
                                      message: [lang.format(.recheckConfirm, count, status.label(lang)),
                                                lang.format(.recheckConfirmBasis, profile.name, ctx.desk.today().description),
                                                lang[.recheckReadOnly]],
                                      buttons: [lang[.recheckButton], lang[.keyCancel]], focusedButton: 0), status)
            return []
        } catch {
            return [.message(describe(error, lang), .error)]
        }
    }

    /// The re-evaluation, run by the run loop after the frame saying it runs (`Effect.work`);
    /// it reports each batch's progress.
    func recheck(_ st: ClaimStatus, _ ctx: ScreenContext, _ progress: WorkProgress) -> [Effect] {
        guard let s = ctx.session else { return [] }
        do {
            let report = try s.recheckAll(status: st, progress: { done, total in progress.report(done: done, total: total) })
            return [.push(RecheckResultScreen(report: report, ctx: ctx))]
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    /// Keys while a list, prompt or dialog is open; nil when none is.
    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        guard let open = overlay else { return nil }
        switch open {
        case .search, .status:
            return handleSearchModal(key, ctx)
        case var .recheck(d, st):
            switch d.handle(key) {
            case .none: overlay = .recheck(d, st)
            case .cancelled, .button(1): overlay = nil; return [.message(lang[.recheckCancelled], .warning)]
            case .button:
                overlay = nil
                guard let s = ctx.session else { return [] }
                // The count may have moved since the question; the title says what the job will read.
                let count = screenLog.attempt("counting claims to re-check") { try s.claimQueueTotals(ClaimQueueFilter(status: st)).count } ?? 0
                return [.work(Work(title: lang.format(.recheckRunning, count, st.label(lang))) { [self] progress in
                    recheck(st, ctx, progress)
                })]
            }
        case var .institutionLookup(l):
            switch l.handle(key) {
            case .none: overlay = .institutionLookup(l)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                overlay = nil
                filter.institution = codes.first
                refilter()
            }
        case var .kinds(l):
            switch l.handle(key) {
            case .none: overlay = .kinds(l)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                overlay = nil
                filter.kind = codes.first.flatMap { SubsidyKind(rawValue: $0) }
                refilter()
            }
        case var .minAmount(p):
            switch p.handle(key) {
            case .none: overlay = .minAmount(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                if text.isEmpty { filter.minAmountFen = nil; overlay = nil; refilter(); return [] }
                guard let fen = Money.parse(yuan: text) else { p.problem = lang[.minAmountInvalid]; overlay = .minAmount(p); return [] }
                filter.minAmountFen = fen
                overlay = nil
                refilter()
            }
        case var .institution(p):
            if key == .function(4) {
                overlay = .institutionLookup(Lookups.institutions(ctx, typed: p.text.trimmedWhitespace()))
                return []
            }
            switch p.handle(key) {
            case .none: overlay = .institution(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                overlay = nil
                filter.institution = text.isEmpty ? nil : text.uppercased()
                refilter()
            }
        case var .approve(d):
            switch d.handle(key) {
            case .none: overlay = .approve(d)
            case .cancelled, .button(1): overlay = nil; approvals = []; return afterApprovals(ctx, [])
            case .button:
                overlay = nil
                return [.work(Work(title: lang.format(.approving, approvals.filter { $0.warningCount == 0 }.count)) { [self] _ in
                    afterApprovals(ctx, approve(ctx))
                })]
            }
        case var .rejectCode(l):
            switch l.handle(key) {
            case .none: overlay = .rejectCode(l)
            case .cancelled: overlay = nil; rejections = []; return [.message(lang[.rejectCancelled], .warning)] + nextView(ctx)
            case let .chosen(codes):
                guard let code = codes.first.flatMap({ RejectReason(rawValue: $0) }) else { overlay = nil; rejections = []; return nextView(ctx) }
                overlay = .rejectReason(TextPrompt(title: lang.format(.rejectReasonTitle, rejections.count), hint: lang[.reasonHint],
                                                   maxLength: 500), code)
            }
        case var .rejectReason(p, code):
            switch p.handle(key, emptyProblem: lang[.reasonRequired]) {
            case .none: overlay = .rejectReason(p, code)
            case .cancelled: overlay = nil; rejections = []; return [.message(lang[.rejectCancelled], .warning)] + nextView(ctx)
            case let .entered(text):
                overlay = nil
                return [.work(Work(title: lang.format(.rejecting, rejections.count)) { [self] _ in
                    reject(ctx, code: code, reason: text) + nextView(ctx)
                })]
            }
        }
        return []
    }

    /// Approvals first (one confirmation), then rejections (one code and text), then views.
    func runOptions(_ ctx: ScreenContext) -> [Effect] {
        let marked = options.values.sorted { ($0.1.submittedAt ?? "", $0.1.id) < ($1.1.submittedAt ?? "", $1.1.id) }
        options = [:]
        approvals = marked.filter { $0.0 == "1" }.map(\.1)
        rejections = marked.filter { $0.0 == "4" }.map(\.1)
        pendingViews = marked.filter { $0.0 == "5" }.map(\.1.id)
        if !approvals.isEmpty {
            let clean = approvals.filter { $0.warningCount == 0 }
            let total = clean.reduce(Int64(0)) { $0 + $1.amountFen }
            var lines = [ctx.lang.format(.approveConfirm, clean.count, Money.format(fen: total))]
            let warned = approvals.filter { $0.warningCount > 0 }
            if !warned.isEmpty { lines.append(ctx.lang.format(.approveWarnedSkipped, warned.count)) }
            overlay = .approve(Dialog(title: ctx.lang[.approveTitle], message: lines,
                                      buttons: [ctx.lang[.approveButton], ctx.lang[.keyCancel]], focusedButton: 0))
            return []
        }
        return afterApprovals(ctx, [])
    }

    func afterApprovals(_ ctx: ScreenContext, _ effects: [Effect]) -> [Effect] {
        if !rejections.isEmpty {
            var l = PromptList(title: ctx.lang.format(.rejectCodeTitle, rejections.count),
                               items: RejectReason.allCases.map { ($0.rawValue, $0.label(ctx.lang)) })
            l.maxCodeWidth = 22
            overlay = .rejectCode(l)
            return effects
        }
        return effects + nextView(ctx)
    }

    func approve(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let marked = approvals
        let ids = marked.map(\.id)
        approvals = []
        needsQuery = true
        do {
            let r = try s.approveClaims(ids)
            return [.message(Self.batchMessage(r, done: .approvedCount, items: marked, ctx.lang), r.skipped.isEmpty ? .ok : .warning)]
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    func reject(_ ctx: ScreenContext, code: RejectReason, reason: String) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let marked = rejections
        let ids = marked.map(\.id)
        rejections = []
        needsQuery = true
        do {
            let r = try s.rejectClaims(ids, code: code, reason: reason)
            return [.message(Self.batchMessage(r, done: .rejectedCount, items: marked, ctx.lang), r.skipped.isEmpty ? .ok : .warning)]
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    /// "已批准 1 个；跳过 SD-2025-000002（李四）：有警示，须打开单独审核" — each skipped claim's
    /// reason in the user's language.
    static func batchMessage(_ r: BatchDecision, done: S, items: [ClaimQueueItem], _ lang: Lang) -> String {
        var text = lang.format(done, r.done.count)
        for s in r.skipped {
            let it = items.first { $0.id == s.id }
            let name = it.map { ClaimText.number($0.id, year: $0.claimYear) + (lang == .zh ? "（\($0.workerName)）" : " (\($0.workerName))") } ?? "#\(s.id)"
            text += lang.format(.skippedClaim, name, s.reason.warned ? lang[.skippedWarned] : s.reason.message(lang))
        }
        return text
    }

    func nextView(_ ctx: ScreenContext) -> [Effect] {
        guard !pendingViews.isEmpty else { return [] }
        let id = pendingViews.removeFirst()
        return [.push(ClaimDetailScreen(claimID: id, ctx: ctx))]
    }
}
