import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// The application's front door: opens a database and logs users in. Both front ends (CLI and
/// TUI) call this layer and nothing below it, so each rule is enforced once.
public final class Desk: Sendable {
    /// The store is not public: screens and the command line reach it only through the use cases
    /// (issue 11; tests read it with `@testable import SkillDesk`).
    let store: Store
    /// The real clock: audit times always come from here.
    let clock: @Sendable () -> Date
    /// The policy profiles this desk knows (the shipped ones; a test may give its own).
    public let profiles: [PolicyProfile]
    /// The business date set by SKILLDESK_TODAY, honoured only in a demo or training database
    /// (`business_date_override_allowed`); nil = the real clock's day.
    public let businessDateOverride: CalendarDate?
    /// Test hook (`SKILLDESK_TEST_STEP_DELAY_MS`, demo or training databases only): a pause after
    /// each claim of a batch decision, inside its transaction, so a test can kill the process in
    /// the middle of a chunk. 0 = none.
    public let batchStepPauseMicroseconds: UInt32
    /// Where the chain's head is anchored and events are logged (nil for an in-memory database).
    public let trust: TrustFiles?
    /// Checks a password against a stored hash (`Passwords.verify`; a test may watch the calls).
    let checkPassword: @Sendable (_ password: String, _ hash: String) -> Bool
    /// The operator's log (`OperatorLog`; a test may give a logger of its own sink).
    public let logger: Logger

    /// The program's version (`skilldesk --version`): raised with each landing that changes what
    /// users or the database see — 0.5.0 is the trust work of issue 10 (schema v9), 0.6.0 the
    /// foundations of issue 11 (schema v10: explicit uniqueness; the operator's log; typed options);
    /// 0.6.1 schema v11 (the business date of a submission, issue 12).
    /// 0.8.0 schema v20 (issue 13, oversight: report indexes v14, audit browse v15, targets and warning rules
    /// v16, statistics v17, anomalies v18, disclosure v19, filed reports v20).
    /// 0.7.0 schema v13 (withdrawn claims and voided certificates, v12; the worker's place of work, v13;
    /// claim search, CSV exports, roster corrections — issue 12).
    public static let version = "0.8.0"

    public static let maxFailedLogins = 5
    public static let lockout: TimeInterval = 15 * 60

    init(store: Store, clock: @escaping @Sendable () -> Date = { Date() },
                profiles: [PolicyProfile] = PolicyLibrary.profiles, businessDateOverride: CalendarDate? = nil,
                batchStepPauseMicroseconds: UInt32 = 0, trust: TrustFiles? = nil,
                checkPassword: @escaping @Sendable (_ password: String, _ hash: String) -> Bool = Passwords.verify,
                logger: Logger = OperatorLog.logger("desk")) {
        self.store = store
        self.logger = logger
        self.trust = trust ?? store.path.map { TrustFiles.forDatabase($0) }
        self.checkPassword = checkPassword
        self.clock = clock
        self.profiles = profiles
        self.businessDateOverride = businessDateOverride
        self.batchStepPauseMicroseconds = batchStepPauseMicroseconds
    }

    /// The environment variable of the batch test hook (`batchStepPauseMicroseconds`).
    public static let stepDelayVariable = "SKILLDESK_TEST_STEP_DELAY_MS"

    /// The environment variable that moves the business date of a demo or training database.
    public static let todayVariable = "SKILLDESK_TODAY"

