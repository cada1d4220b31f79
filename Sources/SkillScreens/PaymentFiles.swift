import Foundation
import SkillCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bank's result file the finance screens read. (The bank file they write goes through
/// SkillDesk's `OutputFile`, the one writer of every output file.) Every refusal is a `Problem`
/// with the path as typed, shown in both languages.
enum BankFiles {
    enum Problem: Error, Equatable {
        case isDirectory(String)
        case notFound(String)
        case notRegular(String)
        case tooLarge(String, mb: Int)
        case unreadable(String, reason: String)

        func message(_ lang: Lang, example: String = "") -> String {
            switch self {
            case let .isDirectory(p): return lang.format(.fileIsDirectory, p, example)
            case let .notFound(p): return lang.format(.fileNotFound, p)
            case let .notRegular(p): return lang.format(.fileNotRegular, p)
            case let .tooLarge(p, mb): return lang.format(.fileTooLarge, p, mb)
            case let .unreadable(p, r): return lang.format(.fileUnreadable, p, r)
            }
        }
    }

    /// A result file larger than this is refused before it is read (a 10,000-line result is ~1 MB).
    static let maxResultBytes = 64 << 20

    /// The absolute path of `typed` (`~` expanded, relative to the current directory).
    static func resolve(_ typed: String) -> String {
        var p = typed
        if p == "~" || p.hasPrefix("~/") { p = NSHomeDirectory() + p.dropFirst() }
        if !p.hasPrefix("/") { p = FileManager.default.currentDirectoryPath + "/" + p }
        return p
    }

    /// The bytes of the bank's result file.
    static func read(_ typed: String) -> Result<[UInt8], Problem> {
        let path = resolve(typed)
        var st = stat()
        guard stat(path, &st) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .failure(.notFound(typed))
                : .failure(.unreadable(typed, reason: String(cString: strerror(errno))))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory(typed)) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular(typed)) }
        guard Int(st.st_size) <= maxResultBytes else { return .failure(.tooLarge(typed, mb: maxResultBytes >> 20)) }
        guard let h = FileHandle(forReadingAtPath: path) else {
            return .failure(.unreadable(typed, reason: String(cString: strerror(EACCES))))
        }
        // ignoring is right: a handle opened for reading has nothing to flush when closed.
        defer { try? h.close() }
        do {
            let data = try h.readToEnd() ?? Data()
            guard data.count <= maxResultBytes else { return .failure(.tooLarge(typed, mb: maxResultBytes >> 20)) }
            return .success([UInt8](data))
        } catch {
            return .failure(.unreadable(typed, reason: error.localizedDescription))
        }
    }
}
