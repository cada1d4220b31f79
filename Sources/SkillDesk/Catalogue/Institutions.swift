import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// What an administrator types to add a training institution.
public struct InstitutionDraft: Sendable {
    public var code = ""
    public var name = ""
    public var kind = ""
    public var grade = ""
    public var catalogue = false
    /// `6-31-01-03:L4` each.
    public var mayTrain: [String] = []
    public init() {}
}

/// Training institutions (培训机构). Administrators add them and change their standing; every
/// change is an audited state change. Disqualification is final.
extension Session {
    public func addInstitution(_ d: InstitutionDraft) throws -> InstitutionRow {
        try require(.manageCatalogue)
        let valid = try validate(d)
        let now = desk.clock()
        return try write(.manageCatalogue) { w in try insert(valid, w, at: now) }
    }

    /// An institution draft checked for what needs no database.
    struct ValidInstitution {
        var code: CreditCode, name: String, kind: InstitutionKind, grade: CreditGrade?, catalogue: Bool
        var scopes: [TrainingScope]
    }

    func validate(_ d: InstitutionDraft) throws -> ValidInstitution {
        let code: CreditCode
        switch CreditCode.parse(d.code) {
        case let .success(c): code = c
        case let .failure(e): throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh))
        }
        let name = try DeskError.checking {
            try FieldText.identifier(d.name, field: FieldLabel(en: "institution's name", zh: "机构名称"), max: FieldText.maxName)
        }
        guard let kind = InstitutionKind.parse(d.kind) else {
            throw DeskError.invalidInput("kind '\(d.kind)' is not valid; use one of \(InstitutionKind.codes)",
                                         zh: "机构类型“\(d.kind)”无效；可用：\(InstitutionKind.codes)")
        }
        var grade: CreditGrade?
        if !d.grade.trimmedWhitespace().isEmpty {
            guard let g = CreditGrade.parse(d.grade) else {
                throw DeskError.invalidInput("credit grade '\(d.grade)' is not valid; use A, B, C or D",
                                             zh: "信用等级“\(d.grade)”无效；应为 A、B、C 或 D")
            }
            grade = g
        }
        var scopes: [TrainingScope] = []
        for text in d.mayTrain {
            switch TrainingScope.parse(text) {
            case let .success(s): scopes.append(s)
            case let .failure(p): throw DeskError.invalidCatalogue(p)
            }
        }
        return ValidInstitution(code: code, name: name, kind: kind, grade: grade, catalogue: d.catalogue, scopes: scopes)
    }

    /// Checks the scopes against the catalogue and the code against existing institutions, then
    /// inserts and audits. Throws before writing anything.
    func insert(_ v: ValidInstitution, _ w: StoreWriter, at now: Date) throws -> InstitutionRow {
        try checkScopes(v.scopes, w)
        guard try w.insertInstitution(code: v.code, name: v.name, kind: v.kind, grade: v.grade, catalogue: v.catalogue,
                                      mayTrain: v.scopes, at: now) else {
            throw DeskError.institutionExists(v.code.value, name: try w.institution(code: v.code.value)?.name ?? "")
        }
        let row = try w.institution(code: v.code.value)!
        try w.audit(at: now, user: user, action: "institution.create", entity: "institution", key: row.code,
                    before: nil, after: InstitutionSnapshot(row).json())
        return row
    }

    /// Each (occupation, level) must be in the catalogue: some entry of that code defines the level.
    func checkScopes(_ scopes: [TrainingScope], _ r: StoreReader) throws {
        for s in scopes {
            let entries = try r.occupationEntries(code: s.occupation.value)
            if entries.isEmpty { throw DeskError.occupationNotFound(s.occupation.value, asOf: nil) }
            if !entries.contains(where: { $0.levels.contains { $0.level == s.level.rawValue } }) {
                throw DeskError.invalidInput(
                    "occupation \(s.occupation) has no level \(s.level.rawValue) in the catalogue",
                    zh: "目录中职业 \(s.occupation) 没有等级 \(s.level.rawValue)（\(s.level.label(.zh))）")
            }
        }
    }

    public func suspendInstitution(code: String, reason: String) throws -> InstitutionRow {
        try changeStatus(code: code, .suspend, reason: reason)
    }

    public func reinstateInstitution(code: String) throws -> InstitutionRow {
        try changeStatus(code: code, .reinstate, reason: nil)
    }

    public func disqualifyInstitution(code: String, reason: String) throws -> InstitutionRow {
        try changeStatus(code: code, .disqualify, reason: reason)
    }

    func changeStatus(code: String, _ action: InstitutionAction, reason: String?) throws -> InstitutionRow {
        try require(.manageCatalogue)
        let key = code.trimmedWhitespace().uppercased()
        let why = try DeskError.checking {
            try FieldText.cleaned(reason ?? "", field: FieldLabel(en: "reason", zh: "理由"), max: FieldText.maxReason)
        }
        if action.needsReason && why.isEmpty {
            throw DeskError.invalidInput("give a reason (--reason) for this decision", zh: "请填写理由（--reason）")
        }
        let now = desk.clock()
        let today = desk.today()
        return try write(.manageCatalogue) { w in
            guard let old = try w.institution(code: key) else { throw DeskError.institutionNotFound(key) }
            let current = old.status
            let next: InstitutionStatus
            switch action.apply(to: current) {
            case let .success(s): next = s
            case let .failure(r): throw DeskError.wrongStatus(r)
            }
            try w.setInstitutionStatus(code: key, status: next, reason: why.isEmpty ? nil : why, date: today, at: now)
            let row = try w.institution(code: key)!
            try w.audit(at: now, user: user, action: "institution.\(action.rawValue)", entity: "institution",
                        key: key, before: InstitutionSnapshot(old).json(), after: InstitutionSnapshot(row).json())
            return row
        }
    }

    public func institution(code: String) throws -> InstitutionRow {
        try require(.readCatalogue)
        let key = code.trimmedWhitespace().uppercased()
        guard let row = try read(.readCatalogue, { try $0.institution(code: key) }) else { throw DeskError.institutionNotFound(key) }
        return row
    }

    public func institutions(search: String = "", limit: Int = 1_000) throws -> [InstitutionRow] {
        return try read(.readCatalogue) { try $0.institutions(search: search, limit: max(1, limit)) }
    }
}
