import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// A logged-in user. Every operation checks the permission first and runs in one transaction
/// that also appends its audit row.
public final class Session: Sendable {
    public let desk: Desk
    public let user: String
    public let roles: Set<Role>

    init(desk: Desk, user: String, roles: Set<Role>) {
        self.desk = desk
        self.user = user
        self.roles = roles
    }

    public func can(_ p: Permission) -> Bool { Role.allows(roles, p) }

    func require(_ p: Permission, caller: String = #function) throws {
        if !can(p) {
            desk.logger.warning("permission refused", metadata: [
                "user": "\(user)", "roles": "\(roles.map(\.rawValue).sorted().joined(separator: ","))",
                "permission": "\(p)", "use_case": "\(caller)"])
            throw DeskError.notPermitted(p)
        }
    }

    // MARK: workers

    public func worker(id: String) throws -> WorkerRow {
        try require(.readWorkers)
        let key = id.trimmedWhitespace().uppercased()
        guard let w = try desk.read({ try $0.worker(id: key) }) else { throw DeskError.workerNotFound(key) }
        return w
    }

    public func findWorker(id: String) throws -> WorkerRow? {
        try require(.readWorkers)
        return try desk.read { try $0.worker(id: id.uppercased()) }
    }

    public func searchWorkers(_ text: String, offset: Int = 0, limit: Int = 50) throws -> Page<WorkerRow> {
        try require(.readWorkers)
        try Paging.check(offset: offset, limit: limit)
        return try desk.read { try $0.searchWorkers(text, offset: offset, limit: limit) }
    }

    public func workerCount() throws -> Int {
        try require(.readWorkers)
        return try desk.read { try $0.workerCount() }
    }

    /// Validates a form and registers the worker. An ID already registered is refused with the
    /// existing record, so the caller can offer it instead of a second registration.
    public func register(_ draft: WorkerDraft) throws -> WorkerRow {
        try require(.registerWorker)
        let worker = try validate(draft)
        let now = desk.clock()
        return try desk.write { w in
            if let existing = try w.worker(id: worker.id.value) { throw DeskError.workerExists(existing) }
            try checkRelative(worker, w)
            guard let row = try w.insertWorker(worker, at: now) else {
                throw DeskError.workerExists(try w.worker(id: worker.id.value)!)
            }
            try w.audit(at: now, user: user, action: "worker.create", entity: "worker", key: row.id,
                        before: nil, after: WorkerSnapshot(row).json())
            return row
        }
    }

    /// Saves an edit made from the record at `expectedVersion`. The resident ID is the record's
    /// identity and cannot be edited (a wrong ID is a new registration).
    public func update(id: String, with draft: WorkerDraft, expectedVersion: Int) throws -> WorkerRow {
        try require(.editWorker)
        var draft = draft
        draft.id = id
        let worker = try validate(draft)
        let now = desk.clock()
        return try desk.write { w in
            guard let old = try w.worker(id: worker.id.value) else { throw DeskError.workerNotFound(id) }
            try checkRelative(worker, w)
            guard let row = try w.updateWorker(worker, expectedVersion: expectedVersion, at: now) else {
                throw DeskError.editConflict(id)
            }
            try w.audit(at: now, user: user, action: "worker.update", entity: "worker", key: row.id,
                        before: WorkerSnapshot(old).json(), after: WorkerSnapshot(row).json())
            return row
        }
    }

    func validate(_ draft: WorkerDraft) throws -> Worker {
        switch draft.validate(today: desk.today()) {
        case let .success(w): return w
        case let .failure(v):
            var problems = WorkerProblems()
            for (field, error) in v.errors { problems.fields[field] = error }
            throw DeskError.invalidWorker(problems)
        }
    }

    /// E11: a relative's benefits follow a registered poor or severely disabled worker.
    func checkRelative(_ worker: Worker, _ r: StoreReader) throws {
        guard let rel = worker.relativeOf else { return }
        guard let row = try r.worker(id: rel.value) else {
            throw DeskError.invalidWorker(WorkerProblems(fields: [.relativeOf: RelativeProblem.notRegistered(rel.value)]))
        }
        if !WorkerSnapshot.isPoorOrSeverelyDisabled(row) {
            throw DeskError.invalidWorker(WorkerProblems(fields: [.relativeOf: RelativeProblem.notEligible(rel.value)]))
        }
    }

    /// The audit history of one worker, oldest first.
    public func history(workerID: String) throws -> [AuditEntry] {
        try require(.readWorkers)
        return try desk.read { try $0.auditEntries(entity: "worker", key: workerID.uppercased()) }
    }

    // MARK: audit

    public func verifyAudit() throws -> (AuditVerification, head: String) {
        try require(.verifyAudit)
        return try desk.read { (try $0.verifyAudit(), try $0.auditHead()) }
    }

    public func auditEntries(entity: String, key: String) throws -> [AuditEntry] {
        try require(.readAudit)
        return try desk.read { try $0.auditEntries(entity: entity, key: key) }
    }

    /// `audit verify`: the chain's walk, its beginning, and every anchor outside the database that
    /// can be read (`ChainReport`); anchors the head when all is well; logged.
    public func verifyChain() throws -> ChainReport {
        try require(.verifyAudit)
        return try desk.checkChain(by: user)
    }

    /// `skilldesk repair` (administrators): puts back the triggers and indexes found missing or
    /// altered, and records the incident in the chain (`schema.repair`, naming each). Runs even
    /// though writes are refused (that is what it mends). Empty when nothing needed repair.
    public func repairSchema() throws -> [SchemaProblem] {
        try require(.repairDatabase)
        let now = desk.clock()
        let repaired: [SchemaProblem] = try desk.write(evenIfDamaged: true) { w in
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
