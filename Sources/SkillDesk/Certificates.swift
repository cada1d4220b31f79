import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What a clerk types to record a certificate.
public struct CertificateDraft: Sendable {
    public var worker = ""
    public var type = ""
    public var number = ""
    public var occupation = ""
    /// Only for types that state a level (`CertificateType.hasLevel`).
    public var level = ""
    public var issuer = ""
    public var issueDate = ""
    public var classID: Int64?
    public init() {}
}

/// W1: the certificate is stored, but something about it deserves a reviewer's look.
public enum CertificateWarning: Sendable, Equatable, UserMessage {
    /// The same (type, number) is already recorded for another worker.
    case numberHeldByAnother(worker: String)
    /// Issued before the linked class started.
    case issuedBeforeClass(classID: Int64, start: String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.numberHeldByAnother(w), .zh): return "W1：同一证书编号已登记在 \(w) 名下"
        case let (.numberHeldByAnother(w), .en): return "W1: the same certificate number is recorded for \(w)"
        case let (.issuedBeforeClass(id, start), .zh): return "W1：发证日期早于培训班 \(id) 的开班日期 \(start)"
        case let (.issuedBeforeClass(id, start), .en): return "W1: issued before class \(id) started (\(start))"
        }
    }
}

/// A certificate with its holder's name and its W1 flags (`cert show`).
public struct CertificateDetail: Sendable {
    public var row: CertificateRow
    /// Nil only if the holder's record is gone (workers are never deleted today).
    public var holderName: String?
    public var warnings: [CertificateWarning]
}

public struct CertificateResult: Sendable {
    public var row: CertificateRow
    public var warnings: [CertificateWarning]
}

/// Certificates (证书), the evidence a training subsidy rests on (E3). Clerks record them.
extension Session {
    public func addCertificate(_ d: CertificateDraft) throws -> CertificateResult {
        try require(.manageClasses)
        let worker = d.worker.trimmedWhitespace().uppercased()
        guard let type = CertificateType.parse(d.type) else {
            let codes = CertificateType.allCases.map(\.rawValue).joined(separator: ", ")
            throw DeskError.invalidInput("certificate type '\(d.type)' is not valid; use one of \(codes)",
                                         zh: "证书类型“\(d.type)”无效；可用：\(codes)")
        }
        let number = try DeskError.checking {
            try FieldText.identifier(d.number, field: FieldLabel(en: "certificate number", zh: "证书编号"), max: FieldText.maxIdentifier)
        }
        let levelText = d.level.trimmedWhitespace()
        var level: SkillLevel?
        if type.hasLevel {
            guard let l = SkillLevel.parse(levelText) else {
                throw DeskError.invalidInput("a \(type.label(.en).lowercased()) states a level: give --level (\(SkillLevel.codes))",
                                             zh: "\(type.label(.zh))须注明等级（\(SkillLevel.codes)）")
            }
            level = l
        } else if !levelText.isEmpty {
            throw DeskError.invalidInput("a \(type.label(.en).lowercased()) has no level; leave --level out",
                                         zh: "\(type.label(.zh))不注明等级；请勿填写等级")
        }
        let date = try Self.date(d.issueDate, en: "issue date", zh: "发证日期")
        let today = desk.today()
        guard date <= today else {
            throw DeskError.invalidInput("the issue date \(date) is after today (\(today)): a certificate is recorded once issued",
                                         zh: "发证日期 \(date) 晚于今天（\(today)）：证书发出后才能登记")
        }
        let occCode = d.occupation.trimmedWhitespace()
        let issuer = try DeskError.checking {
            try FieldText.cleaned(d.issuer, field: FieldLabel(en: "issuer", zh: "发证机构"), max: FieldText.maxName)
        }
        let now = desk.clock()
        return try desk.write { w in
            guard try w.worker(id: worker) != nil else { throw DeskError.workersNotRegistered([worker]) }
            if try w.occupationEntries(code: occCode).isEmpty { throw DeskError.occupationNotFound(occCode, asOf: nil) }
            var warnings: [CertificateWarning] = []
            let same = try w.certificates(type: type.rawValue, number: number)
            if same.contains(where: { $0.workerID == worker }) {
                throw DeskError.certificateExists(type: type, number: number, worker: worker)
            }
            for other in same { warnings.append(.numberHeldByAnother(worker: other.workerID)) }
            if let classID = d.classID {
                guard let cls = try w.trainingClass(id: classID) else { throw DeskError.classNotFound(classID) }
                if date.description < cls.startDate { warnings.append(.issuedBeforeClass(classID: classID, start: cls.startDate)) }
            }
            let row = try w.insertCertificate(type: type, number: number, occupationCode: occCode, level: level,
                                              issuer: issuer.isEmpty ? nil : issuer, issueDate: date, workerID: worker,
                                              classID: d.classID, at: now)
            try w.audit(at: now, user: user, action: "certificate.create", entity: "certificate", key: String(row.id),
                        before: nil, after: CertificateSnapshot(row).json())
            return CertificateResult(row: row, warnings: warnings)
        }
    }

