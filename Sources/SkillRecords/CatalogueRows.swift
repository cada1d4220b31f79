import Foundation
import SkillCore

/// One catalogue entry as stored (plain values: an entry stays readable if a rule tightens).
public struct OccupationRow: Equatable, Sendable {
    public var id: Int64
    public var code: String
    public var name: String
    public var subsidised: Bool
    public var shortage: Bool
    public var accessControlled: Bool
    public var tier: Int?
    public var from: String
    public var to: String?
    public var levels: [LevelRow]

    public init(id: Int64, code: String, name: String, subsidised: Bool, shortage: Bool, accessControlled: Bool,
                tier: Int? = nil, from: String, to: String? = nil, levels: [LevelRow]) {
        self.id = id; self.code = code; self.name = name; self.subsidised = subsidised; self.shortage = shortage
        self.accessControlled = accessControlled; self.tier = tier; self.from = from; self.to = to
        self.levels = levels
    }
}

public struct LevelRow: Equatable, Sendable {
    public var level: String
    public var standardFen: Int64
    public var hours: Int

    public init(level: String, standardFen: Int64, hours: Int) {
        self.level = level; self.standardFen = standardFen; self.hours = hours
    }
}

public struct InstitutionRow: Equatable, Sendable {
    public var code: String
    public var name: String
    public var kind: InstitutionKind
    public var grade: String?
    public var catalogue: Bool
    public var status: InstitutionStatus
    public var statusReason: String?
    public var statusDate: String?
    /// (occupation code, level code), sorted.
    public var mayTrain: [ScopeRow]

    public init(code: String, name: String, kind: InstitutionKind, grade: String? = nil, catalogue: Bool, status: InstitutionStatus,
                statusReason: String? = nil, statusDate: String? = nil, mayTrain: [ScopeRow]) {
        self.code = code; self.name = name; self.kind = kind; self.grade = grade; self.catalogue = catalogue
        self.status = status; self.statusReason = statusReason; self.statusDate = statusDate
        self.mayTrain = mayTrain
    }
}

public struct ScopeRow: Equatable, Sendable {
    public var occupationCode: String
    public var level: String

    public init(occupationCode: String, level: String) {
        self.occupationCode = occupationCode; self.level = level
    }
}
