import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// An occupation entry as JSON (`occupation show --json`, audit before/after): snake_case keys.
public struct OccupationSnapshot: Codable, Equatable, Sendable {
    public struct Level: Codable, Equatable, Sendable {
        public var level: String
        public var standardFen: Int64
        public var hours: Int
        enum CodingKeys: String, CodingKey { case level, hours, standardFen = "standard_fen" }
    }

    public var code: String
    public var name: String
    public var subsidised: Bool
    public var shortage: Bool
    public var accessControlled: Bool
    public var tier: Int?
    public var from: String
    public var to: String?
    public var levels: [Level]

    enum CodingKeys: String, CodingKey {
        case code, name, subsidised, shortage, tier, from, to, levels
        case accessControlled = "access_controlled"
    }

    public init(_ row: OccupationRow) {
        code = row.code; name = row.name; subsidised = row.subsidised; shortage = row.shortage
        accessControlled = row.accessControlled; tier = row.tier; from = row.from; to = row.to
        levels = row.levels.map { Level(level: $0.level, standardFen: $0.standardFen, hours: $0.hours) }
    }

    /// Optional keys are written as null (not left out), so scripts see the whole shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code); try c.encode(name, forKey: .name)
        try c.encode(subsidised, forKey: .subsidised); try c.encode(shortage, forKey: .shortage)
        try c.encode(accessControlled, forKey: .accessControlled); try c.encode(tier, forKey: .tier)
        try c.encode(from, forKey: .from); try c.encode(to, forKey: .to); try c.encode(levels, forKey: .levels)
    }

    public func json() -> String { CatalogueJSON.encode(self) }
}

/// An institution as JSON (`institution show --json`, audit before/after).
public struct InstitutionSnapshot: Codable, Equatable, Sendable {
    public struct Scope: Codable, Equatable, Sendable {
        public var occupationCode: String
        public var level: String
        enum CodingKeys: String, CodingKey { case level, occupationCode = "occupation_code" }
    }

    public var code: String
    public var name: String
    public var kind: String
    public var grade: String?
    public var catalogue: Bool
    public var status: String
    public var statusReason: String?
    public var statusDate: String?
    public var mayTrain: [Scope]

    enum CodingKeys: String, CodingKey {
        case code, name, kind, grade, catalogue, status
        case statusReason = "status_reason", statusDate = "status_date", mayTrain = "may_train"
    }

    public init(_ row: InstitutionRow) {
        code = row.code; name = row.name; kind = row.kind.rawValue; grade = row.grade; catalogue = row.catalogue
        status = row.status.rawValue; statusReason = row.statusReason; statusDate = row.statusDate
        mayTrain = row.mayTrain.map { Scope(occupationCode: $0.occupationCode, level: $0.level) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code); try c.encode(name, forKey: .name); try c.encode(kind, forKey: .kind)
        try c.encode(grade, forKey: .grade); try c.encode(catalogue, forKey: .catalogue)
        try c.encode(status, forKey: .status); try c.encode(statusReason, forKey: .statusReason)
        try c.encode(statusDate, forKey: .statusDate); try c.encode(mayTrain, forKey: .mayTrain)
    }

    public func json() -> String { CatalogueJSON.encode(self) }
}

enum CatalogueJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // ignoring is right: the snapshots are structs of strings and integers, which always encode.
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
