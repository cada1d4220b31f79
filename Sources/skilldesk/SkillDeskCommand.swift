import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

@main
struct SkillDeskCommand: ParsableCommand {
    /// ArgumentParser's own `main`, except that its messages (a bad option echoes the value typed,
    /// which may hold ESC or a bidi override) pass through `Output.neutralised` like every other line.
    /// The operator's log (`OperatorLog`) is set up first, so that nothing logged can reach the
    /// terminal, and opened once the options say where and how much.
    static func main() {
        OperatorLog.bootstrap()
        var parsed: ParsableCommand?
        let started = ContinuousClock.now
        do {
            var command = try parseAsRoot()
            parsed = command
            LogStart.start(command)
            try command.run()
            LogStart.end(command, started: started, exit: 0)
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if let parsed { LogStart.end(parsed, started: started, exit: code.rawValue) }
            else if code != .success { LogStart.parseError(error, message: text, exit: code.rawValue) }
            if code == .validationFailure, let rejected = ArgumentRejection.last,
               let option = ArgumentRejection.option(inParserMessage: text, value: rejected.value) {
                // A value of a closed set refused while parsing: said in the user's language, exit 64.
                let args = Array(CommandLine.arguments.dropFirst())
                do {
                    try Output.run(json: RawCommandLine.wantsJSON(args), lang: RawCommandLine.language(args)) {
                        throw ArgumentRejection.error(rejected, option: option)
                    }
                } catch {
                    Foundation.exit(exitCode(for: error).rawValue)  // Output.run printed it: 64
                }
            }
            if !text.isEmpty {
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data((Output.neutralised(text) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "skilldesk",
        abstract: "Case management for subsidised vocational skills training (职业技能提升行动经办系统).",
        discussion: """
            Exit codes: 0 ok, 64 usage (a wrong option, a value out of range), 65 invalid input, 66 not found, \
            70 internal error, 73 already exists, wrong state, short fund or a claim someone else decided first, \
            74 disk full or I/O error (nothing was written), 75 busy or edit conflict (try again), 77 not permitted \
            (also a wrong password, a locked account, or deciding a claim one prepared). README.md lists them.
            Environment: SKILLDESK_DB, SKILLDESK_USER, SKILLDESK_PASSWORD, LANG, SKILLDESK_TODAY (business date; \
            demo and training databases only — a live database refuses to open with it set), \
            SKILLDESK_ANCHOR_FILE and SKILLDESK_LOG_FILE (where the audit chain's head is anchored and events \
            are logged; default DB.anchors and DB.log beside the database), SKILLDESK_LOG (the operator's log, \
            see --log-level; default DB.skilldesk.log beside the database, else $XDG_STATE_HOME/skilldesk/skilldesk.log).
            """,
        version: Desk.version,
        subcommands: [TUICommand.self, InitCommand.self, DemoCommand.self, UserCommand.self,
                      WorkerCommand.self, OccupationCommand.self, InstitutionCommand.self, ClassCommand.self,
                      AttendCommand.self, CertificateCommand.self, ClaimCommand.self, FundCommand.self, NoticeCommand.self, PaymentCommand.self, PayeeCommand.self, CalendarCommand.self,
                      PolicyCommand.self, AuditCommand.self, RepairCommand.self, ReportCommand.self],
        defaultSubcommand: TUICommand.self)
}
