import ArgumentParser
import Foundation
import SkillCore
import SkillDesk

// Options that take one of a closed set of values are typed: each value type conforms to
// `ExpressibleByArgument` here, at the command line's edge (the enums live in SkillCore, which knows
// nothing of ArgumentParser). `--help` lists the values (`allValueStrings`, and shell completion
// offers them); a wrong value exits 64 with a message naming the valid values in the user's language
// (`ArgumentRejection`, printed by `SkillDeskCommand.main`).

/// A closed set of values an option takes: the values `--help` lists, and what a wrong value is not.
public protocol ClosedArgument: ExpressibleByArgument {
    /// Parses a value as typed (codes, and the aliases the enum's own `parse` accepts).
    static func parseArgument(_ text: String) -> Self?
    /// The codes, in the order `--help` lists them.
    static var valueCodes: [String] { get }
    /// What a value is, for "--kind 'x' is not a subsidy kind": en with its article, zh bare.
    static var noun: (en: String, zh: String) { get }
}

extension ClosedArgument {
    /// The value, or nil after noting the refusal for the error path. Each conforming type's
    /// `init?(argument:)` is this (written out in each: ArgumentParser's own default for
    /// `RawRepresentable` types would otherwise be as good a match).
    static func accept(_ argument: String) -> Self? {
        guard let v = parseArgument(argument) else {
            ArgumentRejection.record(value: argument, valid: valueCodes, noun: noun)
            return nil
        }
        return v
    }
}

extension ClosedArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var valueCodes: [String] { allCases.map(\.rawValue) }
}

/// The last value a `ClosedArgument` refused while ArgumentParser parsed the command line, so the
/// error path can say what was wrong in the user's language instead of ArgumentParser's English.
/// Parsing runs once, on the main thread, before any command runs; the lock keeps Swift 6 content.
final class ArgumentRejection: @unchecked Sendable {
    struct Rejected: Sendable {
        var value: String
        var valid: [String]
        var noun: (en: String, zh: String)
    }

    private static let shared = ArgumentRejection()
    private let lock = NSLock()
    private var last: Rejected?

    static func record(value: String, valid: [String], noun: (en: String, zh: String)) {
        shared.lock.withLock { shared.last = Rejected(value: value, valid: valid, noun: noun) }
    }

    static var last: Rejected? { shared.lock.withLock { shared.last } }

    /// The refusal as a `CLIError.usage` (exit 64): "--kind 'lottery' is not a subsidy kind; use one
    /// of training, appraisal, …" / "--kind “lottery”不是补贴种类；可用：training、appraisal、…".
    /// `option` is the option as ArgumentParser named it (nil for an argument).
    static func error(_ r: Rejected, option: String?) -> CLIError {
        let en = (option.map { "\($0) " } ?? "") + "'\(r.value)' is not \(r.noun.en); use one of \(r.valid.joined(separator: ", "))"
        let zh = (option.map { "\($0) " } ?? "") + "“\(r.value)”不是\(r.noun.zh)；可用：\(r.valid.joined(separator: "、"))"
        return .usage(en: en, zh: zh)
    }

    /// ArgumentParser's message for a value its type refused ("The value 'x' is invalid for
    /// '--kind <kind>'…"): the option's name, or nil when the message is about something else.
    static func option(inParserMessage text: String, value: String) -> String?? {
        guard let start = text.range(of: "The value '\(value)' is invalid") else { return nil }
        let rest = text[start.upperBound...]
        guard rest.hasPrefix(" for '"), let open = rest.range(of: "'") else { return .some(nil) }
        let name = rest[open.upperBound...].prefix { $0 != " " && $0 != "'" && $0 != ">" }
        return .some(name.hasPrefix("-") ? String(name) : nil)
    }
}

/// The language and `--json` as typed on the command line, for an error raised while parsing it
/// (before any option value exists): `--lang X` / `--lang=X`, else LC_ALL, LC_MESSAGES or LANG.
enum RawCommandLine {
    static func language(_ args: [String]) -> Lang {
        var it = args.makeIterator()
        while let a = it.next() {
            if a == "--" { break }
            if a == "--lang", let v = it.next(), let l = Lang.parseArgument(v) { return l }
            if a.hasPrefix("--lang="), let l = Lang.parseArgument(String(a.dropFirst(7))) { return l }
        }
        return Lang.fromEnvironment()
    }

    static func wantsJSON(_ args: [String]) -> Bool {
        args.prefix { $0 != "--" }.contains("--json")
    }
}

extension Lang: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> Lang? { Lang(rawValue: text.trimmedWhitespace().lowercased()) }
    public static var noun: (en: String, zh: String) { ("a language", "语言") }
}

