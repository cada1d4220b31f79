import ArgumentParser
import Foundation
import SkillCore
import SkillDesk
import TermUI

struct ClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class", abstract: "Training classes (培训班): clerks open them, enrol workers and move them on.",
        subcommands: [ClassAdd.self, ClassList.self, ClassShow.self, ClassEnrol.self, ClassCorrectRoster.self,
                      ClassStart.self, ClassComplete.self, ClassClose.self])
}

struct ClassAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Open a training class (clerks).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The institution's unified social credit code.") var institution: String
    @Option(help: "Occupation code, e.g. 6-31-01-03 (in force on the start date).") var occupation: String
    @Option(help: "Level.") var level: SkillLevel
    @Option(help: "Training type.") var type: TrainingType
    @Option(help: "First day (YYYY-MM-DD).") var start: String
    @Option(help: "Last day (YYYY-MM-DD).") var end: String
    @Option(help: "Planned hours (whole hours).") var hours: String
    @OptionGroup var output: JSONOption

    func run() throws {
        try global.runAsUser(json: output.json) { session, _ in
            var d = ClassDraft()
            d.institution = institution; d.occupation = occupation; d.level = level.rawValue; d.type = type.rawValue
            d.start = start; d.end = end; d.plannedHours = hours
            let row = try session.addClass(d)
            if output.json { Output.printJSON(ClassSnapshot(try session.trainingClass(row.id))) }
            else { Output.line(String(row.id)) }
        }
    }
}

struct ClassList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List training classes, newest first.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var csv: CSVExportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            if try ListExportCLI.run(session, .classes(search: ""), csv, json: output.json, lang: lang) { return }
            let rows = try session.trainingClasses()
            if output.json { Output.printJSON(rows.map { ClassSnapshot($0, roster: [], rule: session.attendanceRule) }); return }
            for r in rows {
                let status = r.status.label(lang)
                Output.line([String(r.id), r.institution, r.occupationCode, r.level, r.type.rawValue,
                             "\(r.startDate)–\(r.endDate)", "\(r.plannedHours)h", status].joined(separator: "  "))
            }
        }
    }
}

struct ClassShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a class with its roster and counted hours.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Class number.") var id: Int64
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let detail = try session.trainingClass(id)
            let snap = ClassSnapshot(detail)
            if output.json { Output.printJSON(snap); return }
            let zh = lang == .zh, r = detail.row
            let fields: [(String, String)] = [
                (zh ? "编号" : "Class", String(r.id)), (zh ? "机构" : "Institution", r.institution),
                (zh ? "职业" : "Occupation", r.occupationCode),
                (zh ? "等级" : "Level", SkillLevel(rawValue: r.level)?.label(lang) ?? r.level),
                (zh ? "培训类型" : "Type", r.type.label(lang)),
                (zh ? "日期" : "Dates", "\(r.startDate)–\(r.endDate)"), (zh ? "计划课时" : "Planned hours", String(r.plannedHours)),
                (zh ? "状态" : "Status", r.status.label(lang)),
            ]
            for (label, value) in fields { Output.line(TextWidth.pad(label, to: 14) + " " + value) }
            for t in detail.roster {
                let done = detail.rule.isComplete(countedMinutes: t.countedMinutes, plannedHours: r.plannedHours)
                Output.line("  \(t.workerID)  \(Hours.text(t.countedMinutes))h  \(done ? (zh ? "达标" : "complete") : "-")")
            }
        }
    }
}

struct ClassEnrol: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enrol", abstract: "Put registered workers on a class's roster (clerks).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Class number.") var id: Int64
    @Argument(help: "Resident IDs.") var workers: [String]
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let r = try session.enrol(classID: id, workerIDs: workers)
            if output.json { Output.printJSON(EnrolJSON(enrolled: r.enrolled, alreadyEnrolled: r.alreadyEnrolled)); return }
            let zh = lang == .zh
            Output.line(zh ? "已报名 \(r.enrolled.count) 人" : "enrolled \(r.enrolled.count)")
            if !r.alreadyEnrolled.isEmpty {
                Output.line((zh ? "已在花名册上（未重复）：" : "already on the roster (unchanged): ") + r.alreadyEnrolled.joined(separator: ", "))
            }
        }
    }
}

