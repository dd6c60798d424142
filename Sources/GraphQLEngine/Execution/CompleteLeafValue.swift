import JSON

// Completing a leaf (scalar or enum) value, as graphql-js's `completeLeafValue`: one implementation for the
// synchronous and the async executor. This runs once per resolved leaf, so the common cases (built-in scalars
// given Swift or JSON values of their own kind) are answered before any existential cast or error handling.

/// A scalar field's result, serialized; `null` for absent values the scalar rejects.
@inline(__always)
func completeScalarValue(_ scalar: GraphQLScalarType, _ result: any Sendable) throws -> JSONValue {
    if let fast = fastSerialize(scalar, result) { return fast }
    if isJSONNull(result) { return .null }
    do { return try scalar.serialize(result) } catch {
        if isNone(result) { return .null }
        throw error
    }
}

/// An enum field's result, serialized; a string naming a value whose internal value is that name needs no lookup
/// by internal value.
@inline(__always)
func completeEnumValue(_ enumType: GraphQLEnumType, _ result: any Sendable) throws -> JSONValue {
    if let str = result as? String, let v = enumType.value(named: str), case .string(let internalName) = v.value,
       internalName == str {
        return .string(str)
    }
    if isJSONNull(result) { return .null }
    do { return try enumType.serialize(result) } catch {
        if isNone(result) { return .null }
        throw error
    }
}

/// Built-in scalars given already-valid JSON need no conversion.
@inline(__always)
func fastSerialize(_ s: GraphQLScalarType, _ j: JSONValue) -> JSONValue? {
    switch j {
    case .string:
        if s === GraphQLString || s === GraphQLID { return j }
    case .int(let i):
        if s === GraphQLInt && i <= maxInt && i >= minInt { return j }
        if s === GraphQLFloat { return j }
    case .double(let d):
        if s === GraphQLFloat && d.isFinite { return j }
    case .bool:
        if s === GraphQLBoolean { return j }
    default: break
    }
    return nil
}

/// Built-in scalars given Swift values of their own kind, or already-valid JSON, need no conversion.
@inline(__always)
func fastSerialize(_ s: GraphQLScalarType, _ value: any Sendable) -> JSONValue? {
    if s === GraphQLString {
        if let str = value as? String { return .string(str) }
    } else if s === GraphQLInt {
        if let i = value as? Int, i <= maxInt, i >= minInt { return .int(i) }
    } else if s === GraphQLBoolean {
        if let b = value as? Bool { return .bool(b) }
    }
    // An exact type test, cheaper than a conditional cast through the existential.
    guard type(of: value) == JSONValue.self else { return nil }
    return fastSerialize(s, value as! JSONValue)
}

protocol AnyOptional {
    var isNone: Bool { get }
}

extension Optional: AnyOptional {
    var isNone: Bool { self == nil }
}

@inline(__always)
func isNone(_ v: any Sendable) -> Bool {
    (v as? any AnyOptional)?.isNone ?? false
}

@inline(__always)
func isJSONNull(_ value: any Sendable) -> Bool {
    guard type(of: value) == JSONValue.self, case .null = value as! JSONValue else { return false }
    return true
}
