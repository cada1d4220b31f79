import Foundation
import SkillCore

/// A JSON value as an audit before/after-image holds it, comparable field by field. The trail's
/// images are written by JSONEncoder or by hand in the same form; reading them back as values
/// (not text) lets a check compare a row with its image whatever the key order or spacing.
enum JSONValue: Equatable, Decodable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        // ignoring is right: each try? asks "is it this JSON type?"; the last line decodes with try.
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// The object an image holds; nil for anything else or text that is not JSON.
    static func object(_ json: String?) -> [String: JSONValue]? {
        // ignoring is right: "nil for text that is not JSON" is this function's answer (its callers
        // report the image as unreadable).
        guard let json, let v = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)),
              case let .object(o) = v else { return nil }
        return o
    }

    /// A short rendering for messages (strings unquoted, cut at 40 characters).
    var display: String {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return String(d)
        case let .string(s): return s.count > 40 ? String(s.prefix(40)) + "…" : s
        case .array, .object: return "…"
        }
    }
}

/// One field that differs between a record as stored and as the audit trail last recorded it.
public struct FieldDifference: Sendable, Equatable {
    public var field: String
    /// As the trail has it, and as the table has it now (short renderings; nil = absent).
    public var audited: String?
    public var stored: String?
}

enum AuditImage {
    /// The fields of `image` (the trail's last after-image, or a fold of partial ones) that the
    /// current record's image `now` contradicts. Only the image's own fields are compared: a
    /// partial image (an account change) says nothing about the fields it does not carry. `ignore`
    /// names fields the program changes without an audit row of their own.
    static func differences(image: [String: JSONValue], now: [String: JSONValue], ignore: Set<String> = []) -> [FieldDifference] {
        image.keys.sorted().compactMap { k in
            guard !ignore.contains(k) else { return nil }
            let a = image[k], b = now[k]
            // A field written as null and one left out mean the same (JSONEncoder omits nils).
            if a == b || (a == .null && b == nil) || (a == nil && b == .null) { return nil }
            return FieldDifference(field: k, audited: a?.display, stored: b?.display)
        }
    }

    /// Applies a later image over an earlier one: the later image's fields win, the others stay.
    static func fold(_ base: [String: JSONValue]?, _ next: [String: JSONValue]) -> [String: JSONValue] {
        guard var out = base else { return next }
        for (k, v) in next { out[k] = v }
        return out
    }
}
