import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

@Suite("Desk: login, lockout and users")
struct LoginAndUserTests {
    @Test func aWrongPasswordOrUnknownUserFailsAndIsAudited() throws {
        let f = try Fixture()
        _ = try f.clerk()
        let before = try f.auditCount
        for (name, password) in [("clerk1", "not-the-password"), ("nobody", "clerk1-pass-1"), ("clerk1", "")] {
            let error = deskError { _ = try f.desk.login(name: name, password: password) }
            guard case .authenticationFailed? = error else { Issue.record("\(name): \(String(describing: error))"); return }
        }
        // The failures are committed even though the login fails.
        #expect(try f.auditCount == before + 3)
        let entries = try f.admin.auditEntries(entity: "user", key: "nobody")
        #expect(entries.map(\.action) == ["login.failed"])
        #expect(entries.first?.after?.contains("unknown_user") == true)
        let session = try f.desk.login(name: "clerk1", password: "clerk1-pass-1")
        #expect(session.user == "clerk1")
        #expect(session.roles == [.clerk])
    }

    @Test func fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws {
        let clock = TestClock()
        let f = try Fixture(clock: clock)
        _ = try f.clerk()
        for attempt in 1...4 {
            let error = deskError { _ = try f.desk.login(name: "clerk1", password: "wrong-\(attempt)") }
            guard case .authenticationFailed? = error else { Issue.record("attempt \(attempt): \(String(describing: error))"); return }
            clock.advance(10)
        }
        let lockedAt = clock.now()
        let fifth = deskError { _ = try f.desk.login(name: "clerk1", password: "wrong-5") }
        guard case let .accountLocked(until)? = fifth else { Issue.record("5th: \(String(describing: fifth))"); return }
        #expect(abs(until.timeIntervalSince(lockedAt) - 15 * 60) < 0.01)

        // Even the right password is refused while locked.
        for wait: TimeInterval in [0, 60, 14 * 60 + 58] {
            clock.advance(wait - clock.now().timeIntervalSince(lockedAt))
            let error = deskError { _ = try f.desk.login(name: "clerk1", password: "clerk1-pass-1") }
            guard case .accountLocked? = error else { Issue.record("after \(wait)s: \(String(describing: error))"); return }
        }
        // 15 minutes later the right password works again.
        clock.advance(15 * 60 + 1 - clock.now().timeIntervalSince(lockedAt))
        let session = try f.desk.login(name: "clerk1", password: "clerk1-pass-1")
        #expect(session.user == "clerk1")
        // And the counter starts again from zero.
        let error = deskError { _ = try f.desk.login(name: "clerk1", password: "wrong-again") }
        guard case .authenticationFailed? = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func aSuccessfulLoginResetsTheCounter() throws {
        let f = try Fixture()
        _ = try f.clerk()
        for round in 0..<2 {
            for attempt in 1...4 {
                let error = deskError { _ = try f.desk.login(name: "clerk1", password: "wrong-\(round)-\(attempt)") }
                guard case .authenticationFailed? = error else { Issue.record("\(round)/\(attempt): \(String(describing: error))"); return }
            }
            _ = try f.desk.login(name: "clerk1", password: "clerk1-pass-1")
        }
    }

    @Test func anAdministratorResettingThePasswordLiftsTheLock() throws {
        let f = try Fixture()
        _ = try f.clerk()
        for attempt in 1...5 { _ = try? f.desk.login(name: "clerk1", password: "wrong-\(attempt)") }
        let locked = deskError { _ = try f.desk.login(name: "clerk1", password: "clerk1-pass-1") }
        guard case .accountLocked? = locked else { Issue.record("\(String(describing: locked))"); return }
        try f.admin.setPassword(name: "clerk1", password: "new-pass-123")
        _ = try f.desk.login(name: "clerk1", password: "new-pass-123")
        let old = deskError { _ = try f.desk.login(name: "clerk1", password: "clerk1-pass-1") }
        guard case .authenticationFailed? = old else { Issue.record("\(String(describing: old))"); return }
    }

    @Test func aDisabledUserCannotLogIn() throws {
        let f = try Fixture()
        _ = try f.clerk()
        try f.admin.disableUser(name: "clerk1")
        let error = deskError { _ = try f.desk.login(name: "clerk1", password: "clerk1-pass-1") }
        guard case let .accountDisabled(name)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(name == "clerk1")
        #expect(try f.admin.users().first { $0.name == "clerk1" }?.disabled == true)
        #expect(try f.admin.auditEntries(entity: "user", key: "clerk1").map(\.action).contains("user.disable"))
    }

    @Test func passwordHashesAreYescryptAndVerify() throws {
        let hash = try #require(Passwords.hash("correct horse"))
        #expect(hash.hasPrefix("$y$"))
        #expect(!hash.contains("correct horse"))
        #expect(Passwords.verify("correct horse", against: hash))
        #expect(!Passwords.verify("correct horsE", against: hash))
        #expect(!Passwords.verify("", against: hash))
        #expect(!Passwords.verify("correct horse", against: "not a hash"))
        #expect(Passwords.hash("correct horse") != hash)  // a fresh salt each time

        let f = try Fixture()
        _ = try f.clerk()
        let stored = try #require(try f.admin.users().first { $0.name == "clerk1" })
        #expect(stored.passwordHash.hasPrefix("$y$"))
        #expect(Passwords.verify("clerk1-pass-1", against: stored.passwordHash))
        #expect(stored.roles == [.clerk])
    }

    @Test func userAdministration() throws {
        let f = try Fixture()
        try f.admin.addUser(name: "sup.wang", roles: [.supervisor, .auditor], password: "tea-kettle")  // 10 is enough
        let users = try f.admin.users()
        #expect(users.map(\.name) == ["admin", "sup.wang"])
        #expect(Set(users[1].roles) == [.supervisor, .auditor])
        let count = users.count
        let audit = try f.auditCount

        let dup = deskError { try f.admin.addUser(name: "sup.wang", roles: [.clerk], password: "another-pass") }
        guard case let .userExists(name)? = dup else { Issue.record("dup: \(String(describing: dup))"); return }
        #expect(name == "sup.wang")
        let weak = deskError { try f.admin.addUser(name: "newbie", roles: [.clerk], password: "1234567") }
        guard case .passwordRefused(.tooShort)? = weak else { Issue.record("weak: \(String(describing: weak))"); return }
        let badName = deskError { try f.admin.addUser(name: "张 三", roles: [.clerk], password: "long-enough-1") }
        guard case .invalidUserName? = badName else { Issue.record("name: \(String(describing: badName))"); return }
        let noRole = deskError { try f.admin.addUser(name: "norole", roles: [], password: "long-enough-1") }
        guard case .invalidInput? = noRole else { Issue.record("roles: \(String(describing: noRole))"); return }

        let clerk = try f.clerk()
        let notAdmin = deskError { try clerk.addUser(name: "sneaky", roles: [.admin], password: "long-enough-1") }
        guard case .notPermitted(.manageUsers)? = notAdmin else { Issue.record("clerk: \(String(describing: notAdmin))"); return }
        let notAdminDisable = deskError { try clerk.disableUser(name: "admin") }
        guard case .notPermitted(.manageUsers)? = notAdminDisable else { Issue.record("\(String(describing: notAdminDisable))"); return }
        let otherPassword = deskError { try clerk.setPassword(name: "admin", password: "hijacked-123") }
        guard case .notPermitted(.manageUsers)? = otherPassword else { Issue.record("\(String(describing: otherPassword))"); return }

        #expect(try f.admin.users().count == count + 1)  // only the clerk added above
        #expect(try f.auditCount == audit + 2)  // the clerk's creation and login
        _ = try f.desk.login(name: "admin", password: "admin-pass-1")  // unchanged
        // Anyone may change their own password.
        try clerk.setPassword(name: "clerk1", password: "clerk1-new-pass")
        _ = try f.desk.login(name: "clerk1", password: "clerk1-new-pass")
    }
}

@Suite("Desk: database files and the demo")
struct DeskFileTests {
    @Test func initializeOpenAndRefuseExistingOrMissing() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("desk.sqlite")
        let id: String
        do {
            let desk = try Desk.initialize(path: path, admin: "boss", password: "boss-pass-1")
            #expect(try desk.isDemo() == false)
            let admin = try desk.login(name: "boss", password: "boss-pass-1")
            try admin.addUser(name: "clerk1", roles: [.clerk], password: "clerk1-pass-1")
            id = try desk.login(name: "clerk1", password: "clerk1-pass-1").register(draft(seq: 20, name: "钱多多")).id
        }
        let reopened = try Desk.open(path: path)
        #expect(reopened.path == path)
        let clerk = try reopened.login(name: "clerk1", password: "clerk1-pass-1")
        #expect(try clerk.worker(id: id).name == "钱多多")

