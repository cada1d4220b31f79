import SkillCore
import SkillDesk
import TermUI

/// Texts of payment batches shared by the batch screens.
enum PaymentText {
    /// "已付 2 · 失败 1 · 未回 1", or "待对账" before any result.
    static func result(_ b: PaymentBatchInfo, _ lang: Lang) -> String {
        guard b.paid + b.failed > 0 else { return lang[.batchNotReconciled] }
        return lang.format(.batchResult, b.paid, b.failed) + (b.pending > 0 ? lang.format(.batchOpenSuffix, b.pending) : "")
    }

    static func state(_ l: PaymentLineInfo, _ lang: Lang) -> String {
        switch l.state {
        case .pending: return lang[.lineStatePending]
        case .paid: return lang[.lineStatePaid]
        case .failed: return lang.format(.lineStateFailed, l.bankReason ?? "")
        }
    }

    static func encodingLabel(_ e: BankFileEncoding, _ lang: Lang) -> String {
        switch e {
        case .utf8BOM: return lang[.encodingUTF8]
        case .gb18030: return lang[.encodingGB]
        }
    }

    /// At most `max` lines, then "…另 N 条".
    static func capped(_ lines: [String], max: Int, _ lang: Lang) -> [String] {
        lines.count <= max ? lines : Array(lines.prefix(max)) + [lang.format(.moreLines, lines.count - max)]
    }
}

/// Finance's payment batches (付款批次), newest first: batch number, business date, count, total,
/// the bank's results so far and who made it. Enter opens a batch's lines. With `.payClaims`:
/// F6 makes a batch of every payable claim (a preview dialog first: count, total, totals per kind,
/// how many will be left out; after creation the left-out claims are listed with their reasons),
/// F7 writes the selected batch's bank file (encoding, then path; an existing file only replaced
/// after a confirmation; temp file + rename), F8 reconciles it with the bank's result file.
public final class PaymentBatchListScreen: Screen {
    var batches: [PaymentBatchInfo] = []
    var selected = 0
    var errorText: String?
    var needsLoad = true
    var visibleRows = 20
    /// Open overlays (at most one at a time).
    var newBatchDialog: Dialog?
    var infoDialog: Dialog?
    var encodingList: PromptList?
    var pathPrompt: TextPrompt?
    var overwriteDialog: Dialog?
    var resultPrompt: TextPrompt?
    /// The export being set up: batch, encoding, then the checked target (as typed).
    var exportBatch: PaymentBatchInfo?
    var exportEncoding: BankFileEncoding = .utf8BOM
    var exportTarget: String?

    public init(_ ctx: ScreenContext) {}

