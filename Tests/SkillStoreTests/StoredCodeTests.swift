import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

/// A stored code no SkillCore enum knows is an error naming the table, row, column and value —
/// never a guessed default (DECISIONS.md "Foundations (issue 11): stored codes as enums").
@Suite("Stored codes read as enums")
struct StoredCodeTests {
    /// Plants `sql` past the CHECK constraints, as an insider editing the file could.
    static func plant(_ store: Store, _ sql: String) throws {
        try store.write { w in
            try w.db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try w.db.execute(sql: sql)
            try w.db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
    }

    @Test func unknownClaimStatusIsAnErrorNamingTheRow() throws {
        let store = try Store.inMemory()
        let id = try store.write { w in try w.insertClaim(ClaimStoreTests.claim("W1", status: .draft), at: Date()).id }
        #expect(try store.read { try $0.claim(id: id) }?.status == .draft)
        try Self.plant(store, "UPDATE claims SET status = 'bogus' WHERE id = \(id)")
        let expected = StoreError.unknownValue(table: "claims", key: String(id), column: "status", value: "bogus")
        #expect(throws: expected) { try store.read { try $0.claim(id: id) } }
        #expect(throws: expected) { try store.read { try $0.claims(ofWorker: "W1") } }
        #expect(throws: expected) { try store.read { try $0.priorClaims(ofWorker: "W1") } }
        #expect(expected.message(.en).contains("claims") && expected.message(.en).contains("bogus")
                && expected.message(.zh).contains("bogus") && expected.message(.zh).contains(String(id)))
    }

    @Test func unknownClaimKindPayeeAndFundSourceAreErrors() throws {
        for (column, value) in [("kind", "bogus_kind"), ("payee", "nobody"), ("fund_source", "piggy_bank"), ("training_type", "juggling")] {
            let store = try Store.inMemory()
            let id = try store.write { w in try w.insertClaim(ClaimStoreTests.claim("W1", status: .draft), at: Date()).id }
            try Self.plant(store, "UPDATE claims SET \(column) = '\(value)' WHERE id = \(id)")
            #expect(throws: StoreError.unknownValue(table: "claims", key: String(id), column: column, value: value)) {
                try store.read { try $0.claim(id: id) }
            }
            if column == "kind" || column == "training_type" {
                #expect(throws: StoreError.unknownValue(table: "claims", key: String(id), column: column, value: value)) {
                    try store.read { try $0.priorClaims(ofWorkers: ["W1"]) }
                }
            }
        }
    }

    @Test func unknownRoleIsAnErrorNotADroppedRole() throws {
        let store = try Store.inMemory()
        _ = try store.write { w in try w.insertUser(name: "u1", roles: [.clerk], passwordHash: "x", at: Date()) }
        #expect(try store.read { try $0.user(named: "u1") }?.roles == [.clerk])
        try Self.plant(store, "UPDATE users SET roles = 'clerk,overlord' WHERE name = 'u1'")
        #expect(throws: StoreError.unknownValue(table: "users", key: "u1", column: "roles", value: "overlord")) {
            try store.read { try $0.user(named: "u1") }
        }
    }
}
