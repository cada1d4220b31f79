import Foundation
import SkillCore
import SkillStore

extension PolicyLibrary {
    /// The profile a new database starts with (and a database from before v4 gets).
    public static let defaultName = "nanjing-2019"
}

/// The active policy profile is one row of `settings`.
enum PolicySetting {
    static let key = "policy"
    static func json(_ name: String) -> String { CatalogueJSON.encode(["policy": name]) }

    /// The active profile as this snapshot has it. A stored name this program does not ship (a
    /// profile withdrawn in a later version) is refused with the names it does ship.
    static func profile(_ r: StoreReader, _ desk: Desk) throws -> PolicyProfile {
        let name = try r.setting(key) ?? PolicyLibrary.defaultName
        guard let p = desk.profile(named: name) else { throw DeskError.unknownPolicy(name) }
        return p
    }

    /// The attendance rule in this snapshot: the active profile's, or the demo rule if the stored
    /// name is not a profile this program knows (hours still show; evaluations refuse).
    static func rule(_ r: StoreReader, _ desk: Desk) throws -> AttendanceRule {
        desk.profile(named: try r.setting(key) ?? PolicyLibrary.defaultName)?.attendanceRule ?? AttendanceRule.demo
    }
}

/// The result of `Session.usePolicy`.
public struct PolicyChange: Sendable, Equatable {
    public var before: String
    public var profile: PolicyProfile
    /// False when the profile was already active (nothing written, nothing audited).
    public var changed: Bool
}

extension Session {
    /// The policy profile claims are judged by, chosen at `init --policy` and changed only by an
    /// administrator. Every role may read it (the home screen shows it).
    public func activePolicy() throws -> PolicyProfile {
        try desk.read { try PolicySetting.profile($0, desk) }
    }

    /// Makes `name` the active profile (administrators; audited `policy.use` with before/after).
    /// Choosing the profile already active writes nothing.
    @discardableResult
    public func usePolicy(_ name: String) throws -> PolicyChange {
        try require(.managePolicy)
        let key = name.trimmedWhitespace()
        guard let profile = desk.profile(named: key) else { throw DeskError.unknownPolicy(key) }
        let now = desk.clock()
        return try desk.write { w in
            let before = try w.setting(PolicySetting.key) ?? PolicyLibrary.defaultName
            if before == key { return PolicyChange(before: before, profile: profile, changed: false) }
            try w.setSetting(PolicySetting.key, key)
            try w.audit(at: now, user: user, action: "policy.use", entity: "settings", key: PolicySetting.key,
                        before: PolicySetting.json(before), after: PolicySetting.json(key))
            return PolicyChange(before: before, profile: profile, changed: true)
        }
    }

    /// The rule attendance is counted by: the active profile's (online ratio, completion share).
    /// The roster, the archive and the grid all take it from here, so they never disagree.
    public var attendanceRule: AttendanceRule {
        (try? desk.read { try PolicySetting.rule($0, desk) }) ?? AttendanceRule.demo
    }
}
