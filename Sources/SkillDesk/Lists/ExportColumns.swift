import Foundation
import SkillCore
import SkillRecords

/// The header and cells of each exported list. Codes are written as stored (the worker columns
/// are those `worker import` reads, in its order, so an export can be read back); names and
/// labels in the user's language; amounts in yuan (`1500.00`); IDs, phones and codes as text.
enum ExportColumns {
    static func header(_ list: ExportList, _ lang: Lang) -> [ExportColumn] {
        let zh = lang == .zh
        let names: [(String, String, ExportColumnKind)]
        switch list {
        case .workers:
            names = [("身份证号", "id", .code), ("姓名", "name", .text), ("手机号", "phone", .code), ("户籍地", "hukou_region", .code),
                     ("农村户籍", "rural", .text), ("常住地", "residence", .text), ("求职就业地", "work_region", .code),
                     ("就业状态", "employment", .text), ("工作单位", "employer", .text), ("单位信用代码", "employer_code", .code),
                     ("领取养老金", "pension", .text), ("重点群体", "groups", .text), ("残疾", "disability", .text),
                     ("参加失业保险", "unemployment_insured", .text), ("性别", "sex", .text), ("出生日期", "birth_date", .date),
                     ("亲属身份证号", "relative_of", .code), ("登记时间", "created_at", .date), ("修改时间", "updated_at", .date)]
        case .claims, .claimSearch:
            names = [("申请编号", "claim_number", .code), ("状态", "status", .text), ("身份证号", "worker_id", .code),
                     ("姓名", "worker_name", .text), ("补贴种类", "kind", .text), ("培训机构", "institution", .text),
                     ("机构信用代码", "institution_code", .code), ("金额（元）", "amount_yuan", .money), ("警示数", "warnings", .integer),
                     ("经办人", "prepared_by", .text), ("提交时间", "submitted_at", .date), ("审核人", "decided_by", .text),
                     ("支付批次", "batch", .code)]
        case .paymentBatches:
            names = [("批次", "batch", .code), ("业务日期", "business_date", .date), ("笔数", "lines", .integer),
                     ("金额（元）", "total_yuan", .money), ("已支付", "paid", .integer), ("失败", "failed", .integer),
                     ("待银行结果", "pending", .integer), ("对账完成时间", "reconciled_at", .date), ("建立人", "created_by", .text),
                     ("建立时间", "created_at", .date)]
        case .paymentLines:
            names = [("申请编号", "claim_number", .code), ("收款人", "payee_name", .text), ("账号（遮蔽）", "account_masked", .code),
                     ("金额（元）", "amount_yuan", .money), ("补贴种类", "kind", .text), ("银行结果", "result", .text),
                     ("银行说明", "bank_reason", .text)]
        case .classes:
            names = [("班号", "class", .integer), ("培训机构", "institution", .text), ("机构信用代码", "institution_code", .code),
                     ("职业代码", "occupation_code", .code), ("等级", "level", .text), ("培训类型", "type", .text),
                     ("开班日期", "start_date", .date), ("结业日期", "end_date", .date), ("计划学时", "planned_hours", .integer),
                     ("状态", "status", .text)]
        case .notices:
            names = [("申请编号", "claim_number", .code), ("姓名", "name", .text), ("身份证号", "resident_id", .code),
                     ("补贴种类", "kind", .text), ("金额（元）", "amount_yuan", .money), ("公示日", "published_on", .date),
                     ("公示截止", "ends_on", .date)]
        case .audit:
            names = [("序号", "seq", .integer), ("时间（UTC）", "at_utc", .date), ("用户", "user", .text), ("操作", "action", .text),
                     ("对象", "entity", .text), ("键", "key", .text), ("摘要", "summary", .text), ("哈希", "hash", .text)]
        case .statistics, .statisticsRows:
            names = StatsExport.header(list)
        }
        return names.map { ExportColumn(zh ? $0.0 : $0.1, $0.2) }
    }

    static func yesNo(_ b: Bool, _ lang: Lang) -> String { lang == .zh ? (b ? "是" : "否") : (b ? "yes" : "no") }

