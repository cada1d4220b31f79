import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// Registering, finding, editing workers and reading their history (the worker area's use cases).
extension Session {
    public func worker(id: String) throws -> WorkerRow {
        try require(.readWorkers)
        let key = id.trimmedWhitespace().uppercased()
        guard let w = try read(.readWorkers, { try $0.worker(id: key) }) else { throw DeskError.workerNotFound(key) }
        return w
    }

    public func findWorker(id: String) throws -> WorkerRow? {
        return try read(.readWorkers) { try $0.worker(id: id.uppercased()) }
    }

    public func searchWorkers(_ text: String, offset: Int = 0, limit: Int = 50) throws -> Page<WorkerRow> {
        try require(.readWorkers)
        try Paging.check(offset: offset, limit: limit)
        return try read(.readWorkers) { try $0.searchWorkers(text, offset: offset, limit: limit) }
    }

    public func workerCount() throws -> Int {
        return try read(.readWorkers) { try $0.workerCount() }
    }

    /// Validates a form and registers the worker. An ID already registered is refused with the
    /// existing record, so the caller can offer it instead of a second registration.
    public func register(_ draft: WorkerDraft) throws -> WorkerRow {
        try require(.registerWorker)
        let worker = try validate(draft)
        let now = desk.clock()
        return try write(.registerWorker) { w in
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
        return try write(.editWorker) { w in
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
        return try read(.readWorkers) { try $0.auditEntries(entity: "worker", key: workerID.uppercased()) }
    }
}
