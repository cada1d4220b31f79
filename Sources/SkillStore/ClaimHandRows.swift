import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    /// Who did which of `actions` to one record, from its audit rows (oldest first). One lookup on
    /// the (entity, key, seq) index — a few rows per claim — so a batch decision of 500 claims
    /// costs 500 index probes, not a scan of the trail.
    public func auditActors(entity: String, key: String, actions: [String]) throws -> [(user: String, action: String)] {
        guard !actions.isEmpty else { return [] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: Self.auditActorsSQL(actions: actions.count)),
                                    arguments: StatementArguments([entity, key] + actions))
        return rows.map { (user: $0[0], action: $0[1]) }
    }

    static func auditActorsSQL(actions: Int) -> String {
        let marks = Array(repeating: "?", count: actions).joined(separator: ",")
        return "SELECT user, action FROM audit WHERE entity = ? AND key = ? AND action IN (\(marks)) ORDER BY seq"
    }
}