    func pays(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.payClaims) == true }

    var current: PaymentBatchInfo? { batches.indices.contains(selected) ? batches[selected] : nil }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuPaymentBatches] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        var keys: [(key: String, label: String)] = [("F3", lang[.keyBack]), ("Enter", lang[.keyOpen])]
        if pays(ctx) { keys += [("F6", lang[.keyNewBatch]), ("F7", lang[.keyExport]), ("F8", lang[.keyReconcile])] }
        return keys + [("F5", lang[.keyRefresh])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpPaymentBatches], ctx.lang[.helpOther]] }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        visibleRows = max(1, body.height - 3)
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard needsLoad, let s = ctx.session else { return }
        needsLoad = false
        do {
            batches = try s.paymentBatches(limit: 500)
            errorText = nil
        } catch {
            batches = []
            errorText = describe(error, ctx.lang)
        }
        selected = min(selected, max(0, batches.count - 1))
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        needsLoad = true
        return []
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = handleModal(key, ctx) { return effects }
        let lang = ctx.lang
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            needsLoad = true
        case .up, .down, .pageUp, .pageDown, .home, .end:
            var t = Table(columns: [], rows: batches.map { _ in [] }, selected: batches.isEmpty ? nil : selected)
            if t.handle(key, visibleRows: visibleRows) { selected = t.selected ?? 0 }
        case .enter:
            guard let b = current else { return [] }
            return [.push(PaymentBatchDetailScreen(batch: b.id, ctx: ctx))]
        case .function(6) where pays(ctx):
            return openNewBatch(ctx)
        case .function(7) where pays(ctx):
            guard let b = current else { return [.message(lang[.noBatchSelected], .error)] }
            exportBatch = b
            var l = PromptList(title: lang.format(.exportEncodingTitle, b.id),
                               items: BankFileEncoding.allCases.map { ($0.rawValue, PaymentText.encodingLabel($0, lang)) })
            l.maxCodeWidth = 9
            encodingList = l
        case .function(8) where pays(ctx):
            guard let b = current else { return [.message(lang[.noBatchSelected], .error)] }
            exportBatch = b
            resultPrompt = TextPrompt(title: lang.format(.reconcileTitle, b.id), hint: lang[.reconcileHint], maxLength: 1000)
        default:
            break
        }
        return []
    }

    /// Keys while an overlay is open; nil when none is.
    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        if var d = infoDialog {
            if d.handle(key) == .none { infoDialog = d } else { infoDialog = nil }
            return []
        }
        if var d = newBatchDialog {
            switch d.handle(key) {
            case .none: newBatchDialog = d; return []
            case .cancelled, .button(1): newBatchDialog = nil; return []
            case .button:
                // The batch is written after a frame that says so (10,000 claims take seconds).
                newBatchDialog = nil
                pendingJob = .create
                return [.message(lang[.batchCreating], .warning)]
            }
        }
        if var l = encodingList {
            switch l.handle(key) {
            case .none: encodingList = l
            case .cancelled: encodingList = nil; exportBatch = nil
            case let .chosen(codes):
                encodingList = nil
                guard let e = codes.first.flatMap(BankFileEncoding.init(rawValue:)), let b = exportBatch else { return [] }
                exportEncoding = e
                var p = TextPrompt(title: lang.format(.exportPathTitle, b.id), hint: lang[.exportPathHint], maxLength: 1000)
                p.field = TextField(text: "./\(b.id).csv", maxLength: 1000)
                pathPrompt = p
            }
            return []
        }
        if var p = pathPrompt {
            switch p.handle(key, emptyProblem: lang[.pathRequired]) {
            case .none: pathPrompt = p
            case .cancelled: pathPrompt = nil; exportBatch = nil
            case let .entered(typed):
                // The shared writer's checks (never the database, a directory or a missing one);
                // an existing file is asked about before it is replaced.
                let exists: Bool
                do { exists = try OutputFile.check(typed, protected: ctx.session?.protectedPaths ?? []) } catch {
                    p.problem = describe(error, lang)
                    pathPrompt = p
                    return []
                }
                pathPrompt = nil
                exportTarget = typed
                if exists {
                    overwriteDialog = Dialog(title: lang[.overwriteTitle], message: [lang.format(.overwriteMessage, typed)],
                                             buttons: [lang[.overwrite], lang[.keyCancel]], focusedButton: 1, style: .warning)
                    return []
                }
                return export(ctx, replace: false)
            }
            return []
        }
        if var d = overwriteDialog {
            switch d.handle(key) {
            case .none: overwriteDialog = d
            case .button(0): overwriteDialog = nil; return export(ctx, replace: true)
            case .button, .cancelled: overwriteDialog = nil; exportBatch = nil; exportTarget = nil
            }
            return []
        }
        if var p = resultPrompt {
            switch p.handle(key, emptyProblem: lang[.pathRequired]) {
            case .none: resultPrompt = p
            case .cancelled: resultPrompt = nil; exportBatch = nil
            case let .entered(typed):
                switch BankFiles.read(typed) {
                case let .failure(problem):
                    OperatorLog.errorShown(problem, by: screenLog)
                    p.problem = problem.message(lang)
                    resultPrompt = p
                case let .success(bytes):
                    resultPrompt = nil
                    pendingJob = .reconcile(bytes)
                    return [.message(lang.format(.reconciling, exportBatch?.id ?? ""), .warning)]
                }
            }
            return []
        }
        return nil
    }

    /// A write that can take seconds, run once the frame announcing it has been drawn.
    enum PendingJob { case create, reconcile([UInt8]) }
    var pendingJob: PendingJob?

    public var hasDeferredWork: Bool { pendingJob != nil }

    public func runDeferred(_ ctx: ScreenContext) -> [Effect] {
        guard let job = pendingJob else { return [] }
        pendingJob = nil
        switch job {
        case .create: return createBatch(ctx)
        case let .reconcile(bytes): return reconcile(ctx, bytes: bytes)
        }
    }

    func openNewBatch(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        let preview: PaymentPreview
        do { preview = try s.paymentPreview() } catch { return [.message(describe(error, lang), .error)] }
        needsLoad = true
        guard preview.count > 0 else {
            return [.message(preview.leftOut > 0 ? lang.format(.newBatchNothingLeftOut, preview.leftOut) : lang[.newBatchNothing], .error)]
        }
        var lines = [lang.format(.newBatchSummary, preview.count, Money.format(fen: preview.totalFen))]
        for k in preview.perKind {
            lines.append(lang.format(.newBatchKindLine, k.kind?.label(lang) ?? k.rawKind, k.count, Money.format(fen: k.totalFen)))
        }
        if preview.leftOut > 0 { lines.append(lang.format(.newBatchLeftOut, preview.leftOut)) }
        newBatchDialog = Dialog(title: lang[.newBatchTitle], message: lines, buttons: [lang[.newBatchCreate], lang[.keyCancel]])
        return []
    }

    func createBatch(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        needsLoad = true
        do {
            let r = try s.createPaymentBatch()
            selected = 0          // newest first: the new batch is the top row
            if !r.skipped.isEmpty {
                let lines = r.skipped.map { sk -> String in
                    let number = screenLog.attempt("reading a skipped claim") { try s.claimDetail(sk.id) }
                        .map { ClaimText.number($0.claim) } ?? "#\(sk.id)"
                    return lang.format(.batchSkippedLine, number, sk.reason.message(lang))
                }
                infoDialog = Dialog(title: lang[.batchSkippedTitle], message: PaymentText.capped(lines, max: 10, lang),
                                    buttons: [lang[.close]], style: .warning)
            }
            return [.message(lang.format(.batchCreated, r.batch, r.summary.count, Money.format(fen: r.summary.totalFen)),
                             r.skipped.isEmpty ? .ok : .warning)]
        } catch {
            return [.message(describe(error, lang), .error)]
        }
    }

    func export(_ ctx: ScreenContext, replace: Bool) -> [Effect] {
        defer { exportBatch = nil; exportTarget = nil }
        guard let s = ctx.session, let b = exportBatch, let target = exportTarget else { return [] }
        let lang = ctx.lang
        let bytes: [UInt8]
        do { bytes = try s.exportPaymentBatch(b.id, encoding: exportEncoding, to: target, replace: replace) } catch {
            return [.message(describe(error, lang), .error)]
        }
        let fileLines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).count
        return [.message(lang.format(.exported, b.count, fileLines, PaymentText.encodingLabel(exportEncoding, lang), target), .ok)]
    }

    func reconcile(_ ctx: ScreenContext, bytes: [UInt8]) -> [Effect] {
        defer { exportBatch = nil }
        guard let s = ctx.session, let b = exportBatch else { return [] }
        let lang = ctx.lang
        needsLoad = true
        do {
            let r = try s.reconcilePaymentBatch(b.id, resultFile: bytes)
            var lines = [lang.format(.reconcileCounts, r.paid.count, r.failed.count)]
            if !r.failed.isEmpty, let detail = screenLog.attempt("reading the batch's lines", { try s.paymentBatchLines(b.id) }) {
                let failed = detail.filter { r.failed.contains($0.claimID) }
                lines += PaymentText.capped(failed.map { lang.format(.reconcileFailedLine, $0.claimNumber, $0.bankReason ?? "") }, max: 6, lang)
            }
            if !r.alreadyReconciled.isEmpty {
                lines.append(lang.format(.reconcileAlready, r.alreadyReconciled.count))
                lines += PaymentText.capped(r.alreadyMessages.map { "  " + $0.message(lang) }, max: 6, lang)
            }
            if r.problemMessages.isEmpty {
                lines.append(lang[.reconcileAllMatched])
            } else {
                lines.append(lang.format(.reconcileProblems, r.problemMessages.count))
                lines += PaymentText.capped(r.problemMessages.map { "  " + $0.message(lang) }, max: 8, lang)
            }
            infoDialog = Dialog(title: lang.format(.reconcileResultTitle, b.id), message: lines, buttons: [lang[.close]],
                                style: r.problemMessages.isEmpty ? .plain : .warning)
            return [.message(lang.format(.reconcileCounts, r.paid.count, r.failed.count), r.problemMessages.isEmpty ? .ok : .warning)]
        } catch {
            let text = describe(error, lang)
            let lines = text.split(separator: "\n").map(String.init)
            infoDialog = Dialog(title: lang[.reconcileRefusedTitle], message: PaymentText.capped(lines, max: 10, lang),
                                buttons: [lang[.close]], style: .error)
            return [.message(lines.first ?? text, .error)]
        }
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let rect = Rect(x: 1, y: body.y + 1, width: body.width - 2, height: body.height - 2)
        var table = Table(columns: [
            TableColumn(title: lang[.colBatch], width: 15),
            TableColumn(title: lang[.colBusinessDate], width: 10),
            TableColumn(title: lang[.colCount], width: 5, alignRight: true),
            TableColumn(title: lang[.colTotal], width: 15, alignRight: true),
            TableColumn(title: lang[.colBankResult], width: 0),
            TableColumn(title: lang[.colCreatedBy], width: 10),
        ])
        table.rows = batches.map { b in
            [b.id, b.businessDate, String(b.count), Money.format(fen: b.totalFen), PaymentText.result(b, lang), b.createdBy]
        }
        table.selected = batches.isEmpty ? nil : selected
        table.draw(into: &canvas, at: rect)
        if batches.isEmpty {
            canvas.put(errorText ?? lang[.noBatches], x: 3, y: rect.y + 2, style: errorText == nil ? .dim : .error,
                       maxWidth: body.width - 4)
        }
        newBatchDialog?.draw(into: &canvas, in: body)
        encodingList?.draw(into: &canvas, in: body)
        pathPrompt?.draw(into: &canvas, in: body, width: 76)
        overwriteDialog?.draw(into: &canvas, in: body)
        resultPrompt?.draw(into: &canvas, in: body, width: 76)
        infoDialog?.draw(into: &canvas, in: body)
    }
}

