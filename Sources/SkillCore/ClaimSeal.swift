import Foundation

/// What a supervisor approved, fixed at the moment of approval: the claim, whose it is, what it
/// pays, to whom and from which account. The approval's audit after-image carries these values
/// and their hash (`ClaimSeal.hash`); before money moves (a payment batch, a bank file, marking a
/// line paid) the claim's row is sealed again and compared, so a row edited behind the program's
/// back — `amount_fen` raised with the sqlite3 shell, `worker_id` pointed at someone else — is
/// refused by name and field instead of being paid (docs/DECISIONS.md "Seals").
public struct ClaimSeal: Sendable, Equatable {
    public var claimID: Int64
    public var workerID: String
    public var kind: String
    public var classID: Int64?
    public var certificateID: Int64?
    public var claimYear: Int
    public var amountFen: Int64
    public var payee: String
    /// The organisation paid (institution or enterprise credit code); nil when the worker is paid.
    public var payeeCode: String?
    public var fundYear: Int?
    public var fundSource: String?

    public init(claimID: Int64, workerID: String, kind: String, classID: Int64?, certificateID: Int64?,
                claimYear: Int, amountFen: Int64, payee: String, payeeCode: String?, fundYear: Int?,
                fundSource: String?) {
        self.claimID = claimID; self.workerID = workerID; self.kind = kind; self.classID = classID
        self.certificateID = certificateID; self.claimYear = claimYear; self.amountFen = amountFen
        self.payee = payee; self.payeeCode = payeeCode; self.fundYear = fundYear; self.fundSource = fundSource
    }

    /// The sealed fields by their snapshot names, in a fixed order; an absent value is nil.
    public var fields: [(name: String, value: String?)] {
        [("id", String(claimID)), ("worker_id", workerID), ("kind", kind), ("class_id", classID.map(String.init)),
         ("certificate_id", certificateID.map(String.init)), ("claim_year", String(claimYear)),
         ("amount_fen", String(amountFen)), ("payee", payee), ("payee_code", payeeCode),
         ("fund_year", fundYear.map(String.init)), ("fund_source", fundSource)]
    }

    /// The names the snapshot's JSON uses, in `fields` order.
    public static let fieldNames = ["id", "worker_id", "kind", "class_id", "certificate_id", "claim_year",
                                    "amount_fen", "payee", "payee_code", "fund_year", "fund_source"]

    /// SHA-256 (hex) of a versioned canonical text: each field as `name=value` (a missing value as
    /// `name` alone, so nil and "" differ), joined by U+001F, which no sealed value can contain.
    public var hash: String {
        let parts = ["skilldesk-seal-v1"] + fields.map { f in f.value.map { "\(f.name)=\($0)" } ?? f.name }
        return SHA256.hex(parts.joined(separator: "\u{1F}"))
    }

    /// The fields whose values differ between two seals, by snapshot name (empty when equal).
    public func differences(from other: ClaimSeal) -> [String] {
        zip(fields, other.fields).filter { $0.value != $1.value }.map(\.0.name)
    }

    /// Reads the seal an approval's after-image carries (its `seal` object); nil when the image
    /// has none (approved before seals existed) or it cannot be read.
    public static func fromAfterImage(_ json: String) -> ClaimSeal? {
        struct Image: Decodable { var seal: ClaimSeal? }
        // ignoring is right: the image is an intact audit entry the program wrote; one with no readable
        // seal is an approval from before seals, and the caller then checks its amount instead.
        return (try? JSONDecoder().decode(Image.self, from: Data(json.utf8)))?.seal ?? nil
    }
}

extension ClaimSeal: Codable {
    enum CodingKeys: String, CodingKey {
        case claimID = "id", workerID = "worker_id", kind, classID = "class_id", certificateID = "certificate_id"
        case claimYear = "claim_year", amountFen = "amount_fen", payee, payeeCode = "payee_code"
        case fundYear = "fund_year", fundSource = "fund_source"
    }

    public func encode(to encoder: Encoder) throws {
        // Every field written, absent ones as null, so the image shows what was sealed as empty.
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(claimID, forKey: .claimID); try c.encode(workerID, forKey: .workerID)
        try c.encode(kind, forKey: .kind); try c.encode(classID, forKey: .classID)
        try c.encode(certificateID, forKey: .certificateID); try c.encode(claimYear, forKey: .claimYear)
        try c.encode(amountFen, forKey: .amountFen); try c.encode(payee, forKey: .payee)
        try c.encode(payeeCode, forKey: .payeeCode); try c.encode(fundYear, forKey: .fundYear)
        try c.encode(fundSource, forKey: .fundSource)
    }
}

/// A bank account number as the audit trail keeps it where the payment must be checked against it:
/// SHA-256 of a versioned text (the trail shows people only the last 4 digits; the digest lets an
/// export prove the account it pays is the one recorded and audited, without the trail holding
/// the number).
public enum AccountDigest {
    public static func sha256(_ digits: String) -> String { SHA256.hex("skilldesk-account-v1\u{1F}" + digits) }
}
