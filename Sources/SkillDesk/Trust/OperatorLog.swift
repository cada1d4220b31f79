import Foundation
import Logging
import SkillCore
import SkillStore

/// The operator's log (issue 11, item 8): what someone running SkillDesk on a server needs to know —
/// the program started, which database it opened at which schema version, migrations, failed logins and
/// lockouts, refused permissions, every error shown to a user with its cause, slow transactions.
/// Written with swift-log to one file, one line per event, never to the terminal (the curses screen
/// owns it while the TUI runs).
///
/// Not to be confused with `DeskLog` (`SKILLDESK_LOG_FILE`, `DB.log`): that one is part of the audit
/// trail's trust — anchors of the chain's head and trust events the verifier reads back. This one is
/// for people, may be rotated or deleted at will, and nothing reads it back.
public enum OperatorLog {
    /// The environment variable naming the log file (wins over every default).
    public static let variable = "SKILLDESK_LOG"
    /// The default file beside the database: `DB.skilldesk.log` (not `DB.log`, the audit event log).
    public static let besideSuffix = ".skilldesk.log"
    /// Without a `--log-level`: info (start, open, logins, refusals, errors, slow transactions are all
    /// info or above; debug adds ignored errors and each command's time).
    public static let defaultLevel: Logger.Level = .info
    /// A transaction or a command that takes longer than this is logged as slow (notice).
    public static let slowThreshold: Duration = .seconds(1)

    /// The process's sink: the CLI opens it once it knows the database and `--log-level`; until
    /// then (and in tests that do not open it) events go nowhere.
    public static let sink = LogSink()

    /// Every swift-log logger of the process, the program's and any a library makes, writes to `sink`.
    /// Call once, first thing in `main`: nothing may reach stderr while the TUI runs.
    public static func bootstrap() {
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
    }

    /// A logger of the process's sink (does not depend on `bootstrap` having run).
    public static func logger(_ label: String, sink: LogSink = OperatorLog.sink) -> Logger {
        Logger(label: "skilldesk." + label) { FileLogHandler(label: $0, sink: sink) }
    }

