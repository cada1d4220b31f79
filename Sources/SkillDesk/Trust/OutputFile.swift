import Foundation
import SkillCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the program must never write over, whatever the user typed or confirmed.
public struct ProtectedFile: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// The database or one of its companion files (`-wal`, `-shm`, `-journal`, `.lock`).
        case database(String)
        /// The file being read (an import's input).
        case input
    }
    public let path: String
    public let role: Role
    public init(path: String, role: Role) {
        self.path = path
        self.role = role
    }
}

extension Desk {
    /// Every file an output file may not replace, even with `--force` or a confirmation: the
    /// database and the files SQLite and the program keep beside it. This is the one list —
    /// add a new companion file (the audit anchor file, a backup being read) here.
    public var protectedPaths: [ProtectedFile] {
        guard let db = store.path else { return [] }
        // The audit anchor file and the log hold what the chain is checked against: never replaced.
        // Nor the operator's log (`OperatorLog`): its default place and the file this process writes.
        return (Self.companionSuffixes.map { db + $0 } + (trust?.paths ?? [])
                + [db + OperatorLog.besideSuffix] + (OperatorLog.sink.path.map { [$0] } ?? []))
            .map { ProtectedFile(path: $0, role: .database(db)) }
    }

    /// The database file and those SQLite and the program keep beside it under the same name.
    public static let companionSuffixes = ["", "-wal", "-shm", "-journal", ".lock"]
}

extension Session {
    /// The files no output file of this session may replace (`Desk.protectedPaths`).
    public var protectedPaths: [ProtectedFile] { desk.protectedPaths }

    /// A new output file at `path` for this session: refused when it names a protected file,
    /// `input` (the file being read), or an existing file and `replace` is false.
    public func outputFile(_ path: String, replace: Bool, input: String? = nil) throws -> OutputFile {
        try OutputFile.create(path, replace: replace,
                              protected: protectedPaths + (input.map { [ProtectedFile(path: $0, role: .input)] } ?? []))
    }
}

/// Why an output file was not written. Nothing was replaced, and no temporary file is left.
public enum OutputFileError: Error, Sendable, Equatable, UserMessage {
    /// A file is there and the user did not confirm replacing it.
    case exists(String)
    /// A file appeared at the target while it was being written (it was left alone).
    case appeared(String)
    /// The path names the database (or a file beside it), directly or through a link.
    case database(String, database: String)
    /// The path names the file being read.
    case input(String)
    case isDirectory(String)
    /// A link, device or pipe: not a plain file to write.
    case notRegular(String)
    /// The directory the file would go in does not exist.
    case noDirectory(String)
    /// The temporary file could not be created in the directory (permissions, read-only disk).
    case cannotCreate(String, reason: String)
    /// Writing, syncing or moving the file into place failed (disk full, I/O error).
    case writeFailed(String, reason: String)

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch self {
        case let .exists(p):
            return zh ? "\(p) 已存在，未覆盖；要替换它请加 --force（或换一个文件名）"
                : "\(p) exists and was left alone; add --force to replace it (or choose another name)"
        case let .appeared(p):
            return zh ? "写入时 \(p) 被别人建立，未覆盖；请换个文件名或确认后重试"
                : "\(p) was created by someone else meanwhile and was left alone; choose another name or try again"
        case let .database(p, db):
            let zhDB = p == db ? "" : "（数据库 \(db)）", enDB = p == db ? "" : " (database \(db))"
            return zh ? "这是数据库（或其附属文件），任何时候都不能写入，加 --force 也不行：\(p)\(zhDB)；请另选一个文件"
                : "that is the database (or a file beside it), never written over, even with --force: \(p)\(enDB); choose another file"
        case let .input(p):
            return zh ? "这是正在读取的输入文件，不能写入：\(p)；请另选一个文件"
                : "that is the input file being read, never written over: \(p); choose another file"
        case let .isDirectory(p):
            return zh ? "\(p) 是目录；请写出文件名，如 \(p.hasSuffix("/") ? p : p + "/")out.csv"
                : "\(p) is a directory; give a file name, e.g. \(p.hasSuffix("/") ? p : p + "/")out.csv"
        case let .notRegular(p):
            return zh ? "\(p) 不是普通文件（是链接、设备或管道），未写入；请给出普通文件的路径"
                : "\(p) is not a regular file (a link, device or pipe) and was left alone; give a plain file's path"
        case let .noDirectory(d):
            return zh ? "目录 \(d) 不存在；请先建好目录或换个路径" : "the directory \(d) does not exist; create it or choose another path"
        case let .cannotCreate(d, r):
            return zh ? "不能在 \(d) 中建立文件：\(r)；请换一个可写的目录" : "cannot create a file in \(d): \(r); choose a directory you may write in"
        case let .writeFailed(p, r):
            return zh ? "写入 \(p) 失败：\(r)；文件未写成（原有文件保持不变）"
                : "writing \(p) failed: \(r); the file was not written (any earlier file is unchanged)"
        }
    }
}

