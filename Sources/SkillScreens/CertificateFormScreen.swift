import SkillCore
import SkillDesk
import TermUI

/// Recording a certificate (证书) for one worker, reached with F6 from the worker's archive, or
/// correcting one recorded wrongly (F7 there, `editing`; issue 12): the same fields and checks,
/// saved by `updateCertificate` against the version that was opened.
/// The holder is fixed. Fields are checked as they are typed; the level is offered only for
/// the two types that state one. The use-case layer checks again on save; W1 (a number held by
/// another worker, a date before the class started) stores the certificate and warns at once.
public final class CertificateFormScreen: Screen {
    public enum Field: CaseIterable, Sendable {
        case type, number, occupation, level, issueDate, issuer, trainingClass

        /// The form's field for a rule's field (the holder is fixed: not a field here).
        init?(_ f: CertificateField) {
            switch f {
            case .worker: return nil
            case .type: self = .type
            case .number: self = .number
            case .occupation: self = .occupation
            case .level: self = .level
            case .issueDate: self = .issueDate
            case .issuer: self = .issuer
            case .trainingClass: self = .trainingClass
            }
        }
    }

    let worker: WorkerRow
    let classes: [WorkerArchive.Class]
    var occupations: [OccupationRow] = []
    var type: CertificateType?
    var level: SkillLevel?
    var classID: Int64?
    var number = TextField(maxLength: CertificateDraft.maxNumber)
    var occupation = TextField(maxLength: 20)
    var issueDate = TextField(maxLength: 10)
    var issuer = TextField(maxLength: CertificateDraft.maxIssuer)
    /// The occupation code last filled in from a chosen class, so choosing another class
    /// replaces it but never a code the clerk typed.
    var defaultedOccupation: String?
    var focus: Field = .type
    var touched: Set<Field> = []
    var saveAttempted = false
    var errors: [Field: String] = [:]
    /// The one overlay open (keys go to it first; it is drawn last).
    var overlay: FormKit.Overlay<Field>?

    /// The certificate being corrected (nil: a new one), as it was read; after an edit conflict,
    /// the other user's version.
    var editing: CertificateRow?
    /// Set when a correction was refused because another user changed the certificate meanwhile.
    var conflict: EditConflict<Field>?

    public init(worker: WorkerRow, classes: [WorkerArchive.Class], editing: CertificateRow? = nil, ctx: ScreenContext) {
        self.worker = worker
        self.classes = classes
        self.editing = editing
        occupations = screenLog.attempt("listing occupations") { try ctx.session?.occupations(limit: 5_000) } ?? []
        if let c = editing { fill(from: c) }
        revalidate(ctx)
    }

    /// The fields as `c` has them.
    func fill(from c: CertificateRow) {
        type = c.type
        level = c.level.flatMap(SkillLevel.init(rawValue:))
        classID = c.classID
        number = TextField(text: c.number, maxLength: CertificateDraft.maxNumber)
        occupation = TextField(text: c.occupationCode, maxLength: 20)
        issueDate = TextField(text: c.issueDate, maxLength: 10)
        issuer = TextField(text: c.issuer ?? "", maxLength: CertificateDraft.maxIssuer)
    }

    /// The draft a stored certificate reads as in this form.
    func draft(of c: CertificateRow) -> CertificateDraft {
        var d = CertificateDraft()
        d.worker = worker.id; d.type = c.type.rawValue; d.number = c.number; d.occupation = c.occupationCode
        d.level = c.type.hasLevel ? (c.level ?? "") : ""; d.issueDate = c.issueDate; d.issuer = c.issuer ?? ""
        d.classID = c.classID
        return d
    }

    // MARK: state

    /// The fields Tab visits: the level only when the chosen type states one.
    var order: [Field] { Field.allCases.filter { $0 != .level || levelEnabled } }
    var levelEnabled: Bool { type?.hasLevel ?? false }
    var chosenClass: WorkerArchive.Class? { classes.first { $0.row.id == classID } }

    public var hasUnsavedChanges: Bool { isDirty }

    var isDirty: Bool {
        if let e = editing { return draft() != draft(of: e) }
        return type != nil || level != nil || classID != nil || !number.text.isEmpty || !occupation.text.isEmpty
            || !issueDate.text.isEmpty || !issuer.text.isEmpty
    }

