import Foundation
import GRDB
import Testing
@testable import SkillStore
import SkillRecords

/// The triggers and indexes the program checks at open are the migrations' own: this list is
/// generated from a freshly migrated database, never copied by hand. With
/// SKILLDESK_WRITE_SCHEMA_OBJECTS=1 the test rewrites Sources/SkillStore/SchemaObjects.swift.
@Suite("Schema objects: the list checked at open is generated from the migrations")
struct SchemaObjectsTests {
    static func fromMigrations() throws -> [SchemaObject] {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        return try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL
                ORDER BY type, name
                """).map { SchemaObject(type: $0["type"], name: $0["name"], sql: $0["sql"]) }
        }
    }

    static func swiftLiteral(_ s: String) -> String {
        "#\"\"\"\n" + s.split(separator: "\n", omittingEmptySubsequences: false).map { "            " + $0 }.joined(separator: "\n")
            + "\n            \"\"\"#"
    }

    @Test func theListIsTheMigrationsOwn() throws {
        let made = try Self.fromMigrations()
        if ProcessInfo.processInfo.environment["SKILLDESK_WRITE_SCHEMA_OBJECTS"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Sources/SkillStore/SchemaObjects.swift")
            let old = try String(contentsOf: source, encoding: .utf8)
            let head = old.components(separatedBy: "    static let expected: [SchemaObject] = [")[0]
            let body = made.map { o in
                "        SchemaObject(type: \"\(o.type)\", name: \"\(o.name)\", sql: \(Self.swiftLiteral(o.sql))),"
            }.joined(separator: "\n")
            try (head + "    static let expected: [SchemaObject] = [\n" + body + "\n    ]\n}\n")
                .write(to: source, atomically: true, encoding: .utf8)
        }
        #expect(SchemaObjects.expected == made, "regenerate SchemaObjects.swift (see its header)")
        #expect(made.contains { $0.name == "audit_no_delete" } && made.contains { $0.name == "claims_status" })
    }

    @Test func aFreshStoreHasNoProblemsAndADroppedOrAlteredOneIsNamed() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("s.sqlite")
        do {
            let store = try Store.open(path: path, create: true)
            #expect(store.schemaProblems.isEmpty)
        }
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                DROP TRIGGER audit_no_delete;
                DROP INDEX workers_phone;
                DROP TRIGGER audit_no_update;
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT 1; END;
                CREATE TRIGGER claims_bump AFTER INSERT ON claims BEGIN UPDATE claims SET amount_fen = amount_fen * 10; END;
                """)
        }
        try raw.close()
        let store = try Store.open(path: path)
        #expect(store.schemaProblems.map(\.description).sorted() == [
            "index workers_phone (missing)", "trigger audit_no_delete (missing)",
            "trigger audit_no_update (altered)", "trigger claims_bump (unexpected)"])
        let repaired = try store.write { try $0.repairSchema() }
        #expect(repaired.count == 4)
        try store.checkSchema()
        #expect(store.schemaProblems.isEmpty)
        try store.write { try $0.audit(at: fixedNow, user: "t", action: "x", entity: "e", key: "k", before: nil, after: nil) }
        #expect(throws: DatabaseError.self) { try store.writer.write { try $0.execute(sql: "DELETE FROM audit") } }
    }
}
