import Foundation
import SkillCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files the finance screens write and read: the bank file (written to a temporary file in
/// the target directory, then renamed into place, so a reader never sees half a file and a failed
/// write leaves nothing behind) and the bank's result file. Every refusal is a `Problem` with the
/// path as typed, shown in both languages.
enum BankFiles {
    enum Problem: Error, Equatable {
        case isDirectory(String)
        case noParent(String)
        case notWritable(String, reason: String)
        case notFound(String)
        case notRegular(String)
        case tooLarge(String, mb: Int)
        case unreadable(String, reason: String)
        /// A file was created at the target while the screen was writing (nothing replaced).
        case appeared(String)

        func message(_ lang: Lang, example: String = "") -> String {
            switch self {
            case let .isDirectory(p): return lang.format(.fileIsDirectory, p, example)
            case let .noParent(p): return lang.format(.fileNoParent, p)
            case let .notWritable(p, r): return lang.format(.fileNotWritable, p, r)
            case let .notFound(p): return lang.format(.fileNotFound, p)
            case let .notRegular(p): return lang.format(.fileNotRegular, p)
            case let .tooLarge(p, mb): return lang.format(.fileTooLarge, p, mb)
            case let .unreadable(p, r): return lang.format(.fileUnreadable, p, r)
            case let .appeared(p): return lang.format(.fileAppeared, p)
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

    /// Where a bank file may go: refused when the path is a directory or its directory is missing;
    /// `exists` when a file is already there (the screen asks before replacing it).
    static func checkTarget(_ typed: String) -> Result<(path: String, exists: Bool), Problem> {
        let path = resolve(typed)
        if typed.hasSuffix("/") { return .failure(.isDirectory(typed)) }
        var st = stat()
        if lstat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory(typed)) }
            if (st.st_mode & S_IFMT) != S_IFREG { return .failure(.notRegular(typed)) }
            return .success((path, true))
        }
        let parent = (path as NSString).deletingLastPathComponent
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
            return .failure(.noParent((typed as NSString).deletingLastPathComponent.isEmpty ? parent : (typed as NSString).deletingLastPathComponent))
        }
        return .success((path, false))
    }

    /// A temporary file beside `path`, open for writing (owner read/write only: names and bank
    /// accounts). Created before the batch is exported, so an unwritable directory is found
    /// before anything is audited.
    struct Temp {
        let path: String
        let target: String
        let typed: String
        let fd: Int32

        static func create(for target: String, typed: String) -> Result<Temp, Problem> {
            let dir = (target as NSString).deletingLastPathComponent
            let name = (target as NSString).lastPathComponent
            for attempt in 0..<20 {
                let tmp = dir + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(attempt)"
                let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o600)
                if fd >= 0 { return .success(Temp(path: tmp, target: target, typed: typed, fd: fd)) }
                if errno != EEXIST { return .failure(.notWritable(dir, reason: String(cString: strerror(errno)))) }
            }
            return .failure(.notWritable(dir, reason: "EEXIST"))
        }

        func discard() {
            close(fd)
            unlink(path)
        }

        /// Writes all of `bytes`, syncs, and moves the file into place; `replace` false refuses a
        /// file that appeared at the target meanwhile. On any failure the temporary file is removed.
        func commit(_ bytes: [UInt8], replace: Bool) -> Result<Void, Problem> {
            let dir = (target as NSString).deletingLastPathComponent
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    discard()
                    return .failure(.notWritable(dir, reason: reason))
                }
                written += n
            }
            if fsync(fd) != 0 {
                let reason = String(cString: strerror(errno))
                discard()
                return .failure(.notWritable(dir, reason: reason))
            }
            close(fd)
            if replace {
                if rename(path, target) != 0 {
                    let reason = String(cString: strerror(errno))
                    unlink(path)
                    return .failure(.notWritable(dir, reason: reason))
                }
            } else {
                // link() refuses an existing target, where rename() would replace it. A file
                // system without hard links falls back to a check and rename().
                if link(path, target) != 0 {
                    let e = errno
                    var st = stat()
                    if e == EEXIST || lstat(target, &st) == 0 {
                        unlink(path)
                        return .failure(.appeared(typed))
                    }
                    if rename(path, target) != 0 {
                        let reason = String(cString: strerror(errno))
                        unlink(path)
                        return .failure(.notWritable(dir, reason: reason))
                    }
                    return .success(())
                }
                unlink(path)
            }
            return .success(())
        }
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
