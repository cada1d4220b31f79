import Foundation
import SkillCore
import SkillStore
import SkillRecords

/// A demo (training) database: one user per role and a few hundred plausible workers, so the
/// program can be tried at once. Flagged as demo at creation (DECISIONS.md: only a demo or
/// training database may ever have its business date moved).
public enum Demo {
    public struct Account: Sendable {
        public var name: String
        public var role: Role
        public var password: String
    }

    public static let accounts: [Account] = [
        Account(name: "admin", role: .admin, password: "admin-demo-1"),
        Account(name: "clerk1", role: .clerk, password: "clerk1-demo"),
        Account(name: "sup1", role: .supervisor, password: "sup1-demo-1"),
        Account(name: "fin1", role: .finance, password: "fin1-demo-1"),
        Account(name: "audit1", role: .auditor, password: "audit1-demo"),
    ]

    /// Creates the demo database at `path` (refusing an existing file) with `workers` workers.
    @discardableResult
    public static func create(path: String, workers: Int = 300) throws -> Desk {
        let admin = accounts[0]
        let desk = try Desk.initialize(path: path, admin: admin.name, password: admin.password, demo: true)
        let adminSession = try desk.login(name: admin.name, password: admin.password)
        for a in accounts.dropFirst() {
            try adminSession.addUser(name: a.name, roles: [a.role], password: a.password)
        }
        try DemoCatalogue.seed(adminSession)
        // Money to approve claims with: ¥1,000,000.00 of employment subsidy funds this year and last
        // (invented; a demo account, not a figure from the seeds).
        let year = desk.today().year
        for y in [year - 1, year] {
            try adminSession.allocateFund(year: y, source: .employmentSubsidy, amountFen: 100_000_000)
        }
        let clerk = try desk.login(name: accounts[1].name, password: accounts[1].password)
        var rng = SeededGenerator(seed: 2026)
        var registered = 0
        var attempts = 0
        var trainees: [String] = []
        while registered < workers && attempts < workers * 3 {
            attempts += 1
            let draft = sampleWorker(&rng, today: desk.today())
            // ignoring is right: a random sample may repeat an ID or fail a rule; another is drawn.
            if let w = try? clerk.register(draft) {
                registered += 1
                if trainees.count < 10 { trainees.append(w.id) }
            }
        }
        try demoClass(clerk, trainees: Array(trainees.prefix(4)), today: desk.today())
        try completedClass(clerk, trainees: Array(trainees.dropFirst(4)), today: desk.today())
        return desk
    }

    /// One running class at 南京技师学院 (电工 L4, a week started) with two days of attendance,
    /// filed by the clerk through the use cases.
    static func demoClass(_ clerk: Session, trainees: [String], today: CalendarDate) throws {
        guard !trainees.isEmpty else { return }
        let start = today.adding(days: -7)
        var d = ClassDraft()
        d.institution = "12320100466001234" + String(CreditCode.checkCharacter(for: "12320100466001234")!)
        d.occupation = "6-31-01-03"; d.level = "L4"; d.type = "employment"
        d.start = start.description; d.end = start.adding(days: 18).description; d.plannedHours = "120"
        let c = try clerk.addClass(d)
        _ = try clerk.enrol(classID: c.id, workerIDs: trainees)
        _ = try clerk.startClass(c.id)
        for day in 0..<2 {
            for (i, w) in trainees.enumerated() {
                let online = day == 1 && i == 0 ? 120 : 0
                _ = try clerk.attend(classID: c.id, workerID: w, date: start.adding(days: day),
                                     classroomMinutes: online > 0 ? 240 : 480, onlineMinutes: online)
            }
        }
    }

