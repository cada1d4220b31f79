import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

/// Issue 10, break 6: only `init`/`demo` create a database; any other open refuses a file that is
/// not already a SkillDesk database and leaves it exactly as it was — bytes, mode, no side files.
@Suite("Store: foreign files are never adopted")
struct ForeignFileTests {
    /// Everything a refused open could have changed: the bytes, the mode, and the directory
    /// listing (no -wal, -shm or .lock left beside the file).
    struct Fingerprint: Equatable {
        var bytes: [UInt8]
        var mode: Int
        var listing: [String]

        init(_ path: String) throws {
            bytes = try readBytes(path)
            mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
            listing = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent).sorted()
        }
    }

    static func refusesUntouched(_ path: String) throws {
        let before = try Fingerprint(path)
        for create in [false, true] {
            #expect(throws: StoreError.foreignDatabase(path: path)) { try Store.open(path: path, create: create) }
        }
        #expect(try Fingerprint(path) == before)
    }

    /// Another program's SQLite database, made the way an insider would (the sqlite3 shell).
    static func sqlite3(_ path: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test func anEmptyFileIsRefusedAndLeftUntouched() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("empty.sqlite")
        try write([], to: path)
        chmod(path, 0o644)
        try Self.refusesUntouched(path)
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftUntouched() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("inventory.db")
        try Self.sqlite3(path, "CREATE TABLE parts(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO parts(name) VALUES ('bolt');")
        chmod(path, 0o644)
        try Self.refusesUntouched(path)
        // Still only its own table.
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        #expect(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") } == ["parts"])
    }

    @Test func anotherProgramsWALDatabaseIsRefusedAndLeftUntouched() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("app.db")
        try Self.sqlite3(path, "PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        try Self.refusesUntouched(path)
    }

    @Test func aDatabaseWithAnotherApplicationIDIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("other.db")
        // Even one that looks like ours inside: the application id says whose it is.
        try Self.sqlite3(path, "PRAGMA application_id = 1234; CREATE TABLE grdb_migrations(identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('v1-registry');")
        try Self.refusesUntouched(path)
    }

    @Test func aGRDBDatabaseOfAnotherProgramIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("notes.db")
        try Self.sqlite3(path, "CREATE TABLE grdb_migrations(identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('createNotes'); CREATE TABLE notes(x);")
        try Self.refusesUntouched(path)
    }

    @Test func aNewDatabaseCarriesSkillDesksApplicationID() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("new.sqlite")
        _ = try Store.open(path: path, create: true)
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == Store.applicationID)
    }

    /// Databases made before the application id was set are recognised by SkillDesk's migrations,
    /// opened as before, and get the id at migration.
    @Test func anEarlierSkillDeskDatabaseIsOpenedAndGetsTheApplicationID() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("old.sqlite")
        do {
            let store = try Store.open(path: path, create: true)
            try store.write { try $0.setMeta("created_at", "2025-01-01") }
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = 0") }
            try queue.close()
        }
        let store = try Store.open(path: path)
        #expect(try store.read { try $0.meta("created_at") } == "2025-01-01")
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == Store.applicationID)
    }
}
