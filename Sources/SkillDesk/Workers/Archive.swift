import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A worker's training archive (电子档案、学分累计 — 003 二(二)7): every class with the hours
/// counted in it, every certificate, and the accumulated counted hours.
public struct WorkerArchive: Sendable {
    public struct Class: Sendable, Equatable {
        public var row: ClassRow
        public var institutionName: String?
        public var occupationName: String?
        public var countedMinutes: Int
        public var completed: Bool
    }

    public var worker: WorkerRow
    public var classes: [Class]
    public var certificates: [CertificateRow]
    public var rule: AttendanceRule
    /// The worker's claims (issue 12), in year and number order: every claim of the worker, whoever
    /// prepared it (the archive is the worker's history; the work lists keep a clerk to their own).
    public var claims: [ClaimQueueItem] = []

    /// 学分累计: the sum of counted minutes over all classes.
    public var countedMinutesTotal: Int { AttendanceRule.saturatingSum(classes.map(\.countedMinutes)) }
}

extension Session {
    /// At most this many claims in an archive (a worker has a handful; the cap keeps a planted
    /// million from being read).
    static let archiveClaimLimit = 1_000

    /// The worker's archive. Reads workers and classes, so it needs both permissions.
    public func archive(workerID: String) throws -> WorkerArchive {
        try require(.readWorkers)
        try require(.readClasses)
        let key = workerID.trimmedWhitespace().uppercased()
        return try read(.readClasses) { r in
            let rule = try PolicySetting.rule(r, desk)
            guard let worker = try r.worker(id: key) else { throw DeskError.workerNotFound(key) }
            var names: [String: String] = [:]
            let classes = try r.workerClasses(workerID: key, onlinePercent: rule.onlinePercent).map { wc in
                let c = wc.trainingClass
                if names[c.institution] == nil { names[c.institution] = try r.institution(code: c.institution)?.name }
                return WorkerArchive.Class(
                    row: c, institutionName: names[c.institution],
                    occupationName: try r.occupation(code: c.occupationCode, asOf: c.startDate)?.name,
                    countedMinutes: wc.countedMinutes,
                    completed: rule.isComplete(countedMinutes: wc.countedMinutes, plannedHours: c.plannedHours))
            }
            let certs = try r.certificates(workerID: key, limit: 10_000)
            let calendar = WorkingCalendar(entries: try r.calendarEntries())
            let today = desk.today()
            let claims = try r.claimSearch(ClaimSearchFilter(term: .idPrefix(key)), after: nil, limit: Self.archiveClaimLimit).rows
                .filter { $0.claim.workerID == key }
                .map { Self.queueItem($0.claim, workerName: $0.workerName, today: today, calendar: calendar) }
            return WorkerArchive(worker: worker, classes: classes, certificates: certs, rule: rule, claims: claims)
        }
    }
}

/// The archive as JSON (`worker archive --json`): snake_case keys, hours as numbers.
public struct WorkerArchiveSnapshot: Encodable, Sendable {
    public struct Class: Encodable, Sendable {
        public var id: Int64
        public var institutionCode: String
        public var institutionName: String?
        public var occupationCode: String
        public var occupationName: String?
        public var level: String
        public var type: String
        public var startDate: String
        public var endDate: String
        public var status: String
        public var plannedHours: Int
        public var countedHours: Double
        public var completed: Bool
        enum CodingKeys: String, CodingKey {
            case id, level, type, status, completed
            case institutionCode = "institution_code", institutionName = "institution_name"
            case occupationCode = "occupation_code", occupationName = "occupation_name"
            case startDate = "start_date", endDate = "end_date", plannedHours = "planned_hours"
            case countedHours = "counted_hours"
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(institutionCode, forKey: .institutionCode)
            try c.encode(institutionName, forKey: .institutionName); try c.encode(occupationCode, forKey: .occupationCode)
            try c.encode(occupationName, forKey: .occupationName); try c.encode(level, forKey: .level)
            try c.encode(type, forKey: .type); try c.encode(startDate, forKey: .startDate)
            try c.encode(endDate, forKey: .endDate); try c.encode(status, forKey: .status)
            try c.encode(plannedHours, forKey: .plannedHours); try c.encode(countedHours, forKey: .countedHours)
            try c.encode(completed, forKey: .completed)
        }
    }

    public struct Certificate: Encodable, Sendable {
        public var row: CertificateRow
        enum CodingKeys: String, CodingKey {
            case type, number, level, issuer
            case occupationCode = "occupation_code", issueDate = "issue_date", classID = "class_id"
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(row.type, forKey: .type); try c.encode(row.number, forKey: .number)
            try c.encode(row.occupationCode, forKey: .occupationCode); try c.encode(row.level, forKey: .level)
            try c.encode(row.issuer, forKey: .issuer); try c.encode(row.issueDate, forKey: .issueDate)
            try c.encode(row.classID, forKey: .classID)
        }
    }

    public var worker: WorkerSnapshot
    public var classes: [Class]
    public var certificates: [Certificate]
    public var countedHoursTotal: Double

    enum CodingKeys: String, CodingKey {
        case worker, classes, certificates
        case countedHoursTotal = "counted_hours_total"
    }

    public init(_ a: WorkerArchive) {
        worker = WorkerSnapshot(a.worker)
        classes = a.classes.map {
            Class(id: $0.row.id, institutionCode: $0.row.institution, institutionName: $0.institutionName,
                  occupationCode: $0.row.occupationCode, occupationName: $0.occupationName, level: $0.row.level,
                  type: $0.row.type.rawValue, startDate: $0.row.startDate, endDate: $0.row.endDate, status: $0.row.status.rawValue,
                  plannedHours: $0.row.plannedHours, countedHours: Double($0.countedMinutes) / 60,
                  completed: $0.completed)
        }
        certificates = a.certificates.map { Certificate(row: $0) }
        countedHoursTotal = Double(a.countedMinutesTotal) / 60
    }

    public func json() -> String { CatalogueJSON.encode(self) }
}

extension WorkerArchive.Class {
    public func levelLabel(_ lang: Lang) -> String { SkillLevel(rawValue: row.level)?.label(lang) ?? row.level }
    public func typeLabel(_ lang: Lang) -> String { row.type.label(lang) }
    public func statusLabel(_ lang: Lang) -> String { row.status.label(lang) }
}

extension CertificateRow {
    public func typeLabel(_ lang: Lang) -> String { type.label(lang) }
    public func levelLabel(_ lang: Lang) -> String {
        level.map { SkillLevel(rawValue: $0)?.label(lang) ?? $0 } ?? "—"
    }
}