/// One payment batch's lines: claim number, payee, masked account, kind, amount and the bank's
/// result (paid, failed with the reason, or still with the bank).
public final class PaymentBatchDetailScreen: Screen {
    let batch: String
    var info: PaymentBatchInfo?
    var lines: [PaymentLineInfo] = []
    var errorText: String?
    var table = Table(columns: [])
    var visibleRows = 20

    public init(batch: String, ctx: ScreenContext) {
        self.batch = batch
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            lines = try s.paymentBatchLines(batch)
            info = try s.paymentBatch(batch)
            errorText = nil
        } catch {
            lines = []
            errorText = describe(error, ctx.lang)
        }
        table.selected = lines.isEmpty ? nil : min(table.selected ?? 0, lines.count - 1)
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuPaymentBatches] + " · " + batch }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("F5", ctx.lang[.keyRefresh]), ("↑↓", ctx.lang[.keyScroll])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpBatchDetail], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            load(ctx)
        default:
            _ = table.handle(key, visibleRows: visibleRows)
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        if let b = info {
            let head = lang.format(.batchHeader, b.id, b.businessDate, b.count, Money.format(fen: b.totalFen), b.createdBy)
                + " · " + PaymentText.result(b, lang)
            canvas.put(head, x: 1, y: body.y, style: .bold, maxWidth: body.width - 2)
        }
        let rect = Rect(x: 1, y: body.y + 2, width: body.width - 2, height: body.height - 3)
        visibleRows = max(1, rect.height - 1)
        table.columns = [
            TableColumn(title: lang[.colClaimNumber], width: 14),
            TableColumn(title: lang[.colPayee], width: 12),
            TableColumn(title: lang[.colAccount], width: 20),
            TableColumn(title: lang[.colClaimKind], width: 14),
            TableColumn(title: lang[.colAmount], width: 13, alignRight: true),
            TableColumn(title: lang[.colLineState], width: 0),
        ]
        table.rows = lines.map {
            [$0.claimNumber, $0.payeeName, $0.maskedAccount, $0.kind?.label(lang) ?? "", Money.format(fen: $0.amountFen),
             PaymentText.state($0, lang)]
        }
        table.draw(into: &canvas, at: rect)
        if lines.isEmpty {
            canvas.put(errorText ?? lang[.batchLinesEmpty], x: 3, y: rect.y + 2, style: errorText == nil ? .dim : .error,
                       maxWidth: body.width - 4)
        }
    }
}