    /// Opens with the business date from `SKILLDESK_TODAY` when it is set: refused (nothing opened
    /// for use) unless the database allows it — a live database never runs on a moved date.
    public static func open(path: String, environment: [String: String]) throws -> Desk {
        let opened = try open(path: path, trust: TrustFiles.forDatabase(path, environment: environment))
        var pause: UInt32 = 0
        if let v = environment[stepDelayVariable], let ms = UInt32(v.trimmedWhitespace()), ms > 0 {
            guard try opened.read({ try $0.setting(Desk.overrideSetting) }) == "1" else {
                throw DeskError.wrongState(
                    "\(stepDelayVariable) is a test hook; \(path) is a live database: unset it",
                    zh: "\(stepDelayVariable) 仅供测试使用，\(path) 是正式数据库：请取消该变量")
            }
            pause = min(ms, 10_000) * 1_000
        }
        let desk = pause == 0 ? opened : Desk(store: opened.store, clock: opened.clock, profiles: opened.profiles,
                                               batchStepPauseMicroseconds: pause, trust: opened.trust,
                                               logger: opened.logger)
        guard let raw = environment[todayVariable], !raw.trimmedWhitespace().isEmpty else { return desk }
        guard let day = CalendarDate(iso: raw.trimmedWhitespace()) else {
            throw DeskError.invalidInput("\(todayVariable)='\(raw)' is not a date (YYYY-MM-DD)",
                                         zh: "\(todayVariable)=“\(raw)”不是有效日期（YYYY-MM-DD）")
        }
        guard day.isSupported else {
            let m = CalendarDate.unsupportedMessage(day, en: "business date \(todayVariable)", zh: "业务日期 \(todayVariable)")
            throw DeskError.invalidInput(m.en, zh: m.zh)
        }
        guard try desk.read({ try $0.setting(Desk.overrideSetting) }) == "1" else {
            throw DeskError.wrongState(
                "\(todayVariable) is set, but \(path) is a live database: its business date is always today's; unset \(todayVariable) (only a demo or training database may move it)",
                zh: "设置了 \(todayVariable)，但 \(path) 是正式数据库，业务日期只能是当天；请取消该变量（只有演示或培训数据库可以调整日期）")
        }
        desk.logger.notice("business date moved", metadata: ["today": "\(day)"])
        return Desk(store: desk.store, clock: desk.clock, profiles: desk.profiles, businessDateOverride: day,
                    batchStepPauseMicroseconds: desk.batchStepPauseMicroseconds, trust: desk.trust,
                    logger: desk.logger)
    }

    static let overrideSetting = "business_date_override_allowed"

    /// The known profile of that name.
    public func profile(named name: String) -> PolicyProfile? { profiles.first { $0.name == name } }

    public var path: String? { store.path }

    /// Opens an existing database (refusing a missing, foreign or newer one). Triggers or indexes
    /// found missing or altered are logged; writes are then refused until `repair` (see `write`).
    public static func open(path: String, trust: TrustFiles? = nil) throws -> Desk {
        let desk: Desk
        do { desk = Desk(store: try Store.open(path: path, create: false), trust: trust) }
        catch let e as StoreError { throw DeskError.store(e) }
        desk.logOpened()
        let problems = desk.store.schemaProblems
        if !problems.isEmpty {
            let objects = problems.map(\.description).joined(separator: ", ")
            desk.logger.error("database schema damaged: writes refused until repair", metadata: ["objects": "\(objects)"])
            do { try desk.log?.event("schema.damaged", at: desk.clock(), ["objects": objects]) }
            catch { desk.logger.warning("audit event log not written", metadata: ["event": "schema.damaged", "cause": "\(error)"]) }
        }
        return desk
    }

    /// Creates a new database with its first administrator. Refuses an existing file.
    @discardableResult
    public static func initialize(path: String, admin: String, password: String, demo: Bool = false,
                                  policy: String = PolicyLibrary.defaultName,
                                  clock: @escaping @Sendable () -> Date = { Date() },
                                  trust: TrustFiles? = nil) throws -> Desk {
        if FileManager.default.fileExists(atPath: path) { throw DeskError.store(.alreadyInitialised(path: path)) }
        try Self.checkUserName(admin)
        guard PolicyLibrary.profile(named: policy) != nil else { throw DeskError.unknownPolicy(policy) }
        if let p = Passwords.problem(password, userName: admin) { throw DeskError.passwordRefused(p) }
        // The anchor file and the log must be writable before the database exists: a database
        // whose creation could not be anchored would fail its first verify.
        let trust = trust ?? TrustFiles.forDatabase(path)
        let databaseDirectory = (path as NSString).deletingLastPathComponent
        for p in trust.paths {
            let dir = (p as NSString).deletingLastPathComponent
            // Beside a database whose directory does not exist yet: made with the database.
            if dir == databaseDirectory && !FileManager.default.fileExists(atPath: dir.isEmpty ? "." : dir) { continue }
            try AppendOnlyFile.create(p)
        }
        let store: Store
        do { store = try Store.open(path: path, create: true) }
        catch let e as StoreError { throw DeskError.store(e) }
        let desk = Desk(store: store, clock: clock, trust: trust)
        desk.logOpened()
        try desk.bootstrap(admin: admin, password: password, demo: demo, policy: policy)
        desk.logger.notice("database created", metadata: ["db": "\(path)", "admin": "\(admin)", "policy": "\(policy)",
                                                          "demo": "\(demo)"])
        // The first anchor: from now on the anchor file and the log are expected to exist.
        try desk.anchor(why: "create")
        try desk.log?.event("database.create", at: clock(), ["db": path])
        return desk
    }

