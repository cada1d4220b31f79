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
        case let (.foreignDatabase(p), .zh):
            return "\(p) 不是 SkillDesk 数据库（空文件或其他程序的 SQLite 数据库），未作任何改动；请用 --db 指定正确的数据库，新数据库只能由 skilldesk init 或 skilldesk demo 在尚不存在的路径上创建"
        case let (.foreignDatabase(p), .en):
            return "\(p) is not a SkillDesk database (an empty file, or another program's SQLite database); it was left untouched. Give the right database with --db; only `skilldesk init` or `skilldesk demo` create one, at a path where no file exists yet"
        }
    }
}
