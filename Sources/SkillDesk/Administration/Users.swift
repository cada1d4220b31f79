import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// User administration. Only administrators manage users; anyone may change their own password.
extension Session {
    public func addUser(name: String, roles: [Role], password: String) throws {
        try require(.manageUsers)
        try Desk.checkUserName(name)
        guard !roles.isEmpty else {
            throw DeskError.invalidInput("give at least one role (--role clerk|supervisor|finance|admin|auditor)",
                                         zh: "至少指定一个角色（--role clerk|supervisor|finance|admin|auditor）")
        }
        if let p = Passwords.problem(password, userName: name) { throw DeskError.passwordRefused(p) }
        guard let hash = Passwords.hash(password) else { throw DeskError.weakPassword }
        let now = desk.clock()
        try write(.manageUsers) { w in
            // Names that differ only in case read as one person in the trail and on screen.
            if let twin = try w.users().first(where: { $0.name != name && $0.name.lowercased() == name.lowercased() }) {
                throw DeskError.userNameTaken(name, existing: twin.name)
            }
            guard try w.insertUser(name: name, roles: roles, passwordHash: hash, at: now) else {
                throw DeskError.userExists(name)
            }
            try w.audit(at: now, user: user, action: "user.create", entity: "user", key: name, before: nil,
                        after: Self.userJSON(name: name, roles: roles, disabled: false))
        }
    }

    public func users() throws -> [UserRow] {
        return try read(.manageUsers) { try $0.users() }
    }

    public func setPassword(name: String, password: String) throws {
        if name != user { try require(.manageUsers) }
        if let p = Passwords.problem(password, userName: name) { throw DeskError.passwordRefused(p) }
        guard let hash = Passwords.hash(password) else { throw DeskError.weakPassword }
        let now = desk.clock()
        try write(.manageUsers, unlessSelf: name) { w in
            guard var row = try w.user(named: name) else { throw DeskError.userNotFound(name) }
            row.passwordHash = hash
            row.failedAttempts = 0
            row.lockedUntil = nil
            try w.updateUser(row)
            try w.audit(at: now, user: user, action: "user.password", entity: "user", key: name, before: nil, after: nil)
        }
    }

    /// Disables a user (they can no longer log in). The last active administrator cannot be
    /// disabled — by themself or by another — or no one could manage users again.
    public func disableUser(name: String) throws {
        try require(.manageUsers)
        let now = desk.clock()
        try write(.manageUsers) { w in
            guard var row = try w.user(named: name) else { throw DeskError.userNotFound(name) }
            if row.disabled { return }
            try Self.refuseLosingLastAdministrator(w, row, keepsAdmin: false)
            row.disabled = true
            try w.updateUser(row)
            try w.audit(at: now, user: user, action: "user.disable", entity: "user", key: name,
                        before: Self.userJSON(name: name, roles: row.roles, disabled: false),
                        after: Self.userJSON(name: name, roles: row.roles, disabled: true))
        }
    }

    /// Enables a disabled user again (administrators; audited `user.enable`). The failed-login
    /// counter and any lock are cleared too. Enabling an enabled user changes nothing.
    public func enableUser(name: String) throws {
        try require(.manageUsers)
        let now = desk.clock()
        try write(.manageUsers) { w in
            guard var row = try w.user(named: name) else { throw DeskError.userNotFound(name) }
            if !row.disabled { return }
            row.disabled = false
            row.failedAttempts = 0
            row.lockedUntil = nil
            try w.updateUser(row)
            try w.audit(at: now, user: user, action: "user.enable", entity: "user", key: name,
                        before: Self.userJSON(name: name, roles: row.roles, disabled: true),
                        after: Self.userJSON(name: name, roles: row.roles, disabled: false))
        }
    }

    /// The one rule for every change that could take the admin role out of use: refused when `row`
    /// is an active administrator, the change leaves them without it (`keepsAdmin` false: disabled,
    /// or — for a future role change — the role removed), and no other active administrator
    /// remains. Checked inside the writing transaction, so two administrators disabling each
    /// other at once cannot both succeed.
    static func refuseLosingLastAdministrator(_ w: StoreWriter, _ row: UserRow, keepsAdmin: Bool) throws {
        guard row.roles.contains(.admin), !row.disabled, !keepsAdmin else { return }
        let others = try w.users().filter { $0.name != row.name && $0.roles.contains(.admin) && !$0.disabled }
        if others.isEmpty { throw DeskError.lastAdministrator(row.name) }
    }

    static func userJSON(name: String, roles: [Role], disabled: Bool) -> String {
        let r = roles.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        return #"{"disabled":\#(disabled),"name":"\#(name)","roles":[\#(r)]}"#
    }
}
