import Foundation
import SkillCore
import SkillDesk
import TermUI

/// A worker's training archive (电子档案、学分累计 — 003 二(二)7): classes with counted and
/// planned hours and completion, certificates, and the accumulated counted hours. Read-only.
public final class WorkerArchiveScreen: Screen {
    let workerID: String
    var name: String
    var archive: WorkerArchive?
    /// W1 per certificate id, marked ⚠ on the certificate's row.
    var warnings: [Int64: [CertificateWarning]] = [:]
    var error: String?
    /// F8: the questions before a claim evaluation, asked over the archive.
    var wizard: ClaimWizard?
    /// The first content line shown below the fixed header.
    var top = 0
    /// Content lines that fit below the header, from the last layout (`prepare`).
    var page = 20
    /// F7/F9 (issue 12): which certificate to correct or void, then the void's reason.
    var certOverlay: CertificateCorrection.Overlay?
    /// The claim chosen with Tab (issue 12: Enter opens it), an index into the archive's claims.
    var chosenClaim: Int?

    public init(workerID: String, name: String, ctx: ScreenContext) {
        self.workerID = workerID
        self.name = name
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            let a = try s.archive(workerID: workerID)
            archive = a
            name = a.worker.name
            warnings = screenLog.attempt("reading certificate warnings") { try s.certificateWarnings(worker: workerID) } ?? [:]
            error = nil
        } catch {
            self.error = describe(error, ctx.lang)
        }
        clampTop()
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.archive] + " · " + name }

    func mayAdd(_ ctx: ScreenContext) -> Bool { archive != nil && (ctx.session?.can(.manageClasses) ?? false) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyBack]), ("F5", ctx.lang[.keyRefresh])]
        if mayAdd(ctx) { keys.append(("F6", ctx.lang[.keyNewCertificate])) }
        let correctable = mayAdd(ctx) && archive?.certificates.contains(where: { !$0.isVoided }) == true
        if correctable { keys.append(("F7", ctx.lang[.keyEditCert])) }
        if archive != nil { keys.append(("F8", ctx.lang[.keyEvaluate])) }
        if correctable { keys.append(("F9", ctx.lang[.keyVoidCert])) }
        if archive?.claims.isEmpty == false { keys.append(("Tab Enter", ctx.lang[.keyOpen])) }
        if lineCount > page { keys.append(("↑↓ PgUp/PgDn", ctx.lang[.keyScroll])) }
        return keys
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpArchive], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let o = certOverlay, let a = archive {
            var open: CertificateCorrection.Overlay? = o
            let effects = CertificateCorrection.handle(key, overlay: &open, archive: a, ctx)
            certOverlay = open
            if effects.contains(where: { if case .message(_, .ok) = $0 { true } else { false } }) { load(ctx) }
            return effects
        }
        if var w = wizard {
            switch w.handle(key, ctx.lang) {
            case .none: wizard = w
            case .cancelled: wizard = nil
            case let .done(proposal):
                wizard = nil
                return [.push(ClaimEvaluationScreen(proposal: proposal, ctx: ctx))]
            }
            return []
        }
        switch key {
        case .function(3), .function(12), .char("q"): return [.pop]
        case .function(8):
            if let a = archive {
                wizard = ClaimWizard(workerID: a.worker.id, classes: a.classes, certificates: a.certificates, lang: ctx.lang)
            }
        case .function(5), .char("r"): load(ctx)
        case .function(7), .function(9):
            if mayAdd(ctx), let a = archive {
                let (o, effects) = CertificateCorrection.start(void: key == .function(9), archive: a, ctx)
                certOverlay = o
                return effects
            }
        case .function(6):
            if mayAdd(ctx), let a = archive {
                return [.push(CertificateFormScreen(worker: a.worker, classes: a.classes, ctx: ctx))]
            }
        case .up: top -= 1
        case .down: top += 1
        case .pageUp: top -= max(1, page - 1)
        case .pageDown: top += max(1, page - 1)
        case .home: top = 0
        case .end: top = lineCount
        case .tab, .backTab:
            guard let a = archive, !a.claims.isEmpty else { break }
            let n = a.claims.count
            chosenClaim = key == .tab ? ((chosenClaim ?? -1) + 1) % n : ((chosenClaim ?? n) - 1 + n) % n
            let row = claimLine(a, chosenClaim!)
            if row >= top + page { top = row - page + 1 }
            if row < top { top = row }
        case .enter:
            guard let a = archive, !a.claims.isEmpty else { break }
            let i = chosenClaim ?? 0
            chosenClaim = i
            return [.push(ClaimDetailScreen(claimID: a.claims[i].id, ctx: ctx))]
        default: break
        }
        clampTop()
        return []
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        let before = archive?.certificates.count ?? 0
        load(ctx)
        // A certificate was just recorded: bring its row (the last certificate) into view.
        if let a = archive, a.certificates.count > before {
            let row = certificateLine(a, a.certificates.count - 1)
            if row >= top + page { top = row - page + 1 }
            clampTop()
        }
        return []
    }

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        page = max(1, body.maxY - (body.y + 4))
        clampTop()
    }

    func clampTop() { top = min(max(0, top), max(0, lineCount - page)) }

    // MARK: content

    /// Content below the header: the classes heading, table header and rows, a blank line, the
    /// certificates heading, table header and rows, then one line per W1 warning.
    struct Line {
        var text: String
        var style: Style = .plain
        /// 1-based position among the classes and certificates, for the position indicator.
        var item: Int?
    }

    /// How many content lines there are (the same whatever the width and language).
    var lineCount: Int {
        guard let a = archive else { return 0 }
        return lines(a, width: 80, .en).count
    }

    /// The content line of certificate `i` (with no certificates, of the "(no certificates)" line).
    func certificateLine(_ a: WorkerArchive, _ i: Int) -> Int {
        let classBody = a.classes.isEmpty ? 1 : 1 + a.classes.count
        return classBody + 3 + (a.certificates.isEmpty ? 0 : 1) + i
    }

    /// The content line of claim `i`: after every other line, its heading and table header.
    func claimLine(_ a: WorkerArchive, _ i: Int) -> Int {
        lines(a, width: 80, .en).count - a.claims.count + i
    }

    func lines(_ a: WorkerArchive, width: Int, _ lang: Lang) -> [Line] {
        var out: [Line] = []
        out.append(Line(text: lang.format(.archiveClasses, a.classes.count), style: .bold))
        if a.classes.isEmpty {
            out.append(Line(text: "  " + lang[.archiveNoClasses], style: .dim))
        } else {
            let t = Self.classTable(a, lang)
            let w = t.resolvedWidths(totalWidth: width)
            out.append(Line(text: t.line(t.columns.map(\.title), widths: w), style: .bold))
            for (i, r) in t.rows.enumerated() { out.append(Line(text: t.line(r, widths: w), item: i + 1)) }
        }
        out.append(Line(text: ""))
        out.append(Line(text: lang.format(.archiveCertificates, a.certificates.count), style: .bold))
        if a.certificates.isEmpty {
            out.append(Line(text: "  " + lang[.archiveNoCertificates], style: .dim))
        } else {
            let t = Self.certificateTable(a, warned: Set(warnings.keys), lang)
            let w = t.resolvedWidths(totalWidth: width)
            out.append(Line(text: t.line(t.columns.map(\.title), widths: w), style: .bold))
            for (i, r) in t.rows.enumerated() {
                out.append(Line(text: t.line(r, widths: w), style: warnings[a.certificates[i].id] == nil ? .plain : .warning,
                                item: a.classes.count + i + 1))
            }
        }
        for c in a.certificates {
            for w in warnings[c.id] ?? [] {
                out.append(Line(text: lang.format(.archiveWarnLegend, c.number, w.message(lang)), style: .warning))
            }
        }
        for c in a.certificates where c.isVoided {
            out.append(Line(text: lang.format(.certVoidLegend, c.number, c.voidedBy ?? "", c.voidReason ?? ""), style: .dim))
        }
        out.append(Line(text: ""))
        if a.claims.isEmpty {
            out.append(Line(text: lang[.archiveNoClaims], style: .bold))
        } else {
            out.append(Line(text: lang.format(.archiveClaims, a.claims.count), style: .bold))
            let t = Self.claimTable(a, lang)
            let w = t.resolvedWidths(totalWidth: width)
            out.append(Line(text: t.line(t.columns.map(\.title), widths: w), style: .bold))
            let before = a.classes.count + a.certificates.count
            for (i, r) in t.rows.enumerated() {
                out.append(Line(text: t.line(r, widths: w), style: chosenClaim == i ? .reverse : .plain, item: before + i + 1))
            }
        }
        return out
    }

    /// The classes table: occupation, level, type, dates, counted/planned hours, done ✓.
    static func classTable(_ a: WorkerArchive, _ lang: Lang) -> Table {
        Table(columns: [
            TableColumn(title: "#", width: 4, alignRight: true),
            TableColumn(title: lang[.colArcOccupation], width: 0),
            TableColumn(title: lang[.colArcLevel], width: 12),
            TableColumn(title: lang[.colArcType], width: 16),
            TableColumn(title: lang[.colArcDates], width: 21),
            TableColumn(title: lang[.colArcHours], width: 9, alignRight: true),
            TableColumn(title: lang[.colArcDone], width: 4),
        ], rows: a.classes.map { c in
            [String(c.row.id), c.row.occupationCode + " " + (c.occupationName ?? ""), c.levelLabel(lang), c.typeLabel(lang),
             c.row.startDate + "–" + c.row.endDate, Hours.text(c.countedMinutes) + "/" + String(c.row.plannedHours),
             c.completed ? "✓" : ""]
        })
    }

    /// The claims table: number, kind, status, amount.
    static func claimTable(_ a: WorkerArchive, _ lang: Lang) -> Table {
        Table(columns: [
            TableColumn(title: lang[.colClaimNumber], width: 14),
            TableColumn(title: lang[.colClaimKind], width: 16),
            TableColumn(title: lang[.colStatus], width: 10),
            TableColumn(title: lang[.colAmount], width: 13, alignRight: true),
        ], rows: a.claims.map { c in
            [c.number, c.kind?.label(lang) ?? "", c.status.label(lang), Money.format(fen: c.amountFen)]
        })
    }

    /// The certificates table; a certificate with a W1 warning is marked ⚠ in the first column.
    static func certificateTable(_ a: WorkerArchive, warned: Set<Int64>, _ lang: Lang) -> Table {
        Table(columns: [
            TableColumn(title: "", width: 1),
            TableColumn(title: lang[.colCertType], width: 16),
            TableColumn(title: lang[.colCertNumber], width: 0),
            TableColumn(title: lang[.colCertOccupation], width: 10),
            TableColumn(title: lang[.colArcLevel], width: 12),
            TableColumn(title: lang[.colCertIssued], width: 10),
            TableColumn(title: lang[.colCertIssuer], width: 0),
            TableColumn(title: lang[.colCertClass], width: 6, alignRight: true),
        ], rows: a.certificates.map { c in
            [warned.contains(c.id) ? "⚠" : c.isVoided ? "✗" : "", c.typeLabel(lang),
             c.number, c.occupationCode, c.levelLabel(lang),
             c.issueDate, c.issuer ?? "—", c.classID.map(String.init) ?? "—"]
        })
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let width = body.width - 2
        var y = body.y + 1
        canvas.put(workerID + "  " + Sanitize.forDisplay(name), x: 1, y: y, style: .bold, maxWidth: width)
        y += 1
        if let error {
            canvas.put(error, x: 1, y: y + 1, style: .error, maxWidth: width)
            return
        }
        guard let a = archive else { return }
        // The header stays put: the worker, 学分累计, and where the view is.
        canvas.put(lang.format(.archiveTotal, Hours.text(a.countedMinutesTotal)), x: 1, y: y, style: .bold, maxWidth: width)
        let all = lines(a, width: width, lang)
        let rows = max(0, body.maxY - (y + 2))
        let shown = Array(all.dropFirst(top).prefix(rows))
        if all.count > rows {
            let items = shown.compactMap(\.item)
            let total = a.classes.count + a.certificates.count + a.claims.count
            let position = items.isEmpty ? "— / \(total)" : lang.format(.archivePosition, items.first!, items.last!, total)
            canvas.put(position, x: body.width - 1 - TextWidth.of(position), y: y, style: .dim)
        }
        y += 2
        for line in shown {
            canvas.put(line.text, x: 1, y: y, style: line.style, maxWidth: width)
            y += 1
        }
        wizard?.draw(into: &canvas, in: body)
        certOverlay.draw(into: &canvas, in: body)
    }
}
