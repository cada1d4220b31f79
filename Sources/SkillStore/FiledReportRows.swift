import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    static let filedReportColumns = "id, kind, period, area, filed_at, filed_by, sha256, content"

    static func filedReport(_ row: Row) -> FiledReportRow {
        let data: Data = row["content"]
        return FiledReportRow(id: row["id"], kind: row["kind"], period: row["period"], area: row["area"],
                              filedAt: row["filed_at"], filedBy: row["filed_by"], sha256: row["sha256"],
                              content: [UInt8](data))
    }

    /// Filed reports, newest first; `kind`/`period` narrow the list when given.
    public func filedReports(kind: String? = nil, period: String? = nil) throws -> [FiledReportRow] {
        var sql = "SELECT \(Self.filedReportColumns) FROM filed_reports WHERE 1"
        var args: [DatabaseValueConvertible] = []
        if let kind { sql += " AND kind = ?"; args.append(kind) }
        if let period { sql += " AND period = ?"; args.append(period) }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id DESC", arguments: StatementArguments(args)).map(Self.filedReport)
    }

    public func filedReport(id: Int64) throws -> FiledReportRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.filedReportColumns) FROM filed_reports WHERE id = ?"),
                         arguments: [id]).map(Self.filedReport)
    }
}

extension StoreWriter {
    /// Stores a filing; the caller appends the `report.file` audit entry in the same transaction.
    public func insertFiledReport(kind: String, period: String, area: String, filedAt: Date, filedBy: String,
                                  sha256: String, content: [UInt8]) throws -> FiledReportRow {
        try db.execute(sql: """
            INSERT INTO filed_reports(kind, period, area, filed_at, filed_by, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [kind, period, area, Timestamp.utc(filedAt), filedBy, sha256, Data(content)])
        return try filedReport(id: db.lastInsertedRowID)!
    }
}
