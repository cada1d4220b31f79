import Foundation
import SkillCore
import SkillDesk
import TermUI

/// The screen stack and the frame around every screen: title bar, body, message line, footer.
/// Pure apart from what screens do in `handle`: tests drive it with keys and read its canvas.
public final class App {
    public let ctx: ScreenContext
    public private(set) var stack: [any Screen]
    public private(set) var message: (text: String, style: Style)?
    public private(set) var isFinished = false
    /// The frame's own overlay (F1 help); a screen's overlays are the screen's.
    enum Overlay: OverlayCase {
        /// F1 (or `?` where no caret is shown): every key of the top screen, then its help text.
        case help(KeyList)
        /// "Leave SkillDesk?" (issue 12): Enter or F3 leaves, any other key stays.
        case leave(Dialog)
        var widget: OverlayWidget { switch self { case let .help(k): .keys(k); case let .leave(d): .dialog(d) } }
    }
    /// Whether the last frame showed a caret (a text field, a prompt, an option field or a list's
    /// filter takes typed keys there): where none is shown, `?` opens the key list.
    private var lastFrameHadCaret = false
    /// The size of the last frame drawn: while it is too small no key but resize and the leave
    /// question does anything (the screen under the notice is hidden).
    private var lastSize: (width: Int, height: Int)?
    var isTooSmall: Bool { lastSize.map { Layout.isTooSmall(width: $0.width, height: $0.height) } ?? false }
    var overlay: Overlay?
    /// Slow work a screen asked for (`Effect.work`), waiting for its "working…" frame to be drawn;
    /// `owner` is the screen that asked: the work runs only while that screen is on top, and is
    /// dropped when it leaves the stack.
    private(set) var pendingWork: (work: Work, owner: ObjectIdentifier)?
    /// The work now running and the progress it reported, for the frames drawn meanwhile.
    private var running: (title: String, progress: WorkProgress)?

    public init(ctx: ScreenContext, root: any Screen) {
        self.ctx = ctx
        self.stack = [root]
    }

    public var top: any Screen { stack[stack.count - 1] }

    /// Handles one key. F1 help is the frame's; everything else goes to the top screen.
    public func handle(_ key: Key) {
        if case .leave? = overlay {
            if key == .resize { return }
            if key == .enter || key == .function(3) || key == .ctrl("c") {
                isFinished = true
            } else {
                overlay = nil
                message = (ctx.lang[.leaveStayed], .warning)
            }
            return
        }
        if key == .ctrl("c") { askLeave(); return }
        // A hidden screen takes no key: only a resize (drawn next) and Ctrl-C's question act.
        if isTooSmall { return }
        if case var .help(list)? = overlay {
            overlay = list.handle(key) == .none ? .help(list) : nil
            return
        }
        if key == .resize { return }
        if key == .function(1) || (key == .char("?") && !lastFrameHadCaret) {
            overlay = .help(keyList())
            return
        }
        message = nil
        apply(top.handle(key, ctx))
    }

    /// The frame's keys and the top screen's footer declaration, in the footer's order, then the
    /// keys every screen has: the one declaration the footer and the key list both come from.
    func declaredKeys() -> [(key: String, label: String)] {
        [(key: "F1", label: ctx.lang[.keyHelp])] + top.footer(ctx)
    }

    /// F1's overlay: every declared key with what it does, the frame's own keys, the screen's help.
    func keyList() -> KeyList {
        let lang = ctx.lang
        var keys = declaredKeys().map { KeyItem($0.key, $0.label) }
        keys[0].label = lang[.keyListF1]
        keys.append(KeyItem("?", lang[.keyListQuestion]))
        keys.append(KeyItem("Ctrl-C", lang[.keyListCtrlC]))
        // A message too long for its row is read whole here, before the screen's help.
        var notes = top.help(ctx)
        if let m = message, let (w, _) = lastSize, TextWidth.of(m.text) > w - 2 {
            notes.insert(lang.format(.messageWhole, m.text), at: 0)
        }
        return KeyList(title: lang[.helpTitle] + " · " + top.title(ctx), keys: keys, notes: notes,
                       closeLabel: lang[.close], moreLabel: lang[.keyListMore])
    }

    /// The message row: the message, or, when it is wider than the row, as much as fits and "… F1"
    /// (F1 shows it whole), so a long refusal is never cut without a way to read the rest.
    static func messageRow(_ text: String, width: Int, _ lang: Lang) -> String {
        guard TextWidth.of(text) > width else { return text }
        let more = lang[.messageMore]
        return TextWidth.clip(text, to: max(1, width - TextWidth.of(more))) + more
    }

    /// Slow work waits to run: its "working…" frame is what `render` draws now (and no help
    /// overlay hides that frame). The run loop then calls `runDeferred` instead of waiting for a key.
    public var hasDeferredWork: Bool {
        guard overlay == nil, !isFinished, let p = pendingWork else { return false }
        return ObjectIdentifier(top) == p.owner
    }

