import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// Gathers `ClaimFacts` inside one read transaction. Within one gatherer (one transaction) the
/// profile, classes, institutions, catalogue entries and occupation names are read once and kept,
/// so a re-evaluation batch reads each class once however many claims rest on it.
struct ClaimGatherer {
    enum CertificateRef { case number(String), id(Int64), linked }

    let r: StoreReader
    let profile: PolicyProfile
    let today: CalendarDate
    private var classes: [Int64: ClassRow] = [:]
    private var institutions: [String: InstitutionRow?] = [:]
    private var rejection: [String: (rejected: Int, decided: Int)] = [:]
    private var catalogueEntries: [String: [OccupationRow]] = [:]
    private var occupationNames: [String: String] = [:]
    /// Rows read ahead for a batch of claims (`prefetch`); nil = one lookup per fact.
    private var batch: ClaimBatch?

    init(reader: StoreReader, profile: PolicyProfile, today: CalendarDate) {
        self.r = reader
        self.profile = profile
        self.today = today
    }

    // MARK: rows, from the batch read ahead or one lookup each

    /// The rows a batch of claims rests on, read with one query per table (`IN` lists over the
    /// existing indexes). A worker, certificate key or name the batch did not cover falls back to
    /// its own lookup, so an answer never depends on whether it was prefetched.
    final class ClaimBatch {
        struct Enrolment: Hashable { var classID: Int64; var workerID: String }
        struct CertificateKey: Hashable { var type: String; var number: String }
        /// Workers asked for (found or not) and those found.
        var workerIDs = Set<String>()
        var workers: [String: WorkerRow] = [:]
        /// Workers whose enrolments, certificates and claims were read.
        var claimWorkers = Set<String>()
        var enrolments = Set<Enrolment>()
        var certificatesByWorker: [String: [CertificateRow]] = [:]
        var certificatesByID: [Int64: CertificateRow] = [:]
        var holderKeys = Set<CertificateKey>()
        var holders: [CertificateKey: [CertificateRow]] = [:]
        var names: [String: String] = [:]
        var priorClaims: [String: [PriorClaimRow]] = [:]
        /// Attendance read for `claimWorkers` over `daysFrom...daysTo`.
        var daysFrom = "", daysTo = ""
        var days: [String: [WorkerDayRow]] = [:]
    }

    /// Reads ahead everything the claims' evaluations will look up: their workers (and relatives),
    /// enrolments, classes, attendance over the classes' dates, certificates with every holder of
    /// their numbers, and earlier claims. Nine queries for the batch instead of ~10 per claim.
    mutating func prefetch(_ claims: [ClaimRow]) throws {
        let b = ClaimBatch()
        var ids: [String] = []
        for c in claims where b.claimWorkers.insert(c.workerID).inserted { ids.append(c.workerID) }
        for w in try r.workers(ids: ids) { b.workers[w.id] = w }
        b.workerIDs = b.claimWorkers
        let relatives = Array(Set(b.workers.values.compactMap(\.relativeOf)).subtracting(b.workerIDs))
        for w in try r.workers(ids: relatives) { b.workers[w.id] = w }
        b.workerIDs.formUnion(relatives)
        for e in try r.enrolments(ofWorkers: ids) { b.enrolments.insert(.init(classID: e.classID, workerID: e.workerID)) }
        let classIDs = Array(Set(claims.compactMap(\.classID)).filter { classes[$0] == nil })
        for c in try r.trainingClasses(ids: classIDs) { classes[c.id] = c }
        // Attendance over the span of the batch's classes, kept per worker and filtered per claim.
        let spans = claims.compactMap { $0.classID.flatMap { classes[$0] } }
        if let from = spans.map(\.startDate).min(), let to = spans.map(\.endDate).max() {
            b.daysFrom = from; b.daysTo = to
            let rows = try r.attendance(workerIDs: ids, from: from, to: to)
            let missing = Array(Set(rows.map(\.day.classID)).filter { classes[$0] == nil })
            for c in try r.trainingClasses(ids: missing) { classes[c.id] = c }
            for var d in rows {
                // A day of a class that is gone (no row) has no institution, as the join would drop it.
                guard let c = classes[d.day.classID] else { continue }
                d.day.institution = c.institution
                b.days[d.workerID, default: []].append(d.day)
            }
        }
        for c in try r.certificates(ofWorkers: ids) {
            b.certificatesByWorker[c.workerID, default: []].append(c)
            b.certificatesByID[c.id] = c
        }
        for c in try r.certificates(ids: claims.compactMap(\.certificateID).filter { b.certificatesByID[$0] == nil }) {
            b.certificatesByID[c.id] = c
        }
        var keys: [(type: String, number: String)] = []
        for c in b.certificatesByID.values where b.holderKeys.insert(.init(type: c.type.rawValue, number: c.number)).inserted {
            keys.append((c.type.rawValue, c.number))
        }
        for c in try r.certificateHolders(keys) { b.holders[.init(type: c.type.rawValue, number: c.number), default: []].append(c) }
        let strangers = Set(b.holders.values.joined().map(\.workerID)).subtracting(b.workerIDs)
        b.names = try r.workerNames(ids: Array(strangers))
        for w in b.workers.values { b.names[w.id] = w.name }
        for c in try r.priorClaims(ofWorkers: ids) { b.priorClaims[c.workerID, default: []].append(c) }
        batch = b
    }