    /// An in-memory desk for tests, with its first administrator.
    public static func inMemory(admin: String = "admin", password: String = "admin-pass-1",
                                policy: String = PolicyLibrary.defaultName,
                                profiles: [PolicyProfile] = PolicyLibrary.profiles,
                                clock: @escaping @Sendable () -> Date = { Date() }) throws -> Desk {
        let desk = Desk(store: try Store.inMemory(), clock: clock, profiles: profiles)
        guard desk.profile(named: policy) != nil else { throw DeskError.unknownPolicy(policy) }
        try desk.bootstrap(admin: admin, password: password, demo: false, policy: policy)
        return desk
    }

    func bootstrap(admin: String, password: String, demo: Bool, policy: String) throws {
        try Self.checkUserName(admin)
        if let p = Passwords.problem(password, userName: admin) { throw DeskError.passwordRefused(p) }
        guard let hash = Passwords.hash(password) else { throw DeskError.weakPassword }
        let now = clock()
        try write { w in
            try w.setMeta("created_at", Timestamp.utc(now))
            try w.setMeta("demo", demo ? "1" : "0")
            if demo { try w.setSetting(Desk.overrideSetting, "1") }
            try w.setSetting(PolicySetting.key, policy)
            // The chain begins with the database's creation (ChainCheck: any other beginning is a restart).
            guard let id = try w.meta(Self.databaseIDKey) else { throw DeskError.store(.failure("no database id")) }
            try w.audit(at: now, user: "system", action: ChainCheck.creationAction, entity: "database", key: id,
                        before: nil, after: ChainCheck.creationAfter(dbID: id, createdAt: Timestamp.utc(now)))
            try w.audit(at: now, user: "system", action: "policy.use", entity: "settings", key: PolicySetting.key,
                        before: nil, after: PolicySetting.json(policy))
            _ = try w.insertUser(name: admin, roles: [.admin], passwordHash: hash, at: now)
            try w.audit(at: now, user: "system", action: "user.create", entity: "user", key: admin,
                        before: nil, after: #"{"name":"\#(admin)","roles":["admin"]}"#)
        }
    }

    /// True for a demo or training database (a flag set at creation, never changed).
    public func isDemo() throws -> Bool { try read { try $0.meta("demo") == "1" } }

    /// The business date in the bureau's time zone.
    public func today() -> CalendarDate { businessDateOverride ?? CalendarDate.today(now: clock()) }

    // MARK: login

    enum LoginOutcome { case ok(UserRow), wrong, locked(Date), disabled(String) }

    /// Checks a password. Five wrong ones in a row lock the account for 15 minutes; the counter
    /// and the audit row are committed even though the login fails.
    public func login(name: String, password: String) throws -> Session {
        let now = clock()
        // Logging in stays possible with damaged triggers: an administrator must be able to repair.
        let outcome: LoginOutcome = try write(evenIfDamaged: true) { w in
            guard var user = try w.user(named: name) else {
                // As long as a known name's check: the answer's speed must not tell which names exist.
                _ = checkPassword(password, Passwords.dummyHash)
                try w.audit(at: now, user: name, action: "login.failed", entity: "user", key: name,
                            before: nil, after: #"{"reason":"unknown_user"}"#)
                return .wrong
            }
            if user.disabled { return .disabled(name) }
            if let until = user.lockedUntil.flatMap(Timestamp.parse), until > now { return .locked(until) }
            if checkPassword(password, user.passwordHash) {
                user.failedAttempts = 0
                user.lockedUntil = nil
                try w.updateUser(user)
                try w.audit(at: now, user: name, action: "login", entity: "user", key: name, before: nil, after: nil)
                return .ok(user)
            }
            user.failedAttempts += 1
            var result = LoginOutcome.wrong
            if user.failedAttempts >= Self.maxFailedLogins {
                let until = now.addingTimeInterval(Self.lockout)
                user.lockedUntil = Timestamp.utc(until)
                user.failedAttempts = 0
                result = .locked(until)
            }
            try w.updateUser(user)
            try w.audit(at: now, user: name, action: "login.failed", entity: "user", key: name, before: nil,
                        after: #"{"reason":"wrong_password","locked":\#(user.lockedUntil != nil)}"#)
            return result
        }
        // The name only, never the password (nor a hash of it).
        switch outcome {
        case let .ok(user):
            logger.info("login", metadata: ["user": "\(name)"])
            return Session(desk: self, user: user.name, roles: Set(user.roles))
        case .wrong:
            logger.warning("login failed: unknown user or wrong password", metadata: ["user": "\(name)"])
            throw DeskError.authenticationFailed
        case let .locked(until):
            logger.warning("login refused: account locked", metadata: ["user": "\(name)", "until": "\(Timestamp.utc(until))"])
            throw DeskError.accountLocked(until: until)
        case let .disabled(n):
            logger.warning("login refused: account disabled", metadata: ["user": "\(name)"])
            throw DeskError.accountDisabled(n)
        }
    }

    static func checkUserName(_ name: String) throws {
        let ok = !name.isEmpty && name.count <= 32 && name.unicodeScalars.allSatisfy {
            ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)))
        }
        if !ok { throw DeskError.invalidUserName(name) }
        if name.lowercased() == reservedUserName { throw DeskError.reservedUserName(name) }
    }

