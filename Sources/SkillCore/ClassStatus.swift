/// A training class's life: planned → running → completed → closed. Nothing goes back: a
/// closed class's attendance is final (W5 warns about anything logged after closing).
public enum ClassStatus: String, Sendable, Codable, CaseIterable, Comparable {
    case planned, running, completed, closed

    public func label(_ lang: Lang) -> String {
        switch self {
        case .planned: lang == .zh ? "计划" : "Planned"
        case .running: lang == .zh ? "开班中" : "Running"
        case .completed: lang == .zh ? "已结业" : "Completed"
        case .closed: lang == .zh ? "已关闭" : "Closed"
        }
    }

    /// The one status this one may move to, if any.
    public var next: ClassStatus? {
        switch self {
        case .planned: .running
        case .running: .completed
        case .completed: .closed
        case .closed: nil
        }
    }

    /// Whether workers may be put on the roster by ordinary enrolment: not after completion, when
    /// attendance for past days could be typed for someone who was never there (issue 12).
    public var takesEnrolments: Bool { self == .planned || self == .running }

    /// Whether a clerk may correct the roster (a distinct, audited action with a reason that marks
    /// the class's submitted claims, W5): a completed class, whose attendance is still open.
    public var takesRosterCorrection: Bool { self == .completed }

    /// Whether attendance may still be logged or changed.
    public var acceptsAttendance: Bool { self == .running || self == .completed }

    public static func < (a: ClassStatus, b: ClassStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How long a class may run: two years (731 days, first and last day included). The longest
/// subsidised programmes (apprenticeships, 新型学徒制) run one to two years; anything longer is a
/// typing error (an end of 9999-12-31), and a bound keeps the attendance sheet's days countable.
public enum ClassSpan {
    public static let maxDays = 731
}
