import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

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
        try readAsAnyUser(because: "every role sees the active profile (the home screen shows it)") { try PolicySetting.profile($0, desk) }
    }

    /// Makes `name` the active profile (administrators; audited `policy.use` with before/after).
    /// Choosing the profile already active writes nothing.
    @discardableResult
    public func usePolicy(_ name: String) throws -> PolicyChange {
        try require(.managePolicy)
        let key = name.trimmedWhitespace()
        guard let profile = desk.profile(named: key) else { throw DeskError.unknownPolicy(key) }
        let now = desk.clock()
        return try write(.managePolicy) { w in
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
        // A setting that cannot be read falls back to the demo rule, as before; the cause is logged.
        desk.logger.attempt("reading the attendance rule") { try readAsAnyUser(because: "every role's roster, archive and grid count attendance by it") { try PolicySetting.rule($0, desk) } }
            ?? AttendanceRule.demo
    }
}

/// One number of a profile with where it comes from (`policy show`, a screen listing a profile).
public struct PolicyNumber: Sendable, Equatable {
    /// `rules` or a subsidy kind code.
    public var section: String
    /// The profile file's key (`online_percent`, `per_day`, `L4`).
    public var key: String
    /// As the file writes it: `50`, `4000.00`, `L3`, `yes`.
    public var text: String
    /// Money in fen, for money values.
    public var fen: Int64?
    public var source: PolicySource
}

extension PolicyProfile {
    /// Every number, rules first, then each kind (in `SubsidyKind` order) with its values.
    public var numbers: [PolicyNumber] {
        var out: [PolicyNumber] = []
        func int(_ section: String, _ key: String, _ c: Cited<Int>?) {
            if let c { out.append(PolicyNumber(section: section, key: key, text: String(c.value), fen: nil, source: c.source)) }
        }
        func money(_ section: String, _ key: String, _ c: Cited<Int64>?) {
            if let c {
                let text = String(c.value / 100) + "." + (c.value % 100 < 10 ? "0" : "") + String(c.value % 100)
                out.append(PolicyNumber(section: section, key: key, text: text, fen: c.value, source: c.source))
            }
        }
        int("rules", "trainings_per_year", trainingsPerYear)
        int("rules", "online_percent", onlinePercent)
        int("rules", "completion_percent", completionPercent)
        int("rules", "claim_window_days", claimWindowDays)
        int("rules", "working_age_min", workingAgeMin)
        int("rules", "working_age_max", workingAgeMax)
        int("rules", "rejection_warn_percent", rejectionWarnPercent)
        int("rules", "rejection_warn_min_decided", rejectionWarnMinDecided)
        for kind in SubsidyKind.allCases {
            guard let k = kinds[kind] else { continue }
            let s = kind.rawValue
            for level in k.amounts.keys.sorted() { money(s, level.rawValue, k.amounts[level]) }
            money(s, "per_day", k.perDayFen)
            int(s, "max_days", k.maxDays)
            money(s, "per_month", k.perMonthFen)
            int(s, "max_months", k.maxMonths)
            int(s, "max_percent", k.maxPercent)
            int(s, "shortage_uplift_percent", k.shortageUpliftPercent)
            if let l = k.shortageUpliftFromLevel {
                out.append(PolicyNumber(section: s, key: "shortage_uplift_from_level", text: l.value.rawValue, fen: nil, source: l.source))
            }
            if let b = k.localRuralHukou {
                out.append(PolicyNumber(section: s, key: "local_rural_hukou", text: b.value ? "yes" : "no", fen: nil, source: b.source))
            }
        }
        return out
    }
}

extension Session {
    /// Every profile this program knows, in the shipped order.
    public var policyProfiles: [PolicyProfile] { desk.profiles }

    public func policyProfile(named name: String) throws -> PolicyProfile {
        let key = name.trimmedWhitespace()
        guard let p = desk.profile(named: key) else { throw DeskError.unknownPolicy(key) }
        return p
    }
}
