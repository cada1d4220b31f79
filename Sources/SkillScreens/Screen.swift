import Foundation
import SkillCore
import SkillDesk
import TermUI

/// What a screen asks the application to do after handling a key. The run loop and `App`
/// carry these out; screens never touch the terminal.
public enum Effect {
    case push(any Screen)
    case pop
    /// Replace the whole stack (log in → home, log out → login).
    case reset(any Screen)
    case quit
    case message(String, Style)
    /// Slow work (a re-check, a batch, a reconciliation, an import, a report): the run loop first
    /// draws a frame that says `Work.title`, then runs it and applies the effects it returns.
    case work(Work)
}

/// A job that may take seconds, handed to the run loop by a screen (`Effect.work`). The run loop
/// draws a "working…" frame (the title on the message line), runs `run` on the UI thread, redraws
/// at most every ~100 ms when the job reports progress, then applies the effects `run` returns —
/// which is how the result comes back to the screen (the closure holds the screen).
public struct Work {
    /// What the message line says while the job runs ("正在复核 12 件申请…").
    public var title: String
    public var run: (WorkProgress) -> [Effect]

    public init(title: String, run: @escaping (WorkProgress) -> [Effect]) {
        self.title = title
        self.run = run
    }
}

/// Where running work reports how far it is. `report` may be called from any thread (a job may
/// use several); the frame is redrawn only from the thread the job was started on, at most once
/// per interval, so a job that reports only from its helper threads shows the latest figure at
/// the next report on its own thread.
public final class WorkProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: String?
    private var changed = false
    private let owner = pthread_self()
    private let redraw: () -> Void
    private let interval: Duration
    private let clock = ContinuousClock()
    private var lastDrawn: ContinuousClock.Instant

    init(interval: Duration, redraw: @escaping () -> Void) {
        self.interval = interval
        self.redraw = redraw
        self.lastDrawn = clock.now
    }

    /// The progress line's text, once the job reported any.
    public var text: String? { lock.withLock { latest } }

    /// "37 / 120".
    public func report(done: Int, total: Int) { report("\(done) / \(total)") }

    /// Any short text ("第 2 批，共 5 批").
    public func report(_ text: String) {
        lock.withLock { latest = text; changed = true }
        guard pthread_equal(pthread_self(), owner) != 0 else { return }
        let now = clock.now
        guard now - lastDrawn >= interval else { return }
        let draw = lock.withLock { () -> Bool in defer { changed = false }; return changed }
        guard draw else { return }
        lastDrawn = now
        redraw()
    }
}

/// Shared facts every screen may read.
public final class ScreenContext {
    public let lang: Lang
    public let desk: Desk
    public let databaseName: String
    public var session: Session?
    /// The active policy profile, read when the home screen loads (shown in the title bar).
    public var policy: PolicyProfile?

    public init(lang: Lang, desk: Desk, databaseName: String, session: Session? = nil) {
        self.lang = lang
        self.desk = desk
        self.databaseName = databaseName
        self.session = session
    }
}

/// A screen: state, `handle(key)` → effects, and `draw` (pure: no I/O in draw). Screens may
/// call the use-case layer in `handle`/`resume` — those calls are the I/O, and each is one
/// short SQLite transaction (DECISIONS.md).
public protocol Screen: AnyObject {
    /// The name in the title bar.
    func title(_ ctx: ScreenContext) -> String
    /// The keys shown in the footer.
    func footer(_ ctx: ScreenContext) -> [(key: String, label: String)]
    func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect]
    /// Draws the body (everything between the title bar and the message line).
    func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext)
    /// Called when the screen becomes the top one again (after a pushed screen pops).
    func resume(_ ctx: ScreenContext) -> [Effect]
    /// Text of the F1 help overlay.
    func help(_ ctx: ScreenContext) -> [String]
    /// Does deferred I/O (e.g. a search query) after all typed-ahead keys were handled and
    /// before the frame is drawn. Slow work is not done here but returned as `Effect.work`.
    func prepare(_ ctx: ScreenContext, body: Rect)
    /// True while the screen holds typed input that is not saved (a form): the question before
    /// leaving the program says so.
    var hasUnsavedChanges: Bool { get }
}

extension Screen {
    public func resume(_ ctx: ScreenContext) -> [Effect] { [] }
    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpOther]] }
    public func prepare(_ ctx: ScreenContext, body: Rect) {}
    public var hasUnsavedChanges: Bool { false }
}