/// A claim argument (issue 12): its number `SD-2026-000123` or its serial `123`, whichever the user
/// has at hand; every claim command takes it and resolves it with `Session.claimID` (which checks a
/// number's year). A wrong form is refused with both right forms.
extension ClaimRef: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> ClaimRef? { parse(text) }
    public static var valueCodes: [String] { ["SD-2026-000123", "123"] }
    public static var noun: (en: String, zh: String) { ("a claim number (SD-year-serial, or the serial)", "申请编号（SD-年份-序号，或序号）") }
}

extension SubsidyKind: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> SubsidyKind? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a subsidy kind", "补贴种类") }
}

extension ClaimStatus: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> ClaimStatus? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a claim status", "申请状态") }
}

extension FundSource: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> FundSource? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a fund source", "资金来源") }
}

extension RejectReason: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> RejectReason? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a reason code", "驳回原因代码") }
}

extension Role: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> Role? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a role", "有效角色") }
}

extension EmploymentStatus: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> EmploymentStatus? { parse(text) }
    public static var noun: (en: String, zh: String) { ("an employment status", "就业状态") }
}

extension Disability: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> Disability? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a disability grade", "残疾情况") }
}

extension SkillLevel: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> SkillLevel? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a skill level", "技能等级") }
}

extension TrainingType: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> TrainingType? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a training type", "培训类型") }
}

extension CertificateType: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> CertificateType? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a certificate type", "证书类型") }
}

extension InstitutionKind: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> InstitutionKind? { parse(text) }
    public static var noun: (en: String, zh: String) { ("an institution kind", "机构类型") }
}

extension CreditGrade: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> CreditGrade? { parse(text) }
    public static var noun: (en: String, zh: String) { ("a credit grade", "信用等级") }
}

extension BankFileEncoding: ClosedArgument {
    public init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    public static func parseArgument(_ text: String) -> BankFileEncoding? { BankFileEncoding(rawValue: text.trimmedWhitespace().lowercased()) }
    public static var noun: (en: String, zh: String) { ("a bank file format", "银行文件格式") }
}

/// `--group`, repeatable; one value may also hold several groups separated by `;` `,` `、` (as the
/// CSV column does), so it parses with `TargetGroup.parseList`.
struct TargetGroups: ClosedArgument {
    init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    var groups: [TargetGroup]
    init(groups: [TargetGroup]) { self.groups = groups }
    static func parseArgument(_ text: String) -> TargetGroups? {
        guard case let .success(g) = TargetGroup.parseList(text), !g.isEmpty else { return nil }
        return TargetGroups(groups: g)
    }
    static var valueCodes: [String] { TargetGroup.allCases.map(\.rawValue) }
    static var allValueStrings: [String] { valueCodes }
    static var noun: (en: String, zh: String) { ("a target group", "重点群体") }
}

/// `calendar set --kind`: a holiday, a weekend working day, or an ordinary day (the entry removed).
enum CalendarDaySetting: String, CaseIterable, ClosedArgument {
    init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    case holiday, workday, normal
    static func parseArgument(_ text: String) -> CalendarDaySetting? {
        let t = text.trimmedWhitespace().lowercased()
        return t == "none" ? .normal : CalendarDaySetting(rawValue: t)
    }
    static var noun: (en: String, zh: String) { ("a kind of day", "日期类型") }
    var dayKind: CalendarDayKind? {
        switch self {
        case .holiday: .holiday
        case .workday: .workday
        case .normal: nil
        }
    }
}

/// `claim list --warnings yes|no` (true/false and 1/0 too).
enum YesNo: String, CaseIterable, ClosedArgument {
    init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    case yes, no
    static func parseArgument(_ text: String) -> YesNo? {
        switch text.trimmedWhitespace().lowercased() {
        case "yes", "true", "1": .yes
        case "no", "false", "0": .no
        default: nil
        }
    }
    static var noun: (en: String, zh: String) { ("yes or no", "yes 或 no") }
    var bool: Bool { self == .yes }
}

/// `init --policy`: one of the profiles the program ships (`PolicyLibrary`).
struct PolicyName: ClosedArgument {
    init?(argument: String) { guard let v = Self.accept(argument) else { return nil }; self = v }
    var name: String
    init(name: String) { self.name = name }
    static func parseArgument(_ text: String) -> PolicyName? {
        PolicyLibrary.profile(named: text) != nil ? PolicyName(name: text) : nil
    }
    static var valueCodes: [String] { PolicyLibrary.names }
    static var allValueStrings: [String] { valueCodes }
    static var noun: (en: String, zh: String) { ("a policy profile", "政策方案") }
    var defaultValueDescription: String { name }
}
