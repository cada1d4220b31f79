import SkillCore
import SkillDesk
import TermUI

/// 资金使用公开 / Fund disclosure (issue 13, 003 三(三)): for a period (the quarter of the business
/// date to start with; F4 another, read by `ReportPeriod.parse`), the subsidies paid — the total,
/// by subsidy kind and by institution, how many lines the published list has — and F9 to write the
/// list with masked names and IDs as HTML, CSV or XLSX (`Session.writeDisclosure`, as slow work).
/// Supervisors, finance, auditors and administrators (`readReports`). Institutions past the screen
/// scroll with PgUp/PgDn.
public final class DisclosureScreen: Screen {
    var period: ReportPeriod
    var disclosure: Disclosure?
    var errorText: String?
    /// The first institution row shown.
    var institutionOffset = 0
    /// How many institution rows the last drawing showed (PgDn moves by it).
    var institutionRows = 1

    enum Overlay: OverlayCase {
        case period(TextPrompt)
        case format(PromptList)
        case path(TextPrompt, DisclosureFormat, BankFileEncoding)
        case overwrite(Dialog, DisclosureFormat, BankFileEncoding, target: String)

        var widget: OverlayWidget {
            switch self {
            case let .period(p): .prompt(p, width: 70)
            case let .format(l): .list(l)
            case let .path(p, _, _): .prompt(p)
            case let .overwrite(d, _, _, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?

    public init(_ ctx: ScreenContext, period: ReportPeriod? = nil) {
        self.period = period ?? ReportPeriod.quarter(containing: ctx.desk.today())
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            disclosure = try s.disclosure(period)
            errorText = nil
        } catch {
            disclosure = nil
            errorText = describe(error, ctx.lang)
        }
        institutionOffset = 0
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.menuDisclosure] + " · " + period.label(ctx.lang) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        return [("F3", lang[.keyBack]), ("F4", lang[.keyPeriod]), ("F9", lang[.keyWriteFile]), ("PgDn", lang[.keyMore]),
                ("F5", lang[.keyRefresh])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpDisclosure], ctx.lang[.helpOther]] }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        load(ctx)
        return []
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if let effects = handleModal(key, ctx) { return effects }
        let lang = ctx.lang
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(5), .char("r"):
            load(ctx)
        case .function(4), .char("p"):
            var p = TextPrompt(title: lang[.discPeriodTitle], hint: lang[.discPeriodHint], maxLength: 40)
            p.field = .prefilled(period.code, maxLength: 40)
            overlay = .period(p)
        case .function(9), .char("w"):
            var l = PromptList(title: lang.format(.discFormatTitle, period.label(lang)),
                               items: [("html", lang[.discFormatHTML]), ("utf8-bom", lang[.csvEncodingUTF8]),
                                       ("gb18030", lang[.csvEncodingGB]), ("xlsx", lang[.exportFormatXLSX])])
            l.maxCodeWidth = 9
            overlay = .format(l)
        case .pageDown:
            let count = disclosure?.byInstitution.count ?? 0
            if institutionOffset + institutionRows < count { institutionOffset += max(1, institutionRows) }
        case .pageUp:
            institutionOffset = max(0, institutionOffset - max(1, institutionRows))
        default:
            break
        }
        return []
    }

    func handleModal(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        let lang = ctx.lang
        guard let open = overlay else { return nil }
        switch open {
        case var .period(p):
            switch p.handle(key, emptyProblem: lang[.discPeriodHint]) {
            case .none: overlay = .period(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                switch ReportPeriod.parse(text) {
                case let .success(v):
                    overlay = nil
                    period = v
                    load(ctx)
                case .failure:
                    // The hint above lists the forms; the one-line prompt has no room for the long message.
                    p.problem = lang.format(.discPeriodInvalid, Sanitize.forDisplay(text))
                    overlay = .period(p)
                }
            }
        case var .format(l):
            switch l.handle(key) {
            case .none: overlay = .format(l)
            case .cancelled: overlay = nil; return [.message(lang[.csvCancelled], .warning)]
            case let .chosen(codes):
                let code = codes.first ?? ""
                let format: DisclosureFormat = code == "html" ? .html : (code == "xlsx" ? .xlsx : .csv)
                let encoding = BankFileEncoding(rawValue: code) ?? .utf8BOM
                var p = TextPrompt(title: lang.format(.discPathTitle, period.label(lang)), hint: lang[.discPathHint], maxLength: 1000)
                p.field = .prefilled("./disclosure-\(period.code).\(format.rawValue)", maxLength: 1000)
                overlay = .path(p, format, encoding)
            }
        case .path(var p, let format, let encoding):
            switch p.handle(key, emptyProblem: lang[.pathRequired]) {
            case .none: overlay = .path(p, format, encoding)
            case .cancelled: overlay = nil; return [.message(lang[.csvCancelled], .warning)]
            case let .entered(typed):
                guard DisclosureFormat.fromExtension(typed) == format else {
                    p.problem = lang.format(.discPathExtension, format.rawValue)
                    overlay = .path(p, format, encoding)
                    return []
                }
                let exists: Bool
                do { exists = try OutputFile.check(typed, protected: ctx.session?.protectedPaths ?? []) } catch {
                    p.problem = describe(error, lang)
                    overlay = .path(p, format, encoding)
                    return []
                }
                if exists {
                    overlay = .overwrite(Dialog(title: lang[.overwriteTitle], message: [lang.format(.csvOverwrite, Sanitize.forDisplay(typed))],
                                                buttons: [lang[.overwrite], lang[.keyCancel]], focusedButton: 1, style: .warning),
                                         format, encoding, target: typed)
                    return []
                }
                overlay = nil
                return [write(ctx, format: format, encoding: encoding, to: typed, replace: false)]
            }
        case .overwrite(var d, let format, let encoding, let target):
            switch d.handle(key) {
            case .none: overlay = .overwrite(d, format, encoding, target: target)
            case .button(0):
                overlay = nil
                return [write(ctx, format: format, encoding: encoding, to: target, replace: true)]
            case .button, .cancelled:
                overlay = nil
                return [.message(lang[.csvCancelled], .warning)]
            }
        }
        return []
    }

    func write(_ ctx: ScreenContext, format: DisclosureFormat, encoding: BankFileEncoding, to target: String, replace: Bool) -> Effect {
        let lang = ctx.lang, period = period
        return .work(Work(title: lang.format(.discWriting, period.label(lang), Sanitize.forDisplay(target))) { progress in
            guard let s = ctx.session else { return [] }
            do {
                let r = try s.writeDisclosure(period, to: target, format: format, encoding: encoding, replace: replace, lang: lang) { n in
                    progress.report(lang.format(.csvProgress, n))
                }
                let what = format == .csv ? (encoding == .gb18030 ? "CSV GB18030" : "CSV UTF-8") : format.rawValue.uppercased()
                return [.message(lang.format(.discWritten, r.rows, Sanitize.forDisplay(target), what, String(r.sha256.prefix(12))), .ok)]
            } catch {
                return [.message(describe(error, lang), .error)]
            }
        })
    }

    static func table(_ first: String, _ rows: [(String, Int, Int64)], total: (Int, Int64)?, lang: Lang) -> Table {
        var body = rows.map { [$0.0, String($0.1), Money.format(fen: $0.2)] }
        if let total { body.append([lang[.discTotalRow], String(total.0), Money.format(fen: total.1)]) }
        return Table(columns: [TableColumn(title: first, width: 0), TableColumn(title: lang[.discColCount], width: 8, alignRight: true),
                               TableColumn(title: lang[.discColAmount], width: 18, alignRight: true)], rows: body)
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        var y = body.y
        let width = body.width - 2
        if let e = errorText {
            canvas.put(e, x: 1, y: y, style: .error, maxWidth: width)
            overlay.draw(into: &canvas, in: body)
            return
        }
        guard let d = disclosure else { overlay.draw(into: &canvas, in: body); return }
        canvas.put(lang.format(.discPeriodLine, period.label(lang), d.first, d.last, Sanitize.forDisplay(d.city), d.clause),
                   x: 1, y: y, style: .bold, maxWidth: width)
        y += 1
        if d.count == 0 {
            canvas.put(lang.format(.discNone, period.label(lang)), x: 1, y: y, style: .dim, maxWidth: width)
            canvas.put(lang[.discRule], x: 1, y: body.maxY - 1, style: .dim, maxWidth: width)
            overlay.draw(into: &canvas, in: body)
            return
        }
        canvas.put(lang.format(.discTotal, d.count, Money.format(fen: d.amountFen)), x: 1, y: y, maxWidth: width)
        if d.clawedBackCount > 0 {
            canvas.put(lang.format(.discClawed, d.clawedBackCount, Money.format(fen: d.clawedBackFen)), x: 1, y: y + 1, maxWidth: width)
        }
        y += 3
        let tableWidth = min(width, 76)
        let kinds = Self.table(lang[.discByKind], d.byKind.map { ($0.kind.label(lang), $0.count, $0.amountFen) }, total: (d.count, d.amountFen), lang: lang)
        kinds.draw(into: &canvas, at: Rect(x: 1, y: y, width: tableWidth, height: kinds.rows.count + 1))
        y += kinds.rows.count + 2
        // The institutions take what is left above the two notes.
        let notesY = body.maxY - 2
        let room = max(1, notesY - 1 - y - 1)
        let all = d.byInstitution.map { i in
            (i.code.isEmpty ? lang[.discNoInstitution] : Sanitize.forDisplay(i.name.isEmpty ? i.code : i.name), i.count, i.amountFen)
        }
        let more = all.count - institutionOffset > room
        let shown = Array(all.dropFirst(institutionOffset).prefix(more ? room - 1 : room))
        institutionRows = max(1, shown.count)
        let inst = Self.table(lang[.discByInstitution], shown, total: nil, lang: lang)
        inst.draw(into: &canvas, at: Rect(x: 1, y: y, width: tableWidth, height: shown.count + 1))
        if more {
            canvas.put(lang.format(.discMoreInstitutions, all.count - institutionOffset - shown.count), x: 1, y: y + shown.count + 1,
                       style: .dim, maxWidth: width)
        }
        canvas.put(lang.format(.discLines, d.count), x: 1, y: notesY, maxWidth: width)
        canvas.put(lang[.discRule], x: 1, y: notesY + 1, style: .dim, maxWidth: width)
        overlay.draw(into: &canvas, in: body)
    }
}
