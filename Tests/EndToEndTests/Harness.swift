import Foundation
import Testing

/// Children of the built binary started with posix_spawn (as Harness's tmux runner does, not
/// Foundation.Process, which is not safe from many threads at once), output to files.
enum Spawn {
    struct Result { var status: Int32; var signalled: Bool; var stdout: String; var stderr: String }

    /// Starts `path` with `argv` (its `argv[0]` included) and exactly `environment`, standard input
    /// from `stdinFile`, output to files. The one posix_spawn of the end-to-end tests: the binary,
    /// the sqlite3 shell and bash with a `ulimit` prelude all start here.
    static func spawn(_ path: String, _ argv: [String], environment: [String: String], stdinFile: String = "/dev/null",
                      outFile: String, errFile: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinFile, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs { free(p) }; for p in cEnv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, &cArgs, &cEnv)
        guard rc == 0 else { throw SpawnFailure(path: path, code: rc) }
        return pid
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        var path: String, code: Int32
        var description: String { "posix_spawn \(path) failed: \(code)" }
    }

    /// The environment of this process with `removing` taken out and `env` put in.
    static func environment(_ env: [String: String], removing: [String] = []) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for k in removing { environment[k] = nil }
        for (k, v) in env { environment[k] = v }
        return environment
    }

    /// Starts the built binary with `args`.
    static func start(_ args: [String], env: [String: String], removing: [String] = [], stdinFile: String = "/dev/null",
                      outFile: String, errFile: String) -> pid_t {
        let argv = [Harness.binary] + args
        do {
            return try spawn(argv[0], argv, environment: environment(env, removing: removing), stdinFile: stdinFile,
                             outFile: outFile, errFile: errFile)
        } catch {
            preconditionFailure("\(error)")
        }
    }

    static func wait(_ pid: pid_t, outFile: String, errFile: String) -> Result {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signalled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
        let code = signalled ? -1 : (status >> 8) & 0xff
        let out = String(decoding: FileManager.default.contents(atPath: outFile) ?? Data(), as: UTF8.self)
        let err = String(decoding: FileManager.default.contents(atPath: errFile) ?? Data(), as: UTF8.self)
        return Result(status: code, signalled: signalled, stdout: out, stderr: err)
    }

    static func run(_ args: [String], env: [String: String], scratch: String) -> Result {
        let tag = UUID().uuidString
        let o = scratch + "/\(tag).out", e = scratch + "/\(tag).err"
        let pid = start(args, env: env, outFile: o, errFile: e)
        let r = wait(pid, outFile: o, errFile: e)
        try? FileManager.default.removeItem(atPath: o)
        try? FileManager.default.removeItem(atPath: e)
        return r
    }
}

/// Runs the real `skilldesk` binary: directly for CLI checks, and inside tmux for journeys
/// through the TUI as a clerk would type them.
enum Harness {
    /// The binary built beside the test bundle (`swift test` builds every product).
    static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("skilldesk").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        // Fall back to the package's default build folder.
        return FileManager.default.currentDirectoryPath + "/.build/debug/skilldesk"
    }

    static func tempDir() -> String {
        let dir = NSTemporaryDirectory() + "skilldesk-e2e-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the binary with arguments, environment additions and standard input.
    @discardableResult
    static func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> Result {
        var environment = env
        if environment["LANG"] == nil { environment["LANG"] = "C.UTF-8" }
        let removing = ["SKILLDESK_DB", "SKILLDESK_USER", "SKILLDESK_PASSWORD"].filter { env[$0] == nil }
        return try runProgram(binary, [binary] + args, environment: Spawn.environment(environment, removing: removing), stdin: stdin)
    }

    /// Runs any program (the binary, the sqlite3 shell, bash with a prelude) to its end, with
    /// `environment` as its whole environment (default: this process's) and `stdin` as its input.
    /// posix_spawn with files, not Foundation.Process with pipes: Process's child handling made
    /// `readDataToEndOfFile` trap on EINTR while other tests spawned many children.
    static func runProgram(_ path: String, _ argv: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                           stdin: String? = nil) throws -> Result {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr"
        try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: input))
        let pid = try Spawn.spawn(path, argv, environment: environment, stdinFile: input, outFile: out, errFile: err)
        let r = Spawn.wait(pid, outFile: out, errFile: err)
        return Result(status: r.signalled ? -1 : r.status, stdout: r.stdout, stderr: r.stderr)
    }

    /// Runs another program (the sqlite3 shell) with this process's environment.
    static func runTool(_ path: String, _ args: [String]) throws -> Result {
        try runProgram(path, [path] + args)
    }

    static var tmuxPath: String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/tmux") {
            return dir + "/tmux"
        }
        return nil
    }

    /// CI sets SKILLDESK_REQUIRE_TMUX=1: there a missing tmux fails instead of skipping.
    static var tmuxRequired: Bool { ProcessInfo.processInfo.environment["SKILLDESK_REQUIRE_TMUX"] == "1" }
    static var tmuxUsable: Bool { tmuxPath != nil || tmuxRequired }
}

/// One tmux session of 100×30 running a command, driven by send-keys and read by capture-pane.
final class TmuxSession {
    let name: String
    let socket: String

    init(command: String, width: Int = 100, height: Int = 30) throws {
        guard Harness.tmuxPath != nil else {
            Issue.record("tmux is required (SKILLDESK_REQUIRE_TMUX=1) but not installed")
            throw CancellationError()
        }
        name = "sd\(UInt32.random(in: 0...UInt32.max))"
        socket = NSTemporaryDirectory() + "tmux-" + name
        // The server forks from this first client and would inherit a pipe on stdout, so that
        // reading it to the end would never finish: give it /dev/null.
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], capture: false)
    }

    deinit { _ = try? tmux(["kill-server"], capture: false) }

    /// Runs one tmux client with posix_spawn and waitpid. (Foundation's Process lost track of
    /// the client whose child becomes the tmux server, and waited forever.)
    @discardableResult
    func tmux(_ args: [String], capture: Bool = true) throws -> String {
        let argv = [Harness.tmuxPath!, "-S", socket] + args
        var fds: [Int32] = [-1, -1]
        if capture { guard pipe(&fds) == 0 else { throw POSIXError(.EIO) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
        } else {
            // The server forks from this client: it must not inherit a pipe we read to the end.
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let env = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }.map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        if capture { close(fds[1]) }
        guard rc == 0 else { if capture { close(fds[0]) }; throw POSIXError(.ENOEXEC) }
        var output = [UInt8]()
        if capture {
            var buf = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &buf, buf.count)
                if n <= 0 { break }
                output += buf[0..<n]
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    /// Types literal text (UTF-8, e.g. Chinese) without key-name interpretation.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// Presses named keys: Enter, Tab, F2, F3, Down…
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Waits until the screen contains `text` (polling), or fails with the last screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for “\(text)”; the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw CancellationError()
    }
}
