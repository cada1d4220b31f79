import Foundation
import SkillCore
import SkillDesk
import TermUI

/// One worker: every field, the bank account subsidies are paid into (masked: last 4 digits), then
/// the audit history of the record (who changed what, when). Clerks record or change the bank
/// account with F6 (`setBankAccount` checks the number and audits it).
public final class WorkerDetailScreen: Screen {
    var row: WorkerRow
    var history: [AuditEntry] = []
    var historyError: String?
    var scroll = 0
    /// The masked account (nil: none on record or not readable).
    var bankAccount: String?
    /// The one overlay open (keys go to it first; it is drawn last): F6's bank account prompt.
    enum Overlay: OverlayCase {
        case bankAccount(TextPrompt)
        var widget: OverlayWidget { switch self { case let .bankAccount(p): .prompt(p, width: 96) } }
    }
    var overlay: Overlay?
    /// The record differs from its last audited image (edited outside the program), by field.
    var auditProblem: String?

    public init(row: WorkerRow, ctx: ScreenContext) {
        self.row = row
        load(ctx)
    }

    func load(_ ctx: ScreenContext) {
        guard let s = ctx.session else { return }
        do {
            row = try s.worker(id: row.id)
            bankAccount = try s.bankAccount(workerID: row.id)
            history = try s.history(workerID: row.id)
            auditProblem = try s.workerAuditProblem(id: row.id)?.message(ctx.lang)
            historyError = nil
        } catch {
            historyError = describe(error, ctx.lang)
        }
    }

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.workerDetail] + " · " + row.name }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        var keys: [(key: String, label: String)] = [("F3", ctx.lang[.keyBack])]
        if ctx.session?.can(.editWorker) == true {
            keys += [("F2", ctx.lang[.keyEdit]), ("F6", ctx.lang[.keyBankAccount])]
        }
        if ctx.session?.can(.readClasses) == true { keys.append(("F7", ctx.lang[.keyArchive])) }
        keys += [("F5", ctx.lang[.keyRefresh]), ("↑↓", ctx.lang[.keyScroll])]
        return keys
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpWorkerDetail], ctx.lang[.helpOther]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        if case var .bankAccount(p)? = overlay {
            switch p.handle(key) {
            case .none: overlay = .bankAccount(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                guard let s = ctx.session else { overlay = nil; return [] }
                do {
                    try s.setBankAccount(workerID: row.id, account: HalfWidth.ascii(text))
                    overlay = nil
                    load(ctx)
                    return [.message(ctx.lang.format(.bankSaved, row.name, bankAccount ?? ""), .ok)]
                } catch {
                    // The number stays in the field to be corrected; the refusal says what is wrong.
                    p.problem = describe(error, ctx.lang)
                    overlay = .bankAccount(p)
                }
            }
            return []
        }
        switch key {
        case .function(3), .function(12), .char("q"):
            return [.pop]
        case .function(2), .char("2"), .char("e"):
            guard ctx.session?.can(.editWorker) == true else {
                return [.message(DeskError.notPermitted(.editWorker).message(ctx.lang), .error)]
            }
            return [.push(WorkerFormScreen(ctx: ctx, editing: row))]
        case .function(6), .char("6"), .char("b"):
            guard ctx.session?.can(.editWorker) == true else {
                return [.message(DeskError.notPermitted(.editWorker).message(ctx.lang), .error)]
            }
            overlay = .bankAccount(TextPrompt(title: ctx.lang[.bankTitle],
                                              hint: ctx.lang.format(.bankHint, bankAccount ?? ctx.lang[.bankNone]), maxLength: 40,
                                              required: false))
        case .function(7), .char("7"), .char("a"):
            guard ctx.session?.can(.readClasses) == true else {
                return [.message(DeskError.notPermitted(.readClasses).message(ctx.lang), .error)]
            }
            return [.push(WorkerArchiveScreen(workerID: row.id, name: row.name, ctx: ctx))]
        case .function(5), .char("r"):
            load(ctx)
        case .up:
            scroll = max(0, scroll - 1)
        case .down:
            scroll = min(max(0, history.count - 1), scroll + 1)
        default:
            break
        }
        return []
    }

    public func resume(_ ctx: ScreenContext) -> [Effect] {
        load(ctx)
        return []
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        var y = body.y + 1
        for (label, value) in WorkerText.fields(row, lang: lang) {
            FormLayout.drawRow(into: &canvas, x: 1, y: y, label: label, labelWidth: 20, field: nil,
                               fieldWidth: body.width - 22, value: value)
            y += 1
        }
        FormLayout.drawRow(into: &canvas, x: 1, y: y, label: lang[.fieldBankAccount], labelWidth: 20, field: nil,
                           fieldWidth: body.width - 22, value: bankAccount ?? lang[.bankNone])
        y += 1
        if let auditProblem {
            for piece in TextWidth.wrap("⚠ " + auditProblem, to: body.width - 4) {
                canvas.put(piece, x: 3, y: y, style: .error, maxWidth: body.width - 4)
                y += 1
            }
        }
        y += 1
        canvas.put(lang[.history], x: 1, y: y, style: .bold)
        y += 1
        if let historyError {
            canvas.put(historyError, x: 3, y: y, style: .error, maxWidth: body.width - 4)
            overlay.draw(into: &canvas, in: body)
            return
        }
        if history.isEmpty { canvas.put(lang[.historyEmpty], x: 3, y: y, style: .dim) }
        let lines = history.reversed().map { e -> String in
            "\(Self.localTime(e.at))  \(e.user)  \(Self.action(e.action, lang))  \(Self.changes(e, lang))"
        }
        for line in lines.dropFirst(scroll) {
            guard y < body.maxY else { break }
            canvas.put(line, x: 3, y: y, maxWidth: body.width - 4)
            y += 1
        }
        overlay.draw(into: &canvas, in: body)
    }

    static func action(_ code: String, _ lang: Lang) -> String {
        switch code {
        case "worker.create": return lang[.actionRegistered]
        case "worker.update": return lang[.actionEdited]
        case "worker.bank_account": return lang[.fieldBankAccount]
        default: return code
        }
    }

    /// "phone: 139… → 138…; name: … → …" from the before/after JSON.
    static func changes(_ e: AuditEntry, _ lang: Lang) -> String {
        if e.action == "worker.bank_account", let after = e.after.flatMap(decode) {
            // The audit keeps only the masked numbers; the first one has no before.
            return "\(e.before.flatMap(decode)?["bank_account"] ?? "—") → \(after["bank_account"] ?? "—")"
        }
        guard let before = e.before.flatMap(decode), let after = e.after.flatMap(decode) else { return "" }
        var parts: [String] = []
        for key in after.keys.sorted() where !["version", "updated_at", "created_at"].contains(key) {
            let a = "\(before[key] ?? "—")", b = "\(after[key] ?? "—")"
            if a != b { parts.append("\(fieldLabel(key, lang))：\(a) → \(b)") }
        }
        return parts.joined(separator: "; ")
    }

    /// "phone" → 手机号 / Mobile: the snapshot's snake_case keys named as the form names them.
    static func fieldLabel(_ key: String, _ lang: Lang) -> String {
        let camel = key.split(separator: "_").enumerated()
            .map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
        return WorkerField(rawValue: camel).map { WorkerText.label($0, lang) } ?? key
    }

    static func decode(_ json: String) -> [String: String]? {
        // ignoring is right: nil ("not an object") is this function's answer for an image it cannot read.
        guard let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return obj.mapValues { v in
            if let a = v as? [Any] { return a.map { "\($0)" }.joined(separator: ";") }
            if v is NSNull { return "—" }
            return "\(v)"
        }
    }

    /// An audit time (UTC) shown in the bureau's time zone.
    static func localTime(_ utc: String) -> String {
        guard let d = Timestamp.parse(utc) else { return utc }
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: d)
    }
}
