/// One city's policy as data (`Resources/policies/<name>.profile`): the subsidy kinds it pays, the
/// numbers its seed gives, and labelled demo defaults for the numbers the seed leaves open.
public struct PolicyProfile: Hashable, Sendable {
    public var name: String
    public var title: String
    /// The seed number the profile is drawn from (`003`).
    public var seed: String
    /// The bureau's city as published (`city = 南京市` in `[profile]`; optional): the title of the
    /// public disclosure of fund use (issue 13). Nil in a profile that does not say.
    public var city: String? = nil
    /// The city to print: `city`, else the profile's title.
    public var cityOrTitle: String { city.map { $0.isEmpty ? title : $0 } ?? title }
    public var kinds: [SubsidyKind: KindPolicy]
    /// E4: subsidised trainings per person per calendar year.
    public var trainingsPerYear: Cited<Int>
    /// E14: online time counts at this percent; completion at this share of planned hours.
    public var onlinePercent: Cited<Int>
    public var completionPercent: Cited<Int>
    /// E3: days after the certificate date within which a claim may be made.
    public var claimWindowDays: Cited<Int>
    /// W4: working age, inclusive.
    public var workingAgeMin: Cited<Int>
    public var workingAgeMax: Cited<Int>
    /// W3: an institution whose rejected claims reach this percent is flagged.
    public var rejectionWarnPercent: Cited<Int>
    /// The public notice (公示) of an approved claim lasts this many working days (`NoticePeriod`).
    /// Optional in a profile file (`notice_working_days`); absent, it is 5, demo.
    public var noticeWorkingDays: Cited<Int> = PolicyProfile.defaultNoticeWorkingDays
    /// W3: the institution's decided claims needed before its rejection rate means anything
    /// (issue 12: one rejection of three is no pattern). Optional in a profile file
    /// (`rejection_warn_min_decided`); absent, it is 20, demo.
    public var rejectionWarnMinDecided: Cited<Int> = PolicyProfile.defaultRejectionWarnMinDecided
    /// The rule suggesting an institution's credit grade (`[credit_grade]`, issue 13); nil when the
    /// profile has none (no grade is then suggested, and the screen says why).
    public var creditGrade: CreditGradeRule? = nil

    public static let defaultNoticeWorkingDays = Cited(5, PolicySource.demo)
    public static let defaultRejectionWarnMinDecided = Cited(20, PolicySource.demo)

    /// The attendance rule (online ratio, completion share) this profile sets.
    public var attendanceRule: AttendanceRule {
        AttendanceRule(onlinePercent: onlinePercent.value, completionPercent: completionPercent.value)
    }

    /// Every clause the profile cites (kinds and numbers).
    public var citedClauses: Set<String> {
        var out = Set<String>()
        func add(_ s: PolicySource?) { if case .clause(let c)? = s { out.insert(c) } }
        for p in kinds.values {
            out.insert(p.clause)
            p.amounts.values.forEach { add($0.source) }
            add(p.perDayFen?.source); add(p.maxDays?.source); add(p.perMonthFen?.source)
            add(p.maxMonths?.source); add(p.maxPercent?.source); add(p.shortageUpliftPercent?.source)
            add(p.shortageUpliftFromLevel?.source); add(p.localRuralHukou?.source)
        }
        for c in [trainingsPerYear, onlinePercent, completionPercent, claimWindowDays, workingAgeMin,
                  workingAgeMax, rejectionWarnPercent, noticeWorkingDays, rejectionWarnMinDecided] { add(c.source) }
        if let g = creditGrade {
            out.insert(g.clause)
            for c in [g.minDecided, g.minEnrolled, g.aCompletionPercent, g.aCertifiedPercent, g.aRejectionPercent, g.aMaxW3,
                      g.bCompletionPercent, g.bRejectionPercent, g.dCompletionPercent, g.dRejectionPercent] { add(c.source) }
        }
        return out
    }
}

// MARK: - Parsing