/// The one writer of every file the program writes (rejects files, bank files; reports and
/// backups later): a temporary file created beside the target (O_EXCL, mode 0600), written,
/// fsynced, then moved into place — `rename` when replacing was confirmed, `link`+`unlink`
/// otherwise so a file that appeared meanwhile is refused — and the directory fsynced. It never
/// writes over a protected file (the database and its companions, the input), compared by
/// resolved path and by device and inode so a symbolic or hard link is caught too. Any failure
/// removes the temporary file; so does dropping the object without `commit()`.
///
/// Create it before the work whose result it holds (an import's transaction, an export's audit
/// row), so a target that cannot be written is refused before anything is committed.
public final class OutputFile {
    /// The path as the user typed it (for messages).
    public let typed: String
    /// The absolute path the file goes to (its directory resolved).
    public let path: String
    public let replace: Bool
    private let protected: [ProtectedFile]
    private var tempPath: String?
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    private static let flushBytes = 1 << 16

    private init(typed: String, path: String, replace: Bool, protected: [ProtectedFile], tempPath: String, fd: Int32) {
        self.typed = typed
        self.path = path
        self.replace = replace
        self.protected = protected
        self.tempPath = tempPath
        self.fd = fd
    }

    deinit { discard() }

    /// Checks `typed` as a target without creating anything: refused (an `OutputFileError` as a
    /// `DeskError`) when it is a protected file, a directory, not a plain file, or in a missing
    /// directory. Returns whether a file is already there (a screen asks before replacing it).
    public static func check(_ typed: String, protected: [ProtectedFile]) throws -> Bool {
        do { return try target(typed, protected: protected).exists }
        catch let e as OutputFileError { throw DeskError.outputFile(e) }
    }

    /// Checks the target and creates the temporary file beside it.
    public static func create(_ typed: String, replace: Bool, protected: [ProtectedFile]) throws -> OutputFile {
        do {
            let t = try target(typed, protected: protected)
            if t.exists && !replace { throw OutputFileError.exists(typed) }
            let dir = (t.path as NSString).deletingLastPathComponent
            let name = (t.path as NSString).lastPathComponent
            for attempt in 0..<20 {
                let tmp = dir + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(attempt)"
                let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                if fd >= 0 {
                    _ = fchmod(fd, 0o600)   // whatever the umask
                    return OutputFile(typed: typed, path: t.path, replace: replace, protected: protected, tempPath: tmp, fd: fd)
                }
                if errno != EEXIST { throw OutputFileError.cannotCreate(Self.typedDirectory(typed), reason: Self.errorText(errno)) }
            }
            throw OutputFileError.cannotCreate(Self.typedDirectory(typed), reason: Self.errorText(EEXIST))
        } catch let e as OutputFileError {
            throw DeskError.outputFile(e)
        }
    }

    /// The SHA-256 of every byte written, when `hashing` was turned on before the first write (a
    /// report's file is audited with it; issue 13). Nil otherwise.
    public var hashing = false {
        didSet { digest = hashing ? SHA256() : nil }
    }
    private var digest: SHA256?
    /// The hex SHA-256 of what was written so far (after `commit`: of the whole file).
    public var sha256Hex: String? { digest.map { var d = $0; return SHA256.hexString(d.finalize()) } }

    /// Appends bytes (buffered).
    public func write(_ bytes: [UInt8]) throws {
        digest?.update(bytes)
        buffer += bytes
        if buffer.count >= Self.flushBytes { try flush() }
    }

