import Foundation
import Logging
import SkillCore
@testable import SkillDesk
import SkillStore
import Testing

/// The operator's log (issue 11, item 8): each test writes to a sink of its own in a fresh directory.
@Suite("Operator log")
struct OperatorLogTests {
    /// A desk over the fixture's store whose log goes to `dir/op.log`.
    static func logged(_ f: Fixture, _ dir: TempDir, level: Logger.Level = .info) throws -> (Desk, LogSink, String) {
        let sink = LogSink()
        let path = dir.file("op.log")
        #expect(sink.open(path: path, level: level) == nil)
        let desk = Desk(store: f.desk.store, clock: f.clock.closure, logger: OperatorLog.logger("desk", sink: sink))
        return (desk, sink, path)
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func aFailedLoginIsLoggedWithTheNameButNotThePassword() throws {
        let f = try Fixture()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (desk, _, path) = try Self.logged(f, dir)
        #expect(throws: DeskError.self) { try desk.login(name: "admin", password: "Secret-Guess-42") }
        #expect(throws: DeskError.self) { try desk.login(name: "nobody", password: "Other-Guess-77") }
        _ = try desk.login(name: "admin", password: "admin-pass-1")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let failed = try Self.lines(path).filter { $0.contains("login failed") }
        #expect(failed.count == 2, "\(text)")
        #expect(failed.first?.contains(" warning skilldesk.desk: ") == true)
        #expect(failed.first?.hasSuffix("user=admin") == true, "\(failed)")
        #expect(failed.last?.hasSuffix("user=nobody") == true, "\(failed)")
        #expect(try Self.lines(path).contains { $0.contains(" info skilldesk.desk: login user=admin") })
        for secret in ["Secret-Guess-42", "Other-Guess-77", "admin-pass-1"] { #expect(!text.contains(secret)) }
    }

    @Test func aLockoutIsLogged() throws {
        let f = try Fixture()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (desk, _, path) = try Self.logged(f, dir)
        for _ in 0..<Desk.maxFailedLogins {
            #expect(throws: DeskError.self) { try desk.login(name: "admin", password: "not-it-at-all") }
        }
        let lines = try Self.lines(path)
        #expect(lines.filter { $0.contains("login failed") }.count == Desk.maxFailedLogins - 1)
        #expect(lines.contains { $0.contains("login refused: account locked") && $0.contains("user=admin")
            && $0.contains("until=2026-01-15T08:15:00.000Z") }, "\(lines)")
    }