    /// The actor of audit rows no user wrote (the database's creation, automatic steps): never a
    /// user's name, in any case, so the trail cannot be made to say a person did what the
    /// program did, or the reverse.
    public static let reservedUserName = "system"


    // MARK: store access with errors mapped

    func read<T>(caller: String = #function, _ body: (StoreReader) throws -> T) throws -> T {
        let started = ContinuousClock.now
        defer { logIfSlow(started, "read", caller) }
        do { return try store.read(body) } catch let e as StoreError { throw DeskError.store(e) }
    }

    /// One write transaction. Refused while triggers or indexes the program relies on are missing
    /// or altered (found at open), so nothing is written without them; after commit the head is
    /// anchored when due (outside the write lock).
    func write<T>(evenIfDamaged: Bool = false, caller: String = #function,
                  _ body: (StoreWriter) throws -> T) throws -> T {
        if !evenIfDamaged { try refuseWritesIfSchemaDamaged() }
        var appended: ClosedRange<Int64>?
        let result: T
        let started = ContinuousClock.now
        defer { logIfSlow(started, "write", caller) }
        do {
            result = try store.write { w in
                let r = try body(w)
                appended = w.appendedRange
                return r
            }
        } catch let e as StoreError { throw DeskError.store(e) }
        anchorIfDue(appended)
        return result
    }

    /// Every transaction of every use case passes here: one over `OperatorLog.slowThreshold`
    /// (waiting for the write lock included) is logged with the use case that ran it.
    func logIfSlow(_ started: ContinuousClock.Instant, _ kind: String, _ caller: String) {
        let took = ContinuousClock.now - started
        if took > OperatorLog.slowThreshold {
            logger.notice("slow transaction", metadata: ["kind": "\(kind)", "use_case": "\(caller)",
                                                         "seconds": "\(OperatorLog.seconds(took))"])
        }
    }

    /// Where and at which schema version the database was opened, and the migrations it took.
    func logOpened() {
        if let path = store.path { OperatorLog.databaseReady(path) }
        for m in store.migrationsApplied { logger.notice("migration applied", metadata: ["migration": "\(m)"]) }
        logger.info("database opened", metadata: ["db": "\(store.path ?? ":memory:")",
                                                   "schema": "\(store.schemaVersion ?? "?")"])
    }

    func refuseWritesIfSchemaDamaged() throws {
        let problems = store.schemaProblems
        if !problems.isEmpty { throw DeskError.schemaDamaged(problems.map(\.description)) }
    }
}