        let again = deskError { try Desk.initialize(path: path, admin: "boss2", password: "boss-pass-2") }
        guard case .store(.alreadyInitialised(path))? = again else { Issue.record("\(String(describing: again))"); return }
        let missing = dir.file("missing.sqlite")
        let notFound = deskError { _ = try Desk.open(path: missing) }
        guard case .store(.notFound(missing))? = notFound else { Issue.record("\(String(describing: notFound))"); return }
        #expect(!FileManager.default.fileExists(atPath: missing))

        let weakPath = dir.file("weak.sqlite")
        let weak = deskError { try Desk.initialize(path: weakPath, admin: "boss", password: "short") }
        guard case .passwordRefused(.tooShort)? = weak else { Issue.record("\(String(describing: weak))"); return }
        #expect(!FileManager.default.fileExists(atPath: weakPath))
    }

    @Test func openingATextFileIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = try dir.write("workers.csv", "id,name\n")
        let error = deskError { _ = try Desk.open(path: path) }
        guard case .store(.notADatabase(path))? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(try readBytes(path) == Array("id,name\n".utf8))
    }

    @Test func theDemoDatabaseHasOneUserPerRoleAndWorkers() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let desk = try Demo.create(path: dir.file("demo.sqlite"), workers: 25)
        #expect(try desk.isDemo())
        for account in Demo.accounts {
            let s = try desk.login(name: account.name, password: account.password)
            #expect(s.roles == [account.role])
        }
        let auditor = try desk.login(name: "audit1", password: "audit1-demo")
        #expect(try auditor.workerCount() == 25)
        guard case let .intact(entries) = try auditor.verifyAudit().0 else { Issue.record("audit not intact"); return }
        #expect(entries >= 25 + Demo.accounts.count)
        // Funds to approve claims with, and the business date may be moved (a training database).
        #expect(try auditor.fundYear(desk.today().year).balanceFen == 100_000_000)
        #expect(throws: Never.self) { _ = try Desk.open(path: dir.file("demo.sqlite"), environment: ["SKILLDESK_TODAY": "2025-06-01"]) }
        let moved = try Desk.open(path: dir.file("demo.sqlite"), environment: ["SKILLDESK_TODAY": "2025-06-01"])
        #expect(moved.today().description == "2025-06-01")
    }

    @Test func theDemoDatabaseHasACatalogueAndInstitutions() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let desk = try Demo.create(path: dir.file("demo.sqlite"), workers: 0)
        let clerk = try desk.login(name: "clerk1", password: "clerk1-demo")
        let now = try clerk.occupations(asOf: CalendarDate(iso: "2025-06-01")!)
        #expect(now.count >= 30)
        #expect(Set(now.map(\.code)).count == now.count)
        let old = try clerk.occupation(code: "6-31-01-03", asOf: CalendarDate(iso: "2024-06-01")!)
        let new = try clerk.occupation(code: "6-31-01-03", asOf: CalendarDate(iso: "2025-06-01")!)
        #expect(old.from == "2024-01-01" && new.from == "2025-01-01")
        #expect(old.levels.first { $0.level == "L4" }!.standardFen < new.levels.first { $0.level == "L4" }!.standardFen)
        let institutions = try clerk.institutions()
        #expect((4...6).contains(institutions.count))
        #expect(institutions.filter { $0.status.rawValue == "suspended" }.count == 1)
        #expect(institutions.allSatisfy { (try? CreditCode.parse($0.code).get()) != nil })
    }
}
