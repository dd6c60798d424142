import JSON

/// Converts common Swift values (JSONValue, String, numbers, Bool, arrays, dictionaries) to `JSONValue`.
public func anyToJSONValue(_ value: any Sendable) -> JSONValue? {
    switch value {
    case let j as JSONValue: return j
    case let s as String: return .string(s)
    case let i as Int: return .int(i)
    case let d as Double: return .double(d)
    case let b as Bool: return .bool(b)
    case let o as JSONObject: return .object(o)
    case let f as Float: return .double(Double(f))
    case let i as Int32: return .int(Int(i))
    case let i as Int64: return .int(Int(i))
    case let s as Substring: return .string(String(s))
    case let a as [any Sendable]:
        var out: [JSONValue] = []
        out.reserveCapacity(a.count)
        for e in a { out.append(anyToJSONValue(e) ?? .null) }
        return .array(out)
    case let d as [String: any Sendable]:
        var o = JSONObject()
        for k in d.keys.sorted() { o[k] = anyToJSONValue(d[k]!) ?? .null }
        return .object(o)
    case Optional<any Sendable>.none: return .null
    default: return nil
    }
}

/// Shows a value as graphql-js's `inspect` does: `"abc"`, `1.5`, `true`, `null`, `[1, 2]`, `{ a: 1 }`.
public func inspect(_ value: any Sendable) -> String {
    if let j = value as? JSONValue { return inspectJSON(j) }
    if let j = anyToJSONValue(value) { return inspectJSON(j) }
    return String(describing: value)
}

func inspectJSON(_ value: JSONValue, depth: Int = 0) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d):
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        return JSONWriter.formatNumber(d)
    case .string(let s): return JSONValue.string(s).jsonString()
    case .array(let l):
        if l.isEmpty { return "[]" }
        if depth >= 2 { return "[Array]" }
        if l.count > 10 {
            return "[" + l.prefix(10).map { inspectJSON($0, depth: depth + 1) }.joined(separator: ", ") + ", ... \(l.count - 10) more items]"
        }
        return "[" + l.map { inspectJSON($0, depth: depth + 1) }.joined(separator: ", ") + "]"
    case .object(let o):
        if o.isEmpty { return "{}" }
        if depth >= 2 { return "[Object]" }
        return "{ " + o.map { "\($0.0): \(inspectJSON($0.1, depth: depth + 1))" }.joined(separator: ", ") + " }"
    }
}
