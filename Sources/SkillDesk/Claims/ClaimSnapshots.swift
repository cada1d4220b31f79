import Foundation
import Logging
import SkillCore
import SkillStore
import SkillRecords

/// The facts a submitted claim rests on, frozen at submission (JSON with sorted keys + SHA-256).
struct ClaimEvidence: Codable, Equatable {
    struct Cert: Codable, Equatable { var type: String; var number: String; var level: String?; var date: String }
    struct Catalogue: Codable, Equatable { var subsidised: Bool; var shortage: Bool; var standardFen: Int64; var hours: Int }
    struct Profile: Codable, Equatable {
        var name: String; var groups: [String]; var disability: String; var insured: Bool; var pension: Bool
        var hukou: String?; var residence: String?; var employer: String?
        /// The place of job-seeking or work (v13); absent (not null) when not recorded, so the
        /// evidence of claims frozen before it keeps its digest.
        var work: String?
    }
    /// Day → [classroom, online] minutes in the claim's class.
    var attendance: [String: [Int]]
    var certificate: Cert?
    var catalogue: Catalogue?
    var profile: Profile
    var policy: String

    var json: String { CatalogueJSON.encode(self) }

    static func gather(_ r: StoreReader, claim c: ClaimRow, evaluation e: ClaimEvaluation) throws -> ClaimEvidence {
        var days: [String: [Int]] = [:]
        if let k = e.facts.klass {
            for d in try classDays(r, workerID: c.workerID, classID: k.id, from: k.start.description, to: k.end.description) {
                days[d.date] = [d.classroomMinutes, d.onlineMinutes]
            }
        }
        let w = e.facts.worker
        return ClaimEvidence(
            attendance: days,
            certificate: e.facts.certificate.map { Cert(type: $0.type.rawValue, number: $0.number, level: $0.level?.rawValue, date: $0.date.description) },
            catalogue: e.facts.catalogue.map { Catalogue(subsidised: $0.subsidised, shortage: $0.shortage, standardFen: $0.standardFen, hours: $0.hours) },
            profile: Profile(name: w.name, groups: w.groups.map(\.rawValue).sorted(), disability: w.disability.rawValue,
                             insured: w.unemploymentInsured, pension: w.drawsPension, hukou: w.hukouRegion,
                             residence: w.residenceRegion, employer: w.employerRegion, work: w.workRegion),
            policy: e.profileName)
    }

    /// The worker's days in one class (by date): the evidence's attendance, and the detail's list.
    static func classDays(_ r: StoreReader, workerID: String, classID: Int64, from: String, to: String) throws -> [WorkerDayRow] {
        try r.attendance(workerID: workerID, from: from, to: to).filter { $0.classID == classID }
    }

    /// What differs from `frozen`, as zh/en phrases (empty when nothing does).
    func changes(since frozen: ClaimEvidence) -> (zh: [String], en: [String], days: [CalendarDate]) {
        var zh: [String] = [], en: [String] = []
        let dayKeys = Set(attendance.keys).union(frozen.attendance.keys).filter { attendance[$0] != frozen.attendance[$0] }.sorted()
        if !dayKeys.isEmpty {
            zh.append("\(dayKeys.joined(separator: "、")) 的考勤在提交后修改")
            en.append("attendance for \(dayKeys.joined(separator: ", ")) was edited after submission")
        }
        if certificate != frozen.certificate { zh.append("证书在提交后修改"); en.append("the certificate changed after submission") }
        if catalogue != frozen.catalogue { zh.append("目录条目在提交后修改"); en.append("the catalogue entry changed after submission") }
        if profile != frozen.profile { zh.append("劳动者信息在提交后修改"); en.append("the worker's record changed after submission") }
        if policy != frozen.policy { zh.append("政策方案在提交后更换"); en.append("the policy profile changed after submission") }
        return (zh, en, dayKeys.compactMap(CalendarDate.init(iso:)))
    }
}