    public func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Syncs the file, moves it into place and syncs the directory. After a failure nothing is
    /// at the target that was not there before, and the temporary file is gone.
    public func commit() throws {
        do {
            guard let tmp = tempPath else { throw OutputFileError.writeFailed(typed, reason: "already finished") }
            try flush()
            if fsync(fd) != 0 { throw fail(Self.errorText(errno)) }
            close(fd)
            fd = -1
            // Checked again: a link to the database may have been made at the target meanwhile.
            let now = try Self.target(typed, protected: protected)
            if now.exists && !replace { throw OutputFileError.appeared(typed) }
            if replace {
                if rename(tmp, path) != 0 { throw fail(Self.errorText(errno)) }
            } else if link(tmp, path) == 0 {
                unlink(tmp)
            } else {
                let e = errno
                var st = stat()
                if e == EEXIST || lstat(path, &st) == 0 { throw OutputFileError.appeared(typed) }
                // A file system without hard links: the check just made, then rename.
                if rename(tmp, path) != 0 { throw fail(Self.errorText(errno)) }
            }
            tempPath = nil
            let dir = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dir >= 0 {
                let ok = fsync(dir) == 0 || errno == EINVAL || errno == ENOTSUP
                let reason = Self.errorText(errno)
                close(dir)
                if !ok { throw OutputFileError.writeFailed(typed, reason: reason) }
            }
        } catch let e as OutputFileError {
            discard()
            throw DeskError.outputFile(e)
        }
    }

    /// Closes and removes the temporary file (nothing at the target changes). Idempotent.
    public func discard() {
        if fd >= 0 { close(fd); fd = -1 }
        if let tmp = tempPath { unlink(tmp); tempPath = nil }
        buffer = []
    }

    private func flush() throws {
        guard fd >= 0 else { throw DeskError.outputFile(.writeFailed(typed, reason: "already finished")) }
        var written = 0
        while written < buffer.count {
            let n = buffer.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + written, buffer.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = fail(Self.errorText(errno))
                discard()
                throw DeskError.outputFile(e)
            }
            written += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func fail(_ reason: String) -> OutputFileError { .writeFailed(typed, reason: reason) }

    // MARK: checking a target

    /// The absolute path of `typed` (`~` expanded, relative to the current directory).
    public static func absolute(_ typed: String) -> String {
        var p = typed
        if p == "~" || p.hasPrefix("~/") { p = NSHomeDirectory() + p.dropFirst() }
        if !p.hasPrefix("/") { p = FileManager.default.currentDirectoryPath + "/" + p }
        return p
    }

    /// The target with its directory resolved (`realpath`), and whether something is there.
    static func target(_ typed: String, protected: [ProtectedFile]) throws -> (path: String, exists: Bool) {
        let name = (typed as NSString).lastPathComponent
        if typed.isEmpty || typed.hasSuffix("/") || name == "." || name == ".." { throw OutputFileError.isDirectory(typed) }
        let abs = absolute(typed)
        let parent = (abs as NSString).deletingLastPathComponent
        guard let realParent = realPath(parent), isDirectory(realParent) else {
            throw OutputFileError.noDirectory(typedDirectory(typed))
        }
        let path = (realParent == "/" ? "" : realParent) + "/" + (abs as NSString).lastPathComponent
        var own = stat()
        let exists = lstat(path, &own) == 0
        // What the path finally names: a symbolic link is followed for the comparison.
        let resolved = exists ? (realPath(path) ?? path) : path
        var pointee = stat()
        let pointeeExists = stat(path, &pointee) == 0
        for p in protected {
            let pAbs = absolute(p.path)
            let pResolved = realPath(pAbs)
                ?? realPath((pAbs as NSString).deletingLastPathComponent).map { ($0 == "/" ? "" : $0) + "/" + (pAbs as NSString).lastPathComponent }
                ?? pAbs
            var ps = stat()
            let sameFile = pointeeExists && stat(pAbs, &ps) == 0 && ps.st_dev == pointee.st_dev && ps.st_ino == pointee.st_ino
            let sameEntry = exists && lstat(pAbs, &ps) == 0 && ps.st_dev == own.st_dev && ps.st_ino == own.st_ino
            if sameFile || sameEntry || resolved == pResolved || path == pResolved {
                switch p.role {
                case let .database(db): throw OutputFileError.database(typed, database: db)
                case .input: throw OutputFileError.input(typed)
                }
            }
        }
        guard exists else { return (path, false) }
        switch own.st_mode & S_IFMT {
        case S_IFDIR: throw OutputFileError.isDirectory(typed)
        case S_IFREG: return (path, true)
        default: throw OutputFileError.notRegular(typed)
        }
    }

    static func realPath(_ p: String) -> String? {
        guard let r = realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    static func isDirectory(_ p: String) -> Bool {
        var st = stat()
        return stat(p, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The directory part of the path as typed ("." when none was typed).
    static func typedDirectory(_ typed: String) -> String {
        let d = (typed as NSString).deletingLastPathComponent
        return d.isEmpty ? "." : d
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// write(2) (the name is taken by `OutputFile.write` inside the class).
private func posixWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buf, count) }
