import Foundation
import SkillCore
import SkillRecords

/// The header and cells of each exported list. Codes are written as stored (the worker columns
/// are those `worker import` reads, in its order, so an export can be read back); names and
/// labels in the user's language; amounts in yuan (`1500.00`); IDs, phones and codes as text.
enum ExportColumns {
    static func header(_ list: ExportList, _ lang: Lang) -> [String] {
        let zh = lang == .zh
        let names: [(String, String)]
        switch list {
        case .workers:
            names = [("身份证号", "id"), ("姓名", "name"), ("手机号", "phone"), ("户籍地", "hukou_region"), ("农村户籍", "rural"),
                     ("常住地", "residence"), ("求职就业地", "work_region"), ("就业状态", "employment"), ("工作单位", "employer"), ("单位信用代码", "employer_code"),
                     ("领取养老金", "pension"), ("重点群体", "groups"), ("残疾", "disability"), ("参加失业保险", "unemployment_insured"),
                     ("性别", "sex"), ("出生日期", "birth_date"), ("亲属身份证号", "relative_of"), ("登记时间", "created_at"),
                     ("修改时间", "updated_at")]
        case .claims, .claimSearch:
            names = [("申请编号", "claim_number"), ("状态", "status"), ("身份证号", "worker_id"), ("姓名", "worker_name"),
                     ("补贴种类", "kind"), ("培训机构", "institution"), ("机构信用代码", "institution_code"), ("金额（元）", "amount_yuan"),
                     ("警示数", "warnings"), ("经办人", "prepared_by"), ("提交时间", "submitted_at"), ("审核人", "decided_by"),
                     ("支付批次", "batch")]
        case .paymentBatches:
            names = [("批次", "batch"), ("业务日期", "business_date"), ("笔数", "lines"), ("金额（元）", "total_yuan"),
                     ("已支付", "paid"), ("失败", "failed"), ("待银行结果", "pending"), ("对账完成时间", "reconciled_at"),
                     ("建立人", "created_by"), ("建立时间", "created_at")]
        case .paymentLines:
            names = [("申请编号", "claim_number"), ("收款人", "payee_name"), ("账号（遮蔽）", "account_masked"),
                     ("金额（元）", "amount_yuan"), ("补贴种类", "kind"), ("银行结果", "result"), ("银行说明", "bank_reason")]
        case .classes:
            names = [("班号", "class"), ("培训机构", "institution"), ("机构信用代码", "institution_code"), ("职业代码", "occupation_code"),
                     ("等级", "level"), ("培训类型", "type"), ("开班日期", "start_date"), ("结业日期", "end_date"),
                     ("计划学时", "planned_hours"), ("状态", "status")]
        case .notices:
            names = [("申请编号", "claim_number"), ("姓名", "name"), ("身份证号", "resident_id"), ("补贴种类", "kind"),
                     ("金额（元）", "amount_yuan"), ("公示日", "published_on"), ("公示截止", "ends_on")]
        case .statistics, .statisticsRows:
            names = StatsExport.header(list)
        }
        return names.map { CSVCell.text(zh ? $0.0 : $0.1) }
    }

    static func yesNo(_ b: Bool, _ lang: Lang) -> String { lang == .zh ? (b ? "是" : "否") : (b ? "yes" : "no") }

    static func worker(_ w: WorkerRow, _ lang: Lang) -> [String] {
        [CSVCell.digits(w.id), CSVCell.text(w.name), CSVCell.digits(w.phone ?? ""), CSVCell.digits(w.hukouRegion ?? ""),
         CSVCell.text(yesNo(w.rural, lang)), CSVCell.text(w.residence ?? ""), CSVCell.digits(w.workRegion ?? ""),
         CSVCell.text(w.employment),
         CSVCell.text(w.employer ?? ""), CSVCell.digits(w.employerCode ?? ""), CSVCell.text(yesNo(w.pension, lang)),
         CSVCell.text(w.groups.joined(separator: ";")), CSVCell.text(w.disability), CSVCell.text(yesNo(w.unemploymentInsured, lang)),
         CSVCell.text(w.sex), CSVCell.text(w.birthDate), CSVCell.digits(w.relativeOf ?? ""), CSVCell.text(w.createdAt),
         CSVCell.text(w.updatedAt)]
    }

    static func claim(_ q: ClaimQueueRow, institution: String, _ lang: Lang) -> [String] {
        let c = q.claim
        return [CSVCell.text(ClaimNumber.format(year: c.claimYear, serial: Int(c.id))), CSVCell.text(c.status.label(lang)),
                CSVCell.digits(c.workerID), CSVCell.text(q.workerName), CSVCell.text(c.kind.label(lang)),
                CSVCell.text(institution), CSVCell.digits(c.institution ?? ""), CSVCell.yuan(c.amountFen),
                CSVCell.number(String(c.queueWarnings)), CSVCell.text(c.preparedBy), CSVCell.text(c.submittedAt ?? ""),
                CSVCell.text(c.decidedBy ?? ""), CSVCell.text(c.batchID ?? "")]
    }

    static func batch(_ b: PaymentBatchInfo) -> [String] {
        [CSVCell.text(b.id), CSVCell.text(b.businessDate), CSVCell.number(String(b.count)), CSVCell.yuan(b.totalFen),
         CSVCell.number(String(b.paid)), CSVCell.number(String(b.failed)), CSVCell.number(String(b.pending)),
         CSVCell.text(b.reconciledAt ?? ""), CSVCell.text(b.createdBy), CSVCell.text(b.createdAt)]
    }

    static func line(_ l: PaymentLineRow, year: Int, _ lang: Lang) -> [String] {
        let result: String
        switch l.result {
        case nil: result = lang == .zh ? "待银行结果" : "pending"
        case let r?: result = r.rawValue
        }
        return [CSVCell.text(ClaimNumber.format(year: year, serial: Int(l.claimID))), CSVCell.text(l.payeeName),
                CSVCell.text(PublicMask.bankAccount(l.bankAccount)), CSVCell.yuan(l.amountFen), CSVCell.text(l.kind.label(lang)),
                CSVCell.text(result), CSVCell.text(l.bankReason ?? "")]
    }

    static func trainingClass(_ c: ClassRow, institution: String, _ lang: Lang) -> [String] {
        [CSVCell.number(String(c.id)), CSVCell.text(institution), CSVCell.digits(c.institution), CSVCell.digits(c.occupationCode),
         CSVCell.text(c.level), CSVCell.text(c.type.label(lang)), CSVCell.text(c.startDate), CSVCell.text(c.endDate),
         CSVCell.number(String(c.plannedHours)), CSVCell.text(c.status.label(lang))]
    }

    static func notice(_ q: ClaimQueueRow, _ lang: Lang) -> [String] {
        let c = q.claim
        return [CSVCell.text(ClaimNumber.format(year: c.claimYear, serial: Int(c.id))), CSVCell.text(PublicMask.name(q.workerName)),
                CSVCell.text(PublicMask.residentID(c.workerID)), CSVCell.text(c.kind.label(lang)), CSVCell.yuan(c.amountFen),
                CSVCell.text(c.noticePublishedOn ?? ""), CSVCell.text(c.noticeEndOn ?? "")]
    }
}
