import Foundation
import SkillCore
import SkillDesk
import SkillStore
import TermUI

/// A worker's training archive (电子档案、学分累计 — 003 二(二)7): classes with counted and
/// planned hours and completion, certificates, and the accumulated counted hours. Read-only.
public final class WorkerArchiveScreen: Screen {
    let workerID: String
    var name: String
    var archive: WorkerArchive?
    var error: String?

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
            error = nil
        } catch {
            self.error = describe(error, ctx.lang)
        }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.archive] + " · " + name }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        [("F3", ctx.lang[.keyBack]), ("F5", ctx.lang[.keyRefresh])]
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpArchive], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch key {
        case .function(3), .function(12), .char("q"): return [.pop]
        case .function(5), .char("r"): load(ctx)
        default: break
        }
        return []
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        load(ctx)
        return []
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

    static func certificateTable(_ a: WorkerArchive, _ lang: Lang) -> Table {
        Table(columns: [
            TableColumn(title: lang[.colCertType], width: 16),
            TableColumn(title: lang[.colCertNumber], width: 0),
            TableColumn(title: lang[.colCertOccupation], width: 10),
            TableColumn(title: lang[.colArcLevel], width: 12),
            TableColumn(title: lang[.colCertIssued], width: 10),
            TableColumn(title: lang[.colCertIssuer], width: 0),
            TableColumn(title: lang[.colCertClass], width: 6, alignRight: true),
        ], rows: a.certificates.map { c in
            [c.typeLabel(lang), c.number, c.occupationCode, c.levelLabel(lang), c.issueDate, c.issuer ?? "—",
             c.classID.map(String.init) ?? "—"]
        })
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let width = body.width - 2
        var y = body.y + 1
        canvas.put(workerID + "  " + Sanitize.forDisplay(name), x: 1, y: y, style: .bold, maxWidth: width)
        y += 2
        if let error {
            canvas.put(error, x: 1, y: y, style: .error, maxWidth: width)
            return
        }
        guard let a = archive else { return }
        // Keep room below for the certificates and the total.
        let certRows = min(a.certificates.count, 5)
        let spare = body.maxY - y - 2 - (certRows + 2) - 2
        canvas.put(lang.format(.archiveClasses, a.classes.count), x: 1, y: y, style: .bold, maxWidth: width)
        y += 1
        if a.classes.isEmpty {
            canvas.put(lang[.archiveNoClasses], x: 3, y: y, style: .dim, maxWidth: width)
            y += 1
        } else {
            let shown = max(1, min(a.classes.count, spare))
            Self.classTable(a, lang).draw(into: &canvas, at: Rect(x: 1, y: y, width: width, height: shown + 1))
            y += shown + 1
        }
        y += 1
        guard y < body.maxY else { return }
        canvas.put(lang.format(.archiveCertificates, a.certificates.count), x: 1, y: y, style: .bold, maxWidth: width)
        y += 1
        if a.certificates.isEmpty {
            canvas.put(lang[.archiveNoCertificates], x: 3, y: y, style: .dim, maxWidth: width)
            y += 1
        } else {
            let shown = max(0, min(certRows, body.maxY - y - 3))
            Self.certificateTable(a, lang).draw(into: &canvas, at: Rect(x: 1, y: y, width: width, height: shown + 1))
            y += shown + 1
        }
        y += 1
        guard y < body.maxY else { return }
        canvas.put(lang.format(.archiveTotal, Hours.text(a.countedMinutesTotal)), x: 1, y: y, style: .bold, maxWidth: width)
    }
}