/// A profile file that cannot be used: which file, line and field, and what is wrong.
public struct ProfileError: Error, Equatable, Sendable, UserMessage {
    public enum Problem: Equatable, Sendable {
        /// Not `[section]`, `key = value ; source`, a comment or blank.
        case badLine
        case unknownSection(String)
        case duplicateSection(firstLine: Int)
        case unknownKey(section: String)
        case duplicateKey(firstLine: Int)
        /// A required key is absent (reported at the section's header line, or line 0 for a
        /// missing section).
        case missingKey(section: String)
        /// The value is not what the key takes (`expected` says what would be right).
        case badValue(String, expected: String)
        /// A number without `; <clause>` or `; demo`.
        case missingSource
        /// A subsidy kind section without `clause = ...`.
        case kindWithoutClause(SubsidyKind)
        /// A clause reference that is not in the seed passages (clauses.txt).
        case unknownClause(String)
        case outsideSection
    }

    public var file: String
    public var line: Int
    public var field: String
    public var problem: Problem

    public init(file: String, line: Int, field: String, problem: Problem) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    public func message(_ lang: Lang) -> String {
        let zh = lang == .zh
        let at = zh ? "\(file) 第\(line)行 “\(field)”：" : "\(file), line \(line), \(field): "
        switch problem {
        case .badLine:
            return at + (zh ? "无法识别；应为“[节名]”、“键 = 值 ; 条款”或以“;”开头的注释"
                : "not understood; expected `[section]`, `key = value ; clause` or a `;` comment")
        case .unknownSection(let s):
            return at + (zh ? "未知的节“\(s)”；应为 profile、rules、credit_grade 或补贴种类之一：\(SubsidyKind.codes)"
                : "unknown section \"\(s)\"; use profile, rules, credit_grade or a subsidy kind: \(SubsidyKind.codes)")
        case .duplicateSection(let first):
            return at + (zh ? "该节已在第\(first)行出现；每节只能出现一次" : "section already given on line \(first); give each section once")
        case .unknownKey(let section):
            let keys = ProfileParser.allowedKeys(section).joined(separator: ", ")
            return at + (zh ? "节“\(section)”中没有这个键；可用的键：\(keys)" : "no such key in [\(section)]; allowed: \(keys)")
        case .duplicateKey(let first):
            return at + (zh ? "该键已在第\(first)行给出；每个键只能给一次" : "already given on line \(first); give each key once")
        case .missingKey(let section):
            return at + (zh ? "节“\(section)”缺少必填键" : "required key missing from [\(section)]")
        case .badValue(let v, let expected):
            return at + (zh ? "“\(v)”不是有效值；应为\(ProfileParser.zhExpected(expected))" : "\"\(v)\" is not valid; expected \(expected)")
        case .missingSource:
            return at + (zh ? "数值缺少出处；在值后写“; 条款”（如“; 003 二(一)1”）或“; demo”（演示默认值）"
                : "the number has no source; add `; <clause>` (e.g. `; 003 二(一)1`) or `; demo` after it")
        case .kindWithoutClause(let k):
            return at + (zh ? "补贴种类“\(k.label(.zh))”没有条款；加一行“clause = 003 二(三)10”之类"
                : "the \(k.label(.en)) section cites no clause; add a line like `clause = 003 二(三)10`")
        case .unknownClause(let c):
            return at + (zh ? "条款“\(c)”不在种子文件摘录（clauses.txt）中；只能引用种子中确有的条款"
                : "clause \"\(c)\" is not among the seed passages (clauses.txt); cite only clauses the seeds contain")
        case .outsideSection:
            return at + (zh ? "键值出现在任何节之前；先写“[profile]”" : "a key before any section; start with `[profile]`")
        }
    }
}

/// The hand-written line parser for `.profile` files, so every error names file, line and field.
public enum ProfileParser {
    enum ValueType { case text, int, percent, yuan, level, bool }

    static let profileKeys: [String: ValueType] = ["name": .text, "title": .text, "seed": .text, "city": .text]
    static let ruleKeys: [String: ValueType] = [
        "trainings_per_year": .int, "online_percent": .percent, "completion_percent": .percent,
        "claim_window_days": .int, "working_age_min": .int, "working_age_max": .int,
        "rejection_warn_percent": .percent, "notice_working_days": .int, "rejection_warn_min_decided": .int,
    ]
    /// Rules keys a profile may leave out (a default applies).
    static let optionalRuleKeys: Set<String> = ["notice_working_days", "rejection_warn_min_decided"]
    static let creditGradeKeys: [String: ValueType] = {
        var keys: [String: ValueType] = ["clause": .text]
        for k in CreditGradeRule.percentKeys { keys[k] = .percent }
        for k in CreditGradeRule.countKeys { keys[k] = .int }
        return keys
    }()
    static let levelKeys: [String: ValueType] = Dictionary(uniqueKeysWithValues: SkillLevel.allCases.map { ($0.rawValue, .yuan) })