    func occupationName(_ code: String) -> String? {
        occupations.first { $0.code == code.trimmedWhitespace() }?.name
    }

    public func title(_ ctx: ScreenContext) -> String {
        (editing == nil ? ctx.lang[.newCertificate] : ctx.lang[.editCertificate] + " " + (editing?.number ?? "")) + " · " + worker.name
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        FormKit.footer(ctx.lang)
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        editing == nil ? [ctx.lang[.helpCertForm], ctx.lang[.helpForm]] : [ctx.lang[.helpCertEdit], ctx.lang[.helpCertForm], ctx.lang[.helpForm]]
    }

    // MARK: keys

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch overlay {
        case let .dialog(d)?: return FormKit.handleDiscard(key, d, overlay: &overlay, as: FormKit.Overlay.dialog)
        case .choose?: return handlePrompt(key, ctx)
        case nil: break
        }
        switch key {
        case .function(2), .ctrl("s"):
            return save(ctx)
        case .function(5) where conflict != nil:
            return takeTheirs(ctx)
        case .function(3), .function(12):
            return FormKit.leave(isDirty: isDirty, overlay: &overlay, as: FormKit.Overlay.dialog, ctx.lang)
        case .function(4):
            openPrompt(focus, ctx)
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
        switch focus {
        case .type, .level, .trainingClass:
            if key == .char(" ") || key == .right || key == .left {
                cycle(focus, key == .left ? -1 : 1, ctx)
            } else if case .char = key, levelEnabled || focus != .level {
                // Typing on a choice opens its list filtered by what was typed ("L4", "中级").
                openPrompt(focus, ctx)
                return handlePrompt(key, ctx)
            }
        case .number: _ = number.handle(key)
        case .occupation:
            if occupation.handle(key) { defaultedOccupation = nil }
        case .issueDate: _ = issueDate.handle(key)
        case .issuer: _ = issuer.handle(key)
        }
        revalidate(ctx)
        return []
    }

    func move(_ delta: Int) {
        touched.insert(focus)
        let fields = order
        let i = fields.firstIndex(of: focus) ?? 0
        focus = fields[(i + delta + fields.count) % fields.count]
    }

    func cycle(_ field: Field, _ delta: Int, _ ctx: ScreenContext) {
        func step<T: Equatable>(_ all: [T?], _ value: T?) -> T? {
            // Nothing chosen yet: Space/→ takes the first, ← the last.
            guard let i = all.firstIndex(of: value) else { return delta > 0 ? all.first! : all.last! }
            return all[(i + delta + all.count) % all.count]
        }
        switch field {
        case .type: setType(step(CertificateType.allCases, type) ?? CertificateType.allCases[0])
        case .level: level = step(SkillLevel.allCases, level) ?? SkillLevel.allCases[0]
        case .trainingClass: setClass(step([nil] + classes.map { $0.row.id }, classID))
        default: break
        }
        revalidate(ctx)
    }

    func setType(_ t: CertificateType) {
        type = t
        if !t.hasLevel { level = nil } else if level == nil, let c = chosenClass { level = SkillLevel(rawValue: c.row.level) }
    }

    /// Choosing a class fills in its occupation (unless the clerk typed one) and, for types
    /// that state a level, its level if none was chosen.
    func setClass(_ id: Int64?) {
        classID = id
        guard let c = chosenClass else { return }
        if occupation.text.isEmpty || occupation.text == defaultedOccupation {
            occupation = TextField(text: c.row.occupationCode, maxLength: 20)
            defaultedOccupation = c.row.occupationCode
        }
        if levelEnabled, level == nil { level = SkillLevel(rawValue: c.row.level) }
    }

    func openPrompt(_ field: Field, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let list: PromptList
        switch field {
        case .type:
            list = PromptList(title: lang[.certChooseType],
                                items: CertificateType.allCases.map { ($0.rawValue, $0.label(lang)) })
        case .level:
            list = PromptList(title: lang[.certChooseLevel],
                                items: SkillLevel.allCases.map { ($0.rawValue, $0.label(lang)) })
        case .occupation:
            list = PromptList(title: lang[.certChooseOccupation], items: occupations.map { ($0.code, $0.name) })
        case .trainingClass:
            list = PromptList(title: lang[.certChooseClass],
                                items: [("—", lang[.certNoClass])] + classes.map { ("\($0.row.id)", classLabel($0, lang)) })
        default:
            return
        }
        overlay = .choose(list, field)
    }

