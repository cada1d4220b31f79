import Foundation
import GRDB
import SkillCore
import Testing
@testable import SkillStore
import SkillRecords

/// The four-eyes check reads who did what to a claim from its audit rows: one probe of the
/// (entity, key, seq) index per claim, never a scan of the trail (a batch approves 500 claims).
@Suite("Store: hands on a claim")
struct ClaimHandRowsTests {
    @Test func auditActorsReadsTheRecordsRowsThroughTheEntityIndex() throws {
        let store = try Store.inMemory()
        try store.write { w in
            for (user, action, key) in [("ann", "claim.create", "7"), ("bob", "claim.submit", "7"), ("sup", "claim.approve", "7"),
                                        ("eve", "claim.submit", "8"), ("carl", "claim.publish_notice", "7")] {
                try w.audit(at: fixedNow, user: user, action: action, entity: "claim", key: key, before: nil, after: nil)
            }
        }
        let actors = try store.read { try $0.auditActors(entity: "claim", key: "7", actions: ["claim.create", "claim.submit", "claim.approve"]) }
        #expect(actors.map { "\($0.user) \($0.action)" } == ["ann claim.create", "bob claim.submit", "sup claim.approve"])
        let plan = try store.read { r in
            try Row.fetchAll(r.db, sql: "EXPLAIN QUERY PLAN " + StoreReader.auditActorsSQL(actions: 3),
                             arguments: ["claim", "7", "a", "b", "c"]).map { $0["detail"] as String }.joined(separator: "\n")
        }
        #expect(plan.contains("USING INDEX audit_entity (entity=? AND key=?)"), "\(plan)")
        #expect(!plan.contains("SCAN"), "\(plan)")
    }
}
