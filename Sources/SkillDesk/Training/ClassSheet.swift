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

extension ClassListItem {
    /// The class list's search (one rule for the screen and its CSV export, `ListQuery`): the
    /// class number starting with the text, or the institution's or occupation's name containing it.
    public static func matches(id: Int64, institutionName: String, occupationName: String, query: String) -> Bool {
        ListQuery.matches(code: String(id), name: institutionName + " " + occupationName, query: query)
    }

    public func matches(_ query: String) -> Bool {
        Self.matches(id: row.id, institutionName: institutionName, occupationName: occupationName, query: query)
    }
}

/// What the attendance grid needs: the class, its trainees with names, and every day's hours.
public struct AttendanceSheet: Sendable {
    public var detail: ClassDetail
    public var institutionName: String
    public var occupationName: String
    /// Worker ID → name, for the roster.
    public var names: [String: String]
    public var days: [AttendanceRow]
    /// W2 (issue 12): each trainee's days in this class on which they also attended another
    /// institution's class, that class named — the grid's warnings panel.
    public var elsewhere: [(workerID: String, day: AttendanceElsewhere)] = []
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
            let days = try r.attendance(classID: classID)
            var sheet = AttendanceSheet(detail: detail,
                                        institutionName: try r.institution(code: detail.row.institution)?.name ?? detail.row.institution,
                                        occupationName: try r.occupationEntries(code: detail.row.occupationCode).last?.name ?? detail.row.occupationCode,
                                        names: names, days: days)
            sheet.elsewhere = try Self.elsewhere(r, detail.row, roster: detail.roster.map(\.workerID), days: days)
            return sheet
        }
    }

    /// W2 for a whole class: per trainee, the other institutions' classes they attended on a day
    /// they attended this one (one query per trainee over the class's dates, on the worker-date index).
    static func elsewhere(_ r: StoreReader, _ c: ClassRow, roster: [String], days: [AttendanceRow])
        throws -> [(workerID: String, day: AttendanceElsewhere)] {
        var attended: [String: Set<String>] = [:]
        for d in days where d.classroomMinutes + d.onlineMinutes > 0 { attended[d.workerID, default: []].insert(d.date) }
        var out: [(workerID: String, day: AttendanceElsewhere)] = []
        var classes: [Int64: (occupation: String, institution: String)] = [:]
        for worker in roster {
            guard let mine = attended[worker] else { continue }
            for d in try r.attendance(workerID: worker, from: c.startDate, to: c.endDate)
            where d.classID != c.id && d.institution != c.institution && mine.contains(d.date) && d.classroomMinutes + d.onlineMinutes > 0 {
                guard let date = CalendarDate(iso: d.date) else { continue }
                if classes[d.classID] == nil {
                    let other = try r.trainingClass(id: d.classID)
                    let occupation = try other.flatMap { try r.occupationName(code: $0.occupationCode) } ?? other?.occupationCode ?? ""
                    classes[d.classID] = (occupation, try r.institution(code: d.institution)?.name ?? d.institution)
                }
                let named = classes[d.classID]!
                out.append((worker, AttendanceElsewhere(date: date, classID: d.classID, occupationName: named.occupation,
                                                        institutionName: named.institution,
                                                        minutes: AttendanceRule.saturatingSum([d.classroomMinutes, d.onlineMinutes]))))
            }
        }
        return out
    }
}
