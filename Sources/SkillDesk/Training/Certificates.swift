import Foundation
import SkillCore
import SkillStore
import SkillRecords

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
    /// Records a certificate. `CertificateDraft.validate` is the rule: first on the text alone,
    /// then in the write transaction with what the store knows; its first error is the refusal.
    public func addCertificate(_ d: CertificateDraft) throws -> CertificateResult {
        try require(.manageClasses)
        let today = desk.today()
        if case .failure(let v) = d.validate(today: today), let e = v.first, !e.needsStore { throw Self.refusal(e) }
        let now = desk.clock()
        return try write(.manageClasses) { w in
            let facts = CertificateStoreFacts(
                workerRegistered: try w.worker(id: d.workerID) != nil,
                occupationKnown: try !w.occupationEntries(code: d.occupationCode).isEmpty,
                classExists: try d.classID.map { try w.trainingClass(id: $0) != nil })
            let c: CertificatePlan
            switch d.validate(today: today, catalogue: facts) {
            case .success(let p): c = p
            case .failure(let v): throw Self.refusal(v.first)
            }
            var warnings: [CertificateWarning] = []
            let same = try w.certificates(type: c.type.rawValue, number: c.number)
            if same.contains(where: { $0.workerID == c.worker }) {
                throw DeskError.certificateExists(type: c.type, number: c.number, worker: c.worker)
            }
            for other in same { warnings.append(.numberHeldByAnother(worker: other.workerID)) }
            if let classID = c.classID, let cls = try w.trainingClass(id: classID), c.issueDate.description < cls.startDate {
                warnings.append(.issuedBeforeClass(classID: classID, start: cls.startDate))
            }
            let row = try w.insertCertificate(type: c.type, number: c.number, occupationCode: c.occupation, level: c.level,
                                              issuer: c.issuer, issueDate: c.issueDate, workerID: c.worker,
                                              classID: c.classID, at: now)
            try w.audit(at: now, user: user, action: "certificate.create", entity: "certificate", key: String(row.id),
                        before: nil, after: CertificateSnapshot(row).json())
            return CertificateResult(row: row, warnings: warnings)
        }
    }

    /// The refusal for a draft: what the store found keeps its DeskError (and exit code).
    static func refusal(_ e: CertificateDraftError?) -> DeskError {
        switch e {
        case .workerNotRegistered(let w)?: return .workersNotRegistered([w])
        case .occupationNotFound(let c)?: return .occupationNotFound(c, asOf: nil)
        case .classNotFound(let id)?: return .classNotFound(id)
        case let e?: return .invalidInput(e.message(.en), zh: e.message(.zh))
        case nil: return .invalidInput("the certificate is not valid", zh: "证书信息无效")
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
        let details: [CertificateDetail] = try read(.readClasses) { r in
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
        return try read(.readClasses) { try $0.certificates(workerID: key, limit: max(1, limit)) }
    }
}

/// A certificate as JSON (`cert list --json`, audit): snake_case keys, nulls written out.
public struct CertificateSnapshot: Encodable, Sendable {
    public var row: CertificateRow
    public init(_ row: CertificateRow) { self.row = row }

    enum CodingKeys: String, CodingKey {
        case id, type, number, level, issuer
        case occupationCode = "occupation_code", issueDate = "issue_date", workerID = "worker_id", classID = "class_id"
        case voidedAt = "voided_at", voidedBy = "voided_by", voidReason = "void_reason"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(row.id, forKey: .id); try c.encode(row.type, forKey: .type); try c.encode(row.number, forKey: .number)
        try c.encode(row.occupationCode, forKey: .occupationCode); try c.encode(row.level, forKey: .level)
        try c.encode(row.issuer, forKey: .issuer); try c.encode(row.issueDate, forKey: .issueDate)
        try c.encode(row.workerID, forKey: .workerID); try c.encode(row.classID, forKey: .classID)
        // Only a voided certificate carries the void (issue 12): images written before it existed
        // stay equal to the rows they describe (`audit check`).
        if row.isVoided {
            try c.encode(row.voidedAt, forKey: .voidedAt); try c.encode(row.voidedBy, forKey: .voidedBy)
            try c.encode(row.voidReason, forKey: .voidReason)
        }
    }

    public func json() -> String { CatalogueJSON.encode(self) }
}
