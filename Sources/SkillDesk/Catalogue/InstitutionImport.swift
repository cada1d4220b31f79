import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// The columns of an institution CSV: one institution per row.
enum InstitutionColumn: String, CaseIterable {
    case code, name, kind, grade, mayTrain = "may_train", catalogue
    static let required: [InstitutionColumn] = [.code, .name, .kind]
}

extension Session {
    /// Imports institutions from a CSV file (`code,name,kind,grade,may_train[,catalogue]`, may_train
    /// like `6-31-01-03:L4;6-31-01-03:L3`). Each row is checked as `institution add` checks it; a code
    /// already registered (or repeated in the file) is refused, never overwritten. Good rows go in
    /// one transaction, each with its `institution.create` audit row, plus one `institution.import` row.
    public func importInstitutions(path: String, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try require(.manageCatalogue)
        let lang = options.lang
        let csv = try NamedCSV<InstitutionColumn>(path: path, encoding: options.encoding, required: InstitutionColumn.required)
        var rejects = ImportRejects(file: try rejectsFile(options, input: path))
        var rows: [(line: Int, institution: ValidInstitution)] = []
        while let record = try csv.next() {
            rejects.note(record)
            if let why = csv.unreadable(record, lang: lang) { rejects.refuse(record.line, why); continue }
            let field = { (c: InstitutionColumn) in csv.field(c, record) }
            guard let catalogue = Self.flag(field(.catalogue)) else {
                rejects.refuse(record.line, lang == .zh ? "catalogue“\(field(.catalogue))”无效；应为 1/0、true/false、yes/no 或 是/否"
                               : "catalogue '\(field(.catalogue))' is not valid; use 1/0, true/false, yes/no or 是/否")
                continue
            }
            var d = InstitutionDraft()
            d.code = field(.code); d.name = field(.name); d.kind = field(.kind); d.grade = field(.grade)
            d.catalogue = catalogue
            d.mayTrain = field(.mayTrain).split(whereSeparator: { $0 == ";" || $0 == "；" || $0 == " " }).map(String.init)
            do { rows.append((record.line, try validate(d))) } catch let e as DeskError {
                rejects.refuse(record.line, e.message(lang))
            }
        }

        let now = desk.clock()
        var imported = 0
        try write(.manageCatalogue) { w in
            for (line, institution) in rows {
                do {
                    _ = try insert(institution, w, at: now)
                    imported += 1
                } catch let e as DeskError {
                    rejects.refuse(line, e.message(lang))
                }
            }
            try w.audit(at: now, user: user, action: "institution.import", entity: "institution", key: "import",
                        before: nil, after: csv.summary(imported: imported, rejected: rejects.list.count))
        }
        rejects.finish(header: csv.header)
        return csv.report(imported: imported, rejects: rejects)
    }
}
