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
    /// A write refused by a constraint that two writers racing each other would otherwise break
    /// (DECISIONS.md "Foundations (issue 11): what the single writer hid"); nothing was written.
    case conflict(StoreConflict)
    /// Migration v10 found live claims that its unique index forbids (groups of claim ids, each
    /// the same worker, kind and class or certificate); the database was left as it was.
    case duplicateLiveClaims([[Int64]])
    /// A stored status, kind, payee, source, role or similar code that no enum of SkillCore knows
    /// (planted behind the program's back, or written by a newer version): the row is not read
    /// with a guessed default. `key` is the row's key (a claim id, a class id, a user name, …).
    case unknownValue(table: String, key: String, column: String, value: String)

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
        case let (.conflict(c), _): return c.message(lang)
        case let (.duplicateLiveClaims(groups), .zh):
            let list = groups.map { $0.map(String.init).joined(separator: "、") }.joined(separator: "；")
            return "数据库中有重复的在办申请（同一劳动者、同一补贴类别、同一培训班或证书）：申请 \(list)；本版本无法为其建立唯一约束，数据库未作任何改动。请管理员先用原版本驳回其中多余的申请，再用本版本打开"
        case let (.duplicateLiveClaims(groups), .en):
            let list = groups.map { $0.map(String.init).joined(separator: ", ") }.joined(separator: "; ")
            return "the database holds duplicate live claims (the same worker, kind and class or certificate): claims \(list); this version cannot add the constraint that forbids them, and nothing was changed. An administrator must first reject the extra claims with the previous version, then open the database with this one"
        case let (.unknownValue(t, k, c, v), .zh):
            return "数据库表 \(t) 中 \(k) 这一行的 \(c) 列存有无法识别的值“\(v)”（可能被绕过本程序改动过，或由更新版本写入）；该行无法读取，数据未作改动。请管理员核查（audit check）"
        case let (.unknownValue(t, k, c, v), .en):
            return "row \(k) of table \(t) holds an unknown value \"\(v)\" in column \(c) (changed outside this program, or written by a newer version); the row cannot be read, and nothing was changed. Ask an administrator to check it (audit check)"
        case let (.foreignDatabase(p), .en):
            return "\(p) is not a SkillDesk database (an empty file, or another program's SQLite database); it was left untouched. Give the right database with --db; only `skilldesk init` or `skilldesk demo` create one, at a path where no file exists yet"
        }
    }
}

/// Which constraint refused a write that raced another writer. Each is a guarantee of the schema,
/// not of SQLite's one-writer lock, so a second store (PostgreSQL) keeps it by the same constraint.
public enum StoreConflict: Equatable, Sendable, UserMessage {
    /// The worker already has a live claim (not rejected or recovered) of this kind on the same
    /// class, or without a class on the same certificate (unique index `claims_one_live`).
    case liveClaim(existing: Int64?, workerID: String, kind: String)
    /// The fund account was changed after it was read (its `version` moved on).
    case fundAccount(year: Int, source: String)
    /// Another entry already follows the audit head this write read (`seq` primary key, unique
    /// `prev_hash`): the chain cannot fork.
    case auditHead(seq: Int64)
    /// The payment batch number is taken (primary key of `payment_batches`).
    case batchNumber(String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.liveClaim(id, w, k), .zh):
            return "劳动者 \(w) 在同一培训班或证书上已有同类（\(k)）在办申请\(id.map { " \($0)" } ?? "")，可能是其他用户刚刚创建的；本次未作改动，请刷新后继续办理该申请"
        case let (.liveClaim(id, w, k), .en):
            return "\(w) already has a live \(k) claim\(id.map { " (\($0))" } ?? "") on the same class or certificate, perhaps just made by another user; nothing was changed: refresh and continue that claim"
        case let (.fundAccount(y, s), .zh):
            return "\(y) 年资金专账（\(s)）已被其他用户同时修改；本次未作改动，请重新读取后重试"
        case let (.fundAccount(y, s), .en):
            return "the \(y) fund account (\(s)) was changed by someone else meanwhile; nothing was changed: read it again and retry"
        case let (.auditHead(seq), .zh):
            return "其他用户同时写入了审计记录（第 \(seq) 条）；本次操作未写入任何内容，请重试"
        case let (.auditHead(seq), .en):
            return "another user wrote audit entry \(seq) at the same moment; nothing was written: try again"
        case let (.batchNumber(b), .zh):
            return "支付批次号 \(b) 已被占用（其他财务人员同时生成了批次）；本次未作改动，请重试"
        case let (.batchNumber(b), .en):
            return "payment batch number \(b) is already taken (another finance officer made a batch at the same moment); nothing was changed: try again"
        }
    }
}
