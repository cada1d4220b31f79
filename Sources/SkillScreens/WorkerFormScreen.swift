import SkillCore
import SkillDesk
import TermUI

/// Registering or editing a worker. Every field is checked as it is typed; a field's error
/// stands beside it once the field was left (the ID's at once); nothing is stored while any
/// field is invalid — the use-case layer checks again on save.
public final class WorkerFormScreen: Screen {
    static let order: [WorkerField] = [.id, .name, .phone, .hukouRegion, .rural, .residence, .workRegion, .employment,
                                      .employer, .employerCode, .pension, .unemploymentInsured, .groups, .disability,
                                      .relativeOf]

    /// The stored worker the form edits; after an edit conflict, the other user's version.
    var editing: WorkerRow?
    var fields: [WorkerField: TextField] = [:]
    var draft = WorkerDraft()
    var focus = 0
    var touched: Set<WorkerField> = []
    var saveAttempted = false
    var errors: [WorkerField: String] = [:]
    /// The one overlay open (keys go to it first; it is drawn last).
    enum Overlay: OverlayCase {
        /// F4's list for a field.
        case choose(PromptList, WorkerField)
        /// "Discard changes?".
        case discard(Dialog)
        /// "This ID is registered — open that worker?".
        case exists(Dialog, WorkerRow)

        var widget: OverlayWidget {
            switch self {
            case let .choose(l, _): .list(l)
            case let .discard(d), let .exists(d, _): .dialog(d)
            }
        }
    }
    var overlay: Overlay?
    var offeredID: String?
    var original: WorkerDraft
    /// Set when a save was refused because another user changed the worker meanwhile.
    var conflict: EditConflict<WorkerField>?

    public init(ctx: ScreenContext, editing: WorkerRow?) {
        self.editing = editing
        let d = editing.map(WorkerDraft.init(row:)) ?? WorkerDraft()
        draft = d
        original = d
        fields[.id] = TextField(text: d.id, maxLength: 18, filter: .idDigits)
        fields[.name] = TextField(text: d.name, maxLength: 200)
        fields[.phone] = TextField(text: d.phone, maxLength: 20)
        fields[.hukouRegion] = TextField(text: d.hukouRegion, maxLength: 6, filter: .digits)
        fields[.residence] = TextField(text: d.residence, maxLength: 200)
        fields[.workRegion] = TextField(text: d.workRegion, maxLength: 6, filter: .digits)
        fields[.employer] = TextField(text: d.employer, maxLength: 200)
        fields[.employerCode] = TextField(text: d.employerCode, maxLength: 18)
        fields[.relativeOf] = TextField(text: d.relativeOf, maxLength: 18, filter: .idDigits)
        if editing != nil { focus = 1 }
        revalidate(ctx)
    }

    var current: WorkerField { Self.order[focus] }

