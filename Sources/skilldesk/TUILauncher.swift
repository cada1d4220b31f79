import Foundation
import SkillCore
import SkillDesk
import SkillScreens
import TermUI

/// The TUI run loop: read a key, hand it (and every key already typed ahead) to the app,
/// then draw once (and, when the frame announced slow work — `Effect.work` — run it, redrawing its
/// progress at most every 100 ms, and draw again). Curses is touched only here and in TermUI's backend, on this thread.
enum TUILauncher {
    static func run(path: String, lang: Lang) throws {
        let desk = try Desk.open(path: path, environment: ProcessInfo.processInfo.environment)
        let ctx = ScreenContext(lang: lang, desk: desk, databaseName: (path as NSString).lastPathComponent)
        let app = App(ctx: ctx, root: LoginScreen(user: ProcessInfo.processInfo.environment["SKILLDESK_USER"] ?? ""))
        let backend: CursesBackend
        do { backend = try CursesBackend.start() }
        catch let e as TerminalError {
            throw CLIError.usage(en: e.description, zh: e.description)
        }
        defer { backend.stop() }
        while !app.isFinished {
            let size = backend.size
            backend.present(app.render(width: size.width, height: size.height))
            // Slow work announced in the frame just shown runs now (redrawing its progress), then
            // the loop draws its result.
            if app.hasDeferredWork {
                app.runDeferred {
                    let size = backend.size
                    backend.present(app.render(width: size.width, height: size.height))
                }
                continue
            }
            guard let key = backend.readKey(timeoutMilliseconds: nil) else { continue }
            if key == .resize { backend.invalidate() }
            app.handle(key)
            // Type-ahead: handle what is already waiting before drawing again.
            var drained = 0
            while !app.isFinished, drained < 256, let next = backend.readKey(timeoutMilliseconds: 0) {
                if next == .resize { backend.invalidate() }
                app.handle(next)
                drained += 1
            }
        }
    }
}
