import Foundation
import SkillCore
@testable import SkillDesk
import SkillStore
import SkillRecords
import Testing

/// Issue 10, break 7: the last administrator stays, passwords follow the rules, reserved and
/// case-twin names are refused — each refusal leaving the users and the trail as they were.
@Suite("Desk: account rules")
struct AccountRulesTests {
    func state(_ f: Fixture) throws -> [String] {
        try f.admin.users().map { "\($0.name) \($0.roles.map(\.rawValue)) \($0.disabled) \($0.passwordHash)" }
    }

    @Test func theLastActiveAdministratorCannotBeDisabled() throws {
        let f = try Fixture()
        let before = try state(f), audit = try f.auditCount
        let alone = deskError { try f.admin.disableUser(name: "admin") }
        #expect(alone?.message(.en).contains("last active administrator") == true, "\(String(describing: alone))")
        #expect(alone?.message(.zh).contains("最后一名") == true)
        #expect(try state(f) == before)
        #expect(try f.auditCount == audit)

        // With a second administrator, one may disable the other — but not then the last one left.
        try f.admin.addUser(name: "admin2", roles: [.admin], password: "second-admin-pw")
        let admin2 = try f.desk.login(name: "admin2", password: "second-admin-pw")
        try admin2.disableUser(name: "admin")
        let last = deskError { try admin2.disableUser(name: "admin2") }
        #expect(last?.message(.en).contains("last active administrator") == true)
        #expect(try admin2.users().first { $0.name == "admin2" }?.disabled == false)
    }

    @Test(arguments: [
        "short-9ch",              // 9 characters
        "1234567890", "qwertyuiop", "Password123", "1qaz2wsx3edc", "woaini1314520",  // common
        "clerk7-2026!", "CLERK7CLERK7", "2026.clerk7",  // the user name with only digits or punctuation
    ])
    func aWeakPasswordIsRefusedEverywhere(password: String) throws {
        let f = try Fixture()
        let before = try state(f), audit = try f.auditCount
        let added = deskError { try f.admin.addUser(name: "clerk7", roles: [.clerk], password: password) }
        #expect(added != nil)
        #expect(try state(f) == before)
        _ = try f.session(.clerk, name: "clerk7")
        let changed = deskError { try f.admin.setPassword(name: "clerk7", password: password) }
        #expect(changed != nil)
        let own = try f.desk.login(name: "clerk7", password: Fixture.password("clerk7"))
        #expect(deskError { try own.setPassword(name: "clerk7", password: password) } != nil)
        #expect(try f.auditCount == audit + 3)   // the clerk's creation and its one login only
        let dir = try TempDir()
        defer { dir.cleanup() }
        #expect(deskError { try Desk.initialize(path: dir.file("d.sqlite"), admin: "clerk7", password: password) } != nil)
        #expect(!FileManager.default.fileExists(atPath: dir.file("d.sqlite")))
    }

    @Test func aWeakPasswordSaysWhatIsWrong() throws {
        let f = try Fixture()
        let short = deskError { try f.admin.addUser(name: "clerk7", roles: [.clerk], password: "short-9ch") }
        #expect(short?.message(.en).contains("at least 10 characters") == true, "\(String(describing: short))")
        let common = deskError { try f.admin.addUser(name: "clerk7", roles: [.clerk], password: "1234567890") }
        #expect(common?.message(.en).contains("among the most common") == true, "\(String(describing: common))")
        #expect(common?.message(.zh).contains("常用密码") == true)
        let name = deskError { try f.admin.addUser(name: "clerk7", roles: [.clerk], password: "Clerk7-2026") }
        #expect(name?.message(.en).contains("user name") == true, "\(String(describing: name))")
    }

    @Test func theRulesInOnePlace() {
        #expect(Passwords.problem("wang-2026-05", userName: "Wang") == .buildsOnUserName)
        #expect(Passwords.problem("li-20260517", userName: "li") == .buildsOnUserName)
        #expect(Passwords.problem("wang-likes-tea", userName: "wang") == nil)
        #expect(Passwords.problem("QWERTYUIOP", userName: "x") == .common)
        #expect(Passwords.problem("nine-char", userName: "x") == .tooShort)
        #expect(Passwords.problem("十个汉字的密码也可以用", userName: "x") == nil)
    }

    @Test func aLongPasswordWithTheNameAndAWordIsAccepted() throws {
        let f = try Fixture()
        try f.admin.addUser(name: "clerk7", roles: [.clerk], password: "clerk7-river-stone")
        _ = try f.desk.login(name: "clerk7", password: "clerk7-river-stone")
    }

    @Test(arguments: ["system", "System", "SYSTEM", "ADMIN", "Admin"])
    func reservedAndCaseTwinNamesAreRefused(name: String) throws {
        let f = try Fixture()
        let before = try state(f), audit = try f.auditCount
        let error = deskError { try f.admin.addUser(name: name, roles: [.clerk], password: "a-good-long-pass") }
        #expect(error != nil)
        #expect(try state(f) == before)
        #expect(try f.auditCount == audit)
    }

    @Test func initRefusesTheReservedName() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.file("d.sqlite")
        let error = deskError { try Desk.initialize(path: path, admin: "system", password: "a-good-long-pass") }
        #expect(error?.message(.en).contains("reserved") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theDemoUsersPasswordsFollowTheRules() throws {
        let f = try Fixture()
        for a in Demo.accounts where a.name != "admin" {
            try f.admin.addUser(name: a.name, roles: [a.role], password: a.password)
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let admin = Demo.accounts[0]
        _ = try Desk.initialize(path: dir.file("d.sqlite"), admin: admin.name, password: admin.password)
    }

    /// An unknown name costs a full yescrypt check too (against `Passwords.dummyHash`, made with
    /// the same parameters as real hashes), so the answer's speed does not tell which names exist.
    /// Counted, not timed: the desk's password check is watched.
    @Test func anUnknownUserCostsTheSamePasswordCheckAsAKnownOne() throws {
        final class Calls: @unchecked Sendable {
            let lock = NSLock()
            var hashes: [String] = []
            func add(_ h: String) { lock.lock(); hashes.append(h); lock.unlock() }
        }
        let calls = Calls()
        let desk = Desk(store: try Store.inMemory(), checkPassword: { p, h in calls.add(h); return Passwords.verify(p, against: h) })
        let unknown = deskError { _ = try desk.login(name: "nobody", password: "a-guess-at-it") }
        guard case .authenticationFailed? = unknown else { Issue.record("\(String(describing: unknown))"); return }
        #expect(calls.hashes == [Passwords.dummyHash])
        // The dummy is a real yescrypt hash with the parameters of fresh ones ("$y$" + cost field).
        let fresh = try #require(Passwords.hash("anything-at-all"))
        #expect(Passwords.dummyHash.split(separator: "$").prefix(2) == fresh.split(separator: "$").prefix(2))
        #expect(!Passwords.verify("a-guess-at-it", against: Passwords.dummyHash))
    }
}
