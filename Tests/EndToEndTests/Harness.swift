import Foundation
import Testing

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
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        for key in ["SKILLDESK_DB", "SKILLDESK_USER", "SKILLDESK_PASSWORD"] { environment[key] = nil }
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
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
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Harness.tmuxPath!)
        p.arguments = ["-S", socket] + args
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
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
