/// The two languages the bureau's clerks work in. Chosen from LANG or `--lang` by the front ends.
public enum Lang: String, Sendable, CaseIterable {
    case zh, en
}

/// Anything shown to a clerk: it must say what is wrong and what would be right, in both languages,
/// so no front end has to invent wording for a rule it does not own.
public protocol UserMessage {
    func message(_ lang: Lang) -> String
}
