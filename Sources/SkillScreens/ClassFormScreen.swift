import SkillCore
import SkillDesk
import TermUI

/// Opening a training class (开班). Each field is checked against the catalogue as it is typed, by
/// the same rule the use case applies (`ClassDraft.validate`, given the catalogue the form read:
/// the institution must be active and may train the occupation at the level); F4 lists the
/// values that fit what is chosen so far. Saving goes through `Session.addClass`, which checks
/// everything again: its refusal is shown on the message line and nothing is written.
public final class ClassFormScreen: Screen {
    enum Field: CaseIterable {
        case institution, occupation, level, type, start, end, hours

        init(_ f: ClassField) {
            switch f {
            case .institution: self = .institution
            case .occupation: self = .occupation
            case .level: self = .level
            case .type: self = .type
            case .start: self = .start
            case .end: self = .end
            case .hours: self = .hours
            }
        }
    }

    var fields: [Field: TextField] = [:]
    var type: TrainingType?
    var focus = 0
    var touched: Set<Field> = []
    var saveAttempted = false
    var errors: [Field: String] = [:]
    /// The one overlay open (keys go to it first; it is drawn last).
    var overlay: FormKit.Overlay<Field>?
    /// The catalogue the checks and lists use, read once when the form opens.
    var institutions: [InstitutionRow] = []
    var occupations: [OccupationRow] = []

    public init(ctx: ScreenContext) {
        fields[.institution] = TextField(maxLength: 18)
        fields[.occupation] = TextField(maxLength: 12)
        fields[.level] = TextField(maxLength: 8)
        fields[.start] = TextField(maxLength: 10)
        fields[.end] = TextField(maxLength: 10)
        fields[.hours] = TextField(maxLength: ClassDraft.plannedHoursDigits, filter: .digits)
        if let s = ctx.session {
            institutions = screenLog.attempt("listing institutions") { try s.institutions(limit: 100_000) } ?? []
            occupations = screenLog.attempt("listing occupations") { try s.occupations(limit: 100_000) } ?? []
        }
        revalidate(ctx)
    }

    var current: Field { Field.allCases[focus] }

    func text(_ f: Field) -> String { (fields[f]?.text ?? "").trimmedWhitespace() }

    /// What the use-case layer is given.
    var draft: ClassDraft {
        var d = ClassDraft()
        d.institution = text(.institution); d.occupation = text(.occupation); d.level = text(.level)
        d.type = type?.rawValue ?? ""; d.start = text(.start); d.end = text(.end); d.plannedHours = text(.hours)
        return d
    }

    var isDirty: Bool { type != nil || Field.allCases.contains { !text($0).isEmpty } }
    public var hasUnsavedChanges: Bool { isDirty }

    var institution: InstitutionRow? {
        let code = text(.institution).uppercased()
        return institutions.first { $0.code == code }
    }

    var occupation: OccupationRow? {
        let code = text(.occupation)
        return occupations.first { $0.code == code }
    }

    /// Occupation codes the chosen institution may train (at any level), in its order.
    var trainable: [String] {
        var seen: [String] = []
        for s in institution?.mayTrain ?? [] where !seen.contains(s.occupationCode) { seen.append(s.occupationCode) }
        return seen
    }

    var trainableLevels: [SkillLevel] {
        let occ = text(.occupation)
        let codes = Set((institution?.mayTrain ?? []).filter { $0.occupationCode == occ }.map(\.level))
        return SkillLevel.allCases.filter { codes.contains($0.rawValue) }
    }

    static func label(_ f: Field, _ lang: Lang) -> String {
        switch f {
        case .institution: lang[.classFieldInstitution]
        case .occupation: lang[.classFieldOccupation]
        case .level: lang[.classFieldLevel]
        case .type: lang[.classFieldType]
        case .start: lang[.classFieldStart]
        case .end: lang[.classFieldEnd]
        case .hours: lang[.classFieldHours]
        }
    }