/// start, complete and close share one shape.
protocol ClassMoveCommand: ParsableCommand {
    var global: GlobalOptions { get }
    var id: Int64 { get }
    var output: JSONOption { get }
    func apply(_ session: Session) throws -> ClassRow
}

extension ClassMoveCommand {
    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let row = try apply(session)
            if output.json { Output.printJSON(ClassSnapshot(try session.trainingClass(row.id))); return }
            Output.line("\(row.id): \(row.status.label(lang))")
        }
    }
}

struct ClassStart: ClassMoveCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "planned → running.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Class number.") var id: Int64
    @OptionGroup var output: JSONOption
    func apply(_ session: Session) throws -> ClassRow { try session.startClass(id) }
}

struct ClassComplete: ClassMoveCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "running → completed.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Class number.") var id: Int64
    @OptionGroup var output: JSONOption
    func apply(_ session: Session) throws -> ClassRow { try session.completeClass(id) }
}

struct ClassClose: ClassMoveCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "completed → closed (attendance is then final).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Class number.") var id: Int64
    @OptionGroup var output: JSONOption
    func apply(_ session: Session) throws -> ClassRow { try session.closeClass(id) }
}

struct AttendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attend", abstract: "Attendance: set one day (`attend N --date …`, the default) or import a CSV file.",
        subcommands: [AttendSet.self, AttendImport.self], defaultSubcommand: AttendSet.self)
}

struct AttendImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import attendance from a CSV file (clerks).",
        discussion: "Columns: class_id,date,resident_id,hours[,online_hours]. Each row is checked as `attend` checks it; hours 0 clears the day. Good rows are committed; exit 65 if any row was refused. W2 warnings go to stderr.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var file: ImportFileOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            let report = try session.importAttendance(path: file.file, options: file.options(lang: lang))
            try finishImport(report, json: output.json, lang: lang, noun: ("rows", "行"))
        }
    }
}

struct AttendSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set one trainee's attendance for one day (replaces what was there).",
        discussion: "--hours 0 (and no online hours) clears the day: its record is deleted and the deletion audited.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Class number.") var classID: Int64
    @Option(help: "The day (YYYY-MM-DD).") var date: String
    @Option(help: "Resident ID.") var id: String
    @Option(help: "Classroom hours, e.g. 7.5.") var hours: String
    @Option(name: .customLong("online-hours"), help: "Online hours, e.g. 2.") var onlineHours: String = "0"
    @OptionGroup var output: JSONOption

    func run() throws {
        let lang = global.language
        try global.runAsUser(json: output.json) { session, _ in
            guard let day = CalendarDate(iso: date.trimmedWhitespace()) else {
                throw CLIError.invalid(en: "--date '\(date)' is not a date (YYYY-MM-DD)", zh: "--date“\(date)”不是有效日期（YYYY-MM-DD）")
            }
            guard let classroom = Hours.minutes(hours), let online = Hours.minutes(onlineHours) else {
                throw CLIError.invalid(en: "hours must be a number of whole minutes, e.g. 7.5", zh: "课时应为整分钟数的小时，如 7.5")
            }
            let r = try session.attend(classID: classID, workerID: id, date: day, classroomMinutes: classroom, onlineMinutes: online)
            for w in r.warnings {
                Output.warn((lang == .zh ? "警告：" : "warning: ") + w.message(lang))
            }
            if output.json {
                Output.printJSON(AttendanceJSON(classID: r.row.classID, workerID: r.row.workerID, date: r.row.date,
                                                classroomHours: Double(classroom) / 60, onlineHours: Double(online) / 60,
                                                cleared: r.cleared, warnings: r.warnings.map { $0.message(lang) }))
            } else if r.cleared {
                let what = r.before == nil ? (lang == .zh ? "本无考勤" : "nothing to clear") : (lang == .zh ? "已清除" : "cleared")
                Output.line(lang == .zh ? "\(what) \(r.row.workerID) \(r.row.date)" : "\(what): \(r.row.workerID) \(r.row.date)")
            } else {
                Output.line(lang == .zh ? "已登记 \(r.row.workerID) \(r.row.date)" : "recorded \(r.row.workerID) \(r.row.date)")
            }
        }
    }
}