    func workerRow(_ id: String) throws -> WorkerRow? {
        if let b = batch, b.workerIDs.contains(id) { return b.workers[id] }
        return try r.worker(id: id)
    }

    func isEnrolled(classID: Int64, workerID: String) throws -> Bool {
        if let b = batch, b.claimWorkers.contains(workerID) { return b.enrolments.contains(.init(classID: classID, workerID: workerID)) }
        return try r.isEnrolled(classID: classID, workerID: workerID)
    }

    func days(workerID: String, from: String, to: String) throws -> [WorkerDayRow] {
        if let b = batch, b.claimWorkers.contains(workerID), b.daysFrom <= from, to <= b.daysTo {
            return (b.days[workerID] ?? []).filter { $0.date >= from && $0.date <= to }
        }
        return try r.attendance(workerID: workerID, from: from, to: to)
    }

    func holders(type: String, number: String) throws -> [CertificateRow] {
        let key = ClaimBatch.CertificateKey(type: type, number: number)
        if let b = batch, b.holderKeys.contains(key) { return b.holders[key] ?? [] }
        return try r.certificates(type: type, number: number)
    }

    func workerName(_ id: String) throws -> String? {
        if let n = batch?.names[id] { return n }
        return try r.workerName(id: id)
    }

    func priorClaims(_ workerID: String) throws -> [PriorClaimRow] {
        if let b = batch, b.claimWorkers.contains(workerID) { return b.priorClaims[workerID] ?? [] }
        return try r.priorClaims(ofWorker: workerID)
    }

    /// `messages: false` (a re-evaluation job) decides without building the rules' messages and the
    /// computation text; they are built when the claim is opened.
    mutating func evaluate(_ p: ClaimProposal, workerID: String, certificate: CertificateRef, asOf: CalendarDate,
                           excluding: Int64?, messages: Bool = true) throws -> ClaimEvaluation {
        guard let w = try workerRow(workerID) else { throw DeskError.workerNotFound(workerID) }
        var klass: ClassRow?
        if let id = p.classID {
            guard let c = try classRow(id) else { throw DeskError.classNotFound(id) }
            guard try isEnrolled(classID: id, workerID: workerID) else {
                let theirs = try r.classes(ofWorker: workerID).map { String($0.id) }
                let list = theirs.isEmpty ? (en: "the worker is on no class", zh: "该劳动者未参加任何培训班")
                    : (en: "the worker's classes: " + theirs.joined(separator: ", "), zh: "该劳动者参加的培训班：" + theirs.joined(separator: "、"))
                throw DeskError.invalidInput("\(workerID) is not on the roster of class \(id); \(list.en)",
                                             zh: "\(workerID) 不在培训班 \(id) 的花名册上；\(list.zh)")
            }
            klass = c
        }
        let cert = try certificateRow(certificate, worker: w, classID: p.classID)
        let facts = try gather(worker: w, klass: klass, certificate: cert, excluding: excluding)
        let request = ClaimRequest(kind: p.kind, months: p.months, prepayPercent: p.prepayPercent, asOf: asOf)
        let evaluation = PolicyEngine.evaluate(request, facts: facts, profile: profile, messages: messages)
        return ClaimEvaluation(evaluation: evaluation, proposal: p, facts: facts, asOf: asOf, workerID: w.id,
                               workerName: w.name, certificateID: cert?.id, profileName: profile.name,
                               profileTitle: profile.title, claimYear: PolicyEngine.claimYear(request, facts: facts),
                               level: PolicyEngine.claimLevel(p.kind, facts: facts))
    }