    /// Runs the waiting work (on this thread; it may take seconds) and applies what it returns.
    /// Call after presenting a frame when `hasDeferredWork`. `redraw` is called when the work
    /// reports progress, at most once per `redrawInterval`; it should present `render(...)`, which
    /// then shows the progress line (and does no screen I/O while the work runs).
    public func runDeferred(redrawInterval: Duration = .milliseconds(100), redraw: @escaping () -> Void = {}) {
        guard hasDeferredWork, let work = pendingWork?.work else { return }
        pendingWork = nil
        let progress = WorkProgress(interval: redrawInterval, redraw: redraw)
        running = (work.title, progress)
        let started = ContinuousClock.now
        let effects = work.run(progress)
        let took = ContinuousClock.now - started
        if let seconds = Self.slowWork(took) {
            // One line for the whole job (a batch decision, the re-check, a reconciliation), whose
            // transactions are each timed in the use-case layer too.
            screenLog.notice("slow operation", metadata: ["work": "\(work.title)", "seconds": "\(seconds)"])
        }
        running = nil
        message = nil
        apply(effects)
    }

    /// The seconds to log for slow work run by the loop (over `OperatorLog.slowThreshold`), else nil.
    static func slowWork(_ took: Duration) -> String? {
        took > OperatorLog.slowThreshold ? OperatorLog.seconds(took) : nil
    }

    /// Asks before the program ends (F3/q/0 on the home screen, Ctrl-C anywhere, the last screen
    /// popped): one press too many must not drop a clerk to the shell. Names unsaved form input.
    func askLeave() {
        var lines = [ctx.lang[.leaveMessage]]
        if stack.contains(where: { $0.hasUnsavedChanges }) { lines.insert(ctx.lang[.leaveUnsaved], at: 0) }
        overlay = .leave(Dialog(title: ctx.lang[.leaveTitle], message: lines,
                                buttons: [ctx.lang[.leaveButton], ctx.lang[.stay]], focusedButton: 0))
    }

    func apply(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case let .push(screen):
                stack.append(screen)
            case .pop:
                if stack.count > 1 {
                    stack.removeLast()
                    dropOrphanedWork()
                    apply(top.resume(ctx))
                } else {
                    askLeave()
                }
            case let .reset(screen):
                stack = [screen]
                dropOrphanedWork()
            case .quit:
                askLeave()
            case let .message(text, style):
                message = (text, style)
            case let .work(work):
                pendingWork = (work, ObjectIdentifier(top))
            }
        }
    }

    /// Work whose screen has left the stack is not run.
    private func dropOrphanedWork() {
        if let p = pendingWork, !stack.contains(where: { ObjectIdentifier($0) == p.owner }) { pendingWork = nil }
    }

    /// The message line: what the work waiting or running says (with its progress), else the message.
    private var messageLine: (text: String, style: Style)? {
        if let running {
            return (running.title + (running.progress.text.map { "  " + $0 } ?? ""), .warning)
        }
        if let p = pendingWork, ObjectIdentifier(top) == p.owner { return (p.work.title, .warning) }
        return message
    }

    /// Draws the whole frame into a new canvas of the given size.
    public func render(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: max(1, width), height: max(1, height))
        lastSize = (width, height)
        if Layout.isTooSmall(width: width, height: height) {
            var text = ctx.lang.format(.tooSmall, width, height)
            if case .leave? = overlay { text += " " + ctx.lang[.leaveTitle] + " " + ctx.lang[.leaveMessage] }
            Layout.tooSmall(&canvas, message: text)
            return canvas
        }
        let body = Rect(x: 0, y: 1, width: width, height: height - 3)
        // While work runs the screen's data is not reloaded: the frame only shows progress.
        if running == nil { top.prepare(ctx, body: body) }
        drawTitleBar(&canvas)
        top.draw(into: &canvas, body: body, ctx)
        canvas.clearRow(height - 2)
        if let line = messageLine {
            canvas.put(Self.messageRow(line.text, width: width - 2, ctx.lang), x: 1, y: height - 2, style: line.style, maxWidth: width - 2)
        }
        Footer.draw(into: &canvas, y: height - 1, width: width - 1, x: 1, keys: declaredKeys())
        lastFrameHadCaret = canvas.cursor != nil
        if case var .help(list)? = overlay {
            list.draw(into: &canvas, in: canvas.bounds)   // keeps its scroll position and page size
            overlay = .help(list)
            canvas.cursor = nil
        } else if overlay != nil {
            overlay.draw(into: &canvas, in: canvas.bounds)
            canvas.cursor = nil  // the caret under an overlay would mislead
        }
        return canvas
    }

    func drawTitleBar(_ canvas: inout Canvas) {
        let width = canvas.width
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: .title)
        let left = " " + ctx.lang[.appName] + " · " + top.title(ctx)
        var right = ctx.databaseName + " "
        if ctx.session != nil, let p = ctx.policy { right = p.name + " · " + right }
        if let s = ctx.session {
            let roles = s.roles.sorted { $0.rawValue < $1.rawValue }.map { $0.label(ctx.lang) }.joined(separator: ",")
            right = "\(s.user) (\(roles)) · " + right
        }
        let rightWidth = TextWidth.of(right)
        let leftWidth = canvas.put(left, x: 0, y: 0, style: .title, maxWidth: width)
        if leftWidth + 2 + rightWidth <= width {
            canvas.put(right, x: width - rightWidth, y: 0, style: .title)
        }
    }
}
