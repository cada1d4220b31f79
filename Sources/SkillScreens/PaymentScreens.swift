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
    var tableState = TableState()
    var selected: Int {
        get { tableState.row }
        set { tableState.selected = newValue }
    }
    var errorText: String?
    var needsLoad = true
    var visibleRows = 20
    /// The one question or result open over the list (keys go to it first; it is drawn last).
    /// The export's cases carry what was chosen so far: the batch, the encoding, the checked target.
    enum Overlay: OverlayCase {
        case newBatch(Dialog)
        case info(Dialog)
        case encoding(PromptList, PaymentBatchInfo)
        case path(TextPrompt, PaymentBatchInfo, BankFileEncoding)
        case overwrite(Dialog, PaymentBatchInfo, BankFileEncoding, target: String)
        case resultFile(TextPrompt, PaymentBatchInfo)

        var widget: OverlayWidget {
            switch self {
            case let .newBatch(d), let .info(d), let .overwrite(d, _, _, _): .dialog(d)
            case let .encoding(l, _): .list(l)
            case let .path(p, _, _), let .resultFile(p, _): .prompt(p)
            }
        }
    }
    var overlay: Overlay?
    /// The open Ctrl-X export question (`ListExportFlow`), drawn over everything.
    var csvExport: ListExportFlow?

    public init(_ ctx: ScreenContext) {}

    func pays(_ ctx: ScreenContext) -> Bool { ctx.session?.can(.payClaims) == true }

    var current: PaymentBatchInfo? { batches.indices.contains(selected) ? batches[selected] : nil }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuPaymentBatches] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        var keys: [(key: String, label: String)] = [("F3", lang[.keyBack]), ("Enter", lang[.keyOpen])]
        if pays(ctx) { keys += [("F6", lang[.keyNewBatch]), ("F7", lang[.keyExport]), ("F8", lang[.keyReconcile])] }
        return keys + [(ListExportFlow.footerKey, lang[.keyExportCSV]), ("F5", lang[.keyRefresh])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpPaymentBatches], ctx.lang[.helpExportCSV], ctx.lang[.helpOther]] }

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
        tableState.clamp(rowCount: batches.count)
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        needsLoad = true
        return []
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        if let effects = handleModal(key, ctx) { return effects }
        let lang = ctx.lang
        switch key {
        case ListExportFlow.key:
            csvExport = ListExportFlow(.paymentBatches, ctx)
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            needsLoad = true
        case .up, .down, .pageUp, .pageDown, .home, .end:
            _ = tableState.handle(key, rowCount: batches.count, visibleRows: visibleRows)
        case .enter:
            guard let b = current else { return [] }
            return [.push(PaymentBatchDetailScreen(batch: b.id, ctx: ctx))]
        case .function(6) where pays(ctx):
            return openNewBatch(ctx)
        case .function(7) where pays(ctx):
            guard let b = current else { return [.message(lang[.noBatchSelected], .error)] }
            var l = PromptList(title: lang.format(.exportEncodingTitle, b.id),
                               items: BankFileEncoding.allCases.map { ($0.rawValue, PaymentText.encodingLabel($0, lang)) })
            l.maxCodeWidth = 9
            overlay = .encoding(l, b)
        case .function(8) where pays(ctx):
            guard let b = current else { return [.message(lang[.noBatchSelected], .error)] }
            overlay = .resultFile(TextPrompt(title: lang.format(.reconcileTitle, b.id), hint: lang[.reconcileHint], maxLength: 1000), b)
        default:
            break
        }
        return []
    }

    /// Keys while an overlay is open; nil when none is.
    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        guard let open = overlay else { return nil }
        switch open {
        case var .info(d):
            overlay = d.handle(key) == .none ? .info(d) : nil
        case var .newBatch(d):
            switch d.handle(key) {
            case .none: overlay = .newBatch(d)
            case .cancelled, .button(1): overlay = nil
            case .button:
                // Slow work: the batch is written after a frame that says so (10,000 claims take seconds).
                overlay = nil
                return [.work(Work(title: lang[.batchCreating]) { [self] _ in createBatch(ctx) })]
            }
        case var .encoding(l, b):
            switch l.handle(key) {
            case .none: overlay = .encoding(l, b)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                overlay = nil
                guard let e = codes.first.flatMap(BankFileEncoding.init(rawValue:)) else { return [] }
                var p = TextPrompt(title: lang.format(.exportPathTitle, b.id), hint: lang[.exportPathHint], maxLength: 1000)
                p.field = .prefilled("./\(b.id).csv", maxLength: 1000)
                overlay = .path(p, b, e)
            }
        case var .path(p, b, e):
            switch p.handle(key, emptyProblem: lang[.pathRequired]) {
            case .none: overlay = .path(p, b, e)
            case .cancelled: overlay = nil
            case let .entered(typed):
                // The shared writer's checks (never the database, a directory or a missing one);
                // an existing file is asked about before it is replaced.
                let exists: Bool
                do { exists = try OutputFile.check(typed, protected: ctx.session?.protectedPaths ?? []) } catch {
                    p.problem = describe(error, lang)
                    overlay = .path(p, b, e)
                    return []
                }
                overlay = nil
                if exists {
                    overlay = .overwrite(Dialog(title: lang[.overwriteTitle], message: [lang.format(.overwriteMessage, typed)],
                                                buttons: [lang[.overwrite], lang[.keyCancel]], focusedButton: 1, style: .warning),
                                         b, e, target: typed)
                    return []
                }
                return export(ctx, b, encoding: e, to: typed, replace: false)
            }
        case var .overwrite(d, b, e, target):
            switch d.handle(key) {
            case .none: overlay = .overwrite(d, b, e, target: target)
            case .button(0): overlay = nil; return export(ctx, b, encoding: e, to: target, replace: true)
            case .button, .cancelled: overlay = nil
            }
        case var .resultFile(p, b):
            switch p.handle(key, emptyProblem: lang[.pathRequired]) {
            case .none: overlay = .resultFile(p, b)
            case .cancelled: overlay = nil
            case let .entered(typed):
                switch BankFiles.read(typed) {
                case let .failure(problem):
                    OperatorLog.errorShown(problem, by: screenLog)
                    p.problem = problem.message(lang)
                    overlay = .resultFile(p, b)
                case let .success(bytes):
                    overlay = nil
                    return [.work(Work(title: lang.format(.reconciling, b.id)) { [self] _ in reconcile(ctx, b, bytes: bytes) })]
                }
            }
        }
        return []
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
        overlay = .newBatch(Dialog(title: lang[.newBatchTitle], message: lines, buttons: [lang[.newBatchCreate], lang[.keyCancel]]))
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
                let lines = r.skipped.map { sk in lang.format(.batchSkippedLine, r.name(sk.id, lang), sk.reason.message(lang)) }
                overlay = .info(Dialog(title: lang[.batchSkippedTitle], message: PaymentText.capped(lines, max: 10, lang),
                                       buttons: [lang[.close]], style: .warning))
            }
            return [.message(lang.format(.batchCreated, r.batch, r.summary.count, Money.format(fen: r.summary.totalFen)),
                             r.skipped.isEmpty ? .ok : .warning)]
        } catch {
            return [.message(describe(error, lang), .error)]
        }
    }

    func export(_ ctx: ScreenContext, _ b: PaymentBatchInfo, encoding exportEncoding: BankFileEncoding, to target: String,
                replace: Bool) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        let bytes: [UInt8]
        do { bytes = try s.exportPaymentBatch(b.id, encoding: exportEncoding, to: target, replace: replace) } catch {
            return [.message(describe(error, lang), .error)]
        }
        let fileLines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).count
        return [.message(lang.format(.exported, b.count, fileLines, PaymentText.encodingLabel(exportEncoding, lang), target), .ok)]
    }

    func reconcile(_ ctx: ScreenContext, _ b: PaymentBatchInfo, bytes: [UInt8]) -> [Effect] {
        guard let s = ctx.session else { return [] }
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
            overlay = .info(Dialog(title: lang.format(.reconcileResultTitle, b.id), message: lines, buttons: [lang[.close]],
                                   style: r.problemMessages.isEmpty ? .plain : .warning))
            return [.message(lang.format(.reconcileCounts, r.paid.count, r.failed.count), r.problemMessages.isEmpty ? .ok : .warning)]
        } catch {
            let text = describe(error, lang)
            let lines = text.split(separator: "\n").map(String.init)
            overlay = .info(Dialog(title: lang[.reconcileRefusedTitle], message: PaymentText.capped(lines, max: 10, lang),
                                   buttons: [lang[.close]], style: .error))
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
        table.draw(into: &canvas, at: rect, state: tableState)
        if batches.isEmpty {
            canvas.put(errorText ?? lang[.noBatches], x: 3, y: rect.y + 2, style: errorText == nil ? .dim : .error,
                       maxWidth: body.width - 4)
        }
        overlay.draw(into: &canvas, in: body)
        csvExport.draw(into: &canvas, in: body)
    }
}