    /// The certificate a claim rests on. A voided certificate backs nothing (issue 12): it is
    /// absent here, so E3 fails as for a claim without one; by number it is refused, saying so.
    func certificateRow(_ ref: CertificateRef, worker w: WorkerRow, classID: Int64?) throws -> CertificateRow? {
        switch ref {
        case .id(let id):
            if let b = batch, let c = b.certificatesByID[id] { return c.isVoided ? nil : c }
            return try r.certificate(id: id).flatMap { $0.isVoided ? nil : $0 }
        case .linked:
            guard let classID else { return nil }
            // The latest of the worker's standing certificates linked to the class.
            if let b = batch, b.workerIDs.contains(w.id) {
                return b.certificatesByWorker[w.id]?.last { $0.classID == classID && !$0.isVoided }
            }
            return try r.certificates(workerID: w.id, classID: classID).last { !$0.isVoided }
        case .number(let number):
            let mine = try r.certificates(workerID: w.id, number: number)
            let own = mine.filter { !$0.isVoided }
            if let c = own.first(where: { $0.classID != nil && $0.classID == classID }) ?? own.last { return c }
            if let v = mine.last {
                let at = v.voidedAt.flatMap(Timestamp.parse).map(DeskError.localTime) ?? ""
                throw DeskError.wrongState(
                    "certificate \(number) of \(w.name) (\(w.id)) was voided by \(v.voidedBy ?? "") at \(at) (\(v.voidReason ?? "")); it backs no claim: record the right certificate first",
                    zh: "\(w.name)（\(w.id)）的证书 \(number) 已由 \(v.voidedBy ?? "") 于 \(at) 作废（\(v.voidReason ?? "")），不能作为申请依据；请先登记正确的证书")
            }
            if let other = try r.certificateHolders(number: number, limit: 1).first {
                let name = try r.workerName(id: other.workerID) ?? ""
                throw DeskError.invalidInput(
                    "certificate \(number) is recorded for \(name) (\(other.workerID)), not for \(w.name) (\(w.id)); give one of \(w.name)'s certificates",
                    zh: "证书 \(number) 登记在 \(name)（\(other.workerID)）名下，不是 \(w.name)（\(w.id)）的；请填写该劳动者本人的证书编号")
            }
            throw DeskError.certificateNotFound(number: number, type: nil)
        }
    }

    mutating func classRow(_ id: Int64) throws -> ClassRow? {
        if let c = classes[id] { return c }
        let c = try r.trainingClass(id: id)
        if let c { classes[id] = c }
        return c
    }

    mutating func institution(_ code: String) throws -> InstitutionRow? {
        if let i = institutions[code] { return i }
        let i = try r.institution(code: code)
        institutions[code] = i
        return i
    }

    /// W3: the institution's rejected and decided claims. Decided = every status but draft,
    /// submitted and returned (and any status that is not a decision, such as a withdrawal).
    mutating func rejectionCounts(_ code: String) throws -> (rejected: Int, decided: Int) {
        if let v = rejection[code] { return v }
        let counts = try r.institutionClaimCounts(code)
        let decided = counts.filter { ClaimStatus(rawValue: $0.key)?.isDecided == true }.values.reduce(0) { AttendanceRule.saturatingSum([$0, max(0, $1)]) }
        let v = (rejected: max(0, counts[ClaimStatus.rejected.rawValue] ?? 0), decided: decided)
        rejection[code] = v
        return v
    }