    /// The XDG state directory's log, used when there is no database directory to put it beside.
    public static func statePath(environment: [String: String]) -> String {
        let base: String
        if let x = environment["XDG_STATE_HOME"], x.hasPrefix("/") { base = x }
        else { base = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/state" }
        return base + "/skilldesk/skilldesk.log"
    }

    /// Where the log goes: `$SKILLDESK_LOG`, else `DB.skilldesk.log` beside the database when its
    /// directory exists, else `$XDG_STATE_HOME/skilldesk/skilldesk.log` (`~/.local/state/…`).
    public static func path(databasePath: String?, environment: [String: String]) -> String {
        if let v = environment[variable]?.trimmedWhitespace(), !v.isEmpty { return v }
        if let db = databasePath, !db.isEmpty {
            let dir = (db as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir) { return db + besideSuffix }
        }
        return statePath(environment: environment)
    }

    /// Opens the process's log: the configured place, else (when that cannot be written, or names
    /// the database or a file beside it) the XDG state file, with a warning line saying why.
    /// Never fails and never prints: a program that cannot log still works.
    @discardableResult
    public static func start(databasePath: String?, environment: [String: String], level: Logger.Level,
                             sink: LogSink = OperatorLog.sink) -> String? {
        let wanted = path(databasePath: databasePath, environment: environment)
        let fallback = statePath(environment: environment)
        var protected: [String] = []
        if let db = databasePath, !db.isEmpty {
            protected = Desk.companionSuffixes.map { db + $0 }
                + TrustFiles.forDatabase(db, environment: environment).paths
        }
        // A new file beside a database is made only once the database opened as SkillDesk's
        // (`databaseReady`): a foreign file is refused with its directory left as it was. Until then
        // lines are held in memory; if no database opens they go to the state file (`finish`).
        if let db = databasePath, !db.isEmpty, wanted == db + besideSuffix, !FileManager.default.fileExists(atPath: wanted) {
            sink.hold(for: wanted, fallback: fallback, level: level)
            return nil
        }
        var why: String?
        if protected.contains(where: { LogSink.samePath($0, wanted) }) {
            why = "it is the database or a file the program keeps beside it"
        } else if let reason = sink.open(path: wanted, level: level, makeDirectory: wanted == fallback) {
            why = reason
        } else {
            return wanted
        }
        guard wanted != fallback, sink.open(path: fallback, level: level, makeDirectory: true) == nil else { return nil }
        logger("log", sink: sink).warning("the log file cannot be used; logging here instead",
                                          metadata: ["wanted": "\(wanted)", "reason": "\(why ?? "")"])
        return fallback
    }

    /// A database opened as SkillDesk's (`Desk.open`, `Desk.initialize`): a log held for the place
    /// beside it is opened there now.
    static func databaseReady(_ path: String, sink: LogSink = OperatorLog.sink) {
        sink.release(ifHeldFor: path + besideSuffix)
    }

    /// The end of the process: lines still held (no database opened) go to the state file.
    public static func finish(sink: LogSink = OperatorLog.sink) { sink.release(ifHeldFor: nil) }

    // MARK: errors shown to a user

    /// Logs an error a front end shows a user: its English text and its cause (`cause(of:)`), at
    /// error level when something broke (the database, the disk, a file the program writes),
    /// warning when the user or the data was refused. The front ends call this wherever they turn
    /// an error into a message (the CLI's `Output.run`, the TUI's `describe`).
    public static func errorShown(_ error: Error, by logger: Logger, user: String? = nil) {
        var metadata: Logger.Metadata = [
            "message": "\((error as? UserMessage)?.message(.en) ?? "\(error)")",
            "cause": "\(cause(of: error))",
        ]
        if let user { metadata["user"] = "\(user)" }
        logger.log(level: isFault(error) ? .error : .warning, "error shown", metadata: metadata)
    }

    /// True for an error that is the program's or the machine's, not the user's: an unexpected
    /// database error, a full disk, an I/O error, a trust file or output file that cannot be written.
    public static func isFault(_ error: Error) -> Bool {
        switch error {
        case let e as DeskError:
            switch e {
            case let .store(s): return isFault(s)
            case .trustFile, .exportNotAudited, .listExportNotAudited, .schemaDamaged: return true
            case let .outputFile(o): if case .writeFailed = o { return true } else { return false }
            default: return false
            }
        case let e as StoreError:
            switch e {
            case .failure, .diskFull, .ioError, .cannotCreate: return true
            default: return false
            }
        case is UserMessage: return false
        default: return true
        }
    }

    /// The error as a chain of its cases (`DeskError.store(StoreError.failure("disk I/O error"))`),
    /// keeping the strings and numbers they carry and the errors they wrap, but not records (a
    /// worker row holds a name and a phone number the log has no need of).
    public static func cause(of error: Error) -> String {
        let mirror = Mirror(reflecting: error)
        let type = String(describing: Swift.type(of: error))
        guard mirror.displayStyle == .enum else { return type + ": " + String(describing: error) }
        guard let child = mirror.children.first, let label = child.label else { return type + "." + String(describing: error) }
        return type + "." + label + "(" + payload(child.value) + ")"
    }

    private static func payload(_ value: Any) -> String {
        switch value {
        case let e as Error: return cause(of: e)
        case let s as String: return "\"" + s + "\""
        case is Int, is Int64, is Int32, is Bool, is Double, is Date: return "\(value)"
        default:
            let m = Mirror(reflecting: value)
            if m.displayStyle == .tuple {
                return m.children.map { c in (c.label.map { $0.hasPrefix(".") ? "" : $0 + ": " } ?? "") + payload(c.value) }
                    .joined(separator: ", ")
            }
            if m.displayStyle == .enum, m.children.isEmpty { return "." + String(describing: value) }
            return "…"
        }
    }

    // MARK: lines

    /// One event, one line: `<ISO time> <level> <label>: <message> key=value …` (metadata sorted by
    /// key). Line breaks, controls, bidi and zero-width characters are %-escaped, and any run of 15
    /// or more digits (a resident ID, a bank account) is masked: no full ID ever reaches the file.
    public static func line(at date: Date, level: Logger.Level, label: String, message: String,
                            metadata: Logger.Metadata) -> String {
        // Masked before escaping, so that an escape's digits (`%22`) never join the number beside them.
        var out = isoTime(date) + " " + level.rawValue + " " + label + ": " + DeskLog.escape(maskLongNumbers(message))
        for key in metadata.keys.sorted() {
            let value = DeskLog.escape(maskLongNumbers("\(metadata[key]!)"))
            let needsQuotes = value.isEmpty || value.contains(" ") || value.contains("\"") || value.contains("=")
            out += " " + DeskLog.escape(maskLongNumbers(key)) + "="
                + (needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "%22") + "\"" : value)
        }
        return out
    }

    /// Masks each run of 15 or more ASCII digits (with a following X check character when there are
    /// 17) the way the public notice masks a resident ID (`3201**********1234`).
    public static func maskLongNumbers(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        func flush() {
            if run.count >= 15 { out.append(contentsOf: PublicMask.residentID(String(run)).unicodeScalars) }
            else { out.append(contentsOf: run) }
            run = String.UnicodeScalarView()
        }
        for u in s.unicodeScalars {
            if ("0"..."9").contains(u) || ((u == "X" || u == "x") && run.count == 17) {
                run.append(u)
                if u == "X" || u == "x" { flush() }
            } else {
                flush()
                out.append(u)
            }
        }
        flush()
        return String(out)
    }

    /// `1.234` (seconds, three decimals) for a log line.
    public static func seconds(_ d: Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return "\(ms / 1000)." + String(String(1000 + ms % 1000).dropFirst())
    }

