import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A refusal from a use case. Each maps to one exit code on the command line and one message
/// line on a screen; none leaves anything half-written.
public enum DeskError: Error, Sendable, UserMessage {
    case notPermitted(Permission)
    case authenticationFailed
    case accountLocked(until: Date)
    case accountDisabled(String)
    case invalidWorker(WorkerProblems)
    case workerExists(WorkerRow)
    case workerNotFound(String)
    case userNotFound(String)
    case userExists(String)
    case invalidUserName(String)
    case weakPassword
    case editConflict(String)
    case invalidInput(String, zh: String)
    case store(StoreError)
    case csv(CSVError)
    case invalidCatalogue(CatalogueProblem)
    case occupationNotFound(String, asOf: CalendarDate?)
    case institutionNotFound(String)
    /// No target with this number (issue 13).
    case targetNotFound(Int64)
    case institutionExists(String, name: String)
    /// The new entry's period overlaps an existing entry of the same code (named in the message).
    case periodOverlap(code: String, name: String, existing: EffectivePeriod)
    case wrongStatus(StatusRefusal)
    /// The record is in a state that does not allow the change (text says which and what would).
    case wrongState(String, zh: String)
    case classNotFound(Int64)
    /// No filed report with this id (`RPT-000012`).
    case filedReportNotFound(Int64)
    /// The class is not in a status that allows the action (e.g. starting a completed class).
    case classWrongStatus(id: Int64, status: ClassStatus, action: String, actionZh: String)
    /// Resident IDs that are not registered workers; nothing was written.
    case workersNotRegistered([String])
    /// The same certificate (type, number) is already recorded for this holder.
    case certificateExists(type: CertificateType, number: String, worker: String)
    /// No certificate with this number (of this type, when given) is recorded.
    case certificateNotFound(number: String, type: CertificateType?)
    /// No shipped policy profile has this name (the message lists the names there are).
    case unknownPolicy(String)
    /// No claim with this number.
    case claimNotFound(Int64)
    /// No claim with this number (`SD-2026-000123` as typed: the serial exists in another year, or not at all).
    case claimNumberNotFound(String)
    /// No audit entry with this sequence number.
    case auditEntryNotFound(Int64)
    /// A claim-workflow step refused by its rules (wrong status, missing reason) — exit 73, or 65 for
    /// a missing or too long reason (`WorkflowError`).
    case workflow(WorkflowError)
    /// Maker-checker: the user prepared the claim and may not decide on it (exit 77).
    case makerChecker(claim: String, user: String)
    /// The fund cannot reserve the amount (exit 73).
    case fund(FundError)
    /// The claim cannot be submitted: rules fail (listed).
    case claimNotEligible(claim: String, failures: [String])
    /// Claims whose rows no longer match what was approved and audited (`SealCheck`): no money
    /// moves for them; each names the claim and the field (exit 65).
    case sealBroken([SkipReason])
    /// An output file (rejects file, bank file) refused or not written (`OutputFile`); nothing replaced.
    case outputFile(OutputFileError)
    /// The bank file was written, but its `payment.export` audit row could not be appended.
    case exportNotAudited(path: String, reason: String, reasonZh: String)
    /// A list exported to CSV was written but its `list.export` audit row could not be (exit 74).
    case listExportNotAudited(path: String, reason: String, reasonZh: String)
    /// A count or a position outside its range (a page's size or offset, `Paging`): exit 64.
    case outOfRange(name: String, value: Int, min: Int, max: Int?)
    /// Triggers or indexes the program relies on are missing or altered (found at open, named):
    /// every write is refused until an administrator runs `skilldesk repair` (exit 73).
    case schemaDamaged([String])
    /// The anchor file or the log cannot be written (exit 74).
    case trustFile(path: String, reason: String)
    /// An amount above its ceiling, or a total of stored amounts that cannot be counted (exit 65).
    case money(MoneyError)
    /// A new password breaks a rule (`Passwords.problem`; exit 65).
    case passwordRefused(PasswordProblem)
    /// A user name the program keeps for itself (`system`, the actor of automatic audit rows; exit 65).
    case reservedUserName(String)
    /// The name differs only in case from an existing user's (named; exit 73).
    case userNameTaken(String, existing: String)
    /// The change would leave no active administrator (exit 73).
    case lastAdministrator(String)
    /// Four eyes (exit 77): the user had `hand` in these claims — prepared, submitted or objected
    /// to them (so may not decide them), or approved them (so may not put them in a payment batch).
    case fourEyes(claims: [Int64], user: String, hand: ClaimHand)

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        switch self {
        case let .notPermitted(p):
            return zh ? "无权限：当前角色不能\(p.label(.zh))" : "not permitted: your role may not \(p.label(.en))"
        case .authenticationFailed:
            return zh ? "用户名或密码错误" : "wrong user name or password"
        case let .accountLocked(until):
            let t = Self.localTime(until)
            return zh ? "密码连续错误 5 次，账户已锁定至 \(t)；请稍后再试或联系管理员"
                : "5 wrong passwords: the account is locked until \(t); try again later or ask an administrator"
        case let .accountDisabled(n):
            return zh ? "账户 \(n) 已停用；请联系管理员" : "account \(n) is disabled; ask an administrator"
        case let .invalidWorker(p):
            return p.summary(lang)
        case let .workerExists(w):
            return zh ? "身份证号 \(w.id) 已登记（\(w.name)），未重复创建" : "resident ID \(w.id) is already registered (\(w.name)); nothing was created"
        case let .workerNotFound(id):
            return zh ? "未找到身份证号为 \(id) 的劳动者" : "no worker with resident ID \(id)"
        case let .userNotFound(n):
            return zh ? "用户 \(n) 不存在" : "no user named \(n)"
        case let .userExists(n):
            return zh ? "用户 \(n) 已存在，未作改动" : "user \(n) already exists; nothing was changed"
        case let .invalidUserName(n):
            return zh ? "用户名“\(n)”无效：应为 1–32 个字母、数字、点、下划线或连字符"
                : "user name '\(n)' is not valid: use 1–32 letters, digits, '.', '_' or '-'"
        case .weakPassword:
            return zh ? "密码太短：至少 \(Passwords.minimumLength) 个字符" : "password too short: at least \(Passwords.minimumLength) characters"
        case let .editConflict(id):
            return zh ? "\(id) 已被其他用户修改；请重新打开后再修改（您的修改未保存）"
                : "\(id) was changed by someone else meanwhile; reopen it and edit again (your change was not saved)"
        case let .invalidInput(en, zhText):
            return zh ? zhText : en
        case let .store(e):
            return e.message(lang)
        case let .csv(e):
            return e.message(lang)
        case let .invalidCatalogue(p):
            return p.message(lang)
        case let .occupationNotFound(code, asOf):
            if let asOf {
                return zh ? "职业编码 \(code) 在 \(asOf) 没有有效的目录条目" : "occupation \(code) has no catalogue entry in force on \(asOf)"
            }
            return zh ? "目录中没有职业编码 \(code)" : "no occupation \(code) in the catalogue"
        case let .targetNotFound(id):
            return zh ? "没有编号为 \(id) 的目标；用 target list 查看已有目标" : "no target number \(id); see target list for the targets recorded"
        case let .institutionNotFound(code):
            return zh ? "未找到统一社会信用代码为 \(code) 的培训机构" : "no training institution with credit code \(code)"
        case let .institutionExists(code, name):
            return zh ? "统一社会信用代码 \(code) 已登记（\(name)），未重复创建" : "credit code \(code) is already registered (\(name)); nothing was created"
        case let .periodOverlap(code, name, existing):
            return zh ? "有效期与已有条目重叠：\(code) \(name)（\(existing)）；请先调整有效期，未作改动"
                : "the period overlaps the existing entry \(code) \(name) (\(existing)); nothing was written"
        case let .wrongStatus(r):
            return r.message(lang)
        case let .wrongState(en, zhText):
            return zh ? zhText : en
        case let .classNotFound(id):
            return zh ? "未找到培训班 \(id)" : "no training class \(id)"
        case let .filedReportNotFound(id):
            return zh ? "未找到已报送报表 \(FiledReport.number(id))；用 report filed list 查看已报送的报表"
                : "no filed report \(FiledReport.number(id)); report filed list shows the filed reports"
        case let .classWrongStatus(id, status, action, actionZh):
            return zh ? "培训班 \(id) 当前状态为“\(status.label(.zh))”，不能\(actionZh)；未作改动"
                : "class \(id) is \(status.label(.en).lowercased()); it cannot \(action); nothing was changed"
        case let .workersNotRegistered(ids):
            let list = ids.joined(separator: ", ")
            return zh ? "以下身份证号未登记为劳动者：\(list)；请先登记，未作改动"
                : "not registered as workers: \(list); register them first; nothing was written"
        case let .certificateExists(type, number, worker):
            return zh ? "\(worker) 的\(type.label(.zh)) \(number) 已登记，未重复创建"
                : "\(type.label(.en)) \(number) of \(worker) is already recorded; nothing was created"
        case let .certificateNotFound(number, type):
            return zh ? "未找到编号为 \(number) 的\(type?.label(.zh) ?? "证书")；请先登记证书，或核对编号"
                : "no \(type.map { $0.label(.en).lowercased() } ?? "certificate") numbered \(number) is recorded; record it first or check the number"
        case let .claimNotFound(id):
            let tail = ClaimNumber.format(year: 0, serial: Int(id)).dropFirst(5)   // "SD-0-" off
            return zh ? "未找到序号为 \(id) 的申请（申请编号 SD-年份-\(tail)）" : "no claim with serial \(id) (claim number SD-year-\(tail))"
        case let .claimNumberNotFound(number):
            return zh ? "未找到申请 \(number)；请核对申请编号（SD-年份-序号）" : "no claim \(number); check the claim number (SD-year-serial)"
        case let .auditEntryNotFound(seq):
            return zh ? "没有第 \(seq) 条审计记录（审计记录从 1 起编号，至最新一条；可用 audit list 查看）"
                : "no audit entry \(seq) (entries are numbered from 1 to the newest; see audit list)"
        case let .workflow(e):
            return e.message(lang)
        case let .makerChecker(id, user):
            return zh ? "用户“\(user)”经办了申请 \(id)，不能自己审核；应由另一名审核人员决定（未作改动）"
                : "user \"\(user)\" prepared claim \(id) and cannot decide on it; another supervisor must (nothing was changed)"
        case let .fund(e):
            return e.message(lang) + (zh ? "（未作改动）" : " (nothing was changed)")
        case let .money(e):
            return e.message(lang)
        case let .claimNotEligible(id, failures):
            return zh ? "申请 \(id) 有规则不通过，不能提交：" + failures.joined(separator: "；")
                : "claim \(id) cannot be submitted while rules fail: " + failures.joined(separator: "; ")
        case let .sealBroken(list):
            return zh ? "以下申请与审批封存或审计记录不符，未作改动：" + list.map { $0.zh }.joined(separator: "；")
                : "these claims no longer match what was approved and audited; nothing was changed: " + list.map { $0.en }.joined(separator: "; ")
        case let .outputFile(e):
            return e.message(lang)
        case let .listExportNotAudited(path, reason, reasonZh):
            return zh ? "文件 \(path) 已写入，但这次导出未能记入审计日志（\(reasonZh)）；个人信息不得未经记录地流出：请删除该文件，待数据库可写后再导出（加 --force 覆盖）"
                : "the file \(path) was written, but the export could not be recorded in the audit trail (\(reason)); personal data must not leave unrecorded: delete the file and export again (with --force) once the database can be written"
        case let .exportNotAudited(path, reason, reasonZh):
            return zh ? "银行文件 \(path) 已写入，但导出未能记入审计日志（\(reasonZh)）；未记入审计的文件不得交给银行：请删除它，待数据库可写后再导出（加 --force 覆盖）"
                : "the bank file \(path) was written, but its export could not be recorded in the audit trail (\(reason)); a file not in the trail must not go to the bank: delete it and export again (with --force) once the database can be written"
        case let .schemaDamaged(names):
            let list = names.joined(separator: zh ? "、" : ", ")
            return zh ? "数据库缺少本程序依赖的结构：\(list)；为防止未被察觉的改动，暂停一切写入（未作改动）。请联系管理员运行 `skilldesk repair`"
                : "the database lacks what this program relies on: \(list); nothing was written, and nothing will be until it is put back — ask an administrator to run `skilldesk repair`"
        case let .trustFile(path, reason):
            return zh ? "无法写入审计锚点或日志文件 \(path)：\(reason)；请检查该位置（--anchor-file / SKILLDESK_ANCHOR_FILE / SKILLDESK_LOG_FILE）"
                : "cannot write the audit anchor or log file \(path): \(reason); check that place (--anchor-file / SKILLDESK_ANCHOR_FILE / SKILLDESK_LOG_FILE)"
        case let .passwordRefused(p):
            return p.message(lang)
        case let .reservedUserName(n):
            return zh ? "用户名“\(n)”为系统保留（自动操作的审计记录以 system 署名），请另选用户名；未作改动"
                : "the user name '\(n)' is reserved (automatic audit rows are signed 'system'); choose another name; nothing was changed"
        case let .userNameTaken(n, existing):
            return zh ? "已有用户 \(existing)，用户名“\(n)”仅大小写不同，容易混淆；请另选用户名，未作改动"
                : "user \(existing) already exists and '\(n)' differs from it only in case; choose another name; nothing was changed"
        case let .lastAdministrator(n):
            return zh ? "\(n) 是最后一名在用的管理员，不能停用或取消其管理员角色；请先添加或启用另一名管理员（未作改动）"
                : "\(n) is the last active administrator and cannot be disabled or lose the admin role; add or enable another administrator first (nothing was changed)"
        case let .fourEyes(ids, u, hand):
            let list = ids.map(String.init).joined(separator: ", ")
            switch hand {
            case .approved:
                return zh ? "用户“\(u)”批准了申请 \(list)，不能再编入支付批次；应由另一名财务人员办理（四眼原则，未作改动）"
                    : "user \"\(u)\" approved claim \(list) and cannot put it in a payment batch; another finance officer must (four eyes; nothing was changed)"
            case .objected:
                return zh ? "用户“\(u)”对申请 \(list) 登记过异议，不能自己审核；应由另一名审核人员决定（四眼原则，未作改动）"
                    : "user \"\(u)\" objected to claim \(list) and cannot decide on it; another supervisor must (four eyes; nothing was changed)"
            case .prepared, .submitted:
                return zh ? "用户“\(u)”\(hand == .prepared ? "经办" : "提交")过申请 \(list)，不能自己审核；应由另一名审核人员决定（四眼原则，未作改动）"
                    : "user \"\(u)\" \(hand.rawValue) claim \(list) and cannot decide on it; another supervisor must (four eyes; nothing was changed)"
            }
        case let .unknownPolicy(name):
            let names = PolicyLibrary.names.joined(separator: ", ")
            return zh ? "没有名为“\(name)”的政策方案；可用：\(names)" : "no policy profile named '\(name)'; use one of \(names)"
        case let .outOfRange(name, value, min, max):
            if let max {
                return zh ? "\(name) 为 \(value)，超出范围；应为 \(min) 到 \(max)" : "\(name) \(value) is out of range; give \(min) to \(max)"
            }
            return zh ? "\(name) 为 \(value)，超出范围；应为 \(min) 或更大" : "\(name) \(value) is out of range; give \(min) or more"
        }
    }

    static func localTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: date)
    }
}

