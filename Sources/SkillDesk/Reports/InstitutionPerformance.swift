import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// One institution's figures for a report period (issue 13 item 3). Plain values, so a filed
/// report can freeze and compare them.
public struct InstitutionPerformance: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    /// The grade an administrator applied (nil: none).
    public var grade: String?
    public var status: InstitutionStatus
    /// Classes that ended in the period (end date in it, completed or closed).
    public var classes = 0
    public var enrolled = 0
    /// Enrolments that reached E14's completion share (the one definition of "trained").
    public var completed = 0
    /// Of those classes' enrolments, those with a certificate not voided from the class.
    public var certified = 0
    public var submitted = 0
    public var approved = 0
    public var rejected = 0
    /// Warnings raised at submission on claims submitted in the period: W1…W5 in order.
    public var warnings: [Int] = [0, 0, 0, 0, 0]
    /// Warnings on claims submitted before the rule that raised them was recorded (before v16).
    public var warningsUnrecorded = 0
    public var paidFen: Int64 = 0

    public init(code: String, name: String, grade: String?, status: InstitutionStatus) {
        self.code = code; self.name = name; self.grade = grade; self.status = status
    }

    public var decided: Int { approved + rejected }
    /// Rates in basis points, rounded down; nil when nothing is counted under them.
    public var completionBP: Int64? { enrolled == 0 ? nil : Int64(completed) * 10_000 / Int64(enrolled) }
    public var certifiedBP: Int64? { completed == 0 ? nil : Int64(certified) * 10_000 / Int64(completed) }
    public var rejectionBP: Int64? { decided == 0 ? nil : Int64(rejected) * 10_000 / Int64(decided) }
    public var warningTotal: Int { warnings.reduce(0, +) + warningsUnrecorded }

    /// The figures the credit-grade rule reads.
    public var gradeFigures: CreditGradeRule.Figures {
        .init(enrolled: enrolled, completed: completed, certified: certified, approved: approved, rejected: rejected, w3: warnings[2])
    }
}

/// How the performance list is ordered. Ties fall back to the name, then the credit code.
public enum PerformanceSort: String, Sendable, CaseIterable, Codable {
    case name, completion, rejection, paid

    public func label(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.name, .zh): "名称"
        case (.name, .en): "name"
        case (.completion, .zh): "结业率"
        case (.completion, .en): "completion"
        case (.rejection, .zh): "驳回率"
        case (.rejection, .en): "rejection"
        case (.paid, .zh): "已支付"
        case (.paid, .en): "paid"
        }
    }

    /// The next order (the screen's sort key cycles).
    public var next: PerformanceSort { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    /// Completion ascending (the weakest first), rejection and paid descending (the largest first).
    public func sorted(_ rows: [InstitutionPerformance]) -> [InstitutionPerformance] {
        rows.sorted { a, b in
            switch self {
            case .name: break
            case .completion:
                let x = a.completionBP ?? Int64.max, y = b.completionBP ?? Int64.max
                if x != y { return x < y }
            case .rejection:
                let x = a.rejectionBP ?? -1, y = b.rejectionBP ?? -1
                if x != y { return x > y }
            case .paid:
                if a.paidFen != b.paidFen { return a.paidFen > b.paidFen }
            }
            return (a.name, a.code) < (b.name, b.code)
        }
    }
}

/// Institution performance for a period: every institution with anything in it.
public struct InstitutionPerformanceReport: Sendable, Equatable, Codable {
    public var period: String
    public var first: CalendarDate
    public var last: CalendarDate
    public var sort: PerformanceSort
    public var rows: [InstitutionPerformance]
}

/// One institution's figures with the suggested grade and why (the screen's detail, `report institutions --code`).
public struct InstitutionGradeView: Sendable, Equatable {
    public var performance: InstitutionPerformance
    public var period: ReportPeriod
    /// Nil when the active profile has no `[credit_grade]` rule.
    public var suggestion: CreditGradeRule.Suggestion?
    public var profileName: String
}

/// The institution's audit image for a grade: the usual snapshot (what `audit check` compares)
/// plus the reason, which the check ignores.
struct GradeImage: Encodable {
    var snapshot: InstitutionSnapshot
    var reason: String
    enum Keys: String, CodingKey { case reason = "grade_reason" }
    func encode(to encoder: Encoder) throws {
        try snapshot.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(reason, forKey: .reason)
    }
}

