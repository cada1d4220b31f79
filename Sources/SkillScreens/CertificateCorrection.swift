import SkillCore
import SkillDesk
import TermUI

/// Correcting or voiding one of a worker's certificates from the archive (issue 12): F7 opens the
/// certificate form on it, F9 asks for a reason and voids it. With several standing certificates a
/// list asks which first. The use case decides (approved claims resting on it, versions); its
/// refusal is what shows.
enum CertificateCorrection {
    enum Overlay: OverlayCase {
        /// Which certificate (codes are record ids).
        case pick(PromptList, void: Bool)
        /// The reason for voiding `certificate`.
        case reason(TextPrompt, CertificateRow)
        /// A refusal, whole (it names the claim and what to do: longer than the message line).
        case refused(Dialog)

        var widget: OverlayWidget {
            switch self {
            case let .pick(l, _): .list(l)
            case let .reason(p, _): .prompt(p, width: 70)
            case let .refused(d): .dialog(d)
            }
        }
    }

    static func label(_ c: CertificateRow, _ lang: Lang) -> String {
        [c.typeLabel(lang), c.number, c.occupationCode, c.levelLabel(lang), c.issueDate].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// F7 (`void` false) or F9: the form or the reason at once for a single standing certificate,
    /// else the list to pick from.
    static func start(void: Bool, archive a: WorkerArchive, _ ctx: ScreenContext) -> (Overlay?, [Effect]) {
        let standing = a.certificates.filter { !$0.isVoided }
        if standing.isEmpty { return (nil, [.message(ctx.lang[.archiveNoCertificates], .warning)]) }
        if standing.count == 1 { return chosen(standing[0], void: void, archive: a, ctx) }
        let list = PromptList(title: ctx.lang[void ? .keyVoidCert : .keyEditCert],
                              items: standing.map { (String($0.id), Sanitize.forDisplay(label($0, ctx.lang))) })
        return (.pick(list, void: void), [])
    }

    static func chosen(_ c: CertificateRow, void: Bool, archive a: WorkerArchive, _ ctx: ScreenContext) -> (Overlay?, [Effect]) {
        if void {
            let p = TextPrompt(title: ctx.lang.format(.voidCertTitle, Sanitize.forDisplay(c.number)), hint: ctx.lang[.reasonHint], maxLength: 500)
            return (.reason(p, c), [])
        }
        return (nil, [.push(CertificateFormScreen(worker: a.worker, classes: a.classes, editing: c, ctx: ctx))])
    }

    /// A refusal in a box, wrapped, so that the claim it names and what to do are read whole.
    static func refusal(_ text: String, _ lang: Lang) -> Dialog {
        Dialog(title: lang[.certRefusedTitle], message: [text], buttons: [lang[.close]])
    }

    static func handle(_ key: Key, overlay: inout Overlay?, archive a: WorkerArchive, _ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        switch overlay {
        case .pick(var l, let void)?:
            switch l.handle(key) {
            case .none: overlay = .pick(l, void: void)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                overlay = nil
                guard let id = codes.first.flatMap(Int64.init), let c = a.certificates.first(where: { $0.id == id }) else { return [] }
                let (o, effects) = chosen(c, void: void, archive: a, ctx)
                overlay = o
                return effects
            }
        case .reason(var p, let c)?:
            switch p.handle(key, emptyProblem: lang[.reasonRequired]) {
            case .none: overlay = .reason(p, c)
            case .cancelled: overlay = nil; return [.message(lang[.cancelledNothing], .warning)]
            case let .entered(text):
                overlay = nil
                guard let s = ctx.session else { return [] }
                do {
                    let row = try s.voidCertificate(c.id, reason: text, version: c.version)
                    return [.message(lang.format(.certVoided, Sanitize.forDisplay(row.number)), .ok)]
                } catch {
                    overlay = .refused(refusal(describe(error, lang), lang))
                    return []
                }
            }
        case .refused(var d)?:
            if case .none = d.handle(key) { overlay = .refused(d) } else { overlay = nil }
        case nil:
            break
        }
        return []
    }
}
