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
    /// before the frame is drawn.
    func prepare(_ ctx: ScreenContext, body: Rect)
    /// True when the screen has a long job waiting to run after the frame now drawn (which says
    /// it is working — e.g. "正在复核 N 件申请…"). The run loop then calls `runDeferred` instead
    /// of waiting for a key.
    var hasDeferredWork: Bool { get }
    /// Runs the waiting job (on the UI thread; it may take seconds) and returns what to do next.
    func runDeferred(_ ctx: ScreenContext) -> [Effect]
}

extension Screen {
    public func resume(_ ctx: ScreenContext) -> [Effect] { [] }
    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpOther]] }
    public func prepare(_ ctx: ScreenContext, body: Rect) {}
    public var hasDeferredWork: Bool { false }
    public func runDeferred(_ ctx: ScreenContext) -> [Effect] { [] }
}
