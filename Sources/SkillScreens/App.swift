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
    var helpDialog: Dialog?

    public init(ctx: ScreenContext, root: any Screen) {
        self.ctx = ctx
        self.stack = [root]
    }

    public var top: any Screen { stack[stack.count - 1] }

    /// Handles one key. F1 help is the frame's; everything else goes to the top screen.
    public func handle(_ key: Key) {
        if var dialog = helpDialog {
            if dialog.handle(key) != .none { helpDialog = nil } else { helpDialog = dialog }
            return
        }
        if key == .resize { return }
        if key == .function(1) {
            helpDialog = Dialog(title: ctx.lang[.helpTitle], message: top.help(ctx), buttons: [ctx.lang[.close]])
            return
        }
        message = nil
        apply(top.handle(key, ctx))
    }

    /// The top screen has a job to run once its "working…" frame has been drawn (and no help
    /// overlay hides that frame).
    public var hasDeferredWork: Bool { helpDialog == nil && !isFinished && top.hasDeferredWork }

    /// Runs the top screen's waiting job; call after presenting a frame when `hasDeferredWork`.
    public func runDeferred() {
        guard hasDeferredWork else { return }
        message = nil
        apply(top.runDeferred(ctx))
    }

    func apply(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case let .push(screen):
                stack.append(screen)
            case .pop:
                if stack.count > 1 {
                    stack.removeLast()
                    apply(top.resume(ctx))
                } else {
                    isFinished = true
                }
            case let .reset(screen):
                stack = [screen]
            case .quit:
                isFinished = true
            case let .message(text, style):
                message = (text, style)
            }
        }
    }

    /// Draws the whole frame into a new canvas of the given size.
    public func render(width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: max(1, width), height: max(1, height))
        if Layout.isTooSmall(width: width, height: height) {
            Layout.tooSmall(&canvas, message: ctx.lang.format(.tooSmall, width, height))
            return canvas
        }
        let body = Rect(x: 0, y: 1, width: width, height: height - 3)
        top.prepare(ctx, body: body)
        drawTitleBar(&canvas)
        top.draw(into: &canvas, body: body, ctx)
        canvas.clearRow(height - 2)
        if let message {
            canvas.put(message.text, x: 1, y: height - 2, style: message.style, maxWidth: width - 2)
        }
        Footer.draw(into: &canvas, y: height - 1, width: width - 1, x: 1,
                    keys: [(key: "F1", label: ctx.lang[.keyHelp])] + top.footer(ctx))
        if let helpDialog {
            helpDialog.draw(into: &canvas, in: canvas.bounds)
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
