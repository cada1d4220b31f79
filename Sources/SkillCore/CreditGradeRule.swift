/// The suggested credit grade (信用等级) of a training institution from its figures for a period
/// (issue 13, item 3; 001 五(三), 003 二(三)11 ask for a credit-grading system). The thresholds are
/// the policy profile's `[credit_grade]` section; this type only applies them. A suggestion is
/// never applied by itself: an administrator applies a grade, with a reason.
public struct CreditGradeRule: Hashable, Sendable {
    public var clause: String
    /// Decided claims (approved + rejected) needed before a grade is suggested.
    public var minDecided: Cited<Int>
    /// Enrolments (of classes that ended) needed before a completion rate means anything.
    public var minEnrolled: Cited<Int>
    public var aCompletionPercent: Cited<Int>
    public var aCertifiedPercent: Cited<Int>
    public var aRejectionPercent: Cited<Int>
    public var aMaxW3: Cited<Int>
    public var bCompletionPercent: Cited<Int>
    public var bRejectionPercent: Cited<Int>
    public var dCompletionPercent: Cited<Int>
    public var dRejectionPercent: Cited<Int>

    public init(clause: String, minDecided: Cited<Int>, minEnrolled: Cited<Int>, aCompletionPercent: Cited<Int>,
                aCertifiedPercent: Cited<Int>, aRejectionPercent: Cited<Int>, aMaxW3: Cited<Int>,
                bCompletionPercent: Cited<Int>, bRejectionPercent: Cited<Int>, dCompletionPercent: Cited<Int>,
                dRejectionPercent: Cited<Int>) {
        self.clause = clause; self.minDecided = minDecided; self.minEnrolled = minEnrolled
        self.aCompletionPercent = aCompletionPercent; self.aCertifiedPercent = aCertifiedPercent
        self.aRejectionPercent = aRejectionPercent; self.aMaxW3 = aMaxW3
        self.bCompletionPercent = bCompletionPercent; self.bRejectionPercent = bRejectionPercent
        self.dCompletionPercent = dCompletionPercent; self.dRejectionPercent = dRejectionPercent
    }

    /// The figures the rule reads.
    public struct Figures: Sendable, Equatable, Codable {
        public var enrolled: Int
        public var completed: Int
        public var certified: Int
        public var approved: Int
        public var rejected: Int
        public var w3: Int
        public init(enrolled: Int, completed: Int, certified: Int, approved: Int, rejected: Int, w3: Int) {
            self.enrolled = enrolled; self.completed = completed; self.certified = certified
            self.approved = approved; self.rejected = rejected; self.w3 = w3
        }
        public var decided: Int { approved + rejected }
    }

