import Foundation
import SkillCore
import SkillStore
import SkillRecords

extension ClaimRow {
    /// What an approval seals of this claim as it stands (docs/DECISIONS.md "Seals").
    var seal: ClaimSeal {
        ClaimSeal(claimID: id, workerID: workerID, kind: kind.rawValue, classID: classID, certificateID: certificateID,
                  claimYear: claimYear, amountFen: amountFen, payee: payee.rawValue, payeeCode: payeeCode,
                  fundYear: fundYear, fundSource: fundSource?.rawValue)
    }
}

/// Why money may not move for a claim: its row, its payee's record or its payment line no longer
/// match what the audit trail sealed or last recorded. Each names the claim and the field.
enum SealCheck {
    /// Fields of a claim row the program changes without an audit row of their own: the W5 mark
    /// and the optimistic version are the database's bookkeeping, not the claim's content.
    static let unaudited: Set<String> = []

    static func problem(_ claim: Int64, zh: String, en: String) -> SkipReason {
        SkipReason(zh: "申请 \(claim)：\(zh)", en: "claim \(claim): \(en)")
    }

    static func describe(_ d: [FieldDifference]) -> (zh: String, en: String) {
        let en = d.map { "\($0.field) (audited \($0.audited ?? "—"), stored \($0.stored ?? "—"))" }.joined(separator: ", ")
        let zh = d.map { "\($0.field)（审计记录为 \($0.audited ?? "—")，现为 \($0.stored ?? "—")）" }.joined(separator: "，")
        return (zh, en)
    }

    /// The claim's row against the seal of its approval and against its last audited image.
    /// Nil when both hold.
    static func claimProblem(_ r: StoreReader, _ c: ClaimRow) throws -> SkipReason? {
        let key = String(c.id)
        guard let approval = try r.lastAuditEntry(entity: "claim", key: key, actions: ["claim.approve"]) else {
            return problem(c.id, zh: "审计记录中没有它的审批，不能付款（记录可能被绕过程序改动）",
                           en: "the audit trail holds no approval of it; it cannot be paid (the record may have been changed outside the program)")
        }
        guard approval.intact else {
            return problem(c.id, zh: "审计记录中它的审批（第 \(approval.entry.seq) 条）已被改动；请管理员运行 audit verify",
                           en: "its approval in the audit trail (entry \(approval.entry.seq)) was altered; an administrator must run audit verify")
        }
        if let sealed = ClaimSeal.fromAfterImage(approval.entry.after ?? "") {
            let image = JSONValue.object(approval.entry.after)
            guard case let .string(h)? = image?["seal_sha256"], h == sealed.hash else {
                return problem(c.id, zh: "审批封存的内容与其哈希不符（审计记录第 \(approval.entry.seq) 条）",
                               en: "the approval's seal does not match its hash (audit entry \(approval.entry.seq))")
            }
            let now = c.seal
            let fields = now.differences(from: sealed)
            if !fields.isEmpty {
                let pairs = zip(now.fields, sealed.fields).filter { $0.value != $1.value }
                    .map { FieldDifference(field: $0.name, audited: $1.value ?? "null", stored: $0.value ?? "null") }
                let d = describe(pairs)
                return problem(c.id, zh: "与审批时封存的内容不符：\(d.zh)", en: "no longer matches what was approved: \(d.en)")
            }
        } else if let image = JSONValue.object(approval.entry.after), let amount = image["amount_fen"],
                  amount != .int(c.amountFen) {
            // Approved before seals existed: the approval's image still has the amount.
            let d = describe([FieldDifference(field: "amount_fen", audited: amount.display, stored: String(c.amountFen))])
            return problem(c.id, zh: "与审批时的金额不符：\(d.zh)", en: "no longer matches what was approved: \(d.en)")
        }
        // The row as the trail last left it (status, batch, payee…): a claim set payable or put
        // back into a batch with sqlite3 differs here even when its sealed fields do not.
        guard let last = try r.lastAuditEntry(entity: "claim", key: key), last.intact,
              let image = JSONValue.object(last.entry.after) else {
            return problem(c.id, zh: "审计记录中它的最后一条记录已被改动或缺失", en: "its last audit entry is altered or missing")
        }
        let d = AuditImage.differences(image: image, now: JSONValue.object(ClaimSnapshot.json(c)) ?? [:],
                                       ignore: ["seal", "seal_sha256"])
        if !d.isEmpty {
            let t = describe(d)
            return problem(c.id, zh: "与审计记录不符：\(t.zh)", en: "differs from the audit trail: \(t.en)")
        }
        return nil
    }

    /// For a claim's detail: what a reader should be warned of before trusting the row — an
    /// approved claim against its seal and last image, any other against its last image.
    static func recordProblem(_ r: StoreReader, _ c: ClaimRow) throws -> SkipReason? {
        let sealed: Set<ClaimStatus> = [.approved, .onNotice, .payable, .paid, .clawback, .recovered]
        if sealed.contains(c.status) { return try claimProblem(r, c) }
        guard let last = try r.lastAuditEntry(entity: "claim", key: String(c.id)) else {
            return problem(c.id, zh: "审计记录中没有它（可能绕过程序写入）", en: "the audit trail has no record of it (written outside the program?)")
        }
        guard last.intact, let image = JSONValue.object(last.entry.after) else {
            return problem(c.id, zh: "审计记录中它的最后一条记录已被改动", en: "its last audit entry was altered")
        }
        let d = AuditImage.differences(image: image, now: JSONValue.object(ClaimSnapshot.json(c)) ?? [:], ignore: ["seal", "seal_sha256"])
        guard !d.isEmpty else { return nil }
        let t = describe(d)
        return problem(c.id, zh: "与审计记录不符：\(t.zh)", en: "differs from the audit trail: \(t.en)")
    }

