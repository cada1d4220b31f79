import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// Verifying and reading the audit trail, and repairing the schema (the trust area's use cases).
extension Session {
    public func verifyAudit() throws -> (AuditVerification, head: String) {
        return try read(.verifyAudit) { (try $0.verifyAudit(), try $0.auditHead()) }
    }

    public func auditEntries(entity: String, key: String) throws -> [AuditEntry] {
        return try read(.readAudit) { try $0.auditEntries(entity: entity, key: key) }
    }

    /// `audit verify`: the chain's walk, its beginning, and every anchor outside the database that
    /// can be read (`ChainReport`); anchors the head when all is well; logged.
    /// `progress` hears the number of entries walked every 100,000 (the TUI's progress line).
    public func verifyChain(progress: ((Int) -> Void)? = nil) throws -> ChainReport {
        try require(.verifyAudit)
        return try desk.checkChain(by: user, progress: progress)
    }

    /// `skilldesk repair` (administrators): puts back the triggers and indexes found missing or
    /// altered, and records the incident in the chain (`schema.repair`, naming each). Runs even
    /// though writes are refused (that is what it mends). Empty when nothing needed repair.
    public func repairSchema() throws -> [SchemaProblem] {
        try require(.repairDatabase)
        let now = desk.clock()
        let repaired: [SchemaProblem] = try write(.repairDatabase, evenIfDamaged: true) { w in
            let found = try w.repairSchema()
            if found.isEmpty { return [] }
            var list: [String] = []
            for p in found {
                var name = ""
                JSONText.appendString(p.name, to: &name)
                list.append(#"{"name":"# + name + #","problem":""# + p.kind.rawValue + #"","type":""# + p.type + #""}"#)
            }
            try w.audit(at: now, user: user, action: "schema.repair", entity: "database",
                        key: try w.meta(Desk.databaseIDKey) ?? "", before: nil,
                        after: #"{"repaired":["# + list.joined(separator: ",") + "]}")
            return found
        }
        do { try desk.store.checkSchema() } catch let e as StoreError { throw DeskError.store(e) }
        if !repaired.isEmpty {
            let objects = repaired.map(\.description).joined(separator: ", ")
            desk.logger.notice("schema repaired", metadata: ["by": "\(user)", "objects": "\(objects)"])
            // The repair is committed and in the chain: a trust file that cannot be written is logged, not a failure.
            do { try desk.log?.event("schema.repair", at: now, ["by": user, "objects": objects]) }
            catch { desk.logger.error("audit event log not written", metadata: ["event": "schema.repair", "cause": "\(OperatorLog.cause(of: error))"]) }
            do { try desk.anchor(why: "repair") }
            catch { desk.logger.error("anchor not written", metadata: ["why": "repair", "cause": "\(OperatorLog.cause(of: error))"]) }
        }
        return repaired
    }
}
