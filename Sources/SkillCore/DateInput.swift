/// A date typed into a form or given on the command line (`YYYY-MM-DD`): the one rule for reading
/// it, used by the class and certificate drafts and by the use cases.
public enum DateInput {
    /// The date, or why the text is not one the program can hold (`CalendarDate.supported`).
    public static func parse(_ text: String, field: FieldLabel) -> Result<CalendarDate, DateInputError> {
        guard let d = CalendarDate(iso: text.trimmedWhitespace()) else { return .failure(.notADate(field, text)) }
        guard d.isSupported else { return .failure(.unsupported(field, d)) }
        return .success(d)
    }
}

/// Why a typed date was refused; the messages name the field.
public enum DateInputError: Error, Equatable, Sendable, UserMessage {
    /// Not `YYYY-MM-DD` or not a day of the calendar (the text as typed).
    case notADate(FieldLabel, String)
    /// A real date outside the range the program counts in.
    case unsupported(FieldLabel, CalendarDate)

    public func message(_ lang: Lang) -> String {
        switch (self, lang) {
        case let (.notADate(f, t), .zh): return "\(f.zh)“\(t)”不是有效日期（YYYY-MM-DD）"
        case let (.notADate(f, t), .en): return "\(f.en) '\(t)' is not a date (YYYY-MM-DD)"
        case let (.unsupported(f, d), .zh): return CalendarDate.unsupportedMessage(d, en: f.en, zh: f.zh).zh
        case let (.unsupported(f, d), .en): return CalendarDate.unsupportedMessage(d, en: f.en, zh: f.zh).en
        }
    }
}
