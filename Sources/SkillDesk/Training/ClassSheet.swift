import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A class as the class list shows it: names resolved, roster size counted.
public struct ClassListItem: Sendable, Equatable {
    public var row: ClassRow
    public var institutionName: String
    public var occupationName: String
    public var rosterSize: Int
}

/// What the attendance grid needs: the class, its trainees with names, and every day's hours.
public struct AttendanceSheet: Sendable {
    public var detail: ClassDetail
    public var institutionName: String
    public var occupationName: String
    /// Worker ID → name, for the roster.
    public var names: [String: String]
    public var days: [AttendanceRow]
}

extension Session {
    public func classList(limit: Int = 1_000) throws -> [ClassListItem] {
        return try read(.readClasses) { r in
            let classes = try r.trainingClasses(limit: max(1, limit))
            let sizes = try r.rosterSizes()
            var inst: [String: String] = [:]
            var occ: [String: String] = [:]
            return try classes.map { c in
                if inst[c.institution] == nil { inst[c.institution] = try r.institution(code: c.institution)?.name ?? c.institution }
                if occ[c.occupationCode] == nil {
                    occ[c.occupationCode] = try r.occupationEntries(code: c.occupationCode).last?.name ?? c.occupationCode
                }
                return ClassListItem(row: c, institutionName: inst[c.institution]!, occupationName: occ[c.occupationCode]!,
                                     rosterSize: sizes[c.id] ?? 0)
            }
        }
    }

    public func attendanceSheet(classID: Int64) throws -> AttendanceSheet {
        let detail = try trainingClass(classID)
        return try read(.readClasses) { r in
            var names: [String: String] = [:]
            for t in detail.roster { names[t.workerID] = try r.worker(id: t.workerID)?.name ?? t.workerID }
            return AttendanceSheet(detail: detail,
                                   institutionName: try r.institution(code: detail.row.institution)?.name ?? detail.row.institution,
                                   occupationName: try r.occupationEntries(code: detail.row.occupationCode).last?.name ?? detail.row.occupationCode,
                                   names: names, days: try r.attendance(classID: classID))
        }
    }
}