    static func kindKeys(_ kind: SubsidyKind) -> [String: ValueType] {
        var keys: [String: ValueType] = ["clause": .text]
        switch kind {
        case .training:
            keys["shortage_uplift_percent"] = .percent
            keys["shortage_uplift_from_level"] = .level
        case .appraisal, .apprenticeship, .insuredUpgrading, .highSkillReward:
            keys.merge(levelKeys) { a, _ in a }
        case .livingAllowance:
            keys["per_day"] = .yuan; keys["max_days"] = .int; keys["local_rural_hukou"] = .bool
        case .workBased:
            keys["per_month"] = .yuan; keys["max_months"] = .int
        case .prepayment:
            keys["max_percent"] = .percent
        case .settlement:
            break
        }
        return keys
    }

    static func requiredKeys(_ section: String) -> [String] {
        switch section {
        case "profile": return ["name", "title", "seed"]
        case "rules": return ruleKeys.keys.filter { !optionalRuleKeys.contains($0) }.sorted()
        case "living_allowance": return ["per_day", "max_days"]
        case "work_based": return ["per_month", "max_months"]
        case "prepayment": return ["max_percent"]
        case "credit_grade": return creditGradeKeys.keys.sorted()
        default: return []
        }
    }

    static func keyTypes(_ section: String) -> [String: ValueType]? {
        if section == "profile" { return profileKeys }
        if section == "rules" { return ruleKeys }
        if section == "credit_grade" { return creditGradeKeys }
        if let k = SubsidyKind(rawValue: section) { return kindKeys(k) }
        return nil
    }

    static func allowedKeys(_ section: String) -> [String] {
        let keys = (keyTypes(section) ?? [:]).keys
        let levels = keys.compactMap(SkillLevel.init(rawValue:)).sorted().map(\.rawValue)
        return keys.filter { SkillLevel(rawValue: $0) == nil }.sorted() + levels
    }

    static func zhExpected(_ en: String) -> String {
        switch en {
        case "a whole number": "整数"
        case "a percent 0–100": "0–100 的百分数"
        case "yuan with at most two decimals, e.g. 4000.00": "元，最多两位小数，如 4000.00"
        case "a level code (L5…L1, apprentice, special, chief)": "等级代码（L5…L1、apprentice、special、chief）"
        case "yes or no": "yes 或 no"
        case "a three-digit seed number, e.g. 003": "三位种子文件编号，如 003"
        case "a profile name of lower-case letters, digits and -": "由小写字母、数字和 - 组成的名称"
        case "a clause reference, e.g. 003 二(一)1": "条款引用，如 003 二(一)1"
        case "a whole number of working days 1–30": "1–30 之间的工作日天数"
        case "a whole number of decided claims 1–100000": "1–100000 之间的已决定申请份数"
        case "a whole number 1–100000": "1–100000 之间的整数"
        default: en
        }
    }

    struct Entry { var value: String; var source: PolicySource?; var line: Int }