    // MARK: checks

    /// The catalogue facts the rule needs, from the lists read when the form opened. The
    /// occupation's levels on the start date are left to the use case (the list is today's).
    var catalogueFacts: ClassCatalogueFacts {
        ClassCatalogueFacts(institution: institution.map(ClassCatalogueFacts.InstitutionFacts.init),
                            occupation: occupation == nil ? .unknown : .listed)
    }

    /// Asks `ClassDraft.validate` and puts each field's error beside the field, in the form's
    /// short words; an empty field says only that it is required.
    func revalidate(_ ctx: ScreenContext) {
        let lang = ctx.lang
        var e: [Field: String] = [:]
        if case .failure(let v) = draft.validate(catalogue: catalogueFacts) {
            for (field, error) in v.errors { e[Field(field)] = Self.note(error, field, lang) }
        }
        for f in Field.allCases where f == .type ? type == nil : text(f).isEmpty { e[f] = lang[.classNeedValue] }
        errors = e
    }

    /// A rule's error as the note beside its field.
    static func note(_ error: ClassDraftError, _ field: ClassField, _ lang: Lang) -> String {
        switch error {
        case .badLevel: lang[.classBadLevel]
        case .badType, .noClassDays: lang[.classNeedValue]
        case .startDate, .endDate: lang[.classBadDate]
        case .endBeforeStart: lang[.classEndBeforeStart]
        case .badHours: lang.format(.classBadHours, String(ClassDraft.maxPlannedHours))
        case .institutionNotFound: lang[.classNoInstitution]
        case .institutionInactive(_, let status): lang.format(.classInstitutionInactive, status.label(lang))
        case .occupationNotFound: lang[.classNoOccupation]
        case .mayNotTrain: field == .level ? lang[.classMayNotTrainLevel] : lang[.classMayNotTrain]
        case .tooManyDays, .occupationLacksLevel: error.message(lang)
        }
    }

    // MARK: keys

