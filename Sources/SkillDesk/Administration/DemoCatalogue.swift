import Foundation
import SkillCore

/// The demo database's occupation catalogue and training institutions.
///
/// DEMO VALUES. The amounts and hours are invented for trying the program, not any city's
/// published standards. The codes follow the national occupation classification as far as we
/// know them; entries marked `check` are plausible codes still to be checked against the 2022
/// national occupation classification (国家职业分类大典 2022). 数控车工 is a 工种 of 车工
/// (6-18-01-01), so it is one entry named 车工（含数控车工）: one code has one name per period.
enum DemoCatalogue {
    /// code, name, flags (s = subsidised, k = shortage, a = access-controlled), tier, highest
    /// level (5 = only 初级工 … 1 = up to 高级技师), amount factor in percent, still to check.
    static let occupations: [(String, String, String, Int?, Int, Int, Bool)] = [
        ("6-31-01-03", "电工", "ska", 1, 1, 110, false),
        ("6-18-02-04", "焊工", "ska", 1, 1, 110, false),
        ("6-18-01-01", "车工（含数控车工）", "sk", 1, 1, 110, false),
        ("4-10-01-05", "养老护理员", "sk", nil, 2, 100, false),
        ("4-10-01-03", "保育师", "s", nil, 3, 90, false),
        ("4-10-01-06", "家政服务员", "s", nil, 3, 80, false),
        ("4-10-01-02", "育婴员", "s", nil, 3, 85, false),
        ("4-01-02-02", "电子商务师", "s", 3, 2, 100, false),
        ("4-02-07-10", "网约配送员", "s", nil, 4, 70, false),
        ("6-31-07-01", "工业机器人系统运维员", "sk", 1, 1, 130, false),
        ("4-04-05-05", "人工智能训练师", "sk", 1, 1, 130, false),
        ("6-25-04-10", "物联网安装调试员", "sk", 1, 2, 120, false),
        ("4-03-02-01", "中式烹调师", "s", nil, 1, 90, false),
        ("4-10-03-01", "美容师", "s", nil, 2, 85, false),
        ("4-12-01-01", "汽车维修工", "sk", 2, 1, 105, false),
        ("6-29-03-05", "叉车司机", "sa", nil, 3, 80, false),
        ("4-07-05-01", "保安员", "sa", nil, 2, 70, false),
        ("4-14-01-03", "健康照护师", "sk", nil, 2, 100, false),
        ("5-01-02-01", "农艺工", "s", nil, 2, 80, false),
        ("4-03-02-03", "中式面点师", "s", nil, 1, 85, true),
        ("4-03-02-05", "西式面点师", "s", nil, 1, 85, true),
        ("4-10-04-01", "美发师", "s", nil, 1, 85, true),
        ("6-18-01-02", "铣工", "sk", 1, 1, 110, true),
        ("6-18-01-07", "钳工", "sk", 1, 1, 105, true),
        ("6-29-01-01", "砌筑工", "s", 3, 2, 90, true),
        ("6-29-03-11", "电梯安装维修工", "ska", 2, 1, 110, true),
        ("4-02-07-08", "快递员", "s", nil, 3, 70, true),
        ("4-01-02-01", "营销员", "s", nil, 2, 75, true),
        ("5-05-01-02", "农机修理工", "s", 3, 2, 85, true),
        ("4-14-02-02", "公共营养师", "s", nil, 2, 90, true),
        ("4-04-01-01", "信息通信网络机务员", "s", 2, 2, 100, true),
        ("6-28-01-01", "光伏组件制造工", "sk", 1, 3, 110, true),
    ]

    /// Codes with an older 2024 entry (90% of the 2025 amounts), to show "as of".
    static let withHistory: Set<String> = ["6-31-01-03", "6-18-02-04", "4-10-01-05"]

    /// The standards up to `highest`: 初级工 ¥800 / 80 h … 高级技师 ¥2,400 / 240 h, times `percent`.
    static func levels(highest: Int, percent: Int) -> [LevelStandard] {
        (highest...5).map { n in
            let base: Int64 = [1: 240_000, 2: 200_000, 3: 160_000, 4: 120_000, 5: 80_000][n]!
            return LevelStandard(level: SkillLevel(rawValue: "L\(n)")!, standardFen: base * Int64(percent) / 100,
                                 hours: [1: 240, 2: 200, 3: 160, 4: 120, 5: 80][n]!)
        }
    }

    /// name, kind, first 17 characters of the credit code (check character computed), grade,
    /// in the catalogue, may train (code, levels), suspended with this reason.
    static let institutions: [(String, InstitutionKind, String, CreditGrade?, Bool, [(String, [SkillLevel])], String?)] = [
        ("南京技师学院", .technicalSchool, "12320100466001234", .a, true,
         [("6-31-01-03", [.l5, .l4, .l3, .l2]), ("6-18-02-04", [.l4, .l3]), ("6-18-01-01", [.l4, .l3]), ("6-31-07-01", [.l3, .l2])], nil),
        ("南京金陵职业培训学校", .privateSchool, "52320102MJ5501278", .b, true,
         [("4-10-01-05", [.l5, .l4, .l3]), ("4-10-01-02", [.l5, .l4]), ("4-10-01-03", [.l5, .l4]), ("4-10-01-06", [.l5, .l4])], nil),
        ("南京智联物联网科技有限公司", .enterprise, "91320115MA1W8K3L6", .b, false,
         [("6-25-04-10", [.l4, .l3]), ("4-04-05-05", [.l4, .l3])], nil),
        ("南京市公共实训基地", .publicBase, "12320100MB0Y47215", .a, true,
         [("6-31-01-03", [.l5, .l4]), ("4-12-01-01", [.l4, .l3]), ("6-29-03-05", [.l5]), ("4-03-02-01", [.l5, .l4])], nil),
        ("南京颐和家政培训学校", .privateSchool, "52320106MJ5532190", .c, true,
         [("4-10-01-06", [.l5, .l4]), ("4-10-01-05", [.l5])], "2025 年度检查：培训台账与签到记录不符，限期整改"),
    ]

    /// Adds the catalogue and the institutions as the demo administrator (audited like any entry).
    static func seed(_ admin: Session) throws {
        let from2025 = CalendarDate(year: 2025, month: 1, day: 1)!
        for (code, name, flags, tier, highest, percent, _) in occupations {
            var d = OccupationDraft()
            d.code = code; d.name = name; d.tier = tier
            d.subsidised = flags.contains("s"); d.shortage = flags.contains("k"); d.accessControlled = flags.contains("a")
            if withHistory.contains(code) {
                d.levels = levels(highest: highest, percent: percent * 9 / 10)
                d.from = CalendarDate(year: 2024, month: 1, day: 1)!; d.to = CalendarDate(year: 2024, month: 12, day: 31)!
                _ = try admin.addOccupation(d)
            }
            d.levels = levels(highest: highest, percent: percent)
            d.from = from2025; d.to = nil
            _ = try admin.addOccupation(d)
        }
        for (name, kind, first17, grade, catalogue, scopes, suspension) in institutions {
            var d = InstitutionDraft()
            d.code = first17 + String(CreditCode.checkCharacter(for: first17)!)
            d.name = name; d.kind = kind.rawValue; d.grade = grade?.rawValue ?? ""; d.catalogue = catalogue
            d.mayTrain = scopes.flatMap { code, levels in levels.map { "\(code):\($0.rawValue)" } }
            _ = try admin.addInstitution(d)
            if let suspension { _ = try admin.suspendInstitution(code: d.code, reason: suspension) }
        }
    }
}
