import SkillCore
import TermUI

/// What the form screens (worker, class, certificate) share: their footer keys and leaving with
/// unsaved input (F3/F12 ask "discard changes?" first; the dialog's second button discards).
enum FormKit {
    /// F2 save, F3 back, F4 list, Tab next field, then `extra`, then F12 cancel.
    static func footer(_ lang: Lang, extra: [(key: String, label: String)] = []) -> [(key: String, label: String)] {
        [("F2", lang[.keySave]), ("F3", lang[.keyBack]), ("F4", lang[.keyList]), ("Tab", lang[.keyNextField])]
            + extra + [("F12", lang[.keyCancel])]
    }

    /// The one overlay of a form whose only questions are F4 lists and dialogs (discard changes?,
    /// a list with nothing to offer): the list carries the field it fills.
    enum Overlay<Field>: OverlayCase {
        case choose(PromptList, Field)
        case dialog(Dialog)

        var widget: OverlayWidget {
            switch self {
            case let .choose(l, _): .list(l)
            case let .dialog(d): .dialog(d)
            }
        }
    }

    /// F3/F12 on a form with an overlay enum: pops at once when nothing was typed, otherwise
    /// opens the discard dialog as `discard` makes it.
    static func leave<O>(isDirty: Bool, overlay: inout O?, as discard: (Dialog) -> O, _ lang: Lang) -> [Effect] {
        guard isDirty else { return [.pop] }
        overlay = discard(discardDialog(lang))
        return []
    }

    /// A key for the open discard (or information) dialog `d` of a form with an overlay enum.
    static func handleDiscard<O>(_ key: Key, _ d: Dialog, overlay: inout O?, as discard: (Dialog) -> O) -> [Effect] {
        var dialog: Dialog? = d
        let effects = handleDiscard(key, dialog: &dialog)
        overlay = dialog.map(discard)
        return effects
    }

    static func discardDialog(_ lang: Lang) -> Dialog {
        Dialog(title: lang[.discardTitle], message: [lang[.discardMessage]], buttons: [lang[.keepEditing], lang[.discard]])
    }

    /// F3/F12: pops at once when nothing was typed, otherwise opens the discard dialog.
    static func leave(isDirty: Bool, dialog: inout Dialog?, _ lang: Lang) -> [Effect] {
        guard isDirty else { return [.pop] }
        dialog = discardDialog(lang)
        return []
    }

    /// A key for the open discard dialog: Escape/F12 or "keep editing" close it, "discard" pops.
    static func handleDiscard(_ key: Key, dialog: inout Dialog?) -> [Effect] {
        guard var d = dialog else { return [] }
        switch d.handle(key) {
        case .none:
            dialog = d
            return []
        case .cancelled:
            dialog = nil
            return []
        case let .button(i):
            dialog = nil
            return d.buttons.count == 2 && i == 1 ? [.pop] : []
        }
    }
}

/// A save refused because another user changed the record while this form was open (issue 12,
/// "nothing typed is lost"). The form stays open with what was typed; each field the other user
/// changed says so beside it ("clerk2 已改为：…"). Fields only they changed are taken into the form
/// (saving must not put back their old value); fields both changed keep what was typed. The form's
/// basis becomes their version, so a second F2 saves the typed values over it — on purpose, with
/// their values in view; F5 drops what was typed and shows theirs.
struct EditConflict<Field: Hashable> {
    /// Who saved the version the form now rests on, and when (local time).
    var by: String
    var at: String
    /// Their value of each field they changed, as the form shows it.
    var theirs: [Field: String]

    /// Builds the conflict and merges: `take(f)` is called for each field only they changed.
    /// `base`, `mine`, `their`: a field's comparable text in the version the form was opened on,
    /// in the form, and in the stored version now.
    static func merge(_ fields: [Field], by: String, at: String, base: (Field) -> String, mine: (Field) -> String,
                      their: (Field) -> String, take: (Field) -> Void) -> EditConflict {
        var theirs: [Field: String] = [:]
        for f in fields where base(f) != their(f) {
            theirs[f] = their(f)
            if mine(f) == base(f) { take(f) }
        }
        return EditConflict(by: by, at: at, theirs: theirs)
    }

    /// The note beside field `f`, nil when they did not change it.
    func note(_ f: Field, _ lang: Lang) -> String? {
        theirs[f].map { lang.format(.conflictField, Sanitize.forDisplay(by), Sanitize.forDisplay($0.isEmpty ? "—" : $0)) }
    }
}