/// The claim's fields the audit trail keeps before and after each step.
struct ClaimSnapshot: Encodable {
    var id: Int64
    var status: String
    var amount_fen: Int64
    var reason: String?
    var reject_code: String?
    var note: String?
    var fund_year: Int?
    var fund_source: String?
    var notice_published_on: String?
    var notice_end_on: String?
    var batch_id: String?
    var clawback_due_fen: Int64
    var recovered_fen: Int64
    var warning_count: Int
    var evidence_sha256: String?
    /// Set from a payment batch on: whom the bank pays, and the account's SHA-256 (never the
    /// number itself in the trail) — what an export and a payment check the line against.
    var payee_name: String?
    var bank_account_sha256: String?
    /// Only in the approval's after-image: what was approved, and its hash (`ClaimSeal`).
    var seal: ClaimSeal?
    var seal_sha256: String?

    init(_ c: ClaimRow, seal: ClaimSeal? = nil) {
        id = c.id; status = c.status.rawValue; amount_fen = c.amountFen; reason = c.reason; reject_code = c.rejectCode
        note = c.decisionNote; fund_year = c.fundYear; fund_source = c.fundSource?.rawValue
        notice_published_on = c.noticePublishedOn; notice_end_on = c.noticeEndOn; batch_id = c.batchID
        clawback_due_fen = c.clawbackDueFen; recovered_fen = c.recoveredFen; warning_count = c.warningCount
        evidence_sha256 = c.evidenceSHA256
        payee_name = c.payeeName
        bank_account_sha256 = c.bankAccount.map(AccountDigest.sha256)
        self.seal = seal
        seal_sha256 = seal?.hash
    }

    /// The snapshot as JSON, byte for byte what `CatalogueJSON.encode` (JSONEncoder, sorted keys,
    /// nil fields left out, slashes unescaped) makes of it — written by hand because every claim
    /// step writes two or three of them and JSONEncoder cost more than the step's SQL in a batch
    /// (a test compares the two on many snapshots).
    static func json(_ c: ClaimRow) -> String { ClaimSnapshot(c).json }

    /// The approval's after-image: the snapshot plus the seal of what was approved.
    static func json(_ c: ClaimRow, sealed: ClaimSeal) -> String { ClaimSnapshot(c, seal: sealed).json }

    var json: String {
        var out = "{"
        var first = true
        func key(_ k: String) { out += first ? "\"" : ",\""; out += k; out += "\":"; first = false }
        func str(_ k: String, _ v: String?) { guard let v else { return }; key(k); JSONText.appendString(v, to: &out) }
        func int(_ k: String, _ v: Int64?) { guard let v else { return }; key(k); out += String(v) }
        // Sorted keys.
        int("amount_fen", amount_fen)
        str("bank_account_sha256", bank_account_sha256)
        str("batch_id", batch_id)
        int("clawback_due_fen", clawback_due_fen)
        str("evidence_sha256", evidence_sha256)
        str("fund_source", fund_source)
        int("fund_year", fund_year.map(Int64.init))
        int("id", id)
        str("note", note)
        str("notice_end_on", notice_end_on)
        str("notice_published_on", notice_published_on)
        str("payee_name", payee_name)
        str("reason", reason)
        int("recovered_fen", recovered_fen)
        str("reject_code", reject_code)
        if let seal {
            key("seal")
            // ClaimSeal's keys sorted, every one written (null when absent), as its `encode` does.
            var sealFirst = true
            func sk(_ k: String) { out += sealFirst ? "{\"" : ",\""; out += k; out += "\":"; sealFirst = false }
            func sstr(_ k: String, _ v: String?) { sk(k); if let v { JSONText.appendString(v, to: &out) } else { out += "null" } }
            func sint(_ k: String, _ v: Int64?) { sk(k); out += v.map { String($0) } ?? "null" }
            sint("amount_fen", seal.amountFen)
            sint("certificate_id", seal.certificateID)
            sint("claim_year", Int64(seal.claimYear))
            sint("class_id", seal.classID)
            sstr("fund_source", seal.fundSource)
            sint("fund_year", seal.fundYear.map(Int64.init))
            sint("id", seal.claimID)
            sstr("kind", seal.kind)
            sstr("payee", seal.payee)
            sstr("payee_code", seal.payeeCode)
            sstr("worker_id", seal.workerID)
            out += "}"
        }
        str("seal_sha256", seal_sha256)
        str("status", status)
        int("warning_count", Int64(warning_count))
        return out + "}"
    }
}