    /// The payee's name and account as stored against what the trail last recorded for them:
    /// a worker's name (worker.create/update) and account (worker.bank_account), or an
    /// organisation's holder and account (payee.bank_account).
    static func payeeProblem(_ r: StoreReader, _ c: ClaimRow, name: String, account: String) throws -> SkipReason? {
        let entity: String, key: String, nameActions: [String], accountActions: [String]
        if c.payee == .worker {
            entity = "worker"; key = c.workerID
            nameActions = ["worker.create", "worker.update"]; accountActions = ["worker.bank_account"]
        } else {
            guard let code = c.payeeCode else { return nil }
            entity = "payee"; key = code
            nameActions = ["payee.bank_account"]; accountActions = ["payee.bank_account"]
        }
        // The name: rows imported in bulk are audited per file, not per row, and have no image to
        // compare with (docs/DECISIONS.md "Seals").
        if let named = try r.lastAuditEntry(entity: entity, key: key, actions: nameActions) {
            guard named.intact else {
                return problem(c.id, zh: "收款人 \(key) 的审计记录（第 \(named.entry.seq) 条）已被改动",
                               en: "the audit entry of payee \(key) (entry \(named.entry.seq)) was altered")
            }
            if case let .string(audited)? = JSONValue.object(named.entry.after)?["name"], audited != name {
                let d = describe([FieldDifference(field: "name", audited: audited, stored: name)])
                return problem(c.id, zh: "收款人 \(key) 的姓名与审计记录不符：\(d.zh)",
                               en: "payee \(key)'s name differs from the audit trail: \(d.en)")
            }
        }
        guard let recorded = try r.lastAuditEntry(entity: entity, key: key, actions: accountActions), recorded.intact,
              let image = JSONValue.object(recorded.entry.after) else {
            return problem(c.id, zh: "收款人 \(key) 的银行账户没有完整的审计记录，不能付款",
                           en: "payee \(key)'s bank account has no intact audit record; it cannot be paid")
        }
        let matches: Bool
        if case let .string(digest)? = image["bank_account_sha256"] {
            matches = digest == AccountDigest.sha256(account)
        } else if case let .string(masked)? = image["bank_account"] {
            // Recorded before digests existed: only the masked form (last 4 digits) can be compared.
            matches = masked == PublicMask.bankAccount(account)
        } else {
            matches = false
        }
        if !matches {
            return problem(c.id, zh: "收款人 \(key) 的银行账户与审计记录不符（账户被绕过程序改动）",
                           en: "payee \(key)'s bank account differs from the audit trail (changed outside the program)")
        }
        return nil
    }

    /// A payment line against its claim: the amount, name and account the bank is told must be the
    /// claim's, as the trail recorded them when the claim went into the batch.
    static func lineProblem(_ r: StoreReader, _ l: PaymentLineRow) throws -> SkipReason? {
        guard let c = try r.claim(id: l.claimID) else {
            return problem(l.claimID, zh: "付款行对应的申请不存在", en: "the payment line's claim does not exist")
        }
        if let p = try claimProblem(r, c) { return p }
        var d: [FieldDifference] = []
        if l.amountFen != c.amountFen { d.append(FieldDifference(field: "amount_fen", audited: String(c.amountFen), stored: String(l.amountFen))) }
        if l.payeeName != c.payeeName { d.append(FieldDifference(field: "payee_name", audited: c.payeeName, stored: l.payeeName)) }
        if l.bankAccount != c.bankAccount {
            d.append(FieldDifference(field: "bank_account", audited: c.bankAccount.map(PublicMask.bankAccount),
                                     stored: PublicMask.bankAccount(l.bankAccount)))
        }
        if c.batchID != l.batchID { d.append(FieldDifference(field: "batch_id", audited: c.batchID, stored: l.batchID)) }
        if !d.isEmpty {
            let t = describe(d)
            return problem(l.claimID, zh: "付款行与申请不符：\(t.zh)", en: "the payment line differs from the claim: \(t.en)")
        }
        return nil
    }
}

extension Session {
    /// The worker's record against what the trail last recorded of it (registration, edits, the
    /// bank account): nil when it matches or the worker was imported in bulk (no image of its own).
    /// The worker detail warns with it, so a name edited with sqlite3 is not shown without a word.
    public func workerAuditProblem(id: String) throws -> SkipReason? {
        try require(.readWorkers)
        let key = id.trimmedWhitespace().uppercased()
        return try read(.readWorkers) { r in
            guard let w = try r.worker(id: key) else { throw DeskError.workerNotFound(key) }
            let c = TableCheck(reader: r)
            guard let (image, _) = try c.image("worker", key, full: TableCheck.workerActions, partial: ["worker.bank_account"]) else { return nil }
            var now = JSONValue.object(WorkerSnapshot(w).json()) ?? [:]
            if let account = try r.bankAccount(workerID: key) {
                now["bank_account"] = .string(PublicMask.bankAccount(account))
                now["bank_account_sha256"] = .string(AccountDigest.sha256(account))
            }
            let d = AuditImage.differences(image: image, now: now)
            guard !d.isEmpty else { return nil }
            let t = SealCheck.describe(d)
            return SkipReason(zh: "此记录与审计记录不符（可能绕过程序改动）：\(t.zh)",
                              en: "this record differs from the audit trail (changed outside the program?): \(t.en)")
        }
    }
}
