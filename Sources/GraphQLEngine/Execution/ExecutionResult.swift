import JSON

/// The result of executing a request: `data` (absent when the request failed before execution), `errors`, and the
/// server's own `extensions` (a subscription event's position, say).
///
/// ```swift
/// let result = await execute(schema: schema, document: document, rootValue: root)
/// let bytes = result.jsonBytes() // {"data":{...},"errors":[...]}
/// ```
public struct ExecutionResult: Sendable {
    /// `nil`: no `data` key; `.null`: `"data":null`.
    public var data: JSONValue?
    public var errors: [GraphQLError]
    /// The response's `extensions`, after `data` and `errors`; nil: none.
    public var extensions: JSONObject?

    public init(data: JSONValue?, errors: [GraphQLError] = [], extensions: JSONObject? = nil) {
        self.data = data
        self.errors = errors
        self.extensions = extensions
    }

    /// The response as an ordered JSON value: `data` first, then `errors` when there are any.
    public var json: JSONValue {
        var o = JSONObject(minimumCapacity: 2)
        if let data { o.append("data", data) }
        if !errors.isEmpty { o.append("errors", .array(errors.map(\.jsonValue))) }
        if let extensions { o.append("extensions", .object(extensions)) }
        return .object(o)
    }

    /// The response serialized to compact JSON bytes.
    public func jsonBytes() -> [UInt8] {
        var w = JSONWriter(capacity: 4096)
        w.raw("{")
        var first = true
        if let data {
            w.raw("\"data\":")
            w.write(data)
            first = false
        }
        if !errors.isEmpty {
            if !first { w.raw(",") }
            w.raw("\"errors\":")
            w.write(.array(errors.map(\.jsonValue)))
            first = false
        }
        if let extensions {
            if !first { w.raw(",") }
            w.raw("\"extensions\":")
            w.write(.object(extensions))
        }
        w.raw("}")
        return w.bytes
    }

    public func jsonString() -> String { String(decoding: jsonBytes(), as: UTF8.self) }
}

extension GraphQLError {
    /// The error as graphql-js's `toJSON`: message, locations, path, extensions.
    public var jsonValue: JSONValue {
        var o = JSONObject(minimumCapacity: 4)
        o.append("message", .string(message))
        if !locations.isEmpty {
            o.append("locations", .array(locations.map { .object(JSONObject([("line", .int($0.line)), ("column", .int($0.column))])) }))
        }
        if let path {
            o.append("path", .array(path.map { c in
                switch c {
                case .key(let k): return .string(k)
                case .index(let i): return .int(i)
                }
            }))
        }
        if !extensions.isEmpty {
            var e = JSONObject()
            for entry in extensions { e[entry.key] = entry.value.jsonValue }
            o.append("extensions", .object(e))
        }
        return .object(o)
    }
}

extension ErrorExtensionValue {
    var jsonValue: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(\.jsonValue))
        case .object(let entries):
            var o = JSONObject()
            for e in entries { o[e.key] = e.value.jsonValue }
            return .object(o)
        }
    }
}