    /// A completed class a month ago (车工 L4 at 南京技师学院, 5 days of 8 hours, 40 planned) so that
    /// claims can be tried at once: five trainees complete, the last attended only 3 days; four hold
    /// a skill-level certificate issued after the class, and the last two of those were recorded
    /// with the same number (W1: a supervisor must open their claims).
    static func completedClass(_ clerk: Session, trainees: [String], today: CalendarDate) throws {
        guard trainees.count >= 6 else { return }
        let start = today.adding(days: -30)
        var d = ClassDraft()
        d.institution = "12320100466001234" + String(CreditCode.checkCharacter(for: "12320100466001234")!)
        d.occupation = "6-18-01-01"; d.level = "L4"; d.type = "employment"
        d.start = start.description; d.end = start.adding(days: 4).description; d.plannedHours = "40"
        let c = try clerk.addClass(d)
        _ = try clerk.enrol(classID: c.id, workerIDs: trainees)
        _ = try clerk.startClass(c.id)
        for (i, w) in trainees.enumerated() {
            for day in 0..<(i == trainees.count - 1 ? 3 : 5) {
                _ = try clerk.attend(classID: c.id, workerID: w, date: start.adding(days: day),
                                     classroomMinutes: 480, onlineMinutes: 0)
            }
        }
        _ = try clerk.completeClass(c.id)
        for (i, w) in trainees.prefix(4).enumerated() {
            var cert = CertificateDraft()
            cert.worker = w; cert.type = "skill_level"; cert.number = "S3201\(start.year)0\(min(i, 2) + 1)0\(min(i, 2) + 7)"
            cert.occupation = "6-18-01-01"; cert.level = "L4"; cert.classID = c.id
            cert.issueDate = start.adding(days: 12).description; cert.issuer = "南京市职业技能鉴定指导中心"
            _ = try clerk.addCertificate(cert)
        }
    }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let compoundSurnames = ["欧阳", "司马", "诸葛", "上官", "东方"]
    static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志宏文博浩宇子涵欣怡梓轩思雨佳琪晨阳雪梅春花海峰晓东丹")
    static let minorityNames = ["阿卜杜拉·艾尼", "买买提·吐尔逊", "古丽娜尔·阿不都", "扎西·多吉"]
    static let nanjingRegions = ["320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116", "320117", "320118"]

    static func sampleWorker(_ rng: inout SeededGenerator, today: CalendarDate) -> WorkerDraft {
        var d = WorkerDraft()
        let region = nanjingRegions[Int(rng.next() % UInt64(nanjingRegions.count))]
        let age = 18 + Int(rng.next() % 42)
        let birth = CalendarDate(year: today.year - age, month: 1, day: 1)!.adding(days: Int(rng.next() % 365))
        let seq = String(format: "%03d", Int(rng.next() % 1000))
        let compact = String(format: "%04d%02d%02d", birth.year, birth.month, birth.day)
        let first17 = region + compact + seq
        d.id = first17 + String(ResidentID.checkCharacter(for: first17)!)
        let roll = rng.next() % 100
        if roll < 2 {
            d.name = minorityNames[Int(rng.next() % UInt64(minorityNames.count))]
        } else {
            let surname = roll < 5 ? compoundSurnames[Int(rng.next() % 5)] : String(surnames[Int(rng.next() % UInt64(surnames.count))])
            let len = rng.next() % 3 == 0 ? 1 : 2
            d.name = surname + (0..<len).map { _ in String(given[Int(rng.next() % UInt64(given.count))]) }.joined()
        }
        let prefixes = ["139", "138", "137", "136", "135", "150", "151", "152", "158", "159", "186", "187", "188", "177", "199"]
        if rng.next() % 10 != 0 {
            d.phone = prefixes[Int(rng.next() % UInt64(prefixes.count))] + String(format: "%08d", Int(rng.next() % 100_000_000))
        }
        d.hukouRegion = region
        d.rural = rng.next() % 3 == 0
        d.residence = "南京市" + (RegionTable.shared.region(region)?.name ?? "")
        let statuses = EmploymentStatus.allCases
        d.employment = statuses[Int(rng.next() % UInt64(statuses.count))]
        var groups: [TargetGroup] = []
        for g in TargetGroup.allCases where rng.next() % 12 == 0 { groups.append(g) }
        d.groups = groups
        d.pension = age >= 55 && rng.next() % 4 == 0
        d.disability = rng.next() % 40 == 0 ? .severe : (rng.next() % 30 == 0 ? .nonsevere : .none)
        return d
    }
}

/// A small deterministic generator (SplitMix64) so the demo is the same every time.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
