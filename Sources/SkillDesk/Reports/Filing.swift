import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What can be filed (报送). Each kind's content is its report as canonical JSON (keys sorted, no
/// whitespace, integers only — amounts in fen), so the same figures always give the same bytes.
public enum ReportKind: String, CaseIterable, Sendable {
    /// The fund accounts of the period's years (allocated, reserved, paid, recovered, balance).
    case funds

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.funds, .zh): return "资金专账"
        case (.funds, .en): return "Fund accounts"
        }
    }

    public static func parse(_ text: String) -> ReportKind? {
        let t = text.trimmedWhitespace().lowercased()
        return allCases.first { $0.rawValue == t || $0.label(.zh) == t || $0.label(.en).lowercased() == t }
    }
}

/// A filed report and whether it is still what was filed.
public struct FiledReport: Sendable, Equatable {
    public var row: FiledReportRow
    public var integrity: FilingIntegrity
    public var kind: ReportKind? { ReportKind(rawValue: row.kind) }
    public var number: String { Self.number(row.id) }
    /// `RPT-000012`: how a message, a list and a file name call a filing.
    public static func number(_ id: Int64) -> String {
        let s = String(id)
        return "RPT-" + String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}

/// A filed report's bytes against its row and the chain: the content's SHA-256 must equal the row's,
/// and the row's must equal the one the `report.file` audit entry carries, which must itself still
/// hash into the chain.
public enum FilingIntegrity: Sendable, Equatable {
    case intact(auditSeq: Int64)
    /// The bytes no longer hash to the recorded SHA-256 (changed behind the program's back).
    case contentAltered
    /// No `report.file` entry for the filing, or it names another SHA-256.
    case notInChain
    /// The `report.file` entry no longer hashes into the chain.
    case chainEntryAltered(auditSeq: Int64)

    public var isIntact: Bool { if case .intact = self { return true }; return false }

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.intact(seq), .zh): return "与报送时一致（审计记录 #\(seq) 的 SHA-256 相符）"
        case let (.intact(seq), .en): return "as filed (matches the SHA-256 in audit entry #\(seq))"
        case (.contentAltered, .zh): return "内容已被改动：与报送时记录的 SHA-256 不符"
        case (.contentAltered, .en): return "the content was altered: it no longer matches the SHA-256 recorded at filing"
        case (.notInChain, .zh): return "审计链中没有与之相符的报送记录：该报表可能是在程序之外写入或改动的"
        case (.notInChain, .en): return "no matching filing entry in the audit chain: the report may have been written or changed outside the program"
        case let (.chainEntryAltered(seq), .zh): return "审计记录 #\(seq) 已被改动，报送记录不可信；请运行审计链校验"
        case let (.chainEntryAltered(seq), .en): return "audit entry #\(seq) was altered, so the filing cannot be trusted; verify the audit chain"
        }
    }
}

/// One changed figure between a filed report and the same report run again now.
public typealias ReportChange = JSONChanges.Change

extension Session {
    /// Files (报送) the report of a quarter or a year (administrators, `manageReports`): its content
    /// is computed now, frozen as bytes with their SHA-256, and the `report.file` audit entry carries
    /// the hash — in one transaction, so a filing without its entry cannot exist. Filing the same
    /// period again files a new version; the earlier ones stay.
    public func fileReport(_ kind: ReportKind, period: ReportPeriod, area: String = "city") throws -> FiledReport {
        try require(.manageReports)
        switch period {
        case .quarter, .year: break
        default: throw DeskError.invalidInput(
            "only a quarter (2026-Q3) or a year (2026) is filed; \(period.code) is neither",
            zh: "只能报送季度（如 2026-Q3）或年度（如 2026）报表；\(period.code) 两者都不是")
        }
        let now = desk.clock()
        return try write(.manageReports) { w in
            let content = try Self.reportContent(kind, period: period, area: area, reader: w)
            let sha = SHA256.hex(content)
            let row = try w.insertFiledReport(kind: kind.rawValue, period: period.code, area: area, filedAt: now,
                                              filedBy: user, sha256: sha, content: content)
            let image = #"{"kind":"# + Self.jsonString(kind.rawValue) + #","period":""# + period.code + #"","area":"# + Self.jsonString(area)
                + #","sha256":""# + sha + #"","bytes":\#(content.count)}"#
            try w.audit(at: now, user: user, action: "report.file", entity: "report", key: String(row.id),
                        before: nil, after: image)
            let seq = try w.lastAuditEntry(entity: "report", key: String(row.id), actions: ["report.file"])?.entry.seq ?? 0
            return FiledReport(row: row, integrity: .intact(auditSeq: seq))
        }
    }

