import SkillCore

/// Everything that can go wrong below the use cases, in words a clerk or an operator can act on.
public enum StoreError: Error, Equatable, Sendable, UserMessage {
    case notADatabase(path: String)
    case newerSchema(path: String)
    case cannotCreate(path: String, reason: String)
    case notFound(path: String)
    case alreadyInitialised(path: String)
    case busy
    case failure(String)
    /// SQLITE_FULL: no room on the disk (or the file hit a size limit); the action was rolled back.
    case diskFull
    /// SQLITE_IOERR: the disk could not be read or written; the action was rolled back.
    case ioError(String)
    /// SQLite's SUM left the integer range: an amount was raised behind the program's back (a total
    /// of accepted amounts stays far below; `MoneyCeiling`).
    case sumOverflow
    /// An existing file that SkillDesk did not create: empty, or another program's SQLite database.
    /// It is left untouched; only `init`/`demo` create a database (issue 10).
    case foreignDatabase(path: String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.notADatabase(p), .zh): return "\(p) 不是 SkillDesk 数据库（不是 SQLite 文件或已损坏）；请用 --db 指定正确的数据库文件"
        case let (.notADatabase(p), .en): return "\(p) is not a SkillDesk database (not an SQLite file, or damaged); give the right file with --db"
        case let (.newerSchema(p), .zh): return "\(p) 由更新版本的 SkillDesk 写入；请升级本程序后再打开，数据未作改动"
        case let (.newerSchema(p), .en): return "\(p) was written by a newer SkillDesk; upgrade this program to open it (nothing was changed)"
        case let (.cannotCreate(p, r), .zh): return "无法创建或打开 \(p)：\(r)；请选择可写的目录（--db）"
        case let (.cannotCreate(p, r), .en): return "cannot create or open \(p): \(r); choose a writable location with --db"
        case let (.notFound(p), .zh): return "数据库 \(p) 不存在；请先运行 skilldesk init --admin 名称，或用 --db 指定"
        case let (.notFound(p), .en): return "database \(p) does not exist; run `skilldesk init --admin NAME` first, or give --db"
        case let (.alreadyInitialised(p), .zh): return "数据库 \(p) 已存在，未作改动"
        case let (.alreadyInitialised(p), .en): return "database \(p) already exists; nothing was changed"
        case (.busy, .zh): return "数据库正忙（其他用户正在写入），请稍后重试"
        case (.busy, .en): return "the database is busy (another user is writing); try again in a moment"
        case let (.failure(m), .zh): return "数据库错误：\(m)"
        case let (.failure(m), .en): return "database error: \(m)"
        case (.diskFull, .zh): return "磁盘已满，数据库写不下，本次操作未写入任何内容；请清理数据库所在磁盘的空间后重试"
        case (.diskFull, .en): return "the disk is full: the database could not grow, and nothing was written; free space on the disk that holds the database, then try again"
        case let (.ioError(m), .zh): return "磁盘读写出错（\(m)），本次操作未写入任何内容；请检查磁盘和数据库文件后重试"
        case let (.ioError(m), .en): return "the disk could not be read or written (\(m)), and nothing was written; check the disk and the database file, then try again"
        case (.sumOverflow, .zh): return "合计超出可计算的范围：数据库中的金额或课时被改动过；请管理员核查（audit verify），数据未作改动"
        case (.sumOverflow, .en): return "a total is beyond what can be counted: an amount or a number of minutes in the database was changed; ask an administrator to check it (audit verify); nothing was changed"
        case let (.foreignDatabase(p), .zh):
            return "\(p) 不是 SkillDesk 数据库（空文件或其他程序的 SQLite 数据库），未作任何改动；请用 --db 指定正确的数据库，新数据库只能由 skilldesk init 或 skilldesk demo 在尚不存在的路径上创建"
        case let (.foreignDatabase(p), .en):
            return "\(p) is not a SkillDesk database (an empty file, or another program's SQLite database); it was left untouched. Give the right database with --db; only `skilldesk init` or `skilldesk demo` create one, at a path where no file exists yet"
        }
    }
}
