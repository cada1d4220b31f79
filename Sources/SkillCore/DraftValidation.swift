/// A field error that knows its place in the order a use case checks fields (`rank`): when several
/// fields are wrong, the use case reports the first, as it did before the validators were shared.
public protocol RankedFieldError: UserMessage, Sendable, Equatable {
    var rank: Int { get }
}

/// Every field error of a draft (a class, a certificate) at once, keyed by field: what the forms show
/// beside their fields and what the use cases refuse with.
public struct DraftValidation<Field: RawRepresentable & CaseIterable & Hashable & Sendable, Failure: RankedFieldError>: Error, Sendable, Equatable, UserMessage
where Field.RawValue == String {
    public var errors: [Field: Failure]

    public init(errors: [Field: Failure] = [:]) { self.errors = errors }

    /// The error the use case reports when several fields are wrong: the first in its order of checks.
    public var first: Failure? { errors.values.min { $0.rank < $1.rank } }

    /// One line per field, in field order.
    public func message(_ lang: Lang) -> String {
        Field.allCases.compactMap { f in errors[f].map { "\(f.rawValue): \($0.message(lang))" } }
            .joined(separator: "\n")
    }
}