    /// Parses one profile. `knownClauses`, when given, is the set of clause references a profile may
    /// cite (the seed passages); a reference outside it is refused.
    public static func parse(_ text: String, file: String, knownClauses: Set<String>? = nil) -> Result<PolicyProfile, ProfileError> {
        var sections: [String: (line: Int, entries: [String: Entry])] = [:]
        var order: [String] = []
        var current: String?
        var lineNo = 0
        func fail(_ field: String, _ p: ProfileError.Problem, line: Int? = nil) -> Result<PolicyProfile, ProfileError> {
            .failure(ProfileError(file: file, line: line ?? lineNo, field: field, problem: p))
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNo += 1
            let line = String(raw).trimmedWhitespace()
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { return fail(line, .badLine) }
                let name = String(line.dropFirst().dropLast()).trimmedWhitespace()
                guard keyTypes(name) != nil else { return fail(name, .unknownSection(name)) }
                if let first = sections[name] { return fail(name, .duplicateSection(firstLine: first.line)) }
                sections[name] = (lineNo, [:])
                order.append(name)
                current = name
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { return fail(line, .badLine) }
            let key = String(line[..<eq]).trimmedWhitespace()
            var rest = String(line[line.index(after: eq)...])
            var source: PolicySource?
            if let semi = rest.firstIndex(of: ";") {
                let s = String(rest[rest.index(after: semi)...]).trimmedWhitespace()
                rest = String(rest[..<semi])
                if s == "demo" { source = .demo } else {
                    guard isClauseRef(s) else { return fail(key, .badValue(s, expected: "a clause reference, e.g. 003 二(一)1")) }
                    if let knownClauses, !knownClauses.contains(s) { return fail(key, .unknownClause(s)) }
                    source = .clause(s)
                }
            }
            let value = rest.trimmedWhitespace()
            guard !key.isEmpty, !value.isEmpty else { return fail(key.isEmpty ? line : key, .badLine) }
            guard let section = current else { return fail(key, .outsideSection) }
            guard let type = keyTypes(section)?[key] else { return fail(key, .unknownKey(section: section)) }
            if let first = sections[section]!.entries[key] { return fail(key, .duplicateKey(firstLine: first.line)) }
            if type != .text && source == nil { return fail(key, .missingSource) }
            sections[section]!.entries[key] = Entry(value: value, source: source, line: lineNo)
        }

        // Required sections and keys.
        for s in ["profile", "rules"] where sections[s] == nil {
            return fail("[\(s)]", .missingKey(section: s), line: 0)
        }
        for s in order {
            let entries = sections[s]!.entries
            if let k = SubsidyKind(rawValue: s), entries["clause"] == nil {
                return fail("[\(s)]", .kindWithoutClause(k), line: sections[s]!.line)
            }
            for key in requiredKeys(s) where entries[key] == nil {
                return fail(key, .missingKey(section: s), line: sections[s]!.line)
            }
        }

        // Typed values.
        func entry(_ s: String, _ k: String) -> Entry? { sections[s]?.entries[k] }
        func int(_ s: String, _ k: String, range: ClosedRange<Int>, expected: String) -> Result<Cited<Int>?, ProfileError> {
            guard let e = entry(s, k) else { return .success(nil) }
            guard e.value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), e.value.count <= 6, let n = Int(e.value), range.contains(n) else {
                return .failure(ProfileError(file: file, line: e.line, field: k, problem: .badValue(e.value, expected: expected)))
            }
            return .success(Cited(n, e.source!))
        }
        func whole(_ s: String, _ k: String) -> Result<Cited<Int>?, ProfileError> {
            int(s, k, range: 0...100_000, expected: "a whole number")
        }
        func percent(_ s: String, _ k: String) -> Result<Cited<Int>?, ProfileError> {
            int(s, k, range: 0...100, expected: "a percent 0–100")
        }
        func yuan(_ s: String, _ k: String) -> Result<Cited<Int64>?, ProfileError> {
            guard let e = entry(s, k) else { return .success(nil) }
            // Digits and one point only: no sign, no ¥, no thousands commas in a data file.
            guard e.value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                  let fen = Money.parse(yuan: e.value), fen <= 100_000_000 else {
                return .failure(ProfileError(file: file, line: e.line, field: k,
                                             problem: .badValue(e.value, expected: "yuan with at most two decimals, e.g. 4000.00")))
            }
            return .success(Cited(fen, e.source!))
        }

