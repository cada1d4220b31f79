import SkillCore
import SkillDesk
import TermUI

/// One audit entry opened (issue 13): who, when, what, which record, its seq and hash, and its
/// before → after field by field — changed fields first, marked `*`, then the unchanged ones
/// (`AuditDiff`, neutralised in the use-case layer; the canvas neutralises again). Enter opens the
/// record's own screen where there is one (a claim, a worker).
public final class AuditEntryScreen: Screen {
    let seq: Int64
    var detail: AuditEntryDetail?
    var errorText: String?
    var needsQuery = true
    var top = 0
    var page = 10

    public init(seq: Int64, ctx: ScreenContext) {
        self.seq = seq
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang.format(.auditEntryTitle, Grouping.digits(Int(seq))) }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyBack])]
        if opensRecord { keys.append(("Enter", ctx.lang[.auditKeyOpenRecord])) }
        return keys + [("↑↓ PgUp/PgDn", ctx.lang[.keyScroll])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpAuditEntry], ctx.lang[.helpOther]] }

    var opensRecord: Bool {
        guard let e = detail?.item.entry else { return false }
        return Self.recordScreenEntities.contains(e.entity)
    }

    /// Entities whose records have a screen of their own to open.
    static let recordScreenEntities: Set<String> = ["claim", "worker"]

    public func prepare(_ ctx: ScreenContext, body: Rect) {
        page = max(1, body.height - 11)
        guard needsQuery, let s = ctx.session else { return }
        needsQuery = false
        do {
            detail = try s.auditEntry(seq: seq)
            errorText = nil
        } catch {
            detail = nil
            errorText = describe(error, ctx.lang)
        }
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let rows = detail?.diff.fields.count ?? 0
        switch key {
        case .function(3), .function(12), .char("q"), .escape:
            return [.pop]
        case .up: top = max(0, top - 1)
        case .down: top = min(max(0, rows - page), top + 1)
        case .pageUp: top = max(0, top - page)
        case .pageDown: top = min(max(0, rows - page), top + page)
        case .enter, .char("o"):
            guard let e = detail?.item.entry else { return [] }
            switch e.entity {
            case "claim":
                guard let id = Int64(e.key), id > 0 else { break }
                return [.push(ClaimDetailScreen(claimID: id, ctx: ctx))]
            case "worker":
                return [.push(WorkerArchiveScreen(workerID: e.key, name: "", ctx: ctx))]
            default: break
            }
            return [.message(ctx.lang.format(.auditNoRecordScreen, e.entity), .warning)]
        default: break
        }
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let w = body.width - 2
        guard let d = detail else {
            canvas.put(errorText ?? "", x: 1, y: body.y + 1, style: .error, maxWidth: w)
            return
        }
        let e = d.item.entry
        let when = String(e.at.prefix(23)).replacingOccurrences(of: "T", with: " ")
        let head: [(S, String)] = [(.auditColSeq, Grouping.digits(Int(e.seq))), (.auditColWhen, when), (.auditColUser, e.user),
                                   (.auditColAction, e.action), (.auditColEntity, e.entity), (.auditColKey, d.item.keyLabel),
                                   (.auditColSummary, d.item.summary(lang)), (.auditHash, e.hash)]
        for (i, (label, value)) in head.enumerated() {
            FormLayout.drawRow(into: &canvas, x: 1, y: body.y + i, label: lang[label], labelWidth: 14, field: nil,
                               fieldWidth: w - 14, value: value)
        }
        let kind: S
        switch d.diff.kind {
        case .created: kind = .auditKindCreated
        case .deleted: kind = .auditKindDeleted
        case .changed: kind = .auditKindChanged
        case .none: kind = .auditKindNone
        }
        canvas.put(lang.format(kind, d.diff.changed.count, d.diff.fields.count), x: 1, y: body.y + 8, style: .bold, maxWidth: w)
        let rect = Rect(x: 1, y: body.y + 9, width: w, height: body.height - 9)
        let fieldWidth = min(24, max(12, w / 4))
        var table = Table(columns: [TableColumn(title: "", width: 1), TableColumn(title: lang[.auditColField], width: fieldWidth),
                                    TableColumn(title: lang[.auditColBefore], width: 0), TableColumn(title: lang[.auditColAfter], width: 0)])
        let shown = d.diff.fields.dropFirst(min(top, max(0, d.diff.fields.count - 1)))
        table.rows = shown.map { f in [f.changed ? "*" : "", f.path, f.before ?? "—", f.after ?? "—"] }
        table.draw(into: &canvas, at: rect, state: TableState())
    }
}
