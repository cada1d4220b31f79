import SkillCore
import SkillDesk
import TermUI

/// The certificate form when another clerk corrected the same certificate while it was open
/// (issue 12): as the worker form (`EditConflict`), what was typed stays, their changes show
/// beside the fields, a second F2 saves over their version, F5 takes theirs.
extension CertificateFormScreen {
    /// A field's comparable text in `d`.
    static func text(_ f: Field, _ d: CertificateDraft) -> String {
        switch f {
        case .type: d.type
        case .number: d.number
        case .occupation: d.occupation
        case .level: d.level
        case .issueDate: d.issueDate
        case .issuer: d.issuer
        case .trainingClass: d.classID.map(String.init) ?? ""
        }
    }

    /// The same, as the form shows it.
    static func shown(_ f: Field, _ c: CertificateRow, _ lang: Lang) -> String {
        switch f {
        case .type: c.type.label(lang)
        case .level: c.level.flatMap(SkillLevel.init(rawValue:))?.label(lang) ?? ""
        case .trainingClass: c.classID.map(String.init) ?? ""
        case .number: c.number
        case .occupation: c.occupationCode
        case .issueDate: c.issueDate
        case .issuer: c.issuer ?? ""
        }
    }

    /// Copies field `f` of the stored certificate `c` into the form.
    func take(_ f: Field, from c: CertificateRow) {
        switch f {
        case .type: type = c.type
        case .level: level = c.level.flatMap(SkillLevel.init(rawValue:))
        case .trainingClass: classID = c.classID
        case .number: number = TextField(text: c.number, maxLength: CertificateDraft.maxNumber)
        case .occupation: occupation = TextField(text: c.occupationCode, maxLength: 20)
        case .issueDate: issueDate = TextField(text: c.issueDate, maxLength: 10)
        case .issuer: issuer = TextField(text: c.issuer ?? "", maxLength: CertificateDraft.maxIssuer)
        }
    }

    func keepTyped(_ latest: CertificateRow, _ s: Session, _ ctx: ScreenContext) -> [Effect] {
        guard let old = editing else { return [] }
        let last = screenLog.attempt("reading a certificate's history") { try s.certificateHistory(id: latest.id).last } ?? nil
        let base = draft(of: old), mine = draft(), theirs = draft(of: latest)
        var c = EditConflict.merge(Field.allCases, by: last?.user ?? "", at: last.map { WorkerDetailScreen.localTime($0.at) } ?? "",
                                   base: { Self.text($0, base) }, mine: { Self.text($0, mine) },
                                   their: { Self.text($0, theirs) }, take: { self.take($0, from: latest) })
        for f in c.theirs.keys { c.theirs[f] = Self.shown(f, latest, ctx.lang) }
        conflict = c
        editing = latest
        revalidate(ctx)
        return [.message(ctx.lang[.conflictTitle], .warning)]
    }

    /// F5 after a conflict: the form shows the stored certificate.
    func takeTheirs(_ ctx: ScreenContext) -> [Effect] {
        guard let e = editing else { return [] }
        let by = conflict?.by ?? ""
        fill(from: e)
        conflict = nil
        revalidate(ctx)
        return [.message(ctx.lang.format(.conflictReloaded, by), .ok)]
    }
}