    /// Filed reports, newest first, each checked against the chain.
    public func filedReports(kind: ReportKind? = nil, period: ReportPeriod? = nil) throws -> [FiledReport] {
        try read(.readReports) { r in
            try r.filedReports(kind: kind?.rawValue, period: period?.code).map { FiledReport(row: $0, integrity: try Self.integrity($0, r)) }
        }
    }

    public func filedReport(id: Int64) throws -> FiledReport {
        try read(.readReports) { r in
            guard let row = try r.filedReport(id: id) else { throw DeskError.filedReportNotFound(id) }
            return FiledReport(row: row, integrity: try Self.integrity(row, r))
        }
    }

    /// The figures that differ between the filing and the same report computed now (late
    /// corrections), field by field; empty when nothing changed. The filed bytes are not touched.
    public func changesSinceFiling(id: Int64) throws -> (filed: FiledReport, changes: [ReportChange]) {
        try read(.readReports) { r in
            guard let row = try r.filedReport(id: id) else { throw DeskError.filedReportNotFound(id) }
            guard let kind = ReportKind(rawValue: row.kind), let period = try? ReportPeriod.parse(row.period).get() else {
                throw DeskError.invalidInput("filing \(FiledReport.number(id)) is of a kind this version cannot run again (\(row.kind) \(row.period))",
                                             zh: "报表 \(FiledReport.number(id)) 的种类本版本无法重新计算（\(row.kind) \(row.period)）")
            }
            let now = try Self.reportContent(kind, period: period, area: row.area, reader: r)
            let filed = FiledReport(row: row, integrity: try Self.integrity(row, r))
            return (filed, JSONChanges.between(row.content, now) ?? [])
        }
    }

    /// Writes a filing's bytes exactly as filed (the one writer: never over a file without `replace`).
    @discardableResult
    public func exportFiledReport(id: Int64, to path: String, replace: Bool) throws -> FiledReport {
        let filed = try filedReport(id: id)
        let file = try outputFile(path, replace: replace)
        try file.write(filed.row.content)
        try file.commit()
        return filed
    }

    static func integrity(_ row: FiledReportRow, _ r: StoreReader) throws -> FilingIntegrity {
        if SHA256.hex(row.content) != row.sha256 { return .contentAltered }
        guard let (entry, intact) = try r.lastAuditEntry(entity: "report", key: String(row.id), actions: ["report.file"]),
              let after = entry.after, after.contains(#""sha256":""# + row.sha256 + #"""#) else { return .notInChain }
        return intact ? .intact(auditSeq: entry.seq) : .chainEntryAltered(auditSeq: entry.seq)
    }

    /// The report's canonical bytes. Every kind is computed in the caller's transaction.
    static func reportContent(_ kind: ReportKind, period: ReportPeriod, area: String, reader r: StoreReader) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch kind {
        case .funds:
            var years: [FundFilingYear] = []
            for y in period.first.year...period.last.year {
                let accounts = try r.fundAccounts(year: y).sorted { $0.source.rawValue < $1.source.rawValue }
                years.append(FundFilingYear(key: String(y), accounts: accounts.map {
                    FundFilingAccount(key: $0.source.rawValue, allocated_fen: $0.allocatedFen, reserved_fen: $0.reservedFen,
                                      paid_fen: $0.paidFen, recovered_fen: $0.recoveredFen, clawback_due_fen: $0.clawbackDueFen,
                                      balance_fen: $0.balanceFen)
                }))
            }
            return Array(try encoder.encode(FundFiling(kind: kind.rawValue, period: period.code, area: area, years: years)))
        }
    }
}

struct FundFiling: Encodable {
    var kind: String, period: String, area: String, years: [FundFilingYear]
}
struct FundFilingYear: Encodable {
    var key: String, accounts: [FundFilingAccount]
}
struct FundFilingAccount: Encodable {
    var key: String, allocated_fen: Int64, reserved_fen: Int64, paid_fen: Int64, recovered_fen: Int64
    var clawback_due_fen: Int64, balance_fen: Int64
}
