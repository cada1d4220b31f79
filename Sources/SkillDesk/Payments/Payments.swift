import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A payment batch made from payable claims (`payment batch`).
public struct PaymentBatchResult: Sendable {
    public var batch: String
    public var summary: PaymentBatchSummary
    public var claimIDs: [Int64]
    /// Payable claims left out, with why (no bank account on record, or not paid to the worker).
    public var skipped: [(id: Int64, reason: SkipReason)]
    /// The left-out claims' numbers by id (`SD-2026-000004`): reports name claims by number.
    public var numbers: [Int64: String] = [:]

    /// A left-out claim's number (its serial only if it is somehow not known).
    public func name(_ id: Int64, _ lang: Lang) -> String { ClaimNames.name(id, numbers, lang) }
}

/// An organisation's bank account as screens and scripts see it: the number masked to its last 4 digits.
public struct PayeeAccount: Sendable, Equatable {
    public var code: String
    public var name: String
    public var maskedAccount: String
}

/// The bank file's encodings.
public enum BankFileEncoding: String, Sendable, CaseIterable {
    case utf8BOM = "utf8-bom"
    case gb18030
}

/// What reconciling a bank result did.
public struct PaymentReconcileResult: Sendable {
    public var batch: String
    public var paid: [Int64]
    public var failed: [Int64]
    /// Lines that matched nothing, had the wrong amount, or claims the bank did not answer for.
    public var problems: [String]
    /// The same problems in both languages (for the screens), in the same order.
    public var problemMessages: [SkipReason] = []
    /// Claims whose line the file answers as already recorded (a file reconciled again): nothing
    /// is done with them a second time.
    public var alreadyReconciled: [Int64] = []
    /// Each such line in both languages, in file order.
    public var alreadyMessages: [SkipReason] = []
}

