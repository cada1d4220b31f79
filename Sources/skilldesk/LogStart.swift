import ArgumentParser
import Foundation
import Logging
import SkillDesk

/// `--log-level`: the levels of swift-log, as typed values (`--help` lists them).
enum LogLevel: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? OperatorLog.defaultLevel }
}

/// The command line's logger (the process's log file: never stdout or stderr).
let cliLog = OperatorLog.logger("cli")

/// Opening the operator's log once the command line is parsed, and its first and last lines.
enum LogStart {
    /// The database and level of the parsed command: its `GlobalOptions` (found by reflection, so no
    /// command has to remember), `demo`'s own `--db`, else the environment's database.
    static func options(of command: ParsableCommand) -> (db: String?, level: LogLevel) {
        if let demo = command as? DemoCommand { return (demo.db, .info) }
        for child in Mirror(reflecting: command).children {
            if let group = child.value as? OptionGroup<GlobalOptions> {
                return (group.wrappedValue.databasePath, group.wrappedValue.logLevel)
            }
        }
        return (ProcessInfo.processInfo.environment["SKILLDESK_DB"], .info)
    }

    /// The command's type without "Command" (`WorkerList`): unique, unlike `list`.
    static func name(of command: ParsableCommand) -> String {
        let type = String(describing: Swift.type(of: command))
        return type.hasSuffix("Command") && type != "Command" ? String(type.dropLast("Command".count)) : type
    }

    /// Opens the log for the command and writes the start line.
    static func start(_ command: ParsableCommand) {
        let (db, level) = options(of: command)
        OperatorLog.start(databasePath: db, environment: ProcessInfo.processInfo.environment, level: level.level)
        cliLog.notice("start", metadata: [
            "version": "\(Desk.version)", "command": "\(name(of: command))", "pid": "\(getpid())",
            "db": "\(db ?? "")", "log_level": "\(level.rawValue)",
        ])
    }

    /// The last line: how long the command took (notice when over a second, except for the
    /// interactive ones, whose time is the clerk's).
    static func end(_ command: ParsableCommand, started: ContinuousClock.Instant, exit: Int32) {
        let took = ContinuousClock.now - started
        let interactive = command is TUICommand || command is DemoCommand
        let metadata: Logger.Metadata = ["command": "\(name(of: command))", "exit": "\(exit)",
                                         "seconds": "\(OperatorLog.seconds(took))"]
        if !interactive && took > OperatorLog.slowThreshold { cliLog.notice("slow command", metadata: metadata) }
        else { cliLog.info("end", metadata: metadata) }
        OperatorLog.finish()
    }

    /// An error ArgumentParser shows before any command ran (a wrong option): logged where the
    /// environment's database puts the log, at the default level.
    static func parseError(_ error: Error, message: String, exit: Int32) {
        if OperatorLog.sink.path == nil {
            let env = ProcessInfo.processInfo.environment
            OperatorLog.start(databasePath: typedDatabase(CommandLine.arguments) ?? env["SKILLDESK_DB"], environment: env,
                              level: OperatorLog.defaultLevel)
        }
        // The first line says what was wrong (the rest is usage); ArgumentParser's error is its cause.
        let first = message.split(separator: "\n").first.map(String.init) ?? ""
        cliLog.warning("error shown", metadata: ["message": "\(first)", "exit": "\(exit)", "cause": "command line"])
        OperatorLog.finish()
    }

    /// `--db PATH` or `--db=PATH` as typed, when the options could not be parsed.
    static func typedDatabase(_ arguments: [String]) -> String? {
        for (i, a) in arguments.enumerated() {
            if a == "--db", i + 1 < arguments.count { return arguments[i + 1] }
            if a.hasPrefix("--db=") { return String(a.dropFirst(5)) }
        }
        return nil
    }
}
