import SkillCore
import SkillDesk
import TermUI

/// One class's attendance: trainees down, class days across, each cell the day's hours
/// ("4+2" = 4 classroom + 2 online). Each committed cell is stored at once through
/// `Session.attend`; a refusal reverts the cell (more than 24 hours a day across classes is one),
/// a W2 warning shows on the message line and stays in the W2 panel under the grid, with the
/// trainee's name and the other class's number, occupation and institution (issue 12).
/// A clerk also enrols workers here (F6) and moves the class one status step on (F8, after
/// a confirmation); the status is in the title.
public final class AttendanceGridScreen: Screen {
    let classID: Int64
    var sheet: AttendanceSheet
    var grid: EditGrid
    var days: [CalendarDate] = []
    var workerIDs: [String] = []
    var status = ClassStatus.closed
    var editable = false
    /// The user may manage classes (enrol, move the status); fixed for the screen's life.
    let manages: Bool
    /// The one overlay open (keys go to it first; it is drawn last).
    enum Overlay: OverlayCase {
        /// The enrolment prompt: resident IDs separated by spaces or commas.
        case enrol(TextPrompt)
        /// A completed class's roster correction: first the resident IDs, then the reason.
        case rosterIDs(TextPrompt)
        case rosterReason(TextPrompt, [String])
        /// F4 in the enrolment (or roster-correction) prompt: workers found by name, ID or phone;
        /// Space marks, Enter enrols every marked one (or asks the correction's reason). The prompt
        /// it came from is kept to return to.
        case findWorkers(PromptList, TextPrompt, correcting: Bool)
        /// The confirmation of a status step, and the status it moves to.
        case step(Dialog, ClassStatus)
        /// F7's report: the training claims created for every completed trainee, and who was skipped.
        case claimsReport(Dialog)

        var widget: OverlayWidget {
            switch self {
            case let .enrol(p), let .rosterIDs(p), let .rosterReason(p, _): .prompt(p)
            case let .findWorkers(l, _, _): .list(l)
            case let .step(d, _), let .claimsReport(d): .dialog(d)
            }
        }
    }
    var overlay: Overlay?

    public init(classID: Int64, session: Session, ctx: ScreenContext) throws {
        self.classID = classID
        sheet = try session.attendanceSheet(classID: classID)
        manages = session.can(.manageClasses)
        grid = EditGrid(rowHeaders: [], columnHeaders: [])
        build(ctx)
    }

    /// Rows, columns, editability and cells from `sheet`; the cursor stays where it was if it still fits.
    func build(_ ctx: ScreenContext) {
        let cursor = grid.cursor
        status = sheet.detail.row.status
        editable = manages && status.acceptsAttendance
        days = []
        if let start = CalendarDate(iso: sheet.detail.row.startDate), let end = CalendarDate(iso: sheet.detail.row.endDate),
           start <= end {
            // Bounded: a stored end changed behind the program's back must not make millions of columns.
            days = (0...min(start.days(to: end), ClassSpan.maxDays - 1)).map { start.adding(days: $0) }
        }
        workerIDs = sheet.detail.roster.map(\.workerID)
        grid = EditGrid(rowHeaders: workerIDs.map { sheet.names[$0] ?? $0 },
                        columnHeaders: days.map { String($0.description.dropFirst(5)) },
                        cornerTitle: ctx.lang[.colTrainee], rowHeaderWidth: 14, cellWidth: 5,
                        summaryHeaders: [ctx.lang[.colCounted], ctx.lang[.colDone]], summaryWidths: [9, 4],
                        filter: .decimal)
        if !editable {
            for r in 0..<grid.rowCount { for c in 0..<grid.columnCount { grid.readOnly.insert(GridPosition(row: r, column: c)) } }
        }
        if grid.contains(cursor) { grid.cursor = cursor }
        fill()
    }
    /// Cells and summaries from `sheet`.
    func fill() {
        let col = Dictionary(uniqueKeysWithValues: days.enumerated().map { ($1.description, $0) })
        let row = Dictionary(uniqueKeysWithValues: workerIDs.enumerated().map { ($1, $0) })
        var cells = Array(repeating: Array(repeating: "", count: days.count), count: workerIDs.count)
        for a in sheet.days {
            guard let r = row[a.workerID], let c = col[a.date] else { continue }
            cells[r][c] = Self.cellText(a)
        }
        grid.cells = cells
        let planned = sheet.detail.row.plannedHours
        let rule = sheet.detail.rule
        grid.summaries = sheet.detail.roster.map { t in
            [Hours.text(t.countedMinutes) + "/" + String(planned),
             rule.isComplete(countedMinutes: t.countedMinutes, plannedHours: planned) ? "✓" : "·"]
        }
    }