        do {
            let p = sections["profile"]!.entries
            let name = p["name"]!.value, seed = p["seed"]!.value
            guard name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
                return fail("name", .badValue(name, expected: "a profile name of lower-case letters, digits and -"), line: p["name"]!.line)
            }
            guard seed.count == 3, seed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return fail("seed", .badValue(seed, expected: "a three-digit seed number, e.g. 003"), line: p["seed"]!.line)
            }
            var kinds: [SubsidyKind: KindPolicy] = [:]
            for s in order {
                guard let kind = SubsidyKind(rawValue: s) else { continue }
                let clauseEntry = entry(s, "clause")!
                let clause = clauseEntry.value
                guard isClauseRef(clause) else {
                    return fail("clause", .badValue(clause, expected: "a clause reference, e.g. 003 二(一)1"), line: clauseEntry.line)
                }
                if let knownClauses, !knownClauses.contains(clause) { return fail("clause", .unknownClause(clause), line: clauseEntry.line) }
                var kp = KindPolicy(kind: kind, clause: clause)
                for level in SkillLevel.allCases {
                    if let a = try yuan(s, level.rawValue).get() { kp.amounts[level] = a }
                }
                kp.perDayFen = try yuan(s, "per_day").get()
                kp.maxDays = try whole(s, "max_days").get()
                kp.perMonthFen = try yuan(s, "per_month").get()
                kp.maxMonths = try whole(s, "max_months").get()
                kp.maxPercent = try percent(s, "max_percent").get()
                kp.shortageUpliftPercent = try percent(s, "shortage_uplift_percent").get()
                if let e = entry(s, "shortage_uplift_from_level") {
                    guard let l = SkillLevel(rawValue: e.value) else {
                        return fail(e.value, .badValue(e.value, expected: "a level code (L5…L1, apprentice, special, chief)"), line: e.line)
                    }
                    kp.shortageUpliftFromLevel = Cited(l, e.source!)
                }
                if let e = entry(s, "local_rural_hukou") {
                    guard e.value == "yes" || e.value == "no" else {
                        return fail("local_rural_hukou", .badValue(e.value, expected: "yes or no"), line: e.line)
                    }
                    kp.localRuralHukou = Cited(e.value == "yes", e.source!)
                }
                let perLevel: Set<SubsidyKind> = [.appraisal, .apprenticeship, .insuredUpgrading, .highSkillReward]
                if perLevel.contains(kind) && kp.amounts.isEmpty {
                    return fail("L5…L1", .missingKey(section: s), line: sections[s]!.line)
                }
                kinds[kind] = kp
            }
            let r = "rules"
            var profile = PolicyProfile(
                name: name, title: p["title"]!.value, seed: seed, kinds: kinds,
                trainingsPerYear: try whole(r, "trainings_per_year").get()!,
                onlinePercent: try percent(r, "online_percent").get()!,
                completionPercent: try percent(r, "completion_percent").get()!,
                claimWindowDays: try whole(r, "claim_window_days").get()!,
                workingAgeMin: try whole(r, "working_age_min").get()!,
                workingAgeMax: try whole(r, "working_age_max").get()!,
                rejectionWarnPercent: try percent(r, "rejection_warn_percent").get()!,
                noticeWorkingDays: try int(r, "notice_working_days", range: 1...30, expected: "a whole number of working days 1–30").get()
                    ?? PolicyProfile.defaultNoticeWorkingDays,
                rejectionWarnMinDecided: try int(r, "rejection_warn_min_decided", range: 1...100_000,
                                                 expected: "a whole number of decided claims 1–100000").get()
                    ?? PolicyProfile.defaultRejectionWarnMinDecided)
            if sections["credit_grade"] != nil {
                let g = "credit_grade"
                let clauseEntry = entry(g, "clause")!
                guard isClauseRef(clauseEntry.value) else {
                    return fail("clause", .badValue(clauseEntry.value, expected: "a clause reference, e.g. 003 二(一)1"), line: clauseEntry.line)
                }
                if let knownClauses, !knownClauses.contains(clauseEntry.value) {
                    return fail("clause", .unknownClause(clauseEntry.value), line: clauseEntry.line)
                }
                profile.creditGrade = CreditGradeRule(
                    clause: clauseEntry.value,
                    minDecided: try int(g, "min_decided", range: 1...100_000, expected: "a whole number of decided claims 1–100000").get()!,
                    minEnrolled: try int(g, "min_enrolled", range: 1...100_000, expected: "a whole number 1–100000").get()!,
                    aCompletionPercent: try percent(g, "a_completion_percent").get()!,
                    aCertifiedPercent: try percent(g, "a_certified_percent").get()!,
                    aRejectionPercent: try percent(g, "a_rejection_percent").get()!,
                    aMaxW3: try whole(g, "a_max_w3").get()!,
                    bCompletionPercent: try percent(g, "b_completion_percent").get()!,
                    bRejectionPercent: try percent(g, "b_rejection_percent").get()!,
                    dCompletionPercent: try percent(g, "d_completion_percent").get()!,
                    dRejectionPercent: try percent(g, "d_rejection_percent").get()!)
            }
            if profile.workingAgeMin.value > profile.workingAgeMax.value {
                let e = entry(r, "working_age_max")!
                return fail("working_age_max", .badValue(e.value, expected: "a whole number"), line: e.line)
            }
            profile.city = p["city"]?.value
            return .success(profile)
        } catch {
            return .failure(error)
        }
    }

    /// `003 二(三)10`, `002 (八)`: a three-digit seed number, a space, then the section text.
    static func isClauseRef(_ s: String) -> Bool {
        let parts = s.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 3, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return !parts[1].contains(" ") && !parts[1].isEmpty
    }
}