    public func title(_ ctx: ScreenContext) -> String { ctx.lang[.newClass] }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        FormKit.footer(ctx.lang)
    }

    public func help(_ ctx: ScreenContext) -> [String] { [ctx.lang[.helpClassForm], ctx.lang[.helpForm]] }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch overlay {
        case let .dialog(d)?: return FormKit.handleDiscard(key, d, overlay: &overlay, as: FormKit.Overlay.dialog)
        case .choose?: return handlePrompt(key, ctx)
        case nil: break
        }
        switch key {
        case .function(2), .ctrl("s"):
            return save(ctx)
        case .function(3), .function(12):
            return FormKit.leave(isDirty: isDirty, overlay: &overlay, as: FormKit.Overlay.dialog, ctx.lang)
        case .function(4):
            openPrompt(ctx)
            return []
        case .tab, .down, .enter:
            move(+1)
            return []
        case .backTab, .up:
            move(-1)
            return []
        default:
            break
        }
        if current == .type {
            if key == .char(" ") || key == .right || key == .left { cycleType(key == .left ? -1 : 1) }
        } else if var tf = fields[current] {
            _ = tf.handle(key)
            fields[current] = tf
        }
        revalidate(ctx)
        return []
    }

    func move(_ delta: Int) {
        touched.insert(current)
        focus = (focus + delta + Field.allCases.count) % Field.allCases.count
    }

    /// The types a class can have (direct appraisal has no class).
    static let types = TrainingType.allCases.filter(\.hasClassDays)

    func cycleType(_ delta: Int) {
        let all = Self.types
        let i = type.flatMap { all.firstIndex(of: $0) } ?? (delta > 0 ? -1 : 0)
        type = all[(i + delta + all.count) % all.count]
    }

    func openPrompt(_ ctx: ScreenContext) {
        let lang = ctx.lang
        let items: [(code: String, label: String)]
        switch current {
        case .institution:
            items = institutions.filter { $0.status == .active }.map { ($0.code, $0.name) }
        case .occupation:
            let names = Dictionary(occupations.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            items = trainable.map { ($0, names[$0] ?? "") }
        case .level:
            items = trainableLevels.map { ($0.rawValue, $0.label(lang)) }
        case .type:
            items = Self.types.map { ($0.rawValue, $0.label(lang)) }
        default:
            return
        }
        guard !items.isEmpty else {
            overlay = .dialog(Dialog(title: Self.label(current, lang), message: [lang[.classListEmpty]], buttons: [lang[.close]]))
            return
        }
        // The lookup starts filtered by what the field holds (part of a code, or a name typed
        // where the code goes), issue 12.
        var list = PromptList.lookup(title: Self.label(current, lang), items: items,
                                     typed: current == .institution || current == .occupation ? text(current) : "")
        if list.visibleItems.isEmpty { list.filter = "" }   // a complete code that names nothing here
        list.maxCodeWidth = 18  // a credit code whole
        overlay = .choose(list, current)
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
            if field == .type {
                type = TrainingType(rawValue: code)
            } else {
                fields[field]?.text = code
                fields[field]?.caret = code.count
            }
            touched.insert(field)
            revalidate(ctx)
        }
        return []
    }

    func save(_ ctx: ScreenContext) -> [Effect] {
        saveAttempted = true
        touched = Set(Field.allCases)
        revalidate(ctx)
        if let f = Field.allCases.first(where: { errors[$0] != nil }), let e = errors[f] {
            focus = Field.allCases.firstIndex(of: f)!
            return [.message(ctx.lang.format(.classFieldError, Self.label(f, ctx.lang), e), .error)]
        }
        guard let s = ctx.session else { return [] }
        do {
            let row = try s.addClass(draft)
            let opened = Effect.message(ctx.lang.format(.classOpened, row.id), .ok)
            // The new class's grid replaces the form; should it not open, the list shows the class.
            guard let grid = screenLog.attempt("opening the new class's grid", {
                try AttendanceGridScreen(classID: row.id, session: s, ctx: ctx)
            }) else { return [.pop, opened] }
            return [.pop, .push(grid), opened]
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    // MARK: drawing

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        let lang = ctx.lang
        let labelWidth = 18
        let fieldWidth = 20
        var y = body.y + 1
        var caret: CursorPosition?
        for (i, field) in Field.allCases.enumerated() {
            let focused = i == focus && overlay == nil
            let typed = !text(field).isEmpty
            let showError = saveAttempted || touched.contains(field) || (typed && errors[field] != lang[.classNeedValue])
            var note: String? = showError ? errors[field] : nil
            var noteStyle = Style.error
            if note == nil {
                noteStyle = .dim
                switch field {
                case .institution: note = institution?.name
                case .occupation: note = occupation?.name
                case .level: note = SkillLevel.parse(text(.level)).map { $0.rawValue + " " + $0.label(lang) }
                case .start, .end: note = typed ? nil : lang[.classDateHint]
                default: break
                }
                if note == nil, [.institution, .occupation, .level, .type].contains(field) { note = lang[.f4Choose] }
            }
            let value: String? = field == .type ? (type.map { $0.label(lang) } ?? "—") : nil
            FormLayout.drawRow(into: &canvas, x: 1, y: y, label: Self.label(field, lang), labelWidth: labelWidth,
                               field: field == .type ? nil : fields[field], fieldWidth: fieldWidth, value: value,
                               focused: focused, note: note, noteStyle: noteStyle)
            if focused {
                if field != .type, let c = canvas.cursor { caret = c } else { caret = CursorPosition(x: 1 + labelWidth, y: y) }
            }
            y += 1
        }
        canvas.put(lang[.classFormHint], x: 1, y: y + 1, style: .dim, maxWidth: body.width - 2)
        canvas.cursor = caret
        if overlay != nil {
            overlay.draw(into: &canvas, in: body)
            canvas.cursor = nil
        }
    }
}