    public func title(_ ctx: ScreenContext) -> String {
        editing == nil ? ctx.lang[.newWorker] : ctx.lang[.editWorker] + " · " + (editing?.name ?? "")
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        FormKit.footer(ctx.lang, extra: [("Space", ctx.lang[.keyToggle])])
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpForm]] }

    var isDirty: Bool { draft != original }
    public var hasUnsavedChanges: Bool { isDirty }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch overlay {
        case .discard?, .exists?: return handleDialog(key, ctx)
        case .choose?: return handlePrompt(key, ctx)
        case nil: break
        }
        switch key {
        case .function(2), .ctrl("s"):
            return save(ctx)
        case .function(5) where conflict != nil:
            return dropMine(ctx)
        case .function(3), .function(12):
            return FormKit.leave(isDirty: isDirty, overlay: &overlay, as: Overlay.discard, ctx.lang)
        case .function(4):
            openPrompt(ctx)
            return []
        case .tab, .down, .enter:
            move(+1)
            revalidate(ctx)
            return []
        case .backTab, .up:
            move(-1)
            revalidate(ctx)
            return []
        default:
            break
        }
        let field = current
        switch field {
        case .rural, .pension, .unemploymentInsured:
            if key == .char(" ") || key == .char("x") || key == .char("X") {
                switch field {
                case .rural: draft.rural.toggle()
                case .pension: draft.pension.toggle()
                default: draft.unemploymentInsured.toggle()
                }
            }
        case .employment, .disability, .groups:
            if key == .char(" ") || key == .right || key == .left {
                if field == .groups { openPrompt(ctx) } else { cycle(field, key == .left ? -1 : 1) }
            } else if case let .char(c) = key {
                // Typing into a choice field opens its list filtered by what was typed (issue 12).
                openPrompt(ctx, typed: String(c))
            } else if case let .paste(text) = key {
                openPrompt(ctx, typed: text)
            }
        default:
            if field == .id && editing != nil { return [] }
            guard var tf = fields[field] else { return [] }
            _ = tf.handle(key)
            fields[field] = tf
            draft.setText(field, tf.text)
            revalidate(ctx)
            if field == .id { return offerExisting(ctx) }
        }
        revalidate(ctx)
        return []
    }

    func move(_ delta: Int) {
        touched.insert(current)
        focus = (focus + delta + Self.order.count) % Self.order.count
        if editing != nil && current == .id { focus = (focus + delta + Self.order.count) % Self.order.count }
    }

    func cycle(_ field: WorkerField, _ delta: Int) {
        if field == .employment {
            let all = EmploymentStatus.allCases
            let i = all.firstIndex(of: draft.employment) ?? 0
            draft.employment = all[(i + delta + all.count) % all.count]
        } else if field == .disability {
            let all = Disability.allCases
            let i = all.firstIndex(of: draft.disability) ?? 0
            draft.disability = all[(i + delta + all.count) % all.count]
        }
    }

    func openPrompt(_ ctx: ScreenContext, typed: String = "") {
        let lang = ctx.lang
        let prompt: PromptList
        switch current {
        case .employment:
            prompt = .lookup(title: lang[.chooseEmployment],
                             items: EmploymentStatus.allCases.map { ($0.rawValue, $0.label(lang)) }, typed: typed)
        case .disability:
            prompt = .lookup(title: lang[.chooseDisability],
                             items: Disability.allCases.map { ($0.rawValue, $0.label(lang)) }, typed: typed)
        case .groups:
            prompt = .lookup(title: lang[.chooseGroups],
                             items: TargetGroup.allCases.map { ($0.rawValue, $0.label(lang)) }, typed: typed,
                             multiSelect: true, checked: Set(draft.groups.map(\.rawValue)))
        case .hukouRegion, .workRegion:
            // F4 on a region code: the region table by name; what the field holds starts the filter.
            prompt = Lookups.regions(lang, typed: current == .hukouRegion ? draft.hukouRegion : draft.workRegion)
        default:
            return
        }
        overlay = .choose(prompt, current)
    }

    func handlePrompt(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        guard case .choose(var p, let field)? = overlay else { return [] }
        switch p.handle(key) {
        case .none:
            overlay = .choose(p, field)
        case .cancelled:
            overlay = nil
        case let .chosen(codes):
            overlay = nil
            switch field {
            case .employment: if let c = codes.first, let e = EmploymentStatus(rawValue: c) { draft.employment = e }
            case .disability: if let c = codes.first, let d = Disability(rawValue: c) { draft.disability = d }
            case .groups: draft.groups = TargetGroup.allCases.filter { codes.contains($0.rawValue) }
            case .hukouRegion, .workRegion:
                if let c = codes.first {
                    fields[field] = TextField(text: c, maxLength: 6, filter: .digits)
                    draft.setText(field, c)
                }
            default: break
            }
            revalidate(ctx)
        }
        return []
    }

    func handleDialog(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        let (dialog, existing): (Dialog, WorkerRow?)
        switch overlay {
        case let .discard(d)?: (dialog, existing) = (d, nil)
        case let .exists(d, w)?: (dialog, existing) = (d, w)
        default: return []
        }
        var d = dialog
        let outcome = d.handle(key)
        switch outcome {
        case .none:
            overlay = existing.map { .exists(d, $0) } ?? .discard(d)
            return []
        case .cancelled:
            overlay = nil
            return []
        case let .button(i):
            overlay = nil
            if let existing {
                return i == 0 ? [.pop, .push(WorkerDetailScreen(row: existing, ctx: ctx))] : []
            }
            return i == 1 ? [.pop] : []
        }
    }

    /// Typing an ID that is already registered offers that worker instead of a second record.
    func offerExisting(_ ctx: ScreenContext) -> [Effect] {
        guard editing == nil, errors[.id] == nil, draft.id.count == 18, offeredID != draft.id,
              let s = ctx.session, let existing = screenLog.attempt("looking up a typed ID", { try s.findWorker(id: draft.id) }) else { return [] }
        offeredID = draft.id
        showExists(existing, ctx)
        return []
    }

    func showExists(_ existing: WorkerRow, _ ctx: ScreenContext) {
        overlay = .exists(Dialog(title: ctx.lang[.existsTitle],
                                 message: [ctx.lang.format(.existsMessage, existing.id, existing.name)],
                                 buttons: [ctx.lang[.open], ctx.lang[.stay]]), existing)
    }

    func revalidate(_ ctx: ScreenContext) {
        errors = [:]
        if case let .failure(v) = draft.validate(today: ctx.desk.today()) {
            for (f, e) in v.errors { errors[f] = e.message(ctx.lang) }
        }
        if let e = ResidentID.checkPartial(draft.id, today: ctx.desk.today()) {
            errors[.id] = e.message(ctx.lang)
        } else if draft.id.count < 18 && !saveAttempted {
            errors[.id] = nil  // still typing and nothing wrong yet
        }
    }

    func save(_ ctx: ScreenContext) -> [Effect] {
        saveAttempted = true
        touched = Set(Self.order)
        revalidate(ctx)
        guard errors.isEmpty else { return [.message(ctx.lang[.fixErrors], .error)] }
        guard let s = ctx.session else { return [] }
        do {
            if let w = editing {
                let row = try s.update(id: w.id, with: draft, expectedVersion: w.version)
                return [.pop, .message(ctx.lang.format(.updated, row.name), .ok)]
            }
            let row = try s.register(draft)
            return [.pop, .push(WorkerDetailScreen(row: row, ctx: ctx)),
                    .message(ctx.lang.format(.saved, row.id + " " + row.name), .ok)]
        } catch DeskError.invalidWorker(let problems) {
            for (f, p) in problems.fields { errors[f] = p.message(ctx.lang) }
            return [.message(ctx.lang[.fixErrors], .error)]
        } catch DeskError.workerExists(let existing) {
            showExists(existing, ctx)
            return []
        } catch DeskError.editConflict(let what) {
            return keepTyped(ctx) ?? [.message(describe(DeskError.editConflict(what), ctx.lang), .error)]
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    // MARK: drawing

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let labelWidth = 20
        let fieldWidth = 24
        var y = body.y + 1
        var caret: CursorPosition?
        for (i, field) in Self.order.enumerated() {
            let focused = i == focus && overlay == nil
            let showError = touched.contains(field) || saveAttempted || (field == .id && draft.id.count > 0)
            var note = showError ? errors[field] : nil
            var noteStyle = Style.error
            var value: String?
            var textField: TextField?
            switch field {
            case .rural: value = "[" + (draft.rural ? "x" : " ") + "] " + lang[.rural]
            case .pension: value = "[" + (draft.pension ? "x" : " ") + "] " + lang[.pensionYes]
            case .unemploymentInsured: value = "[" + (draft.unemploymentInsured ? "x" : " ") + "] " + lang[.insuredYes]
            case .employment: value = draft.employment.label(lang); note = note ?? lang[.f4Choose]; if errors[field] == nil { noteStyle = .dim }
            case .disability: value = draft.disability.label(lang); note = note ?? lang[.f4Choose]; if errors[field] == nil { noteStyle = .dim }
            case .groups:
                value = draft.groups.isEmpty ? "—" : draft.groups.map { $0.label(lang) }.joined(separator: lang == .zh ? "、" : "; ")
                note = note ?? lang[.f4Choose]; if errors[field] == nil { noteStyle = .dim }
            case .id where editing != nil:
                value = draft.id; note = lang[.readOnly]; noteStyle = .dim
            case .hukouRegion, .workRegion:
                textField = fields[field]
                let code = field == .hukouRegion ? draft.hukouRegion : draft.workRegion
                if note == nil, code.count == 6 {
                    note = RegionTable.shared.name(code) ?? lang[.unknownRegion]
                    noteStyle = .dim
                }
            default:
                textField = fields[field]
            }
            if field == .id, note == nil, draft.id.count == 18 { note = lang[.idComplete]; noteStyle = .ok }
            // Invisible characters kept out of the field are said, not dropped silently (issue 12).
            if note == nil, let n = fields[field]?.removedInvisible, n > 0 {
                note = lang.format(.removedInvisible, n); noteStyle = .warning
            }
            if errors[field] == nil || !showError, let c = conflict?.note(field, lang) { note = c; noteStyle = .warning }
            let width = field == .groups ? min(body.width - labelWidth - 14, 60) : fieldWidth
            let rowNote = field == .groups && note == lang[.f4Choose] ? nil : note
            FormLayout.drawRow(into: &canvas, x: 1, y: y, label: WorkerText.label(field, lang), labelWidth: labelWidth,
                               field: textField, fieldWidth: width, value: value, focused: focused,
                               note: rowNote, noteStyle: noteStyle)
            if focused {
                if let c = canvas.cursor, textField != nil { caret = c } else { caret = CursorPosition(x: 1 + labelWidth, y: y) }
            }
            y += 1
            if field == .id {
                // Sex and birth date come from the ID, shown as soon as it parses.
                var derived = "—"
                // ignoring is right: an ID still being typed does not parse yet; its field shows why.
                if let id = try? ResidentID.parse(draft.id, today: ctx.desk.today()).get() {
                    derived = id.sex.label(lang) + " / " + id.birthDate.description + " " + lang[.fromID]
                }
                FormLayout.drawRow(into: &canvas, x: 1, y: y, label: lang[.sexBorn], labelWidth: labelWidth,
                                   field: nil, fieldWidth: body.width - labelWidth - 2, value: derived)
                y += 1
            }
        }
        canvas.cursor = caret
        if overlay != nil {
            overlay.draw(into: &canvas, in: body)
            canvas.cursor = nil
        }
    }
}
