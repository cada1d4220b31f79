import SkillCore

/// One enrolment of a class that ended in a report's period, with the worker's counted minutes
/// (issue 13's base row: "trained" = such an enrolment whose counted minutes reach the class's
/// completion share, `AttendanceRule.isComplete`). The class's fields ride along so a breakdown
/// by type, level, occupation or institution needs no second read.
public struct EnrolmentOutcomeRow: Sendable, Equatable {
    public var classID: Int64
    public var workerID: String
    public var institution: String
    public var occupationCode: String
    public var level: String
    public var trainingType: String
    public var endDate: String
    public var plannedHours: Int
    public var countedMinutes: Int

    public init(classID: Int64, workerID: String, institution: String, occupationCode: String, level: String,
                trainingType: String, endDate: String, plannedHours: Int, countedMinutes: Int) {
        self.classID = classID; self.workerID = workerID; self.institution = institution
        self.occupationCode = occupationCode; self.level = level; self.trainingType = trainingType
        self.endDate = endDate; self.plannedHours = plannedHours; self.countedMinutes = countedMinutes
    }

    /// The one completion test (E14's, `AttendanceRule`) applied to this enrolment.
    public func completed(_ rule: AttendanceRule) -> Bool {
        rule.isComplete(countedMinutes: countedMinutes, plannedHours: plannedHours)
    }
}