/// One payment batch's lines: claim number, payee, masked account, kind, amount and the bank's
/// result (paid, failed with the reason, or still with the bank).
public final class PaymentBatchDetailScreen: Screen {
    let batch: String
    var info: PaymentBatchInfo?
    var lines: [PaymentLineInfo] = []
    var errorText: String?
    var tableState = TableState()
    /// The open Ctrl-X export question (`ListExportFlow`), drawn over everything.
    var csvExport: ListExportFlow?
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
        tableState.clamp(rowCount: lines.count)
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuPaymentBatches] + " · " + batch }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("F5", ctx.lang[.keyRefresh]), (ListExportFlow.footerKey, ctx.lang[.keyExportCSV]),
         ("↑↓", ctx.lang[.keyScroll])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpBatchDetail], ctx.lang[.helpExportCSV], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = ListExportFlow.handle(&csvExport, key, ctx) { return effects }
        switch key {
        case ListExportFlow.key:
            csvExport = ListExportFlow(.paymentLines(batch: batch), ctx)
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            load(ctx)
        default:
            _ = tableState.handle(key, rowCount: lines.count, visibleRows: visibleRows)
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
        var table = Table(columns: [
            TableColumn(title: lang[.colClaimNumber], width: 14),
            TableColumn(title: lang[.colPayee], width: 12),
            TableColumn(title: lang[.colAccount], width: 20),
            TableColumn(title: lang[.colClaimKind], width: 14),
            TableColumn(title: lang[.colAmount], width: 13, alignRight: true),
            TableColumn(title: lang[.colLineState], width: 0),
        ])
        table.rows = lines.map {
            [$0.claimNumber, $0.payeeName, $0.maskedAccount, $0.kind?.label(lang) ?? "", Money.format(fen: $0.amountFen),
             PaymentText.state($0, lang)]
        }
        table.draw(into: &canvas, at: rect, state: tableState)
        if lines.isEmpty {
            canvas.put(errorText ?? lang[.batchLinesEmpty], x: 3, y: rect.y + 2, style: errorText == nil ? .dim : .error,
                       maxWidth: body.width - 4)
        }
        csvExport.draw(into: &canvas, in: body)
    }
}
