import SkillCore
import SkillDesk
import TermUI

/// The worker form when another user saved the same worker while it was open (issue 12): what was
/// typed stays, their changes show beside the fields (`EditConflict`), a second F2 saves over
/// their version, F5 takes theirs.
extension WorkerFormScreen {
    /// A field's value as compared and shown. The switch is exhaustive: a field added to the
    /// worker later does not compile until it is compared here too.
    static func shown(_ f: WorkerField, _ d: WorkerDraft, _ lang: Lang) -> String {
        switch f {
        case .id: d.id
        case .name: d.name
        case .phone: d.phone
        case .hukouRegion: d.hukouRegion
        case .residence: d.residence
        case .workRegion: d.workRegion
        case .employer: d.employer
        case .employerCode: d.employerCode
        case .relativeOf: d.relativeOf
        case .rural: d.rural ? lang[.rural] : lang[.noneDash]
        case .pension: d.pension ? lang[.pensionYes] : lang[.noneDash]
        case .unemploymentInsured: d.unemploymentInsured ? lang[.insuredYes] : lang[.noneDash]
        case .employment: d.employment.label(lang)
        case .disability: d.disability.label(lang)
        case .groups: d.groups.map { $0.label(lang) }.joined(separator: lang == .zh ? "、" : "; ")
        }
    }

    /// Copies field `f` from `other` into the form.
    func take(_ f: WorkerField, from other: WorkerDraft) {
        switch f {
        case .rural: draft.rural = other.rural
        case .pension: draft.pension = other.pension
        case .unemploymentInsured: draft.unemploymentInsured = other.unemploymentInsured
        case .employment: draft.employment = other.employment
        case .disability: draft.disability = other.disability
        case .groups: draft.groups = other.groups
        default:
            let text = Self.shown(f, other, .en)
            draft.setText(f, text)
            if let tf = fields[f] { fields[f] = TextField(text: text, maxLength: tf.maxLength, filter: tf.filter) }
        }
    }

    /// After `editConflict`: reads the worker as stored now, merges, and keeps the form open. Nil
    /// when it cannot be read (the plain refusal is shown then).
    func keepTyped(_ ctx: ScreenContext) -> [Effect]? {
        guard let s = ctx.session, let old = editing,
              let latest = screenLog.attempt("reading a worker after an edit conflict", { try s.findWorker(id: old.id) }) ?? nil
        else { return nil }
        let last = screenLog.attempt("reading a worker's history") { try s.history(workerID: old.id).last } ?? nil
        let theirs = WorkerDraft(row: latest)
        let base = original
        let lang = ctx.lang
        conflict = EditConflict.merge(Self.order, by: last?.user ?? "", at: last.map { WorkerDetailScreen.localTime($0.at) } ?? "",
                                      base: { Self.shown($0, base, .en) }, mine: { Self.shown($0, self.draft, .en) },
                                      their: { Self.shown($0, theirs, .en) },
                                      take: { self.take($0, from: theirs) })
        // Shown in the clerk's language.
        if var c = conflict { for f in c.theirs.keys { c.theirs[f] = Self.shown(f, theirs, lang) }; conflict = c }
        editing = latest
        original = theirs
        revalidate(ctx)
        return [.message(lang[.conflictTitle], .warning)]
    }

    /// F5 after a conflict: what was typed is dropped; the form shows the stored worker.
    func dropMine(_ ctx: ScreenContext) -> [Effect] {
        let by = conflict?.by ?? ""
        for f in Self.order { take(f, from: original) }
        conflict = nil
        revalidate(ctx)
        return [.message(ctx.lang.format(.conflictReloaded, by), .ok)]
    }
}
