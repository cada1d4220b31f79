import Foundation
import SkillCore
import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Session: registering and editing workers")
struct WorkerUseCaseTests {
    @Test func aClerkRegistersAValidWorkerWithOneAuditRow() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let auditBefore = try f.auditCount
        let row = try clerk.register(draft(seq: 1, name: "张桂兰", phone: "139 1234 5678", groups: [.dibao, .veteran]))
        #expect(row.id == residentID(seq: 1))
        #expect(row.name == "张桂兰")
        #expect(row.phone == "13912345678")
        #expect(row.sex == "M")  // sequence 001 is odd
        #expect(row.birthDate == "1990-01-01")
        #expect(row.groups == ["veteran", "dibao"])  // declaration order
        #expect(row.version == 1)
        #expect(try f.stored(row.id) == row)

        #expect(try f.auditCount == auditBefore + 1)
        let history = try clerk.history(workerID: row.id)
        #expect(history.count == 1)
        let entry = try #require(history.first)
        #expect(entry.action == "worker.create")
        #expect(entry.user == "clerk1")
        #expect(entry.entity == "worker" && entry.key == row.id)
        #expect(entry.before == nil)
        #expect(entry.at == row.createdAt)  // the same instant: one transaction, one clock reading
        let snapshot = try JSONDecoder().decode(WorkerSnapshot.self, from: Data(try #require(entry.after).utf8))
        #expect(snapshot == WorkerSnapshot(row))
        #expect(try f.admin.verifyAudit().0 == .intact(entries: auditBefore + 1))
        // The reader sees it through every door.
        #expect(try clerk.worker(id: " " + row.id.lowercased() + " ") == row)
        #expect(try clerk.searchWorkers("桂兰").rows == [row])
        #expect(try clerk.workerCount() == 1)
    }

    @Test func anInvalidDraftRegistersNothingAndNamesTheFields() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let auditBefore = try f.auditCount
        var bad = draft(seq: 2, name: "张3", phone: "12345")
        bad.id = wrongCheck(bad.id)
        let error = deskError { _ = try clerk.register(bad) }
        guard case let .invalidWorker(problems)? = error else {
            Issue.record("expected .invalidWorker, got \(String(describing: error))"); return
        }
        #expect(Set(problems.fields.keys) == [.id, .name, .phone])
        #expect(problems.fields[.id] as? FieldError
                == .residentID(.checkCharacter(expected: residentID(seq: 2).last!, found: bad.id.last!)))
        #expect(problems.summary(.en).contains("Resident ID"))
        #expect(try f.workerCount == 0)
        #expect(try f.auditCount == auditBefore)
    }

    @Test func registeringAnExistingIDThrowsWithTheExistingRow() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let first = try clerk.register(draft(seq: 3, name: "王芳"))
        let auditBefore = try f.auditCount
        let error = deskError { _ = try clerk.register(draft(seq: 3, name: "李四", phone: "13800001111")) }
        guard case let .workerExists(existing)? = error else {
            Issue.record("expected .workerExists, got \(String(describing: error))"); return
        }
        #expect(existing == first)
        #expect(try f.stored(first.id) == first)
        #expect(try f.workerCount == 1)
        #expect(try f.auditCount == auditBefore)
    }

    @Test(arguments: [Role.auditor, .supervisor, .finance, .admin])
    func onlyClerksChangeTheRegistry(role: Role) throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let row = try clerk.register(draft(seq: 4, name: "赵敏"))
        let other = role == .admin ? f.admin : try f.session(role)
        let auditBefore = try f.auditCount

        let register = deskError { _ = try other.register(draft(seq: 5, name: "李伟")) }
        guard case .notPermitted(.registerWorker)? = register else {
            Issue.record("register: \(String(describing: register))"); return
        }
        let update = deskError { _ = try other.update(id: row.id, with: draft(seq: 4, name: "赵敏敏"), expectedVersion: 1) }
        guard case .notPermitted(.editWorker)? = update else {
            Issue.record("update: \(String(describing: update))"); return
        }
        #expect(try f.workerCount == 1)
        #expect(try f.stored(row.id) == row)
        #expect(try f.auditCount == auditBefore)

        // Everyone may read.
        #expect(try other.worker(id: row.id) == row)
        #expect(try other.searchWorkers("赵").rows == [row])
        #expect(try other.history(workerID: row.id).map(\.action) == ["worker.create"])
    }

    @Test func theAuditorReadsAndVerifiesButAClerkCannotVerify() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let row = try clerk.register(draft(seq: 6, name: "孙丽"))
        let auditor = try f.session(.auditor)
        #expect(try auditor.worker(id: row.id) == row)
        #expect(try auditor.auditEntries(entity: "worker", key: row.id).count == 1)
        guard case .intact = try auditor.verifyAudit().0 else { Issue.record("not intact"); return }
        let error = deskError { _ = try clerk.verifyAudit() }
        guard case .notPermitted(.verifyAudit)? = error else { Issue.record("\(String(describing: error))"); return }
        let read = deskError { _ = try clerk.auditEntries(entity: "worker", key: row.id) }
        guard case .notPermitted(.readAudit)? = read else { Issue.record("\(String(describing: read))"); return }
    }

    @Test func anEditFromAStaleVersionIsAConflictAndChangesNothing() throws {
        let f = try Fixture()
        let clerkA = try f.session(.clerk, name: "clerkA")
        let clerkB = try f.session(.clerk, name: "clerkB")
        let v1 = try clerkA.register(draft(seq: 7, name: "张桂兰"))
        f.clock.advance(60)
        let v2 = try clerkA.update(id: v1.id, with: draft(seq: 7, name: "张桂芳", phone: "13912345678"), expectedVersion: 1)
        #expect(v2.version == 2)
        #expect(v2.name == "张桂芳")
        #expect(v2.createdAt == v1.createdAt)
        #expect(v2.updatedAt != v1.updatedAt)
        let auditBefore = try f.auditCount

        // B opened the record at version 1 and saves afterwards.
        let error = deskError { _ = try clerkB.update(id: v1.id, with: draft(seq: 7, name: "李四"), expectedVersion: 1) }
        guard case let .editConflict(id)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(id == v1.id)
        #expect(try f.stored(v1.id) == v2)
        #expect(try f.auditCount == auditBefore)

        let history = try clerkA.history(workerID: v1.id)
        #expect(history.map(\.action) == ["worker.create", "worker.update"])
        #expect(history[1].before?.contains("张桂兰") == true)
        #expect(history[1].after?.contains("张桂芳") == true)
        #expect(history[1].user == "clerkA")
    }

    @Test func editingAnUnknownWorkerIsNotFound() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let error = deskError { _ = try clerk.update(id: residentID(seq: 8), with: draft(seq: 8, name: "王五"), expectedVersion: 1) }
        guard case .workerNotFound? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(try f.workerCount == 0)
    }

    // MARK: relatives (E11)

    @Test(arguments: [
        ([TargetGroup.lowIncomeRural], Disability.none),
        ([TargetGroup.dibao], Disability.none),
        ([TargetGroup.poorFamilyChild], Disability.none),
        ([TargetGroup](), Disability.severe),
    ])
    func aRelativeOfAPoorOrSeverelyDisabledWorkerRegisters(groups: [TargetGroup], disability: Disability) throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let head = try clerk.register(draft(seq: 10, name: "张大山", groups: groups, disability: disability))
        let relative = try clerk.register(draft(seq: 11, name: "张小山", relativeOf: head.id))
        #expect(relative.relativeOf == head.id)
        #expect(try f.workerCount == 2)
    }

    @Test(arguments: [
        ([TargetGroup](), Disability.none),
        ([TargetGroup.disabled], Disability.nonsevere),
        ([TargetGroup.unemployed, .employmentDifficulty, .zeroEmploymentFamily], Disability.none),
    ])
    func aRelativeOfANonPoorWorkerIsRefused(groups: [TargetGroup], disability: Disability) throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let head = try clerk.register(draft(seq: 12, name: "李大山", groups: groups, disability: disability))
        let auditBefore = try f.auditCount
        let error = deskError { _ = try clerk.register(draft(seq: 13, name: "李小山", relativeOf: head.id)) }
        guard case let .invalidWorker(problems)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(Array(problems.fields.keys) == [.relativeOf])
        guard case let .notEligible(id)? = problems.fields[.relativeOf] as? RelativeProblem else {
            Issue.record("\(String(describing: problems.fields[.relativeOf]))"); return
        }
        #expect(id == head.id)
        #expect(try f.workerCount == 1)
        #expect(try f.auditCount == auditBefore)
    }

    @Test func aRelativeOfAnUnregisteredIDIsRefused() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let error = deskError { _ = try clerk.register(draft(seq: 14, name: "周一", relativeOf: residentID(seq: 15))) }
        guard case let .invalidWorker(problems)? = error,
              case let .notRegistered(id)? = problems.fields[.relativeOf] as? RelativeProblem else {
            Issue.record("\(String(describing: error))"); return
        }
        #expect(id == residentID(seq: 15))
        #expect(try f.workerCount == 0)
    }

    @Test func anEditCannotPointAtAnIneligibleRelative() throws {
        let f = try Fixture()
        let clerk = try f.clerk()
        let plain = try clerk.register(draft(seq: 16, name: "吴一"))
        let worker = try clerk.register(draft(seq: 17, name: "吴二"))
        let error = deskError { _ = try clerk.update(id: worker.id, with: draft(seq: 17, name: "吴二", relativeOf: plain.id), expectedVersion: 1) }
        guard case let .invalidWorker(problems)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(problems.fields[.relativeOf] != nil)
        #expect(try f.stored(worker.id) == worker)
    }
}
