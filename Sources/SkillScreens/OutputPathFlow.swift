import SkillCore
import SkillDesk
import TermUI

/// The question before a screen writes a file: the path (prefilled with a suggestion, the first
/// key typed replaces it), checked by the one writer's rules (`OutputFile.check`: never the
/// database, a directory or a missing folder), then — if the file exists — whether to replace it.
/// The screen writes the file itself once the flow says `.chosen`.
struct OutputPathFlow {
    enum Outcome: Equatable {
        case open
        case cancelled
        case chosen(path: String, replace: Bool)
    }

    enum Step {
        case path(TextPrompt)
        case overwrite(Dialog, target: String)
    }
    var step: Step
    /// The key of the "%@ exists. Replace it …?" text.
    let overwriteKey: S

    init(title: String, hint: String, suggested: String, overwriteKey: S = .csvOverwrite) {
        var p = TextPrompt(title: title, hint: hint, maxLength: 1000)
        p.field = .prefilled("./" + suggested, maxLength: 1000)
        step = .path(p)
        self.overwriteKey = overwriteKey
    }

    mutating func handle(_ key: Key, _ ctx: ScreenContext) -> (Outcome, [Effect]) {
        let lang = ctx.lang
        switch step {
        case var .path(p):
            switch p.handle(key, emptyProblem: lang[.pathRequired]) {
            case .none: step = .path(p); return (.open, [])
            case .cancelled: return (.cancelled, [.message(lang[.csvCancelled], .warning)])
            case let .entered(typed):
                let exists: Bool
                do { exists = try OutputFile.check(typed, protected: ctx.session?.protectedPaths ?? []) } catch {
                    p.problem = describe(error, lang)
                    step = .path(p)
                    return (.open, [])
                }
                if exists {
                    step = .overwrite(Dialog(title: lang[.overwriteTitle], message: [lang.format(overwriteKey, Sanitize.forDisplay(typed))],
                                             buttons: [lang[.overwrite], lang[.keyCancel]], focusedButton: 1, style: .warning),
                                      target: typed)
                    return (.open, [])
                }
                return (.chosen(path: typed, replace: false), [])
            }
        case .overwrite(var d, let target):
            switch d.handle(key) {
            case .none: step = .overwrite(d, target: target); return (.open, [])
            case .button(0): return (.chosen(path: target, replace: true), [])
            case .button, .cancelled: return (.cancelled, [.message(lang[.csvCancelled], .warning)])
            }
        }
    }

    func draw(into canvas: inout Canvas, in area: Rect) {
        switch step {
        case let .path(p): OverlayWidget.prompt(p).draw(into: &canvas, in: area)
        case let .overwrite(d, _): OverlayWidget.dialog(d).draw(into: &canvas, in: area)
        }
    }
}

extension Optional where Wrapped == OutputPathFlow {
    func draw(into canvas: inout Canvas, in area: Rect) {
        if case let .some(f) = self { f.draw(into: &canvas, in: area) }
    }
}
