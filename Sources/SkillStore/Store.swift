import Foundation
import GRDB
import SkillCore
import SkillRecords

/// Owns the database connection(s) and the migrator, and hands out scoped readers and writers.
/// Several clerks run the program against one file on one server, so the pool is in WAL mode,
/// waits on a busy database instead of failing, and every write is an IMMEDIATE transaction
/// (it takes the write lock up front, so two writers never deadlock upgrading a read lock).
public final class Store: Sendable {
    let writer: any DatabaseWriter
    /// The file, or nil for an in-memory store (tests).
    public let path: String?
    /// Checkpoints the WAL off the commit path (file stores only).
    let checkpointer: Checkpointer?
    /// Missing or altered triggers and indexes found at open (`SchemaCheck`).
    let schemaState = SchemaState()

    init(writer: any DatabaseWriter, path: String?, checkpointer: Checkpointer? = nil) {
        self.writer = writer
        self.path = path
        self.checkpointer = checkpointer
    }

    deinit { checkpointer?.finish() }

    /// With a checkpointer, its WAL hook goes on the writer connection (the readers are read-only),
    /// replacing SQLite's auto-checkpoint there.
    static func configuration(checkpointer: Checkpointer? = nil) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(15)
        config.foreignKeysEnabled = true
        config.label = "SkillDesk"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Readers map the file instead of copying each page through read(2): a re-evaluation
            // job reads pages of five tables for 100,000 claims (~20% faster; docs/DECISIONS.md
            // "Readers map the database"). The writer keeps plain I/O. SQLite caps the size at
            // its compile-time maximum (2 GiB in Debian's build).
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = \(Self.readerMapBytes)") }
            if let checkpointer, !db.configuration.readonly { checkpointer.install(on: db) }
        }
        return config
    }

    static let readerMapBytes = 2_147_418_112

    /// `PRAGMA application_id` of a SkillDesk database ("SKDS"): set at creation (and at migration
    /// on databases made before it was), so a file is known to be ours before anything writes to it.
    public static let applicationID: Int32 = 0x534B_4453

    /// An empty, migrated in-memory store made with the same configuration as a file one.
    public static func inMemory() throws -> Store {
        let queue = try DatabaseQueue(configuration: configuration())
        try Schema.migrator.migrate(queue)
        try markAsOurs(queue)
        let store = Store(writer: queue, path: nil)
        try store.checkSchema()
        return store
    }

    /// Opens a file database. With `create`, a missing file is created with mode 0600 (it holds
    /// personal data); without it, a missing file is an error rather than a silent new database.
    public static func open(path: String, create: Bool = false) throws -> Store {
        try open(path: path, create: create, checkpointPages: 1_000)
    }

    /// `checkpointPages`: the WAL size that triggers a background checkpoint (tests change it).
    static func open(path: String, create: Bool, checkpointPages: Int) throws -> Store {
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if !exists && !create { throw StoreError.notFound(path: path) }
        // Only a file this call creates becomes a new database: an existing one must already be
        // SkillDesk's (issue 10), and is looked at read-only before anything may write to it.
        var headerApplicationID: Int32?
        if exists {
            headerApplicationID = try checkIsSQLite(path)
        } else {
            try createEmptyFile(path)
        }
        do {
            if exists {
                try refuseForeign(path, headerApplicationID: headerApplicationID)
                try refuseNewerSchema(path)
            }
            let checkpointer = Checkpointer(path: path, thresholdPages: checkpointPages)
            let pool = try DatabasePool(path: path, configuration: configuration(checkpointer: checkpointer))
            let store = Store(writer: pool, path: path, checkpointer: checkpointer)
            try store.migrate()
            try store.checkSchema()
            return store
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
                throw StoreError.notADatabase(path: path)
            }
            if error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY
                || error.resultCode == .SQLITE_PERM {
                throw StoreError.cannotCreate(path: path, reason: error.message ?? "\(error.resultCode)")
            }
            if let e = Self.diskError(error) { throw e }
            throw StoreError.failure(error.message ?? "\(error)")
        }
    }

    /// A full disk (SQLITE_FULL) or an I/O error (SQLITE_IOERR) as the error of its own it is (exit
    /// 74, not "database error"); nil for anything else.
    static func diskError(_ error: DatabaseError) -> StoreError? {
        switch error.resultCode {
        case .SQLITE_FULL: return .diskFull
        case .SQLITE_IOERR: return .ioError(error.message ?? "\(error.extendedResultCode)")
        default: return nil
        }
    }

    /// A short look at the header before GRDB touches the file: a text file or an image must be
    /// refused with a clear message and left exactly as it was. An empty file is not a database
    /// either: SkillDesk creates its databases itself (`create`), never adopts an empty file.
    /// Returns the header's application id (nil when the header is too short to hold one).
    @discardableResult
    static func checkIsSQLite(_ path: String) throws -> Int32? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        // ignoring is right: a read-only handle has nothing to flush on close; a header that cannot
        // be read is empty, and an empty header is refused just below as not a SkillDesk database.
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        if header.isEmpty { throw StoreError.foreignDatabase(path: path) }
        if header.count < 16 || Data(header[0..<16]) != Data("SQLite format 3\0".utf8) { throw StoreError.notADatabase(path: path) }
        guard header.count >= 72 else { return nil }
        // Bytes 68–71: the application id, big-endian (sqlite.org/fileformat.html).
        return header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
    }

    /// Refuses an SQLite file that is not SkillDesk's, touching nothing. Ours carry
    /// `applicationID`; databases made before it was set (application id 0) are known by
    /// SkillDesk's first migration in `grdb_migrations`. Any other id is another program's.
    /// The look inside is read-only, and side files it makes (-wal, -shm) are removed again.
    static func refuseForeign(_ path: String, headerApplicationID: Int32?) throws {
        if headerApplicationID == applicationID { return }
        let ours = try readOnlyLook(path) { db -> Bool in
            // Asked of SQLite, not taken from the header alone: a damaged file must fail here
            // as one, and the header may be older than an uncheckpointed WAL.
            let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            if id == applicationID { return true }
            if id != 0 { return false }
            guard try db.tableExists("grdb_migrations") else { return false }
            return try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM grdb_migrations WHERE identifier = ?)",
                                     arguments: [Schema.firstMigration]) ?? false
        }
        if !ours { throw StoreError.foreignDatabase(path: path) }
    }

    /// A read-only look inside a file that may yet be refused. Reading a WAL database creates its
    /// -wal and -shm files; a refused file must be left as it was, so side files this look
    /// created are removed again. (While another program has the database open they exist
    /// already and are left alone.)
    static func readOnlyLook<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        let sideFiles = [path + "-wal", path + "-shm"].filter { !FileManager.default.fileExists(atPath: $0) }
        // ignoring is right: the side files this look created are empty; one left behind is harmless
        // (SQLite uses or recreates it), and the look's own result is what matters.
        defer { for f in sideFiles { try? FileManager.default.removeItem(atPath: f) } }
        var config = configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        // ignoring is right: a read-only connection has nothing to commit; closing it cannot lose data.
        defer { try? queue.close() }
        return try queue.read(body)
    }

    static func createEmptyFile(_ path: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreate(path: path, reason: "cannot create directory \(dir)")
            }
        }
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 { throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
    }

    /// A database written by a newer program is refused before anything opens it for writing:
    /// even opening a WAL pool writes to the file. A read-only look, under the migration lock.
    static func refuseNewerSchema(_ path: String) throws {
        try withMigrationLock(path) {
            let superseded = try readOnlyLook(path) { db -> Bool in
                // An empty file has no schema yet: nothing to refuse.
                guard try db.tableExists("grdb_migrations") else { return false }
                return try Schema.migrator.hasBeenSuperseded(db)
            }
            if superseded { throw StoreError.newerSchema(path: path) }
        }
    }

    /// Runs `body` holding an exclusive flock on the lock file beside the database.
    static func withMigrationLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let lockPath = path + ".lock"
        let fd = Foundation.open(lockPath, O_RDWR | O_CREAT, 0o600)
        if fd < 0 { throw StoreError.cannotCreate(path: lockPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else {
            throw StoreError.cannotCreate(path: lockPath, reason: String(cString: strerror(errno)))
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// GRDB's migrator is not safe across processes, so migrations run under an exclusive flock
    /// on a lock file beside the database. A database from a newer program is refused untouched.
    func migrate() throws {
        guard let path else { try Schema.migrator.migrate(writer); return }
        try Self.withMigrationLock(path) {
            let superseded = try writer.read { db in try Schema.migrator.hasBeenSuperseded(db) }
            if superseded { throw StoreError.newerSchema(path: path) }
            let before = try writer.read { db in try Schema.migrator.appliedIdentifiers(db) }
            try Schema.migrator.migrate(writer)
            try Self.markAsOurs(writer)
            let after = try writer.read { db in try Schema.migrator.appliedMigrations(db) }
            schemaState.migrations = (applied: after.filter { !before.contains($0) }, version: after.last)
        }
    }

    /// Sets `applicationID` in the header: on a new database, and on one made before it was set.
    static func markAsOurs(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            if try Int32.fetchOne(db, sql: "PRAGMA application_id") != applicationID {
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            }
        }
    }

    /// Reads from a consistent snapshot.
    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try mapErrors { try writer.read { db in try body(StoreReader(db: db)) } }
    }

    /// One user action = one IMMEDIATE transaction. If `body` throws, nothing is written.
    public func write<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        try mapErrors {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(StoreWriter(db: db))
                    return .commit
                }
                return result!
            }
        }
    }

    func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError.busy
        } catch let error as DatabaseError where error.message == "integer overflow" {
            throw StoreError.sumOverflow
        } catch let error as DatabaseError {
            if let e = Self.diskError(error) { throw e }
            throw StoreError.failure(error.message ?? "\(error.resultCode)")
        }
    }
}
