import Foundation
import SkillCore
import SkillStore

/// User administration. Only administrators manage users; anyone may change their own password.
extension Session {
    public func addUser(name: String, roles: [Role], password: String) throws {
        try require(.manageUsers)
        try Desk.checkUserName(name)
        guard !roles.isEmpty else {
            throw DeskError.invalidInput("give at least one role (--role clerk|supervisor|finance|admin|auditor)",
                                         zh: "至少指定一个角色（--role clerk|supervisor|finance|admin|auditor）")
        }
        guard password.count >= Passwords.minimumLength else { throw DeskError.weakPassword }
        guard let hash = Passwords.hash(password) else { throw DeskError.weakPassword }
        let now = desk.clock()
        try desk.write { w in
            guard try w.insertUser(name: name, roles: roles, passwordHash: hash, at: now) else {
                throw DeskError.userExists(name)
            }
            try w.audit(at: now, user: user, action: "user.create", entity: "user", key: name, before: nil,
                        after: Self.userJSON(name: name, roles: roles, disabled: false))
        }
    }

    public func users() throws -> [UserRow] {
        try require(.manageUsers)
        return try desk.read { try $0.users() }
    }

    public func setPassword(name: String, password: String) throws {
        if name != user { try require(.manageUsers) }
        guard password.count >= Passwords.minimumLength else { throw DeskError.weakPassword }
        guard let hash = Passwords.hash(password) else { throw DeskError.weakPassword }
        let now = desk.clock()
        try desk.write { w in
            guard var row = try w.user(named: name) else { throw DeskError.userNotFound(name) }
            row.passwordHash = hash
            row.failedAttempts = 0
            row.lockedUntil = nil
            try w.updateUser(row)
            try w.audit(at: now, user: user, action: "user.password", entity: "user", key: name, before: nil, after: nil)
        }
    }

    public func disableUser(name: String) throws {
        try require(.manageUsers)
        let now = desk.clock()
        try desk.write { w in
            guard var row = try w.user(named: name) else { throw DeskError.userNotFound(name) }
            if row.disabled { return }
            row.disabled = true
            try w.updateUser(row)
            try w.audit(at: now, user: user, action: "user.disable", entity: "user", key: name,
                        before: Self.userJSON(name: name, roles: row.roles, disabled: false),
                        after: Self.userJSON(name: name, roles: row.roles, disabled: true))
        }
    }

    static func userJSON(name: String, roles: [Role], disabled: Bool) -> String {
        let r = roles.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        return #"{"disabled":\#(disabled),"name":"\#(name)","roles":[\#(r)]}"#
    }
}
