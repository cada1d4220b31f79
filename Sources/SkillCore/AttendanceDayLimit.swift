/// No one attends more than 24 hours in one day, across all of their classes (issue 12). The one
/// place the rule lives: the attendance use case asks it before storing a day (the grid, `attend`
/// and `attend import` all go through that use case), and the refusal names the other classes.
public enum AttendanceDayLimit {
    /// One other class's hours that day, named as a clerk reads it.
    public struct OtherClass: Hashable, Sendable {
        public var classID: Int64
        public var occupationName: String
        public var minutes: Int

        public init(classID: Int64, occupationName: String, minutes: Int) {
            self.classID = classID; self.occupationName = occupationName; self.minutes = minutes
        }
    }

    /// Why a day's hours are refused: the worker, the day, what this class may still take (first,
    /// so a narrow message line shows what would be right), what the other classes already hold.
    public struct Exceeded: Error, Hashable, Sendable, UserMessage {
        public var workerName: String
        public var workerID: String
        public var date: String
        public var classID: Int64
        public var minutes: Int
        public var others: [OtherClass]

        public var totalMinutes: Int { AttendanceRule.saturatingSum([minutes] + others.map(\.minutes)) }
        /// The most this class may still take that day.
        public var leftMinutes: Int { max(0, AttendanceRule.maxMinutesPerDay - AttendanceRule.saturatingSum(others.map(\.minutes))) }

        public func message(_ lang: Lang) -> String {
            let h = Hours.text
            if lang == .zh {
                let list = others.map { "培训班 \($0.classID)（\($0.occupationName)）\(h($0.minutes)) 小时" }.joined(separator: "、")
                return "\(workerName)（\(workerID)）\(date) 在培训班 \(classID) 最多还能登记 \(h(leftMinutes)) 小时：已在\(list)有考勤，再加 \(h(minutes)) 小时共 \(h(totalMinutes)) 小时，超过一天 24 小时"
            }
            let list = others.map { "class \($0.classID) (\($0.occupationName)) \(h($0.minutes)) h" }.joined(separator: ", ")
            return "\(workerName) (\(workerID)) can have at most \(h(leftMinutes)) h in class \(classID) on \(date): already \(list); with \(h(minutes)) h that is \(h(totalMinutes)) h, more than a day's 24"
        }
    }

    /// nil when `minutes` in this class plus the other classes' minutes that day fit in 24 hours.
    public static func check(workerName: String, workerID: String, date: String, classID: Int64, minutes: Int,
                             others: [OtherClass]) -> Exceeded? {
        let others = others.filter { $0.classID != classID && $0.minutes > 0 }
        let e = Exceeded(workerName: workerName, workerID: workerID, date: date, classID: classID, minutes: minutes, others: others)
        return e.totalMinutes > AttendanceRule.maxMinutesPerDay ? e : nil
    }
}