    func classLabel(_ c: WorkerArchive.Class, _ lang: Lang) -> String {
        [c.row.occupationCode, c.occupationName ?? "", c.levelLabel(lang), c.row.startDate + "–" + c.row.endDate]
            .filter { !$0.isEmpty }.joined(separator: " ")
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
            guard let code = codes.first else { return [] }
            switch field {
            case .type: if let t = CertificateType(rawValue: code) { setType(t) }
            case .level: level = SkillLevel(rawValue: code)
            case .occupation:
                occupation = TextField(text: code, maxLength: 20)
                defaultedOccupation = nil
            case .trainingClass: setClass(Int64(code))
            default: break
            }
            touched.insert(field)
            revalidate(ctx)
        }
        return []
    }

    // MARK: checks and saving

    /// Asks `CertificateDraft.validate` (the use case's rule) and puts each field's error beside
    /// the field. What only the store knows (the catalogue, duplicates) is checked on save.
    func revalidate(_ ctx: ScreenContext) {
        errors = [:]
        guard case .failure(let v) = draft().validate(today: ctx.desk.today()) else { return }
        for (field, error) in v.errors {
            guard let f = Field(field) else { continue }
            errors[f] = Self.note(error, ctx.lang)
        }
    }

    /// A rule's error as the note beside its field, in the form's short words where it has them.
    static func note(_ error: CertificateDraftError, _ lang: Lang) -> String {
        switch error {
        case .badType: lang[.certTypeRequired]
        case .number(.forbidden): error.message(lang)
        case .number: lang.format(.certNumberRequired, String(CertificateDraft.maxNumber))
        case .occupationNotFound: lang[.certOccupationRequired]
        case .levelRequired, .levelNotStated: lang[.certLevelRequired]
        case .issueDate: lang[.certDateInvalid]
        case .issuedAfterToday, .issuer, .workerNotRegistered, .classNotFound: error.message(lang)
        }
    }

    func draft() -> CertificateDraft {
        var d = CertificateDraft()
        d.worker = worker.id
        d.type = type?.rawValue ?? ""
        d.number = number.text
        d.occupation = occupation.text
        d.level = levelEnabled ? (level?.rawValue ?? "") : ""
        d.issueDate = issueDate.text
        d.issuer = issuer.text
        d.classID = classID
        return d
    }

    func save(_ ctx: ScreenContext) -> [Effect] {
        saveAttempted = true
        touched = Set(Field.allCases)
        revalidate(ctx)
        guard errors.isEmpty else { return [.message(ctx.lang[.fixErrors], .error)] }
        guard let s = ctx.session else { return [] }
        if let e = editing { return saveCorrection(e, s, ctx) }
        do {
            let result = try s.addCertificate(draft())
            let name = result.row.typeLabel(ctx.lang) + " " + result.row.number
            if result.warnings.isEmpty {
                return [.pop, .message(ctx.lang.format(.certSaved, name), .ok)]
            }
            let warnings = result.warnings.map { $0.message(ctx.lang) }.joined(separator: "; ")
            // The number only: the warning must fit on the message line.
            return [.pop, .message(ctx.lang.format(.certSavedWarn, result.row.number, warnings), .warning)]
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
        // ignoring is right: a stored ID is valid when registered; one that no longer parses is shown as stored.
        let masked = (try? ResidentID.parse(worker.id, today: ctx.desk.today()).get())?.masked ?? worker.id
        FormLayout.drawRow(into: &canvas, x: 1, y: y, label: lang[.certHolder], labelWidth: labelWidth, field: nil,
                           fieldWidth: body.width - labelWidth - 2,
                           value: Sanitize.forDisplay(worker.name) + "  " + masked)
        y += 2
        var caret: CursorPosition?
        for field in Field.allCases {
            let focused = field == focus && overlay == nil
            let showError = touched.contains(field) || saveAttempted
            var note = showError ? errors[field] : nil
            var noteStyle = Style.error
            var value: String?
            var textField: TextField?
            let label: String
            switch field {
            case .type:
                label = lang[.certType]
                value = type?.label(lang) ?? "—"
                if note == nil { note = lang[.f4Choose]; noteStyle = .dim }
            case .number:
                label = lang[.certNumber]; textField = number
            case .occupation:
                label = lang[.certOccupation]; textField = occupation
                if note == nil {
                    let code = occupation.text.trimmedWhitespace()
                    if code.isEmpty {
                        note = lang[.f4Choose]; noteStyle = .dim
                    } else if let name = occupationName(code) {
                        note = name; noteStyle = .dim
                    } else if showError {
                        note = lang[.certOccupationUnknown]
                    }
                }
            case .level:
                label = lang[.certLevel]
                if levelEnabled {
                    value = level?.label(lang) ?? "—"
                    if note == nil { note = lang[.f4Choose]; noteStyle = .dim }
                } else {
                    value = lang[.noneDash]; note = lang[.certNoLevel]; noteStyle = .dim
                }
            case .issueDate:
                label = lang[.certIssueDate]; textField = issueDate
                if note == nil {
                    let date = issueDate.text.trimmedWhitespace()
                    if let c = chosenClass, CalendarDate(iso: date) != nil, date < c.row.startDate {
                        note = CertificateWarning.issuedBeforeClass(classID: c.row.id, start: c.row.startDate).message(lang)
                        noteStyle = .warning
                    } else if date.isEmpty {
                        note = lang[.certDateHint]; noteStyle = .dim
                    }
                }
            case .issuer:
                label = lang[.certIssuer]; textField = issuer
            case .trainingClass:
                label = lang[.certClass]
                if let c = chosenClass {
                    value = "\(c.row.id)  " + c.row.startDate + "–" + c.row.endDate
                    note = [c.occupationName ?? c.row.occupationCode, c.levelLabel(lang)].joined(separator: " ")
                    noteStyle = .dim
                } else {
                    value = lang[.certNoClass]
                    note = classes.isEmpty ? nil : lang[.f4Choose]; noteStyle = .dim
                }
            }
            if !showError || errors[field] == nil, let c = conflict?.note(field, lang) { note = c; noteStyle = .warning }
            FormLayout.drawRow(into: &canvas, x: 1, y: y, label: label, labelWidth: labelWidth,
                               field: textField, fieldWidth: fieldWidth,
                               value: textField == nil ? value.map(Sanitize.forDisplay) : nil, focused: focused,
                               note: note.map(Sanitize.forDisplay), noteStyle: noteStyle)
            if focused {
                if let c = canvas.cursor, textField != nil { caret = c } else { caret = CursorPosition(x: 1 + labelWidth, y: y) }
            }
            y += 1
        }
        canvas.cursor = caret
        if overlay != nil {
            overlay.draw(into: &canvas, in: body)
            canvas.cursor = nil
        }
    }
}

extension CertificateFormScreen {
    /// F2 on a correction: saved against the version opened; W1 warnings are said as for a new one.
    func saveCorrection(_ e: CertificateRow, _ s: Session, _ ctx: ScreenContext) -> [Effect] {
        do {
            let result = try s.updateCertificate(e.id, draft(), version: e.version)
            let done = ctx.lang.format(.certUpdated, result.row.number)
            if result.warnings.isEmpty { return [.pop, .message(done, .ok)] }
            return [.pop, .message(done + "; " + result.warnings.map { $0.message(ctx.lang) }.joined(separator: "; "), .warning)]
        } catch {
            // Another user's correction meanwhile: keep what was typed beside theirs.
            if let latest = screenLog.attempt("reading a certificate after a refused save", { try s.certificate(id: e.id) }),
               latest.version != e.version, !latest.isVoided {
                return keepTyped(latest, s, ctx)
            }
            // Whole, in a box: a refusal names the claim resting on the certificate and what to do.
            overlay = .dialog(CertificateCorrection.refusal(describe(error, ctx.lang), ctx.lang))
            return []
        }
    }
}