extension Permission {
    /// What the permission lets one do, for "not permitted" messages.
    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.readWorkers, .zh): return "查看劳动者"
        case (.readWorkers, .en): return "view workers"
        case (.registerWorker, .zh): return "登记劳动者"
        case (.registerWorker, .en): return "register workers"
        case (.editWorker, .zh): return "修改劳动者信息"
        case (.editWorker, .en): return "edit workers"
        case (.importWorkers, .zh): return "批量导入劳动者"
        case (.importWorkers, .en): return "import workers"
        case (.manageUsers, .zh): return "管理用户"
        case (.manageUsers, .en): return "manage users"
        case (.readAudit, .zh): return "查看审计记录"
        case (.readAudit, .en): return "read the audit trail"
        case (.verifyAudit, .zh): return "校验审计链"
        case (.verifyAudit, .en): return "verify the audit trail"
        case (.readCatalogue, .zh): return "查看职业和机构目录"
        case (.readCatalogue, .en): return "view the occupation and institution catalogues"
        case (.manageCatalogue, .zh): return "维护职业和机构目录"
        case (.manageCatalogue, .en): return "change the occupation and institution catalogues"
        case (.readClasses, .zh): return "查看培训班和证书"
        case (.readClasses, .en): return "view training classes and certificates"
        case (.manageClasses, .zh): return "管理培训班、考勤和证书"
        case (.manageClasses, .en): return "manage training classes, attendance and certificates"
        case (.managePolicy, .zh): return "更改政策方案"
        case (.managePolicy, .en): return "change the policy profile"
        case (.prepareClaims, .zh): return "经办补贴申请"
        case (.prepareClaims, .en): return "prepare claims"
        case (.decideClaims, .zh): return "审核补贴申请"
        case (.decideClaims, .en): return "decide on claims"
        case (.payClaims, .zh): return "支付补贴"
        case (.payClaims, .en): return "pay claims"
        case (.manageFunds, .zh): return "管理资金专账"
        case (.manageFunds, .en): return "manage fund accounts"
        case (.manageCalendar, .zh): return "维护工作日历"
        case (.manageCalendar, .en): return "edit the working-day calendar"
        case (.repairDatabase, .zh): return "修复数据库结构"
        case (.repairDatabase, .en): return "repair the database's triggers and indexes"
        case (.readAllClaims, .zh): return "查看所有人的补贴申请"
        case (.readAllClaims, .en): return "read everyone's claims"
        case (.readReports, .zh): return "查看统计报表"
        case (.readReports, .en): return "read reports and statistics"
        case (.manageReports, .zh): return "设定目标、评定机构信用等级和报送报表"
        case (.manageReports, .en): return "set targets, grade institutions and file reports"
        case (.readAnomalies, .zh): return "查看异常线索"
        case (.readAnomalies, .en): return "read the anomaly signals"
        }
    }
}

