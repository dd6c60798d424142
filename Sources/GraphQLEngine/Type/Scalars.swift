import JSON

// The five built-in scalars, with graphql-js's coercion rules and messages.

let maxInt = 2_147_483_647
let minInt = -2_147_483_648

public let specifiedScalarTypeNames: Set<String> = ["Int", "Float", "String", "Boolean", "ID"]

private func numberValue(_ value: any Sendable) -> Double? {
    switch value {
    case let d as Double: return d
    case let i as Int: return Double(i)
    case let f as Float: return Double(f)
    case let i as Int32: return Double(i)
    case let i as Int64: return Double(i)
    case let j as JSONValue:
        switch j {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    default: return nil
    }
}

private func unwrapJSON(_ value: any Sendable) -> any Sendable {
    if let j = value as? JSONValue {
        switch j {
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        default: return j
        }
    }
    return value
}

public let GraphQLInt = GraphQLScalarType(
    name: "Int",
    description: "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
    serialize: { raw in
        let value = unwrapJSON(raw)
        if let b = value as? Bool { return .int(b ? 1 : 0) }
        var num: Double
        if let i = value as? Int {
            if i > maxInt || i < minInt {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(i)")
            }
            return .int(i)
        } else if let s = value as? String, !s.isEmpty, let d = Double(s.trimmingSpaces) {
            num = d
        } else if let d = numberValue(value) {
            num = d
        } else {
            throw GraphQLError("Int cannot represent non-integer value: \(inspect(raw))")
        }
        if !num.isFinite || num.rounded() != num {
            throw GraphQLError("Int cannot represent non-integer value: \(inspect(raw))")
        }
        if num > Double(maxInt) || num < Double(minInt) {
            throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(inspect(raw))")
        }
        return .int(Int(num))
    },
    parseValue: { value in
        switch value {
        case .int(let i):
            if i > maxInt || i < minInt {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(inspect(value))")
            }
            return .int(i)
        case .double(let d) where d.isFinite && d.rounded() == d:
            if d > Double(maxInt) || d < Double(minInt) {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(inspect(value))")
            }
            return .int(Int(d))
        default:
            throw GraphQLError("Int cannot represent non-integer value: \(inspect(value))")
        }
    },
    parseLiteral: { node, _ in
        guard case .int(let n) = node else {
            throw GraphQLError("Int cannot represent non-integer value: \(printValueLiteral(node))", nodes: [node])
        }
        guard let i = Int(n.value), i <= maxInt, i >= minInt else {
            throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(n.value)", nodes: [node])
        }
        return .int(i)
    }
)

public let GraphQLFloat = GraphQLScalarType(
    name: "Float",
    description: "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
    serialize: { raw in
        let value = unwrapJSON(raw)
        if let b = value as? Bool { return .double(b ? 1 : 0) }
        var num: Double?
        if let s = value as? String, !s.isEmpty { num = Double(s.trimmingSpaces) } else { num = numberValue(value) }
        guard let n = num, n.isFinite else {
            throw GraphQLError("Float cannot represent non numeric value: \(inspect(raw))")
        }
        return .double(n)
    },
    parseValue: { value in
        switch value {
        case .int(let i): return .double(Double(i))
        case .double(let d) where d.isFinite: return .double(d)
        default: throw GraphQLError("Float cannot represent non numeric value: \(inspect(value))")
        }
    },
    parseLiteral: { node, _ in
        switch node {
        case .int(let n): return .double(Double(n.value) ?? 0)
        case .float(let n): return .double(Double(n.value) ?? 0)
        default:
            throw GraphQLError("Float cannot represent non numeric value: \(printValueLiteral(node))", nodes: [node])
        }
    }
)

public let GraphQLString = GraphQLScalarType(
    name: "String",
    description: "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
    serialize: { raw in
        let value = unwrapJSON(raw)
        if let s = value as? String { return .string(s) }
        if let b = value as? Bool { return .string(b ? "true" : "false") }
        if let d = numberValue(value), d.isFinite { return .string(JSONWriter.formatNumber(d)) }
        throw GraphQLError("String cannot represent value: \(inspect(raw))")
    },
    parseValue: { value in
        guard case .string = value else {
            throw GraphQLError("String cannot represent a non string value: \(inspect(value))")
        }
        return value
    },
    parseLiteral: { node, _ in
        guard case .string(let s) = node else {
            throw GraphQLError("String cannot represent a non string value: \(printValueLiteral(node))", nodes: [node])
        }
        return .string(s.value)
    }
)

public let GraphQLBoolean = GraphQLScalarType(
    name: "Boolean",
    description: "The `Boolean` scalar type represents `true` or `false`.",
    serialize: { raw in
        let value = unwrapJSON(raw)
        if let b = value as? Bool { return .bool(b) }
        if let d = numberValue(value), d.isFinite { return .bool(d != 0) }
        throw GraphQLError("Boolean cannot represent a non boolean value: \(inspect(raw))")
    },
    parseValue: { value in
        guard case .bool = value else {
            throw GraphQLError("Boolean cannot represent a non boolean value: \(inspect(value))")
        }
        return value
    },
    parseLiteral: { node, _ in
        guard case .boolean(let b) = node else {
            throw GraphQLError("Boolean cannot represent a non boolean value: \(printValueLiteral(node))", nodes: [node])
        }
        return .bool(b.value)
    }
)

public let GraphQLID = GraphQLScalarType(
    name: "ID",
    description: "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
    serialize: { raw in
        let value = unwrapJSON(raw)
        if let s = value as? String { return .string(s) }
        if value is Bool { throw GraphQLError("ID cannot represent value: \(inspect(raw))") }
        if let i = value as? Int { return .string(String(i)) }
        if let d = numberValue(value), d.isFinite, d.rounded() == d, abs(d) < 9e15 { return .string(String(Int(d))) }
        throw GraphQLError("ID cannot represent value: \(inspect(raw))")
    },
    parseValue: { value in
        switch value {
        case .string: return value
        case .int(let i): return .string(String(i))
        case .double(let d) where d.isFinite && d.rounded() == d && abs(d) < 9e15: return .string(String(Int(d)))
        default: throw GraphQLError("ID cannot represent value: \(inspect(value))")
        }
    },
    parseLiteral: { node, _ in
        switch node {
        case .string(let s): return .string(s.value)
        case .int(let i): return .string(i.value)
        default:
            throw GraphQLError("ID cannot represent a non-string and non-integer value: \(printValueLiteral(node))", nodes: [node])
        }
    }
)

public let specifiedScalarTypes: [GraphQLScalarType] = [GraphQLString, GraphQLInt, GraphQLFloat, GraphQLBoolean, GraphQLID]

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