    /// `2026-01-15T08:00:00.000Z`, as the audit trail writes times.
    static func isoTime(_ date: Date) -> String { Timestamp.utc(date) }
}

/// The file the log handlers of one process append to: opened once with O_APPEND (one `write` per
/// line, so lines of several clerks' processes sharing a file do not interleave), mode 0600, never
/// through a link. Thread-safe; drops events while no file is open.
public final class LogSink: @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32 = -1
    private var currentLevel: Logger.Level
    private var currentPath: String?
    /// Lines kept while the file waits for its database (`hold`), the place they wait for and the
    /// place they go to if it never comes.
    private var held: (lines: [String], path: String, fallback: String)?

    public init(level: Logger.Level = OperatorLog.defaultLevel) { currentLevel = level }

    deinit { if fd >= 0 { Foundation.close(fd) } }

    /// Events below this level are not written (a logger's own `logLevel` may override it).
    public var level: Logger.Level {
        get { lock.lock(); defer { lock.unlock() }; return currentLevel }
        set { lock.lock(); currentLevel = newValue; lock.unlock() }
    }

    /// The open file, nil while events are dropped.
    public var path: String? { lock.lock(); defer { lock.unlock() }; return currentPath }

    /// Opens (creating it 0600 if needed) the file to append to, closing the previous one; nil when
    /// done, else the reason it could not be (the previous file is then kept).
    public func open(path: String, level: Logger.Level, makeDirectory: Bool = false) -> String? {
        if makeDirectory {
            let dir = (path as NSString).deletingLastPathComponent
            // ignoring is right: a directory that could not be made shows as open(2)'s error below.
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        let newFD = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if newFD < 0 { return String(cString: strerror(errno)) }
        var st = stat()
        if fstat(newFD, &st) != 0 || (st.st_mode & S_IFMT) != S_IFREG {
            Foundation.close(newFD)
            return "not a plain file"
        }
        lock.lock()
        if fd >= 0 { Foundation.close(fd) }
        fd = newFD
        currentPath = path
        currentLevel = level
        lock.unlock()
        return nil
    }

    /// Keeps lines in memory (at most 10,000) until `release`.
    public func hold(for path: String, fallback: String, level: Logger.Level) {
        lock.lock()
        held = ([], path, fallback)
        currentLevel = level
        lock.unlock()
    }

    /// Opens the held-for file (when `path` is it), or the fallback (when `path` is nil, or the file
    /// cannot be opened), and writes the held lines to it. Nothing when no lines are held.
    public func release(ifHeldFor path: String?) {
        lock.lock()
        guard let h = held, path == nil || path == h.path else { lock.unlock(); return }
        held = nil
        let level = currentLevel
        lock.unlock()
        if path == nil || open(path: h.path, level: level) != nil {
            guard open(path: h.fallback, level: level, makeDirectory: true) == nil else { return }
        }
        for line in h.lines { write(line) }
    }

    /// Stops writing (tests).
    public func close() {
        lock.lock()
        if fd >= 0 { Foundation.close(fd) }
        fd = -1
        currentPath = nil
        lock.unlock()
    }

    /// Appends one line with one write(2). A line that cannot be written is lost: the log must
    /// never stop the clerk's work nor fall back to the terminal.
    func write(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        if fd < 0, held != nil {
            if held!.lines.count < 10_000 { held!.lines.append(line) }
            return
        }
        guard fd >= 0 else { return }
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            done += n
        }
    }

    /// Two names of one file (through `..` or links), or the same name when neither exists yet.
    static func samePath(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        if stat(a, &sa) == 0, stat(b, &sb) == 0 { return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino }
        return (a as NSString).standardizingPath == (b as NSString).standardizingPath
    }
}

/// swift-log's handler for `LogSink`: level and metadata are values of each logger (as the protocol
/// asks); the level defaults to the sink's (`--log-level`).
public struct FileLogHandler: LogHandler {
    public let label: String
    let sink: LogSink
    public var metadata: Logger.Metadata = [:]
    private var levelOverride: Logger.Level?

    public init(label: String, sink: LogSink) {
        self.label = label
        self.sink = sink
    }

    public var logLevel: Logger.Level {
        get { levelOverride ?? sink.level }
        set { levelOverride = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let m = event.metadata { all.merge(m) { $1 } }
        sink.write(OperatorLog.line(at: Date(), level: event.level, label: label, message: "\(event.message)",
                                    metadata: all))
    }
}

extension Logger {
    /// Runs `body`; an error it throws is logged with its cause (`OperatorLog.cause(of:)`) and
    /// nil is returned — for the places where a failure leaves something optional out (a count on
    /// a home screen, a name beside a code) rather than stopping the user.
    public func attempt<T>(_ what: String, level: Logger.Level = .warning, _ body: () throws -> T?) -> T? {
        do { return try body() } catch {
            log(level: level, "error ignored", metadata: ["while": "\(what)", "cause": "\(OperatorLog.cause(of: error))"])
            return nil
        }
    }
}