/// Field-by-field problems with a worker form: the core's validation plus what only the
/// database can tell (an unregistered relative).
public struct WorkerProblems: Sendable {
    public var fields: [WorkerField: any UserMessage & Sendable]

    public init(fields: [WorkerField: any UserMessage & Sendable] = [:]) { self.fields = fields }

    public func summary(_ lang: Lang) -> String {
        WorkerField.allCases.compactMap { f in
            fields[f].map { "\(WorkerText.label(f, lang))：\($0.message(lang))" }
        }.joined(separator: "; ")
    }
}

/// Problems about the "direct relative of" field that need the database to know.
public enum RelativeProblem: Error, Sendable, UserMessage {
    case notRegistered(String)
    case notEligible(String)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.notRegistered(id), .zh): return "\(id) 未登记；应填写已登记的贫困或重度残疾劳动者的身份证号"
        case let (.notRegistered(id), .en): return "\(id) is not registered; give the ID of a registered poor or severely disabled worker"
        case let (.notEligible(id), .zh): return "\(id) 既非贫困人员也非重度残疾人，不适用亲属延伸（E11）"
        case let (.notEligible(id), .en): return "\(id) is neither poor nor severely disabled, so relatives do not qualify (E11)"
        }
    }
}

/// A page of a list (`claimQueue`, `searchWorkers`): at most `maxLimit` rows, from a position of 0 or
/// more. Out of range is refused, not quietly clamped: `--limit=-1` asking for "everything" gets a
/// clear refusal, not 1 row or 10,000. The command line asks this before it opens the database.
public enum Paging {
    public static let maxLimit = 10_000

    public static func check(offset: Int, limit: Int) throws(DeskError) {
        guard (1...maxLimit).contains(limit) else { throw .outOfRange(name: "limit", value: limit, min: 1, max: maxLimit) }
        guard offset >= 0 else { throw .outOfRange(name: "offset", value: offset, min: 0, max: nil) }
    }
}

extension DeskError {
    /// Runs a `FieldText` check, its refusal as `invalidInput` (exit 65) with both messages.
    static func checking<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as FieldTextError { throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh)) }
    }
}
