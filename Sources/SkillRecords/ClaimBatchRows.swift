import Foundation
import SkillCore

/// What an evaluation reads of an earlier claim (E4–E7, E15, settlement). Its own explicit column
/// list, decoded by index: independent of `claim(_:)` and of columns later migrations add.
public struct PriorClaimRow: Equatable, Sendable {
    public var id: Int64
    public var workerID: String
    public var kind: SubsidyKind
    public var classID: Int64?
    public var occupationCode: String
    public var level: String
    public var trainingType: TrainingType?
    public var claimYear: Int
    public var claimDate: String
    public var months: Int?
    public var amountFen: Int64
    public var employerCode: String?
    public var status: ClaimStatus

    public init(id: Int64, workerID: String, kind: SubsidyKind, classID: Int64? = nil, occupationCode: String,
                level: String, trainingType: TrainingType? = nil, claimYear: Int, claimDate: String, months: Int? = nil,
                amountFen: Int64, employerCode: String? = nil, status: ClaimStatus) {
        self.id = id; self.workerID = workerID; self.kind = kind; self.classID = classID
        self.occupationCode = occupationCode; self.level = level; self.trainingType = trainingType
        self.claimYear = claimYear; self.claimDate = claimDate; self.months = months; self.amountFen = amountFen
        self.employerCode = employerCode; self.status = status
    }
}

/// One day of attendance of one worker (a batch read of several workers' days).
public struct BatchDayRow: Equatable, Sendable {
    public var workerID: String
    public var day: WorkerDayRow

    public init(workerID: String, day: WorkerDayRow) {
        self.workerID = workerID; self.day = day
    }
}
