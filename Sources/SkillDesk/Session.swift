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

    // MARK: transactions: the only way a use case reaches the store

    // A permission check and its transaction are one call: `desk.read`/`desk.write` appear nowhere in
    // the use cases but here (`UseCaseTransactionTests` fails on any other), so an entry point cannot
    // open a transaction without saying who may run it. A use case that validates its input first
    // may also call `require` early (a refused user hears "not permitted", not "invalid"); the
    // check here then passes again at no cost.

    /// One read transaction for a user holding `permission`.
    func read<T>(_ permission: Permission, caller: String = #function, _ body: (StoreReader) throws -> T) throws -> T {
        try require(permission, caller: caller)
        return try desk.read(caller: caller, body)
    }

    /// One read transaction for a user holding any of `permissions` (payment batches: finance,
    /// supervisors and auditors).
    func read<T>(anyOf permissions: [Permission], caller: String = #function, _ body: (StoreReader) throws -> T) throws -> T {
        if !permissions.contains(where: can) { try require(permissions[0], caller: caller) }  // throws: none is held
        return try desk.read(caller: caller, body)
    }

    /// A read every logged-in user may make, with the reason written at the call (the active
    /// policy profile, shown on every home screen).
    func readAsAnyUser<T>(because reason: StaticString, caller: String = #function, _ body: (StoreReader) throws -> T) throws -> T {
        try desk.read(caller: caller, body)
    }

    /// One write transaction for a user holding `permission`.
    func write<T>(_ permission: Permission, evenIfDamaged: Bool = false, caller: String = #function,
                  _ body: (StoreWriter) throws -> T) throws -> T {
        try require(permission, caller: caller)
        return try desk.write(evenIfDamaged: evenIfDamaged, caller: caller, body)
    }

    /// One write about an account: the user's own needs no permission (changing one's password),
    /// another's needs `permission`.
    func write<T>(_ permission: Permission, unlessSelf subject: String, caller: String = #function,
                  _ body: (StoreWriter) throws -> T) throws -> T {
        if subject != user { try require(permission, caller: caller) }
        return try desk.write(caller: caller, body)
    }

    /// The program's own upkeep, run while a user looks at a list (the notice sweep, audited as
    /// `system`): no permission of the user's is needed, and the reason is written at the call.
    func writeAsSystem<T>(because reason: StaticString, caller: String = #function, _ body: (StoreWriter) throws -> T) throws -> T {
        try desk.write(caller: caller, body)
    }
}