    static func worker(_ w: WorkerRow, _ lang: Lang) -> [ExportCell] {
        [ExportCell.code(w.id), ExportCell.text(w.name), ExportCell.code(w.phone ?? ""), ExportCell.code(w.hukouRegion ?? ""),
         ExportCell.text(yesNo(w.rural, lang)), ExportCell.text(w.residence ?? ""), ExportCell.code(w.workRegion ?? ""),
         ExportCell.text(w.employment),
         ExportCell.text(w.employer ?? ""), ExportCell.code(w.employerCode ?? ""), ExportCell.text(yesNo(w.pension, lang)),
         ExportCell.text(w.groups.joined(separator: ";")), ExportCell.text(w.disability), ExportCell.text(yesNo(w.unemploymentInsured, lang)),
         ExportCell.text(w.sex), ExportCell.text(w.birthDate), ExportCell.code(w.relativeOf ?? ""), ExportCell.text(w.createdAt),
         ExportCell.text(w.updatedAt)]
    }

    static func claim(_ q: ClaimQueueRow, institution: String, _ lang: Lang) -> [ExportCell] {
        let c = q.claim
        return [ExportCell.text(ClaimNumber.format(year: c.claimYear, serial: Int(c.id))), ExportCell.text(c.status.label(lang)),
                ExportCell.code(c.workerID), ExportCell.text(q.workerName), ExportCell.text(c.kind.label(lang)),
                ExportCell.text(institution), ExportCell.code(c.institution ?? ""), ExportCell.money(c.amountFen),
                ExportCell.integer(Int64(c.queueWarnings)), ExportCell.text(c.preparedBy), ExportCell.text(c.submittedAt ?? ""),
                ExportCell.text(c.decidedBy ?? ""), ExportCell.text(c.batchID ?? "")]
    }

    static func batch(_ b: PaymentBatchInfo) -> [ExportCell] {
        [ExportCell.text(b.id), ExportCell.text(b.businessDate), ExportCell.integer(Int64(b.count)), ExportCell.money(b.totalFen),
         ExportCell.integer(Int64(b.paid)), ExportCell.integer(Int64(b.failed)), ExportCell.integer(Int64(b.pending)),
         ExportCell.text(b.reconciledAt ?? ""), ExportCell.text(b.createdBy), ExportCell.text(b.createdAt)]
    }

    static func line(_ l: PaymentLineRow, year: Int, _ lang: Lang) -> [ExportCell] {
        let result: String
        switch l.result {
        case nil: result = lang == .zh ? "待银行结果" : "pending"
        case let r?: result = r.rawValue
        }
        return [ExportCell.text(ClaimNumber.format(year: year, serial: Int(l.claimID))), ExportCell.text(l.payeeName),
                ExportCell.text(PublicMask.bankAccount(l.bankAccount)), ExportCell.money(l.amountFen), ExportCell.text(l.kind.label(lang)),
                ExportCell.text(result), ExportCell.text(l.bankReason ?? "")]
    }

    static func trainingClass(_ c: ClassRow, institution: String, _ lang: Lang) -> [ExportCell] {
        [ExportCell.integer(Int64(c.id)), ExportCell.text(institution), ExportCell.code(c.institution), ExportCell.code(c.occupationCode),
         ExportCell.text(c.level), ExportCell.text(c.type.label(lang)), ExportCell.text(c.startDate), ExportCell.text(c.endDate),
         ExportCell.integer(Int64(c.plannedHours)), ExportCell.text(c.status.label(lang))]
    }

    static func notice(_ q: ClaimQueueRow, _ lang: Lang) -> [ExportCell] {
        let c = q.claim
        return [ExportCell.text(ClaimNumber.format(year: c.claimYear, serial: Int(c.id))), ExportCell.text(PublicMask.name(q.workerName)),
                ExportCell.text(PublicMask.residentID(c.workerID)), ExportCell.text(c.kind.label(lang)), ExportCell.money(c.amountFen),
                ExportCell.text(c.noticePublishedOn ?? ""), ExportCell.text(c.noticeEndOn ?? "")]
    }

    /// An audit entry: the key as read (a claim's number), the summary of the list (`AuditText`).
    static func audit(_ e: AuditEntry, key: String, _ lang: Lang) -> [ExportCell] {
        [.integer(e.seq), .date(e.at), .text(e.user), .text(e.action), .text(e.entity),
         .text(key), .text(AuditText.summary(e, lang)), .text(e.hash)]
    }
}