extension Session {
    public func institutionPerformance(_ period: ReportPeriod, sort: PerformanceSort = .name) throws -> InstitutionPerformanceReport {
        try read(.readReports) { r in
            let rows = try Self.performance(r, period, rule: try PolicySetting.rule(r, desk))
            return InstitutionPerformanceReport(period: period.code, first: period.first, last: period.last, sort: sort,
                                                rows: sort.sorted(Array(rows.values)))
        }
    }

    /// One institution's figures for the period and the grade the active profile's rule suggests.
    public func institutionGrade(code: String, period: ReportPeriod) throws -> InstitutionGradeView {
        let key = code.trimmedWhitespace().uppercased()
        return try read(.readReports) { r in
            guard let inst = try r.institution(code: key) else { throw DeskError.institutionNotFound(key) }
            let profile = try PolicySetting.profile(r, desk)
            let all = try Self.performance(r, period, rule: profile.attendanceRule)
            let p = all[key] ?? InstitutionPerformance(code: key, name: inst.name, grade: inst.grade, status: inst.status)
            return InstitutionGradeView(performance: p, period: period, suggestion: profile.creditGrade?.suggest(p.gradeFigures),
                                        profileName: profile.name)
        }
    }

    /// An administrator applies a credit grade (never the program): audited `institution.grade`
    /// with the reason, the institution's image before and after.
    @discardableResult
    public func applyInstitutionGrade(code: String, grade: CreditGrade, reason: String) throws -> InstitutionRow {
        try require(.manageReports)
        let key = code.trimmedWhitespace().uppercased()
        let why = try DeskError.checking {
            try FieldText.cleaned(reason, field: FieldLabel(en: "reason", zh: "理由"), max: FieldText.maxReason)
        }
        if why.isEmpty {
            throw DeskError.invalidInput("give the reason for the grade (--reason), e.g. the period's figures it rests on",
                                         zh: "请填写评定理由（--reason），如所依据的期间数据")
        }
        let now = desk.clock()
        return try write(.manageReports) { w in
            guard let old = try w.institution(code: key) else { throw DeskError.institutionNotFound(key) }
            if old.grade == grade.rawValue {
                throw DeskError.wrongState("\(old.name) already has grade \(grade.rawValue); nothing was changed",
                                           zh: "\(old.name) 的信用等级已是 \(grade.rawValue)，未作改动")
            }
            try w.setInstitutionGrade(code: key, grade: grade, at: now)
            let row = try w.institution(code: key)!
            try w.audit(at: now, user: user, action: "institution.grade", entity: "institution", key: key,
                        before: InstitutionSnapshot(old).json(), after: CatalogueJSON.encode(GradeImage(snapshot: InstitutionSnapshot(row), reason: why)))
            return row
        }
    }

    /// Every institution with a class that ended, a claim or a payment in the period, by credit code.
    static func performance(_ r: StoreReader, _ period: ReportPeriod, rule: AttendanceRule) throws -> [String: InstitutionPerformance] {
        var names: [String: InstitutionRow] = [:]
        try r.eachInstitution { names[$0.code] = $0 }
        var out: [String: InstitutionPerformance] = [:]
        func row(_ code: String) -> InstitutionPerformance {
            if let p = out[code] { return p }
            let i = names[code]
            return InstitutionPerformance(code: code, name: i?.name ?? code, grade: i?.grade, status: i?.status ?? .active)
        }
        var lastClass: Int64 = -1
        try r.forEachEnrolmentOutcome(from: period.first, to: period.last, onlinePercent: rule.onlinePercent) { e in
            var p = row(e.institution)
            if e.classID != lastClass { p.classes += 1; lastClass = e.classID }
            p.enrolled += 1
            if e.completed(rule) { p.completed += 1 }
            out[e.institution] = p
        }
        // A class with nobody enrolled still ended: count it.
        for (code, n) in try r.endedClassesByInstitution(from: period.first, to: period.last) {
            var p = row(code); p.classes = n; out[code] = p
        }
        for (code, n) in try r.certifiedByInstitution(from: period.first, to: period.last) {
            var p = row(code); p.certified = n; out[code] = p
        }
        for (code, c) in try r.claimCountsByInstitution(from: period.first, to: period.last) {
            var p = row(code)
            p.submitted = c.submitted; p.approved = c.approved; p.rejected = c.rejected; p.paidFen = c.paidFen
            p.warnings = (1...5).map { c.warnings["W\($0)"] ?? 0 }
            p.warningsUnrecorded = c.warningsUnrecorded
            out[code] = p
        }
        return out
    }
}