    /// The entry of `code` in force on `day`: every entry of a code is read once per gatherer (a
    /// code has a handful of periods) and the period is picked here, as `occupation(code:asOf:)` does.
    mutating func catalogueEntry(_ code: String, on day: String) throws -> OccupationRow? {
        if catalogueEntries[code] == nil { catalogueEntries[code] = try r.occupationEntries(code: code) }
        return catalogueEntries[code]!.last { $0.from <= day && ($0.to == nil || $0.to! >= day) }
    }

    mutating func occupationName(_ code: String) throws -> String {
        if let n = occupationNames[code] { return n }
        let n = try r.occupationName(code: code) ?? code
        occupationNames[code] = n
        return n
    }

    /// The GB/T 2260 region in a unified social credit code: characters 3–8 (the registering
    /// authority's region), when they are six digits.
    static func region(creditCode code: String) -> String? {
        let chars = Array(code)
        guard chars.count == 18 else { return nil }
        let region = String(chars[2..<8])
        return region.allSatisfy({ $0.isASCII && $0.isNumber }) ? region : nil
    }

    static func sixDigits(_ s: String?) -> String? {
        guard let s, s.count == 6, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return s
    }

    mutating func gather(worker w: WorkerRow, klass: ClassRow?, certificate: CertificateRow?, excluding: Int64?) throws -> ClaimFacts {
        // The worker, and the relative whose benefits they share (E11).
        var relative: RelativeFacts?
        if let rid = w.relativeOf, let rel = try workerRow(rid) {
            relative = RelativeFacts(name: rel.name, groups: Set(rel.groups.compactMap(TargetGroup.init(rawValue:))),
                                     disability: Disability(rawValue: rel.disability) ?? .none)
        }
        let idValid: Bool
        if case .success = ResidentID.parse(w.id, today: today) { idValid = true } else { idValid = false }
        let workerFacts = WorkerFacts(
            idValid: idValid, residentID: w.id, name: w.name, birthDate: CalendarDate(iso: w.birthDate),
            drawsPension: w.pension, groups: Set(w.groups.compactMap(TargetGroup.init(rawValue:))),
            disability: Disability(rawValue: w.disability) ?? .none, rural: w.rural,
            hukouRegion: Self.sixDigits(w.hukouRegion), residenceRegion: Self.sixDigits(w.residence),
            workRegion: Self.sixDigits(w.workRegion),
            unemploymentInsured: w.unemploymentInsured, relativeOf: relative,
            employerRegion: w.employerCode.flatMap { Self.region(creditCode: $0) })

        var classFacts: ClassFacts?
        var catalogueFacts: CatalogueFacts?
        var anomalies = AnomalyFacts()
        if let c = klass, let level = SkillLevel(rawValue: c.level), let start = CalendarDate(iso: c.startDate),
           let end = CalendarDate(iso: c.endDate) {
            let inst = try institution(c.institution)
            let entry = try catalogueEntry(c.occupationCode, on: c.endDate)
            if let entry, let l = entry.levels.first(where: { $0.level == c.level }) {
                catalogueFacts = CatalogueFacts(subsidised: entry.subsidised, shortage: entry.shortage,
                                                standardFen: l.standardFen, hours: l.hours)
            }
            // The worker's days in every class over this class's dates: this class's counted
            // minutes and days (E14, living allowance), and W2's same-day and over-long days.
            let rule = profile.attendanceRule
            var counted = 0, attended = 0
            var mine = Set<String>(), elsewhere = Set<String>(), total: [String: Int] = [:]
            var elsewhereRows: [WorkerDayRow] = []
            for d in try days(workerID: w.id, from: c.startDate, to: c.endDate) {
                // Saturating: stored minutes may have been raised behind the program's back (issue 10).
                let minutes = AttendanceRule.saturatingSum([d.classroomMinutes, d.onlineMinutes])
                total[d.date] = AttendanceRule.saturatingSum([total[d.date] ?? 0, minutes])
                if d.classID == c.id {
                    counted = AttendanceRule.saturatingSum([counted, rule.countedMinutes(classroom: d.classroomMinutes, online: d.onlineMinutes)])
                    if minutes > 0 { attended += 1; mine.insert(d.date) }
                } else if d.institution != c.institution && minutes > 0 {
                    elsewhere.insert(d.date)
                    elsewhereRows.append(d)
                }
            }
            let both = mine.intersection(elsewhere)
            anomalies.otherInstitutionDays = both.sorted().compactMap(CalendarDate.init(iso:))
            // The other classes by number, occupation and institution name (issue 12), from the
            // gatherer's caches: a class and an institution are read once per batch.
            for d in elsewhereRows.sorted(by: { ($0.date, $0.classID) < ($1.date, $1.classID) }) where both.contains(d.date) {
                guard let date = CalendarDate(iso: d.date) else { continue }
                var occupation = ""
                if let other = try classRow(d.classID) { occupation = try occupationName(other.occupationCode) }
                let institutionName = try institution(d.institution)?.name ?? d.institution
                anomalies.elsewhere.append(AttendanceElsewhere(
                    date: date, classID: d.classID, occupationName: occupation, institutionName: institutionName,
                    minutes: AttendanceRule.saturatingSum([d.classroomMinutes, d.onlineMinutes])))
            }
            anomalies.overlongDays = total.filter { $0.value > AttendanceRule.maxMinutesPerDay }.keys.sorted()
                .compactMap(CalendarDate.init(iso:))
            (anomalies.institutionRejected, anomalies.institutionDecided) = try rejectionCounts(c.institution)
            let isEnterprise = inst?.kind == .enterprise
            let occName: String
            if let n = entry?.name { occName = n } else { occName = try occupationName(c.occupationCode) }
            classFacts = ClassFacts(
                id: c.id, type: c.type, institutionCode: c.institution,
                institutionName: inst?.name ?? c.institution,
                institutionStatus: inst?.status ?? .suspended,
                institutionIsEnterprise: isEnterprise, region: Self.region(creditCode: c.institution),
                occupationCode: c.occupationCode, occupationName: occName,
                level: level, start: start, end: end, plannedHours: c.plannedHours, countedMinutes: counted,
                attendedDays: attended, closedOn: nil,
                employer: w.employerCode ?? (isEnterprise ? c.institution : nil))
        }

        var certFacts: CertificateFacts?
        if let cert = certificate, case let type = cert.type, let date = CalendarDate(iso: cert.issueDate) {
            var others: [String] = []
            for o in try holders(type: cert.type.rawValue, number: cert.number) where o.workerID != w.id && !o.isVoided {
                others.append(try workerName(o.workerID) ?? o.workerID)
            }
            certFacts = CertificateFacts(type: type, number: cert.number, level: cert.level.flatMap(SkillLevel.init(rawValue:)),
                                         date: date, holderName: w.name, otherHolders: others)
            if klass == nil, catalogueFacts == nil, let level = cert.level,
               let entry = try catalogueEntry(cert.occupationCode, on: cert.issueDate),
               let l = entry.levels.first(where: { $0.level == level }) {
                catalogueFacts = CatalogueFacts(subsidised: entry.subsidised, shortage: entry.shortage,
                                                standardFen: l.standardFen, hours: l.hours)
            }
        }

        // Every earlier claim of the worker, any status; the engine decides which count.
        var prior: [PriorClaim] = []
        for c in try priorClaims(w.id) where c.id != excluding {
            guard case let kind = c.kind, let level = SkillLevel(rawValue: c.level),
                  let date = CalendarDate(iso: c.claimDate) else { continue }
            let status = c.status
            prior.append(PriorClaim(id: c.id, kind: kind, classID: c.classID,
                                    trainingType: c.trainingType,
                                    occupationCode: c.occupationCode, occupationName: try occupationName(c.occupationCode),
                                    level: level, year: c.claimYear, date: date, status: status, amountFen: c.amountFen,
                                    employer: c.employerCode, months: c.months))
        }
        // W5 (attendance edited after the class closed or the claim was submitted) needs the
        // submission snapshots the claims workflow adds: empty until then.
        return ClaimFacts(worker: workerFacts, klass: classFacts, catalogue: catalogueFacts, certificate: certFacts,
                          priorClaims: prior, anomalies: anomalies)
    }
}