    public enum Measure: String, Sendable, Codable {
        case completion, certified, rejection, w3
        public func label(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.completion, .zh): "结业率"
            case (.completion, .en): "completion rate"
            case (.certified, .zh): "取证率"
            case (.certified, .en): "certified rate"
            case (.rejection, .zh): "驳回率"
            case (.rejection, .en): "rejection rate"
            case (.w3, .zh): "W3 预警"
            case (.w3, .en): "W3 warnings"
            }
        }
    }

    public enum Comparison: String, Sendable, Codable {
        case atLeast = ">=", atMost = "<=", below = "<"
    }

    /// One threshold of one grade, with the figure it was compared with.
    public struct Check: Sendable, Equatable, Codable {
        public var grade: String
        public var measure: Measure
        public var comparison: Comparison
        /// A percent, or a count for W3.
        public var threshold: Int
        public var part: Int
        public var whole: Int
        public var met: Bool
        public var source: String

        /// "结业率 85/100 ≥ 90%" style text, exact (the rate shown to two decimals, rounded down).
        public func text(_ lang: Lang) -> String {
            let op = comparison == .atLeast ? "≥" : comparison == .atMost ? "≤" : "<"
            if measure == .w3 { return "\(measure.label(lang)) \(part) \(op) \(threshold)" }
            let rate = whole == 0 ? "—" : formatBasisPoints(Int64(part) * 10_000 / Int64(whole))
            return "\(measure.label(lang)) \(rate) (\(part)/\(whole)) \(op) \(threshold)%"
        }
    }

    public enum Outcome: Sendable, Equatable {
        case grade(CreditGrade)
        /// Too few decided claims or enrolments: no grade is suggested.
        case notEnoughData(decided: Int, enrolled: Int)
    }

    public struct Suggestion: Sendable, Equatable {
        public var outcome: Outcome
        /// Every threshold tried, in the order D, A, B (C is what is left).
        public var checks: [Check]
        public var clause: String
        public var minDecided: Int
        public var minEnrolled: Int

        public var grade: CreditGrade? { if case let .grade(g) = outcome { return g }; return nil }

        public func label(_ lang: Lang) -> String {
            switch (outcome, lang) {
            case let (.grade(g), _): return g.rawValue
            case (.notEnoughData, .zh): return "数据不足"
            case (.notEnoughData, .en): return "not enough data"
            }
        }

        /// Why: "not enough data" names the counts and the minimum; a grade names the tests it met or missed.
        public func reason(_ lang: Lang) -> String {
            let zh = lang == .zh
            switch outcome {
            case let .notEnoughData(decided, enrolled):
                return zh ? "已决定申请 \(decided) 份（至少 \(minDecided) 份）、参训 \(enrolled) 人次（至少 \(minEnrolled) 人次），不足以评级（\(clause)）"
                    : "\(decided) decided claims (at least \(minDecided)) and \(enrolled) enrolments (at least \(minEnrolled)) are too few to grade (\(clause))"
            case let .grade(g):
                let d = checks.filter { $0.grade == "D" }
                switch g {
                case .d:
                    let hit = d.filter(\.met).map { $0.text(lang) }.joined(separator: zh ? "；" : "; ")
                    return zh ? "D：\(hit)（\(clause)）" : "D: \(hit) (\(clause))"
                case .a:
                    return zh ? "A：A 级各项均达到（\(clause)）" : "A: every A threshold met (\(clause))"
                case .b, .c:
                    let missed = checks.filter { $0.grade == (g == .b ? "A" : "B") && !$0.met }.map { $0.text(lang) }
                        .joined(separator: zh ? "；" : "; ")
                    let higher = g == .b ? "A" : "B"
                    return zh ? "\(g.rawValue)：未达 \(higher) 级：\(missed)（\(clause)）" : "\(g.rawValue): short of \(higher): \(missed) (\(clause))"
                }
            }
        }
    }

    /// D when any D threshold is crossed; else A when every A threshold is met; else B when every
    /// B threshold is met; else C. Rates compare exactly (part × 100 against percent × whole).
    public func suggest(_ f: Figures) -> Suggestion {
        func src(_ c: Cited<Int>) -> String { c.source.description }
        func rate(_ grade: String, _ m: Measure, _ cmp: Comparison, _ c: Cited<Int>, _ part: Int, _ whole: Int) -> Check {
            let lhs = part * 100, rhs = c.value * whole
            var met: Bool
            switch cmp {
            case .atLeast: met = lhs >= rhs
            case .atMost: met = lhs <= rhs
            case .below: met = lhs < rhs
            }
            if whole == 0 { met = false }   // no rate: neither crossed nor reached
            return Check(grade: grade, measure: m, comparison: cmp, threshold: c.value, part: part, whole: whole, met: met, source: src(c))
        }
        let checks = [
            rate("D", .rejection, .atLeast, dRejectionPercent, f.rejected, f.decided),
            rate("D", .completion, .below, dCompletionPercent, f.completed, f.enrolled),
            rate("A", .completion, .atLeast, aCompletionPercent, f.completed, f.enrolled),
            rate("A", .certified, .atLeast, aCertifiedPercent, f.certified, f.completed),
            rate("A", .rejection, .atMost, aRejectionPercent, f.rejected, f.decided),
            Check(grade: "A", measure: .w3, comparison: .atMost, threshold: aMaxW3.value, part: f.w3, whole: 0,
                  met: f.w3 <= aMaxW3.value, source: src(aMaxW3)),
            rate("B", .completion, .atLeast, bCompletionPercent, f.completed, f.enrolled),
            rate("B", .rejection, .atMost, bRejectionPercent, f.rejected, f.decided),
        ]
        var s = Suggestion(outcome: .grade(.c), checks: checks, clause: clause, minDecided: minDecided.value, minEnrolled: minEnrolled.value)
        if f.decided < minDecided.value || f.enrolled < max(1, minEnrolled.value) {
            s.outcome = .notEnoughData(decided: f.decided, enrolled: f.enrolled)
        } else if checks.contains(where: { $0.grade == "D" && $0.met }) {
            s.outcome = .grade(.d)
        } else if checks.filter({ $0.grade == "A" }).allSatisfy(\.met) {
            s.outcome = .grade(.a)
        } else if checks.filter({ $0.grade == "B" }).allSatisfy(\.met) {
            s.outcome = .grade(.b)
        }
        return s
    }

    /// The keys of a `[credit_grade]` section (all required), each a whole number with its source.
    static let percentKeys = ["a_completion_percent", "a_certified_percent", "a_rejection_percent", "b_completion_percent",
                              "b_rejection_percent", "d_completion_percent", "d_rejection_percent"]
    static let countKeys = ["min_decided", "min_enrolled", "a_max_w3"]
}
