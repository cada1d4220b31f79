/// The fields of the worker form, in form order; keys of `WorkerValidation.errors`.
public enum WorkerField: String, Sendable, CaseIterable {
    case id, name, phone, hukouRegion, rural, residence, workRegion, employment, employer, employerCode, pension, unemploymentInsured, groups,
         disability, relativeOf
}

/// What is wrong with one field of a form.
public enum FieldError: Error, Equatable, Sendable, UserMessage {
    case residentID(ResidentIDError)
    case name(PersonNameError)
    case phone(MobilePhoneError)
    /// A household region that is not 6 digits or not in the region table (the text as typed).
    case region(String)
    /// A place of job-seeking or work (求职就业地) that is not a known region code (the text as typed).
    case workRegion(String)
    case creditCode(CreditCodeError)
    case tooLong(max: Int)
    /// A worker cannot be their own relative for E11.
    case relativeIsSelf
    /// A credit code names an employer, so the employer's name must be filled in too.
    case employerCodeWithoutEmployer

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.residentID(let e), _): return e.message(lang)
        case (.name(let e), _): return e.message(lang)
        case (.phone(let e), _): return e.message(lang)
        case (.creditCode(let e), _): return e.message(lang)
        case (.region(let s), .zh): return "户籍地“\(s)”不是已知的 6 位行政区划代码，应如 320102"
        case (.region(let s), .en): return "household region \"\(s)\" is not a known 6-digit region code; it should be like 320102"
        case (.workRegion(let s), .zh): return "求职就业地“\(s)”不是已知的 6 位行政区划代码，应如 320102"
        case (.workRegion(let s), .en): return "place of job-seeking or work \"\(s)\" is not a known 6-digit region code; it should be like 320102"
        case (.tooLong(let m), .zh): return "最多 \(m) 个字，请缩短"
        case (.tooLong(let m), .en): return "at most \(m) characters; shorten it"
        case (.relativeIsSelf, .zh): return "亲属的身份证号码不能是本人的，应填写亲属本人的号码"
        case (.relativeIsSelf, .en): return "the relative's ID is the worker's own; enter the relative's ID"
        case (.employerCodeWithoutEmployer, .zh): return "填写了统一社会信用代码，也应填写工作单位名称"
        case (.employerCodeWithoutEmployer, .en): return "a credit code is given, so enter the employer's name too"
        }
    }
}

/// Every field error of a draft at once, so the form can mark them all in one pass.
public struct WorkerValidation: Error, Sendable, Equatable, UserMessage {
    public var errors: [WorkerField: FieldError]

    public init(errors: [WorkerField: FieldError] = [:]) { self.errors = errors }

    /// One line per field, in form order.
    public func message(_ lang: Lang) -> String {
        WorkerField.allCases.compactMap { f in errors[f].map { "\(f.rawValue): \($0.message(lang))" } }
            .joined(separator: "\n")
    }
}