extension Session {
    /// Records a worker's bank account (clerks; checked with `BankAccountNumber.parse`; audited
    /// `worker.bank_account` with the last 4 digits only).
    public func setBankAccount(workerID: String, account: String) throws {
        try require(.editWorker)
        let id = workerID.trimmedWhitespace().uppercased()
        let digits: String
        switch BankAccountNumber.parse(account, payee: .worker) {
        case .success(let n): digits = n.digits
        case .failure(let e): throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh))
        }
        let now = desk.clock()
        try write(.editWorker) { w in
            let old = try w.bankAccount(workerID: id)
            guard try w.setBankAccount(workerID: id, digits) else { throw DeskError.workerNotFound(id) }
            try w.audit(at: now, user: user, action: "worker.bank_account", entity: "worker", key: id,
                        before: old.map { CatalogueJSON.encode(["bank_account": PublicMask.bankAccount($0)]) },
                        after: CatalogueJSON.encode(["bank_account": PublicMask.bankAccount(digits),
                                                     "bank_account_sha256": AccountDigest.sha256(digits)]))
        }
    }

    /// The worker's bank account as it may be shown (last 4 digits, `PublicMask.bankAccount`), nil
    /// when none is on record. The full number never leaves the use-case layer this way.
    public func bankAccount(workerID: String) throws -> String? {
        try require(.readWorkers)
        let id = workerID.trimmedWhitespace().uppercased()
        return try read(.readWorkers) { r in
            guard try r.workerName(id: id) != nil else { throw DeskError.workerNotFound(id) }
            return try r.bankAccount(workerID: id).map(PublicMask.bankAccount)
        }
    }

    /// Records the bank account an institution or enterprise is paid into (clerks, who collect it
    /// with the claim; audited `payee.bank_account` with the last 4 digits only): its unified
    /// social credit code, the account holder's name as the bank knows it, and the account
    /// (12–30 digits).
    @discardableResult
    public func setPayeeAccount(code: String, name: String, account: String) throws -> PayeeAccount {
        try require(.prepareClaims)
        let c: String
        switch CreditCode.parse(code) {
        case .success(let v): c = v.value
        case .failure(let e): throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh))
        }
        let holder = try DeskError.checking {
            try FieldText.identifier(name, field: FieldLabel(en: "account holder's name as the bank has it", zh: "开户名称（与银行登记一致）"),
                                     max: FieldText.maxName)
        }
        // The bank file's own rule, so a name taken here can always be exported (issue 10).
        if let p = BankFile.payeeNameProblem(holder) {
            let e = BankFileError(line: 0, problem: p)
            throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh))
        }
        let digits: String
        switch BankAccountNumber.parse(account, payee: .institution) {
        case .success(let n): digits = n.digits
        case .failure(let e): throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh))
        }
        let now = desk.clock()
        try write(.prepareClaims) { w in
            let old = try w.payeeAccount(code: c)
            try w.setPayeeAccount(code: c, name: holder, account: digits, at: now)
            try w.audit(at: now, user: user, action: "payee.bank_account", entity: "payee", key: c,
                        before: old.map { CatalogueJSON.encode(["name": $0.name, "bank_account": PublicMask.bankAccount($0.bankAccount)]) },
                        after: CatalogueJSON.encode(["name": holder, "bank_account": PublicMask.bankAccount(digits),
                                                     "bank_account_sha256": AccountDigest.sha256(digits)]))
        }
        return PayeeAccount(code: c, name: holder, maskedAccount: PublicMask.bankAccount(digits))
    }

    /// Organisations' accounts, masked to the last 4 digits (every role that reads claims).
    public func payeeAccounts(limit: Int = 1_000) throws -> [PayeeAccount] {
        return try read(.readClasses) { try $0.payeeAccounts(limit: limit) }
            .map { PayeeAccount(code: $0.code, name: $0.name, maskedAccount: PublicMask.bankAccount($0.bankAccount)) }
    }

    /// Puts every payable claim not yet in a batch into a new batch (finance; one transaction,
    /// audited `payment.batch` with the claims). Claims paid to the worker need the worker's bank
    /// account, claims paid to an institution or enterprise that organisation's (`setPayeeAccount`);
    /// without one a claim is left out (reported), and so is a claim this user approved (four eyes;
    /// refused with exit 77 when those are all there is). Refused when nothing is payable.
    public func createPaymentBatch() throws -> PaymentBatchResult {
        try require(.payClaims)
        try sweepNotices()
        let now = desk.clock(), today = desk.today()
        return try write(.payClaims) { w in
            var lines: [PaymentLineRow] = [], coreLines: [PaymentLine] = [], skipped: [(Int64, SkipReason)] = []
            let prefix = "PB" + today.compact + "-"
            let batch = try w.nextPaymentBatchNumber(prefix: prefix)
            var claims: [ClaimRow] = [], mine: [Int64] = []
            var numbers: [Int64: String] = [:]
            for c in try w.payableUnbatched(limit: 10_000) {
                numbers[c.id] = c.number
                guard c.amountFen > 0 else { skipped.append((c.id, SkipReason(zh: "金额为 0", en: "amount is 0"))); continue }
                // Four eyes: whoever approved a claim does not pay it; left out, the batch goes on.
                if ClaimWorkflow.approvedBy(try claimHands(w, c), payer: user) {
                    mine.append(c.id)
                    skipped.append((c.id, SkipReason(zh: "您批准了申请 \(c.number)，应由另一名财务人员编入支付批次（四眼原则）",
                                                     en: "you approved claim \(c.number): another finance officer must put it in a batch (four eyes)")))
                    continue
                }
                // Nothing is paid that no longer matches what was approved and audited.
                if let p = try SealCheck.claimProblem(w, c) { skipped.append((c.id, p)); continue }
                let payee = c.payee
                let name: String, account: String
                if payee == .worker {
                    guard let a = try w.bankAccount(workerID: c.workerID), let n = try w.workerName(id: c.workerID) else {
                        skipped.append((c.id, SkipReason(zh: "劳动者 \(c.workerID) 未登记银行账户",
                                                         en: "worker \(c.workerID) has no bank account on record"))); continue
                    }
                    name = n; account = a
                } else {
                    guard let code = c.payeeCode, let o = try w.payeeAccount(code: code) else {
                        let code = c.payeeCode ?? "?"
                        skipped.append((c.id, SkipReason(
                            zh: "支付给\(payee.label(.zh)) \(code)：未登记收款账户（payee set）",
                            en: "paid to \(payee.label(.en)) \(code): no bank account on record (payee set)"))); continue
                    }
                    name = o.name; account = o.bankAccount
                }
                if let p = try SealCheck.payeeProblem(w, c, name: name, account: account) { skipped.append((c.id, p)); continue }
                lines.append(PaymentLineRow(batchID: batch, claimID: c.id, amountFen: c.amountFen, payeeName: name,
                                            bankAccount: account, kind: c.kind, payee: c.payee))
                coreLines.append(PaymentLine(claimNumber: ClaimNumber.format(year: c.claimYear, serial: Int(c.id)), payeeName: name,
                                             bankAccount: account, amountFen: c.amountFen,
                                             kind: c.kind, payee: payee))
                claims.append(c)
            }
            if !lines.isEmpty && PaymentBatchSummary(lines: coreLines) == nil {
                throw DeskError.money(.sumOverflow(what: "the payable claims' amounts", whatZh: "待支付申请金额"))
            }
            if lines.isEmpty && !mine.isEmpty && mine.count == skipped.count {
                throw DeskError.fourEyes(claims: mine, user: user, hand: .approved)
            }
            guard !lines.isEmpty, let summary = PaymentBatchSummary(lines: coreLines) else {
                throw DeskError.wrongState("no payable claim can go into a batch" + (skipped.isEmpty ? "" : " (\(skipped.count) left out: \(skipped.map { "\(ClaimNames.name($0.0, numbers, .en)): \($0.1.en)" }.joined(separator: "; ")))"),
                                           zh: "没有可以支付的申请" + (skipped.isEmpty ? "" : "（\(skipped.count) 份被排除：\(skipped.map { "\(ClaimNames.name($0.0, numbers, .zh))：\($0.1.zh)" }.joined(separator: "；"))）"))
            }
            try w.insertPaymentBatch(PaymentBatchRow(id: batch, createdAt: Timestamp.utc(now), createdBy: user,
                                                     businessDate: today.description, count: summary.count,
                                                     totalFen: summary.totalFen), lines: lines)
            // claims[i] is lines[i]'s claim (appended together above).
            for (var c, line) in zip(claims, lines) {
                let before = ClaimSnapshot.json(c)
                c.batchID = batch
                c.payeeName = line.payeeName
                c.bankAccount = line.bankAccount
                _ = try save(w, c, action: nil, before: before, now: now, actionName: "claim.batch")
            }
            try w.audit(at: now, user: user, action: "payment.batch", entity: "payment_batch", key: batch, before: nil,
                        after: CatalogueJSON.encode(PaymentBatchJSON(batch: batch, count: summary.count, total_fen: summary.totalFen,
                                                                     claims: claims.map(\.id))))
            let left = Set(skipped.map(\.0))
            return PaymentBatchResult(batch: batch, summary: summary, claimIDs: claims.map(\.id), skipped: skipped,
                                      numbers: numbers.filter { left.contains($0.key) })
        }
    }

    /// The bank file of a batch (finance), as bytes in the chosen encoding. Reads only and audits
    /// nothing: a file goes out through `exportPaymentBatch(_:encoding:to:replace:)`.
    public func bankFile(_ batch: String, encoding: BankFileEncoding) throws -> [UInt8] {
        return try read(.payClaims) { w in
            guard let b = try w.paymentBatch(id: batch) else {
                throw DeskError.invalidInput("no payment batch \(batch)", zh: "没有支付批次 \(batch)")
            }
            let years = try w.paymentLineClaimYears(batchID: batch)
            let stored = try w.paymentLines(batchID: batch)
            // The bank is told only what was approved and audited: every open line is checked
            // against its claim, and the claim against its seal (the whole file is refused).
            let broken = try stored.filter { $0.result == nil }.compactMap { try SealCheck.lineProblem(w, $0) }
            if !broken.isEmpty { throw DeskError.sealBroken(broken) }
            let lines = stored.map { Self.coreLine($0, year: years[$0.claimID] ?? 0) }
            let text: String
            do { text = try BankFile.exportLines(batch: batch, date: CalendarDate(iso: b.businessDate) ?? desk.today(), lines: lines) }
            catch let e as BankFileErrors { throw DeskError.invalidInput(e.message(.en), zh: e.message(.zh)) }
            switch encoding {
            case .utf8BOM: return TextEncoder.utf8WithBOM(text)
            case .gb18030:
                guard let g = TextEncoder.gb18030(text) else {
                    throw DeskError.invalidInput("this system cannot write GB18030; use utf8-bom", zh: "本机无法转换为 GB18030，请用 utf8-bom")
                }
                return g
            }
        }
    }

    /// Writes a batch's bank file to `path` (finance) and then audits `payment.export`: the target
    /// is checked and its temporary file created first (`OutputFile`: never the database, never an
    /// existing file unless `replace`), the bytes are written and made durable, and only then is
    /// the audit row appended — a failed export leaves no row. Should that last write fail, the
    /// error (`exportNotAudited`) says the file is there but not in the trail. Returns the bytes.
    @discardableResult
    public func exportPaymentBatch(_ batch: String, encoding: BankFileEncoding, to path: String, replace: Bool) throws -> [UInt8] {
        try require(.payClaims)
        let file = try outputFile(path, replace: replace)
        let bytes = try bankFile(batch, encoding: encoding)
        try file.write(bytes)
        try file.commit()
        do {
            try write(.payClaims) { w in
                try w.audit(at: desk.clock(), user: user, action: "payment.export", entity: "payment_batch", key: batch, before: nil,
                            after: CatalogueJSON.encode(["encoding": encoding.rawValue, "sha256": Self.sha256(bytes)]))
            }
        } catch {
            let e = error as? UserMessage
            throw DeskError.exportNotAudited(path: path, reason: e?.message(.en) ?? "\(error)", reasonZh: e?.message(.zh) ?? "\(error)")
        }
        return bytes
    }

    /// Reconciles the bank's result file with a batch (finance; one transaction): paid lines move
    /// their claims payable → paid (reserved → paid in the fund); failed lines go back to payable
    /// out of the batch with the bank's reason (the reservation stays, DECISIONS). A line for a
    /// claim already reconciled the same way is reported as already reconciled and left alone, so
    /// importing the same file twice changes nothing and audits nothing more; one that says
    /// otherwise than what was recorded is a problem. Audited `payment.reconcile` only when a
    /// claim moved.
    public func reconcilePaymentBatch(_ batch: String, resultFile bytes: [UInt8]) throws -> PaymentReconcileResult {
        try require(.payClaims)
        let text = TextEncoder.decode(bytes)
        let results: [BankResultLine]
        do { results = try BankFile.parseResult(text) }
        catch { throw DeskError.invalidInput(error.message(.en), zh: error.message(.zh)) }
        let now = desk.clock()
        return try write(.payClaims) { w in
            guard try w.paymentBatch(id: batch) != nil else {
                throw DeskError.invalidInput("no payment batch \(batch)", zh: "没有支付批次 \(batch)")
            }
            let stored = try w.paymentLines(batchID: batch)
            let open = stored.filter { $0.result == nil }
            let years = try w.paymentLineClaimYears(batchID: batch)
            let numbers = Dictionary(uniqueKeysWithValues: open.map { (Self.number(of: $0, year: years[$0.claimID] ?? 0), $0) })
            let done = Dictionary(stored.filter { $0.result != nil }.map { (Self.number(of: $0, year: years[$0.claimID] ?? 0), $0) },
                                  uniquingKeysWith: { a, _ in a })
            let rec = BankFile.reconcile(results, batch: open.map { Self.coreLine($0, year: years[$0.claimID] ?? 0) })
            var out = PaymentReconcileResult(batch: batch, paid: [], failed: [], problems: [])
            func line(_ number: String) -> PaymentLineRow? { numbers[number.trimmedWhitespace()] }
            for r in rec.paid {
                guard let l = line(r.claimNumber) else { continue }
                // A line whose claim no longer matches its seal is not marked paid: it stays open
                // and is reported, for the bureau to find out what happened.
                if let p = try SealCheck.lineProblem(w, l) {
                    out.problems.append(p.en)
                    out.problemMessages.append(p)
                    continue
                }
                var c = try loadClaim(w, l.claimID)
                let t = try transition(w, c, .pay, reason: nil, code: nil)
                let before = ClaimSnapshot.json(c)
                try moveFund(w, c, .pay)
                c.status = t.to
                _ = try save(w, c, action: .pay, before: before, now: now)
                try w.setPaymentResult(batchID: batch, claimID: l.claimID, result: "paid", reason: nil)
                out.paid.append(l.claimID)
            }
            for r in rec.failed {
                guard let l = line(r.claimNumber) else { continue }
                var c = try loadClaim(w, l.claimID)
                let t = try transition(w, c, .paymentFailed, reason: r.reason, code: nil)
                let before = ClaimSnapshot.json(c)
                c.status = t.to
                c.reason = t.reason
                c.batchID = nil
                _ = try save(w, c, action: .paymentFailed, before: before, now: now)
                try w.setPaymentResult(batchID: batch, claimID: l.claimID, result: "failed", reason: t.reason)
                out.failed.append(l.claimID)
            }
            // Lines for claims this batch already settled: the same answer again is "already
            // reconciled"; another answer (or amount) is a problem to take up with the bank.
            var unknown: [BankResultLine] = [], contradicting: [SkipReason] = []
            for u in rec.unknown {
                guard let l = done[u.claimNumber], let was = l.result else { unknown.append(u); continue }
                let wasZh = was == .paid ? "已支付" : "支付失败", saysZh = u.outcome == .paid ? "已支付" : "支付失败"
                if was == u.outcome && u.amountFen == l.amountFen {
                    out.alreadyReconciled.append(l.claimID)
                    out.alreadyMessages.append(SkipReason(zh: "第 \(u.line) 行：\(u.claimNumber) 已对账（\(wasZh)），未重复处理",
                                                          en: "line \(u.line): \(u.claimNumber) already reconciled (\(was.rawValue))"))
                } else {
                    contradicting.append(SkipReason(
                        zh: "第 \(u.line) 行：\(u.claimNumber) 已按“\(wasZh)”对账（\(BankFile.yuan(l.amountFen))），本文件却为“\(saysZh)”（\(BankFile.yuan(u.amountFen))）；未作改动，请与银行核对",
                        en: "line \(u.line): \(u.claimNumber) already reconciled as \(was) (\(BankFile.yuan(l.amountFen))), but this file says \(u.outcome.rawValue) (\(BankFile.yuan(u.amountFen))); nothing was changed, check with the bank"))
                }
            }
            out.problems += unknown.map { "line \($0.line): claim \($0.claimNumber) is not in batch \(batch)" }
            out.problems += contradicting.map(\.en)
            out.problems += rec.amountMismatch.map { "line \($0.result.line): \($0.result.claimNumber) amount \(BankFile.yuan($0.result.amountFen)) ≠ \(BankFile.yuan($0.expectedFen))" }
            out.problems += rec.missing.map { "claim \($0.claimNumber): no result in the file" }
            out.problemMessages += unknown.map { SkipReason(zh: "第 \($0.line) 行：申请 \($0.claimNumber) 不在批次 \(batch) 中", en: "line \($0.line): claim \($0.claimNumber) is not in batch \(batch)") }
            out.problemMessages += contradicting
            out.problemMessages += rec.amountMismatch.map { SkipReason(zh: "第 \($0.result.line) 行：\($0.result.claimNumber) 金额 \(BankFile.yuan($0.result.amountFen)) ≠ 批次金额 \(BankFile.yuan($0.expectedFen))", en: "line \($0.result.line): \($0.result.claimNumber) amount \(BankFile.yuan($0.result.amountFen)) ≠ \(BankFile.yuan($0.expectedFen))") }
            out.problemMessages += rec.missing.map { SkipReason(zh: "申请 \($0.claimNumber)：结果文件中没有它的结果", en: "claim \($0.claimNumber): no result in the file") }
            // A file that moved no claim (the same file again) leaves the batch and the trail as they were.
            guard !out.paid.isEmpty || !out.failed.isEmpty else { return out }
            if try w.paymentLines(batchID: batch).allSatisfy({ $0.result != nil }) { try w.markReconciled(batchID: batch, at: now) }
            try w.audit(at: now, user: user, action: "payment.reconcile", entity: "payment_batch", key: batch, before: nil,
                        after: CatalogueJSON.encode(ReconcileJSON(paid: out.paid, failed: out.failed, problems: out.problems.count,
                                                                  sha256: Self.sha256(bytes))))
            return out
        }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        var h = SHA256()
        h.update(bytes)
        return SHA256.hexString(h.finalize())
    }

    /// A line's claim number; `year` from `paymentLineClaimYears` (one query for the batch).
    static func number(of l: PaymentLineRow, year: Int) -> String {
        ClaimNumber.format(year: year, serial: Int(l.claimID))
    }

    static func coreLine(_ l: PaymentLineRow, year: Int) -> PaymentLine {
        PaymentLine(claimNumber: number(of: l, year: year), payeeName: l.payeeName, bankAccount: l.bankAccount, amountFen: l.amountFen,
                    kind: l.kind, payee: l.payee)
    }
}

struct PaymentBatchJSON: Encodable { var batch: String; var count: Int; var total_fen: Int64; var claims: [Int64] }
struct ReconcileJSON: Encodable { var paid: [Int64]; var failed: [Int64]; var problems: Int; var sha256: String }
