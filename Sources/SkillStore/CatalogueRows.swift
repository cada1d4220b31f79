import Foundation
import GRDB
import SkillCore
import SkillRecords

extension StoreReader {
    // MARK: occupations

    /// Every entry of one code, oldest period first.
    public func occupationEntries(code: String) throws -> [OccupationRow] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM occupations WHERE code = ? ORDER BY valid_from"), arguments: [code])
            .map(occupation)
    }

    /// The entry of `code` in force on `day`.
    public func occupation(code: String, asOf day: String) throws -> OccupationRow? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM occupations WHERE code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
            ORDER BY valid_from DESC LIMIT 1
            """), arguments: [code, day, day]).map(occupation)
    }

    /// Entries in force on `day`, by code; `search` matches a code prefix or any part of the name.
    public func occupations(asOf day: String, search: String, limit: Int) throws -> [OccupationRow] {
        let text = search.trimmingCharacters(in: .whitespaces)
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM occupations WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
            AND (? = '' OR code LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')
            ORDER BY code LIMIT ?
            """), arguments: [day, day, text, escaped + "%", "%" + escaped + "%", limit]).map(occupation)
    }

    public func occupationCount() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM occupations")) ?? 0
    }

    func occupation(_ row: Row) throws -> OccupationRow {
        let id: Int64 = row["id"]
        let levels = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM occupation_levels WHERE occupation_id = ?"), arguments: [id])
            .map { LevelRow(level: $0["level"], standardFen: $0.integer("standard_fen"), hours: $0.int("hours")) }
            .sorted { (SkillLevel(rawValue: $0.level)?.rank ?? 99) < (SkillLevel(rawValue: $1.level)?.rank ?? 99) }
        return OccupationRow(id: id, code: row["code"], name: row["name"], subsidised: row["subsidised"],
                             shortage: row["shortage"], accessControlled: row["access_controlled"], tier: row["tier"],
                             from: row["valid_from"], to: row["valid_to"], levels: levels)
    }

    // MARK: institutions

    public func institution(code: String) throws -> InstitutionRow? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM institutions WHERE code = ?"), arguments: [code]).map(institution)
    }

    /// By name; `search` matches a code prefix or any part of the name.
    public func institutions(search: String, limit: Int) throws -> [InstitutionRow] {
        let text = search.trimmingCharacters(in: .whitespaces)
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM institutions WHERE (? = '' OR code LIKE ? OR instr(name, ?) > 0) ORDER BY name LIMIT ?
            """), arguments: [text, text.uppercased().filter { $0.isLetter || $0.isNumber } + "%", text, limit])
            .map(institution)
    }

    func institution(_ row: Row) throws -> InstitutionRow {
        let code: String = row["code"]
        let scopes = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT occupation_code, level FROM institution_scopes WHERE institution = ? ORDER BY occupation_code
            """), arguments: [code]).map { ScopeRow(occupationCode: $0["occupation_code"], level: $0["level"]) }
            .sorted { ($0.occupationCode, SkillLevel(rawValue: $0.level)?.rank ?? 99)
                < ($1.occupationCode, SkillLevel(rawValue: $1.level)?.rank ?? 99) }
        return InstitutionRow(code: code, name: row["name"], kind: try row.enumValue("kind", table: "institutions", key: code),
                              grade: row["grade"], catalogue: row["catalogue"],
                              status: try row.enumValue("status", table: "institutions", key: code), statusReason: row["status_reason"],
                              statusDate: row["status_date"], mayTrain: scopes)
    }
}

extension StoreWriter {
    /// Inserts one catalogue entry with its levels (the caller checked periods do not overlap).
    public func insertOccupation(_ o: Occupation, at: Date) throws -> OccupationRow {
        try db.execute(sql: """
            INSERT INTO occupations(code, name, subsidised, shortage, access_controlled, tier, valid_from, valid_to, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [o.code.value, o.name, o.subsidised, o.shortage, o.accessControlled, o.tier,
                             o.period.from.description, o.period.to?.description, Timestamp.utc(at)])
        let id = db.lastInsertedRowID
        for l in o.levels {
            try db.execute(sql: "INSERT INTO occupation_levels(occupation_id, level, standard_fen, hours) VALUES (?, ?, ?, ?)",
                           arguments: [id, l.level.rawValue, l.standardFen, l.hours])
        }
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM occupations WHERE id = ?"), arguments: [id])!
        return try occupation(row)
    }

    /// Gives an open-ended entry its last day (the caller checked it is open-ended).
    public func closeOccupation(id: Int64, to: CalendarDate) throws -> OccupationRow {
        try db.execute(sql: "UPDATE occupations SET valid_to = ? WHERE id = ?", arguments: [to.description, id])
        let row = try Row.fetchOne(db, sql: "SELECT * FROM occupations WHERE id = ?", arguments: [id])!
        return try occupation(row)
    }

    /// Inserts an institution; false (nothing written) when the credit code is taken.
    public func insertInstitution(code: CreditCode, name: String, kind: InstitutionKind, grade: CreditGrade?,
                                  catalogue: Bool, mayTrain: [TrainingScope], at: Date) throws -> Bool {
        let now = Timestamp.utc(at)
        try db.execute(sql: """
            INSERT INTO institutions(code, name, kind, grade, catalogue, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'active', ?, ?) ON CONFLICT(code) DO NOTHING
            """, arguments: [code.value, name, kind.rawValue, grade?.rawValue, catalogue, now, now])
        guard db.changesCount == 1 else { return false }
        for s in Set(mayTrain) {
            try db.execute(sql: "INSERT INTO institution_scopes(institution, occupation_code, level) VALUES (?, ?, ?)",
                           arguments: [code.value, s.occupation.value, s.level.rawValue])
        }
        return true
    }

    public func setInstitutionStatus(code: String, status: InstitutionStatus, reason: String?, date: CalendarDate,
                                     at: Date) throws {
        try db.execute(sql: """
            UPDATE institutions SET status = ?, status_reason = ?, status_date = ?, updated_at = ? WHERE code = ?
            """, arguments: [status.rawValue, reason, date.description, Timestamp.utc(at), code])
    }
}
