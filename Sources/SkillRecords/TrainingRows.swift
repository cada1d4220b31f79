import Foundation
import SkillCore

/// A training class as stored.
public struct ClassRow: Equatable, Sendable {
    public var id: Int64
    public var institution: String
    public var occupationCode: String
    public var level: String
    public var type: TrainingType
    public var startDate: String
    public var endDate: String
    public var plannedHours: Int
    public var status: ClassStatus

    public init(id: Int64, institution: String, occupationCode: String, level: String, type: TrainingType,
                startDate: String, endDate: String, plannedHours: Int, status: ClassStatus) {
        self.id = id; self.institution = institution; self.occupationCode = occupationCode; self.level = level
        self.type = type; self.startDate = startDate; self.endDate = endDate; self.plannedHours = plannedHours
        self.status = status
    }
}

/// One trainee of a class with the sums of their attendance.
public struct RosterRow: Equatable, Sendable {
    public var workerID: String
    /// Σ over days of classroom + online × onlinePercent / 100 (rounded down per day).
    public var countedMinutes: Int
    public var days: Int

    public init(workerID: String, countedMinutes: Int, days: Int) {
        self.workerID = workerID; self.countedMinutes = countedMinutes; self.days = days
    }
}

public struct AttendanceRow: Equatable, Sendable {
    public var classID: Int64
    public var workerID: String
    public var date: String
    public var classroomMinutes: Int
    public var onlineMinutes: Int

    public init(classID: Int64, workerID: String, date: String, classroomMinutes: Int, onlineMinutes: Int) {
        self.classID = classID; self.workerID = workerID; self.date = date
        self.classroomMinutes = classroomMinutes; self.onlineMinutes = onlineMinutes
    }
}

/// Another class's attendance on one day, with that class's institution (for W2).
public struct OtherAttendanceRow: Equatable, Sendable {
    public var attendance: AttendanceRow
    public var institution: String

    public init(attendance: AttendanceRow, institution: String) {
        self.attendance = attendance; self.institution = institution
    }
}

public struct CertificateRow: Equatable, Sendable {
    public var id: Int64
    public var type: CertificateType
    public var number: String
    public var occupationCode: String
    public var level: String?
    public var issuer: String?
    public var issueDate: String
    public var workerID: String
    public var classID: Int64?
    /// When it was voided (UTC timestamp), by whom and why; nil while it stands. A voided
    /// certificate stays on record (claims and the trail point at it) but backs no claim.
    public var voidedAt: String?
    public var voidedBy: String?
    public var voidReason: String?
    /// Optimistic edits: one up at every correction or void.
    public var version: Int

    public init(id: Int64, type: CertificateType, number: String, occupationCode: String, level: String? = nil,
                issuer: String? = nil, issueDate: String, workerID: String, classID: Int64? = nil,
                voidedAt: String? = nil, voidedBy: String? = nil, voidReason: String? = nil, version: Int = 1) {
        self.id = id; self.type = type; self.number = number; self.occupationCode = occupationCode
        self.level = level; self.issuer = issuer; self.issueDate = issueDate; self.workerID = workerID
        self.classID = classID
        self.voidedAt = voidedAt; self.voidedBy = voidedBy; self.voidReason = voidReason; self.version = version
    }

    public var isVoided: Bool { voidedAt != nil }
}

/// One class of a worker's archive with the worker's counted minutes in it.
public struct WorkerClassRow: Equatable, Sendable {
    public var trainingClass: ClassRow
    /// Σ over the worker's days in this class of classroom + online × onlinePercent / 100 (rounded down per day).
    public var countedMinutes: Int

    public init(trainingClass: ClassRow, countedMinutes: Int) {
        self.trainingClass = trainingClass; self.countedMinutes = countedMinutes
    }
}