    @Test func aRefusedPermissionIsLogged() throws {
        let f = try Fixture()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (desk, _, path) = try Self.logged(f, dir)
        _ = try f.session(.auditor)
        let auditor = try desk.login(name: "auditor1", password: Fixture.password("auditor1"))
        #expect(throws: DeskError.self) { _ = try auditor.register(draft(seq: 3, name: "王五")) }
        let line = try #require(try Self.lines(path).first { $0.contains("permission refused") })
        #expect(line.contains(" warning ") && line.contains("user=auditor1") && line.contains("roles=auditor")
                && line.contains("permission=registerWorker") && line.contains("use_case=register(_:)"), "\(line)")
    }

    /// The error a clerk sees after registering an ID twice names the ID: its log line does not.
    @Test func aResidentIDNeverAppearsInFull() throws {
        let f = try Fixture()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (desk, _, path) = try Self.logged(f, dir)
        let clerk = try f.clerk()
        let id = residentID(seq: 7)
        _ = try clerk.register(draft(seq: 7, name: "张桂兰", phone: "13912345678"))
        do {
            _ = try clerk.register(draft(seq: 7, name: "张桂兰"))
            Issue.record("registered twice")
        } catch {
            #expect((error as? UserMessage)?.message(.en).contains(id) == true, "the message shown names the ID")
            OperatorLog.errorShown(error, by: desk.logger, user: clerk.user)
        }
        do { _ = try clerk.worker(id: residentID(seq: 8)) } catch { OperatorLog.errorShown(error, by: desk.logger) }
        desk.logger.info("by hand", metadata: ["id": "\(id)", "lower": "\(id.lowercased())"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("error shown"))
        #expect(text.contains("3201**********" + id.suffix(4)), "\(text)")
        for full in [id, residentID(seq: 8)] { #expect(!text.contains(full), "\(text)") }
        #expect(!text.contains("13912345678"), "a record in the cause is not spelt out: \(text)")
        #expect(text.contains("cause=DeskError.workerExists(…)"), "\(text)")
    }

    @Test func masking() {
        #expect(OperatorLog.maskLongNumbers("id 32010219900101007X.") == "id 3201**********007X.")
        #expect(OperatorLog.maskLongNumbers("a=320102199001010071b") == "a=3201**********0071b")
        #expect(OperatorLog.maskLongNumbers("old 320102900101007") == "old 3201*******1007")
        #expect(OperatorLog.maskLongNumbers("card 6222020200112233445") == "card 6222***********3445")
        #expect(OperatorLog.maskLongNumbers("seq=12345678901234 t=2026-01-15") == "seq=12345678901234 t=2026-01-15")
        // Masked before escaping: the quote's escape (%22) does not join the number.
        let line = OperatorLog.line(at: fixedNow, level: .warning, label: "l", message: "m",
                                    metadata: ["cause": "E.x(\"320102198506120021\")"])
        #expect(line == #"2026-01-15T08:00:00.000Z warning l: m cause="E.x(%223201**********0021%22)""#, "\(line)")
    }

    @Test func causesNameTheCaseChainAndTheirTexts() {
        #expect(OperatorLog.cause(of: DeskError.store(.failure("disk I/O error")))
                == #"DeskError.store(StoreError.failure("disk I/O error"))"#)
        #expect(OperatorLog.cause(of: DeskError.authenticationFailed) == "DeskError.authenticationFailed")
        #expect(OperatorLog.cause(of: DeskError.notPermitted(.registerWorker)) == "DeskError.notPermitted(.registerWorker)")
        #expect(OperatorLog.isFault(DeskError.store(.diskFull)))
        #expect(!OperatorLog.isFault(DeskError.authenticationFailed))
    }

    @Test func aLevelSuppressesWhatIsBelowIt() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let sink = LogSink()
        let path = dir.file("lvl.log")
        #expect(sink.open(path: path, level: .error) == nil)
        let log = OperatorLog.logger("t", sink: sink)
        log.info("quiet info")
        log.warning("quiet warning")
        log.error("loud error", metadata: ["why": "two words", "n": "3"])
        #expect(try Self.lines(path).count == 1)
        let line = try #require(try Self.lines(path).first)
        #expect(line.hasSuffix(#" error skilldesk.t: loud error n=3 why="two words""#), "\(line)")
        // ISO time with milliseconds, UTC.
        #expect(line.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z "#, options: .regularExpression) != nil, "\(line)")
        sink.level = .trace
        log.debug("now seen\nsecond line")
        #expect(try Self.lines(path).last?.hasSuffix("now seen%0Asecond line") == true)
    }

    @Test func theFileIsPrivateAndNeverALink() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let old = umask(0)
        defer { umask(old) }
        let sink = LogSink()
        #expect(sink.open(path: dir.file("new.log"), level: .info) == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.file("new.log"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.log"), withDestinationPath: dir.file("new.log"))
        #expect(sink.open(path: dir.file("link.log"), level: .info) != nil)
        #expect(sink.path == dir.file("new.log"), "a refused file leaves the open one")
    }

    @Test func thePlaceFollowsTheEnvironmentThenTheDatabaseThenXDG() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = dir.file("x.sqlite")
        #expect(OperatorLog.path(databasePath: db, environment: ["SKILLDESK_LOG": "/var/log/sd.log"]) == "/var/log/sd.log")
        #expect(OperatorLog.path(databasePath: db, environment: [:]) == db + ".skilldesk.log")
        #expect(OperatorLog.path(databasePath: "/nonexistent-dir/x.sqlite", environment: ["XDG_STATE_HOME": "/st"])
                == "/st/skilldesk/skilldesk.log")
        #expect(OperatorLog.path(databasePath: nil, environment: ["HOME": "/h"]) == "/h/.local/state/skilldesk/skilldesk.log")
        // The log never goes over the database or the audit event log: the XDG file instead, saying why.
        let sink = LogSink()
        let used = OperatorLog.start(databasePath: db, environment: ["SKILLDESK_LOG": db + ".log", "XDG_STATE_HOME": dir.path],
                                     level: .info, sink: sink)
        #expect(used == dir.path + "/skilldesk/skilldesk.log")
        #expect(!FileManager.default.fileExists(atPath: db + ".log"))
        #expect(try String(contentsOfFile: try #require(used), encoding: .utf8).contains("the log file cannot be used"))
    }

    /// Beside a file that is not yet known to be a SkillDesk database nothing is created: lines wait
    /// for the database to open, else go to the state file (a refused foreign file's directory stays as it was).
    @Test func aLogBesideADatabaseWaitsForItToOpen() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = dir.file("w.sqlite"), state = dir.path + "/state"
        let env = ["XDG_STATE_HOME": state]
        let sink = LogSink()
        #expect(OperatorLog.start(databasePath: db, environment: env, level: .info, sink: sink) == nil)
        OperatorLog.logger("t", sink: sink).notice("early")
        #expect(!FileManager.default.fileExists(atPath: db + ".skilldesk.log"))
        OperatorLog.databaseReady(dir.file("other.sqlite"), sink: sink)
        #expect(sink.path == nil)
        OperatorLog.databaseReady(db, sink: sink)
        OperatorLog.logger("t", sink: sink).notice("late")
        #expect(try Self.lines(db + ".skilldesk.log").map { $0.components(separatedBy: ": ").last } == ["early", "late"])

        let other = LogSink()
        #expect(OperatorLog.start(databasePath: dir.file("foreign.db"), environment: env, level: .info, sink: other) == nil)
        OperatorLog.logger("t", sink: other).warning("refused")
        OperatorLog.finish(sink: other)
        #expect(!FileManager.default.fileExists(atPath: dir.file("foreign.db.skilldesk.log")))
        #expect(try Self.lines(state + "/skilldesk/skilldesk.log").last?.hasSuffix("refused") == true)
        // An existing log beside it is appended to at once.
        let third = LogSink()
        #expect(OperatorLog.start(databasePath: db, environment: env, level: .info, sink: third) == db + ".skilldesk.log")
    }

    @Test func aSlowTransactionIsLogged() throws {
        let f = try Fixture()
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (desk, _, path) = try Self.logged(f, dir)
        desk.logIfSlow(ContinuousClock.now - .milliseconds(1500), "write", "approve(_:)")
        desk.logIfSlow(ContinuousClock.now - .milliseconds(10), "read", "claims()")
        let lines = try Self.lines(path)
        #expect(lines.count == 1)
        #expect(lines.first?.contains("notice skilldesk.desk: slow transaction kind=write seconds=1.5") == true, "\(lines)")
        #expect(lines.first?.hasSuffix("use_case=approve(_:)") == true)
    }

    @Test func theOperatorLogIsAProtectedPath() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let db = dir.file("p.sqlite")
        let desk = try Desk.initialize(path: db, admin: "admin", password: "admin-pass-1")
        #expect(desk.protectedPaths.map(\.path).contains(db + ".skilldesk.log"))
    }
}
