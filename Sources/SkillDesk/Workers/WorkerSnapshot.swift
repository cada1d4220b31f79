import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A worker as JSON: what `--json` prints and what the audit trail keeps as before/after.
/// snake_case keys, stable order (sorted), so scripts and hash chains can rely on them.
public struct WorkerSnapshot: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var sex: String
    public var birthDate: String
    public var phone: String?
    public var hukouRegion: String?
    public var hukouRegionName: String?
    public var rural: Bool
    public var residence: String?
    /// Place of job-seeking or work (v13); absent from audit rows and JSON when not recorded.
    public var workRegion: String?
    public var workRegionName: String?
    public var employment: String
    public var employer: String?
    public var employerCode: String?
    public var pension: Bool
    /// Absent in audit rows written before v4 (read as not insured).
    public var unemploymentInsured: Bool
    public var groups: [String]
    public var disability: String
    public var relativeOf: String?
    public var version: Int
    public var createdAt: String
    public var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, name, sex, phone, rural, residence, employment, employer, pension, groups, disability, version
        case birthDate = "birth_date", hukouRegion = "hukou_region", hukouRegionName = "hukou_region_name"
        case workRegion = "work_region", workRegionName = "work_region_name"
        case employerCode = "employer_code", relativeOf = "relative_of", unemploymentInsured = "unemployment_insured"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(_ row: WorkerRow) {
        id = row.id; name = row.name; sex = row.sex; birthDate = row.birthDate; phone = row.phone
        hukouRegion = row.hukouRegion
        hukouRegionName = row.hukouRegion.flatMap { RegionTable.shared.name($0) }
        workRegion = row.workRegion
        workRegionName = row.workRegion.flatMap { RegionTable.shared.name($0) }
        rural = row.rural; residence = row.residence; employment = row.employment; employer = row.employer
        employerCode = row.employerCode; pension = row.pension; groups = row.groups; disability = row.disability
        relativeOf = row.relativeOf; unemploymentInsured = row.unemploymentInsured; version = row.version; createdAt = row.createdAt; updatedAt = row.updatedAt
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id); name = try c.decode(String.self, forKey: .name)
        sex = try c.decode(String.self, forKey: .sex); birthDate = try c.decode(String.self, forKey: .birthDate)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        hukouRegion = try c.decodeIfPresent(String.self, forKey: .hukouRegion)
        hukouRegionName = try c.decodeIfPresent(String.self, forKey: .hukouRegionName)
        rural = try c.decode(Bool.self, forKey: .rural); residence = try c.decodeIfPresent(String.self, forKey: .residence)
        workRegion = try c.decodeIfPresent(String.self, forKey: .workRegion)
        workRegionName = try c.decodeIfPresent(String.self, forKey: .workRegionName)
        employment = try c.decode(String.self, forKey: .employment)
        employer = try c.decodeIfPresent(String.self, forKey: .employer)
        employerCode = try c.decodeIfPresent(String.self, forKey: .employerCode)
        pension = try c.decode(Bool.self, forKey: .pension)
        unemploymentInsured = try c.decodeIfPresent(Bool.self, forKey: .unemploymentInsured) ?? false
        groups = try c.decode([String].self, forKey: .groups); disability = try c.decode(String.self, forKey: .disability)
        relativeOf = try c.decodeIfPresent(String.self, forKey: .relativeOf)
        version = try c.decode(Int.self, forKey: .version)
        createdAt = try c.decode(String.self, forKey: .createdAt); updatedAt = try c.decode(String.self, forKey: .updatedAt)
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // ignoring is right: a snapshot of strings, integers and arrays always encodes.
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Poor (registered low-income rural household, minimum-living-guarantee, child of a poor
    /// family) or severely disabled: whose direct relatives share training benefits (E11).
    /// The rule itself is `PolicyEngine.extendsToRelatives`; this reads a stored row for it.
    public static func isPoorOrSeverelyDisabled(_ row: WorkerRow) -> Bool {
        PolicyEngine.extendsToRelatives(groups: row.groups.compactMap(TargetGroup.init(rawValue:)),
                                        disability: Disability(rawValue: row.disability) ?? .none)
    }
}