    static func cellText(_ a: AttendanceRow) -> String {
        DayHours.text(classroom: a.classroomMinutes, online: a.onlineMinutes)
    }

    /// "8" → (480, 0); "4+2" → (240, 120); "" → (0, 0); nil if not hours.
    static func parse(_ text: String) -> (classroom: Int, online: Int)? { DayHours.parse(text) }

    public func title(_ ctx: ScreenContext) -> String {
        let r = sheet.detail.row
        let level = SkillLevel(rawValue: r.level)?.label(ctx.lang) ?? r.level
        return ctx.lang.format(.gridTitle, r.id, status.label(ctx.lang), sheet.occupationName, level,
                               sheet.institutionName, ClassListScreen.dates(r), r.plannedHours)
    }

    public func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] {
        let lang = ctx.lang
        switch overlay {
        case .enrol?: return [("Enter", lang[.keyEnrol]), ("F4", lang[.keyFindWorkers]), ("F12", lang[.keyCancel])]
        case .findWorkers?: return [("Space", lang[.keyToggle]), ("Enter", lang[.keyEnrol]), ("F12", lang[.keyCancel])]
        case .rosterIDs?: return [("Enter", lang[.keyNextField]), ("F4", lang[.keyFindWorkers]), ("F12", lang[.keyCancel])]
        case .rosterReason?: return [("Enter", lang[.keyRosterFix]), ("F12", lang[.keyCancel])]
        default: break
        }
        var manage: [(key: String, label: String)] = []
        if manages {
            if status.takesEnrolments { manage.append(("F6", lang[.keyEnrol])) }
            if status.takesRosterCorrection { manage.append(("F6", lang[.keyRosterFix])) }
            if let next = status.next { manage.append(("F8", Self.stepLabel(next, lang))) }
        }
        if ctx.session?.can(.prepareClaims) == true && (status == .completed || status == .closed) {
            manage.append(("F7", lang[.keyClassClaims]))
        }
        if !editable { return [("F3", lang[.keyBack]), ("F5", lang[.keyRefresh])] + manage + [("↑↓←→", lang[.keyMove])] }
        return [("F2", lang[.keySave]), ("F3", lang[.keyBack])] + manage + [("F9", lang[.keyDup]),
                ("Enter", lang[.keyNextCell]), ("↑↓←→", lang[.keyMove]), ("F12", lang[.keyCancel])]
    }

    /// "Start", "Complete", "Close": the step that moves a class to `target`.
    static func stepLabel(_ target: ClassStatus, _ lang: Lang) -> String {
        switch target {
        case .running: lang[.stepStart]
        case .completed: lang[.stepComplete]
        default: lang[.stepClose]
        }
    }

    public func help(_ ctx: ScreenContext) -> [String] {
        [ctx.lang[.helpGrid]] + (manages ? [ctx.lang[.helpGridManage]] : []) + [ctx.lang[.helpKeyList], ctx.lang[.helpOther]]
    }

    /// Reads the class again and rebuilds the grid (the roster or status changed).
    func rebuild(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        do {
            sheet = try s.attendanceSheet(classID: classID)
            build(ctx)
            return []
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    // MARK: status steps (enrolment and roster corrections: AttendanceGridRoster.swift)

    func askStep(_ ctx: ScreenContext) -> [Effect] {
        let lang = ctx.lang
        guard let next = status.next else {
            return [.message(lang.format(.classNoNextStep, classID, status.label(lang)), .warning)]
        }
        let step = Self.stepLabel(next, lang)
        var message = [lang.format(.stepMessage, classID, status.label(lang), next.label(lang))]
        if next == .closed { message.append(lang[.stepCloseFinal]) }
        overlay = .step(Dialog(title: lang.format(.stepTitle, step), message: message, buttons: [step, lang[.keyCancel]]), next)
        return []
    }

    func handleDialog(_ key: Key, _ dialog: Dialog, target: ClassStatus, _ ctx: ScreenContext) -> [Effect] {
        var d = dialog
        switch d.handle(key) {
        case .none:
            overlay = .step(d, target)
            return []
        case .cancelled, .button(1...):
            overlay = nil
            return []
        case .button:
            overlay = nil
            guard let s = ctx.session else { return [] }
            do {
                switch target {
                case .running: _ = try s.startClass(classID)
                case .completed: _ = try s.completeClass(classID)
                default: _ = try s.closeClass(classID)
                }
                return rebuild(ctx) + [.message(ctx.lang.format(.stepDone, classID, target.label(ctx.lang)), .ok)]
            } catch {
                return rebuild(ctx) + [.message(describe(error, ctx.lang), .error)]
            }
        }
    }

    func reload(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        do {
            sheet = try s.attendanceSheet(classID: classID)
            fill()
            return []
        } catch {
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    /// Stores one committed cell, or reverts it.
    func apply(_ edit: GridEdit, _ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session, edit.position.row < workerIDs.count, edit.position.column < days.count else { return [] }
        guard let (classroom, online) = Self.parse(edit.new) else {
            grid.revert(edit)
            return [.message(ctx.lang.format(.hoursInvalid, edit.new), .error)]
        }
        do {
            let result = try s.attend(classID: classID, workerID: workerIDs[edit.position.row], date: days[edit.position.column],
                                      classroomMinutes: classroom, onlineMinutes: online)
            let effects = reload(ctx)
            if !result.warnings.isEmpty {
                return effects + [.message(result.warnings.map { $0.message(ctx.lang) }.joined(separator: "; "), .warning)]
            }
            return effects
        } catch {
            grid.revert(edit)
            return [.message(describe(error, ctx.lang), .error)]
        }
    }

    func commitPending(_ ctx: ScreenContext) -> [Effect] {
        guard let edit = grid.commitEdit() else { return [] }
        return apply(edit, ctx)
    }

    public func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch overlay {
        case let .step(d, target)?: return handleDialog(key, d, target: target, ctx)
        case let .enrol(p)?: return handleEnrol(key, p, ctx)
        case .rosterIDs?, .rosterReason?: return handleRosterFix(key, ctx)
        case let .findWorkers(l, p, correcting)?: return handleFindWorkers(key, l, p, correcting: correcting, ctx)
        case var .claimsReport(r)?:
            overlay = r.handle(key) == .none ? .claimsReport(r) : nil
            return []
        case nil: break
        }
        switch key {
        case .function(7) where ctx.session?.can(.prepareClaims) == true && (status == .completed || status == .closed):
            return commitPending(ctx) + classClaims(ctx)
        case .function(6) where manages && status.takesRosterCorrection:
            let effects = commitPending(ctx)
            overlay = .rosterIDs(TextPrompt(title: ctx.lang.format(.rosterFixTitle, classID), hint: ctx.lang[.rosterFixHint],
                                            maxLength: 2_000, required: false))
            return effects
        case .function(6) where manages:
            let effects = commitPending(ctx)
            overlay = .enrol(TextPrompt(title: ctx.lang.format(.enrolTitle, classID), hint: ctx.lang[.enrolHint],
                                        maxLength: 2_000, required: false))
            return effects
        case .function(8) where manages:
            return commitPending(ctx) + askStep(ctx)
        case .function(6), .function(8):
            return [.message(ctx.lang[.notPermittedClass], .warning)]
        case .function(3):
            return commitPending(ctx) + [.pop]
        case .function(2):
            return commitPending(ctx)
        case .function(5):
            return commitPending(ctx) + reload(ctx)
        case .function(12):  // Escape is no navigation key (DECISIONS.md)
            return [.pop]
        case .function(9), .ctrl("d"):
            guard editable else { return [.message(ctx.lang[.readOnly], .warning)] }
            guard let edit = grid.duplicateFromAbove() else { return [] }
            return apply(edit, ctx)
        default:
            break
        }
        switch grid.handle(key) {
        case let .committed(edit):
            return apply(edit, ctx)
        case .none, .moved:
            return []
        case .unhandled:
            if !editable, case .char = key { return [.message(ctx.lang[.readOnly], .warning)] }
            return []
        }
    }

    /// F7: a draft training claim for every trainee the rules allow (`newClaims(forClass:kind:)`),
    /// the report in a dialog.
    func classClaims(_ ctx: ScreenContext) -> [Effect] {
        guard let s = ctx.session else { return [] }
        let lang = ctx.lang
        do {
            let r = try s.newClaims(forClass: classID, kind: .training)
            let names = sheet.names
            var lines = [lang.format(.classClaimsCreated, r.created.count)]
            lines += r.created.map { "  " + ClaimText.number($0) + " " + (names[$0.workerID] ?? $0.workerID) + " " + Money.format(fen: $0.amountFen) }
            if !r.skipped.isEmpty {
                lines.append(lang.format(.classClaimsSkipped, r.skipped.count))
                lines += r.skipped.map { "  " + (names[$0.worker] ?? $0.worker) + "：" + $0.reason.message(lang) }
            }
            overlay = .claimsReport(Dialog(title: lang.format(.classClaimsTitle, String(classID)), message: lines, buttons: [lang[.close]]))
            return []
        } catch {
            return [.message(describe(error, lang), .error)]
        }
    }

    /// The W2 panel's rows: a heading, then one row per day elsewhere (trainee name first), at most
    /// `room` rows — the last says how many more when they do not all fit.
    func warningRows(_ lang: Lang, room: Int) -> [String] {
        let all = sheet.elsewhere
        guard !all.isEmpty, room >= 2 else { return [] }
        var rows = [lang[.gridW2Title]]
        let fit = all.count <= room - 1 ? all.count : room - 2
        for e in all.prefix(fit) { rows.append("  " + (sheet.names[e.workerID] ?? e.workerID) + " " + e.day.text(lang)) }
        if fit < all.count { rows.append("  " + lang.format(.gridW2More, all.count - fit)) }
        return rows
    }

    public func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
        // The W2 panel takes up to 4 rows above the rule line, never more than a third of the body.
        let panel = warningRows(ctx.lang, room: min(4, max(0, (body.height - 2) / 3)))
        for (i, row) in panel.enumerated() {
            canvas.put(row, x: 1, y: body.maxY - 1 - panel.count + i, style: i == 0 ? .warning : .plain, maxWidth: body.width - 2)
        }
        let rect = Rect(x: 1, y: body.y, width: body.width - 2, height: max(1, body.height - 2 - panel.count))
        grid.layout(in: rect)
        grid.draw(into: &canvas, at: rect, focused: true)
        if grid.rowCount == 0 {
            let hint = manages && status != .closed ? ctx.lang[.noTraineesEnrol] : ctx.lang[.noTrainees]
            canvas.put(hint, x: 3, y: rect.y + 2, style: .dim, maxWidth: max(0, rect.width - 3))
        }
        let rule = sheet.detail.rule
        let line = ctx.lang.format(.attendanceRule, rule.onlinePercent,
                                   Hours.text(rule.minutesToComplete(plannedHours: sheet.detail.row.plannedHours)),
                                   rule.completionPercent)
        canvas.put(line, x: 1, y: body.maxY - 1, style: .dim, maxWidth: body.width - 2)
        overlay.draw(into: &canvas, in: body)
    }
}
