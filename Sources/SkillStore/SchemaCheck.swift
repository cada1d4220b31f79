import Foundation
import GRDB
import SkillRecords

/// A trigger or index the program relies on that is missing, differs from what the migrations
/// made, or a trigger no migration made (it could change rows behind every writer's back).
public struct SchemaProblem: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case missing, altered, unexpected }
    public var kind: Kind
    /// "trigger" or "index".
    public var type: String
    public var name: String

    /// "trigger audit_no_delete (missing)"; a planted name is shown without its control characters.
    public var description: String { "\(type) \(Self.printable(name)) (\(kind.rawValue))" }

    static func printable(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.prefix(64).map {
            ($0.isASCII && $0.value >= 0x20 && $0.value < 0x7F) || ($0.properties.isAlphabetic) ? $0 : "?"
        }))
    }
}

/// Compares sqlite_master with `SchemaObjects.expected` (generated from the migrations, see there):
/// one read of sqlite_master, so opening stays fast.
enum SchemaCheck {
    static func problems(_ db: Database) throws -> [SchemaProblem] {
        var present: [String: (type: String, sql: String)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL
            """) {
            present[row["name"]] = (row["type"], row["sql"])
        }
        var found: [SchemaProblem] = []
        var expectedNames = Set<String>()
        for e in SchemaObjects.expected {
            expectedNames.insert(e.name)
            guard let p = present[e.name], p.type == e.type else {
                found.append(SchemaProblem(kind: .missing, type: e.type, name: e.name))
                continue
            }
            if p.sql != e.sql { found.append(SchemaProblem(kind: .altered, type: e.type, name: e.name)) }
        }
        for (name, p) in present.sorted(by: { $0.key < $1.key }) where p.type == "trigger" && !expectedNames.contains(name) {
            found.append(SchemaProblem(kind: .unexpected, type: p.type, name: name))
        }
        return found
    }

    /// Puts back what `problems` found: recreates missing objects, replaces altered ones, drops
    /// planted triggers. Runs inside the caller's transaction (with its audit row).
    static func repair(_ db: Database) throws -> [SchemaProblem] {
        let found = try problems(db)
        let byName = Dictionary(SchemaObjects.expected.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for p in found {
            let quoted = "\"" + p.name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            switch p.kind {
            case .missing:
                // A same-named object of the other type is in the way.
                if let other = try String.fetchOne(db, sql: "SELECT type FROM sqlite_master WHERE name = ?", arguments: [p.name]),
                   other == "trigger" || other == "index" {
                    try db.execute(sql: "DROP \(other.uppercased()) \(quoted)")
                }
                if let e = byName[p.name] { try db.execute(sql: e.sql) }
            case .altered:
                try db.execute(sql: "DROP \(p.type.uppercased()) \(quoted)")
                if let e = byName[p.name] { try db.execute(sql: e.sql) }
            case .unexpected:
                try db.execute(sql: "DROP TRIGGER \(quoted)")
            }
        }
        return found
    }
}

/// Remembers what the last look at sqlite_master found (at open, and after a repair).
final class SchemaState: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [SchemaProblem] = []
    private var opened: (applied: [String], version: String?) = ([], nil)
    var problems: [SchemaProblem] {
        get { lock.lock(); defer { lock.unlock() }; return found }
        set { lock.lock(); found = newValue; lock.unlock() }
    }
    /// What `Store.migrate` did at open (for the operator's log).
    var migrations: (applied: [String], version: String?) {
        get { lock.lock(); defer { lock.unlock() }; return opened }
        set { lock.lock(); opened = newValue; lock.unlock() }
    }
}

extension Store {
    /// What the program relies on that is missing or altered, as found at open (or after a repair).
    /// Writes are refused by the use-case layer while this is not empty.
    public var schemaProblems: [SchemaProblem] { schemaState.problems }

    /// The migrations this open applied, oldest first (empty when the file was up to date; file stores).
    public var migrationsApplied: [String] { schemaState.migrations.applied }

    /// The schema version of a file store after open: its last migration's name (`v9-database-identity`).
    public var schemaVersion: String? { schemaState.migrations.version }

    /// Looks at sqlite_master again (one read).
    public func checkSchema() throws {
        schemaState.problems = try mapErrors { try writer.read { db in try SchemaCheck.problems(db) } }
    }
}

extension StoreWriter {
    /// Recreates the missing or altered triggers and indexes (see `SchemaCheck.repair`), returning
    /// what was wrong; the caller audits it in the same transaction and calls `Store.checkSchema` after.
    public func repairSchema() throws -> [SchemaProblem] {
        try SchemaCheck.repair(db)
    }
}