    /// The certificates with this number (of `type`, or of any type), each with its holder's name
    /// and the W1 flags as they stand now. `certificateNotFound` when there is none.
    public func certificates(number: String, type: String? = nil) throws -> [CertificateDetail] {
        try require(.readClasses)
        let key = number.trimmedWhitespace()
        var certType: CertificateType?
        if let type, !type.trimmedWhitespace().isEmpty {
            guard let t = CertificateType.parse(type) else {
                let codes = CertificateType.allCases.map(\.rawValue).joined(separator: ", ")
                throw DeskError.invalidInput("certificate type '\(type)' is not valid; use one of \(codes)",
                                             zh: "证书类型“\(type)”无效；可用：\(codes)")
            }
            certType = t
        }
        let types = certType.map { [$0.rawValue] } ?? CertificateType.allCases.map(\.rawValue)
        let details: [CertificateDetail] = try desk.read { r in
            let rows = try r.certificates(number: key, types: types)
            return try rows.map { row in
                var warnings: [CertificateWarning] = rows
                    .filter { $0.type == row.type && $0.workerID != row.workerID }
                    .map { .numberHeldByAnother(worker: $0.workerID) }
                if let classID = row.classID, let cls = try r.trainingClass(id: classID), row.issueDate < cls.startDate {
                    warnings.append(.issuedBeforeClass(classID: classID, start: cls.startDate))
                }
                return CertificateDetail(row: row, holderName: try r.worker(id: row.workerID)?.name, warnings: warnings)
            }
        }
        if details.isEmpty { throw DeskError.certificateNotFound(number: key, type: certType) }
        return details
    }

    public func certificates(worker: String? = nil, limit: Int = 1_000) throws -> [CertificateRow] {
        try require(.readClasses)
        let key = worker.map { $0.trimmedWhitespace().uppercased() }
        return try desk.read { try $0.certificates(workerID: key, limit: max(1, limit)) }
    }
}

/// A certificate as JSON (`cert list --json`, audit): snake_case keys, nulls written out.
public struct CertificateSnapshot: Encodable, Sendable {
    public var row: CertificateRow
    public init(_ row: CertificateRow) { self.row = row }

    enum CodingKeys: String, CodingKey {
        case id, type, number, level, issuer
        case occupationCode = "occupation_code", issueDate = "issue_date", workerID = "worker_id", classID = "class_id"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(row.id, forKey: .id); try c.encode(row.type, forKey: .type); try c.encode(row.number, forKey: .number)
        try c.encode(row.occupationCode, forKey: .occupationCode); try c.encode(row.level, forKey: .level)
        try c.encode(row.issuer, forKey: .issuer); try c.encode(row.issueDate, forKey: .issueDate)
        try c.encode(row.workerID, forKey: .workerID); try c.encode(row.classID, forKey: .classID)
    }

    public func json() -> String { CatalogueJSON.encode(self) }
}
