import SkillCore
import SkillStore
import SkillRecords

/// A worker's fields as labelled text, the same on the command line and on screens.
public enum WorkerText {
    public static func label(_ field: WorkerField, _ lang: Lang) -> String {
        let zh = lang == .zh
        switch field {
        case .id: return zh ? "身份证号" : "Resident ID"
        case .name: return zh ? "姓名" : "Name"
        case .phone: return zh ? "手机号" : "Mobile"
        case .hukouRegion: return zh ? "户籍地" : "Household reg."
        case .rural: return zh ? "农村户籍" : "Rural household"
        case .residence: return zh ? "常住地" : "Residence"
        case .workRegion: return zh ? "求职就业地" : "Work place"
        case .employment: return zh ? "就业状态" : "Employment"
        case .employer: return zh ? "工作单位" : "Employer"
        case .employerCode: return zh ? "单位信用代码" : "Employer code"
        case .pension: return zh ? "按月领取养老金" : "Monthly pension"
        case .unemploymentInsured: return zh ? "参加失业保险" : "Unemp. insured"
        case .groups: return zh ? "重点群体" : "Target groups"
        case .disability: return zh ? "残疾" : "Disability"
        case .relativeOf: return zh ? "系其直系亲属" : "Relative of"
        }
    }

    public static func sex(_ code: String, _ lang: Lang) -> String {
        Sex(rawValue: code)?.label(lang) ?? code
    }

    public static func yesNo(_ b: Bool, _ lang: Lang) -> String {
        lang == .zh ? (b ? "是" : "否") : (b ? "yes" : "no")
    }

    public static func region(_ code: String?, _ lang: Lang) -> String {
        guard let code, !code.isEmpty else { return "—" }
        return code + " " + (RegionTable.shared.name(code) ?? (lang == .zh ? "（未知地区）" : "(unknown region)"))
    }

    public static func groups(_ codes: [String], _ lang: Lang) -> String {
        codes.isEmpty ? "—" : codes.map { TargetGroup(rawValue: $0)?.label(lang) ?? $0 }
            .joined(separator: lang == .zh ? "、" : ", ")
    }

    public static func employment(_ code: String, _ lang: Lang) -> String {
        EmploymentStatus(rawValue: code)?.label(lang) ?? code
    }

    public static func disability(_ code: String, _ lang: Lang) -> String {
        Disability(rawValue: code)?.label(lang) ?? code
    }

    /// Every field of a stored worker, in form order.
    public static func fields(_ w: WorkerRow, lang: Lang) -> [(String, String)] {
        let zh = lang == .zh
        return [
            (label(.id, lang), w.id),
            (label(.name, lang), w.name),
            (zh ? "性别 / 出生日期" : "Sex / born", sex(w.sex, lang) + " / " + w.birthDate),
            (label(.phone, lang), w.phone ?? "—"),
            (label(.hukouRegion, lang), region(w.hukouRegion, lang) + (w.rural ? (zh ? "（农村户籍）" : " (rural)") : "")),
            (label(.residence, lang), w.residence ?? "—"),
            (label(.workRegion, lang), region(w.workRegion, lang)),
            (label(.employment, lang), employment(w.employment, lang)),
            (label(.employer, lang), w.employer ?? "—"),
            (label(.employerCode, lang), w.employerCode ?? "—"),
            (label(.pension, lang), yesNo(w.pension, lang)),
            (label(.unemploymentInsured, lang), yesNo(w.unemploymentInsured, lang)),
            (label(.groups, lang), groups(w.groups, lang)),
            (label(.disability, lang), disability(w.disability, lang)),
            (label(.relativeOf, lang), w.relativeOf ?? "—"),
        ]
    }
}

extension WorkerDraft {
    /// A form's starting point for editing a stored worker.
    public init(row w: WorkerRow) {
        self.init(id: w.id, name: w.name, phone: w.phone ?? "", hukouRegion: w.hukouRegion ?? "",
                  rural: w.rural, residence: w.residence ?? "",
                  employment: EmploymentStatus(rawValue: w.employment) ?? .other, employer: w.employer ?? "",
                  employerCode: w.employerCode ?? "", pension: w.pension,
                  groups: w.groups.compactMap(TargetGroup.init(rawValue:)),
                  disability: Disability(rawValue: w.disability) ?? .none, relativeOf: w.relativeOf ?? "",
                  unemploymentInsured: w.unemploymentInsured, workRegion: w.workRegion ?? "")
    }
}
