import Foundation

/// What changed between two JSON documents, field by field (a filed report against the same report
/// run again today — late corrections — and an audit entry's before → after). Objects are compared
/// by key (sorted); arrays of objects that carry a `key`, `code` or `id` field are matched by it, so
/// a row added to a breakdown shows as one added row, not as every later row changed; other arrays
/// by position. Paths read `claims.by_kind[training].amount_fen`.
public enum JSONChanges {
    public struct Change: Equatable, Sendable {
        public var path: String
        /// The value's JSON text before (nil: absent).
        public var before: String?
        /// The value's JSON text after (nil: absent).
        public var after: String?
        public init(path: String, before: String?, after: String?) {
            self.path = path; self.before = before; self.after = after
        }
    }

    /// The changed leaves, in document order. Nil when either side is not JSON.
    public static func between(_ before: [UInt8], _ after: [UInt8]) -> [Change]? {
        guard let a = try? JSONSerialization.jsonObject(with: Data(before), options: [.fragmentsAllowed]),
              let b = try? JSONSerialization.jsonObject(with: Data(after), options: [.fragmentsAllowed]) else { return nil }
        var out: [Change] = []
        walk(a, b, "", &out)
        return out
    }

    static let matchKeys = ["key", "code", "id"]

    private static func walk(_ a: Any?, _ b: Any?, _ path: String, _ out: inout [Change]) {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            for k in Set(x.keys).union(y.keys).sorted() {
                walk(x[k], y[k], path.isEmpty ? k : path + "." + k, &out)
            }
        case let (x as [Any], y as [Any]):
            if let field = matchField(x, y) {
                var seen: Set<String> = []
                var order: [String] = []
                var left: [String: Any] = [:], right: [String: Any] = [:]
                for e in x { let k = label((e as! [String: Any])[field]); left[k] = e; if seen.insert(k).inserted { order.append(k) } }
                for e in y { let k = label((e as! [String: Any])[field]); right[k] = e; if seen.insert(k).inserted { order.append(k) } }
                for k in order { walk(left[k], right[k], "\(path)[\(k)]", &out) }
            } else {
                for i in 0..<max(x.count, y.count) {
                    walk(i < x.count ? x[i] : nil, i < y.count ? y[i] : nil, "\(path)[\(i)]", &out)
                }
            }
        default:
            let l = a.map(text), r = b.map(text)
            if l != r { out.append(Change(path: path, before: l, after: r)) }
        }
    }

    /// The field that identifies the elements of both arrays, if every element is an object with a
    /// distinct value of it.
    private static func matchField(_ x: [Any], _ y: [Any]) -> String? {
        let all = x + y
        guard !all.isEmpty, all.allSatisfy({ $0 is [String: Any] }) else { return nil }
        for f in matchKeys {
            let lk = x.compactMap { ($0 as! [String: Any])[f].map(label) }
            let rk = y.compactMap { ($0 as! [String: Any])[f].map(label) }
            if lk.count == x.count, rk.count == y.count, Set(lk).count == lk.count, Set(rk).count == rk.count { return f }
        }
        return nil
    }

    private static func label(_ v: Any?) -> String {
        guard let v else { return "" }
        if let s = v as? String { return s }
        return text(v)
    }

    /// A value's compact JSON text (strings quoted, objects with sorted keys).
    static func text(_ v: Any) -> String {
        if v is NSNull { return "null" }
        if let data = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]),
           let s = String(data: data, encoding: .utf8) { return s }
        return "\(v)"
    }
}
