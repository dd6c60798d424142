import JSON

/// Coerces a JSON input value (a variable's value) to the internal value of `type`, as graphql-js's
/// `coerceInputValue`. Each problem is reported to `onError` with the path inside the value; the result is `nil`
/// (graphql-js's `undefined`) when the value is invalid.
public func coerceInputValue(
    _ input: JSONValue?,
    _ type: GraphQLType,
    path: [PathComponent] = [],
    onError: (_ path: [PathComponent], _ invalid: JSONValue?, _ error: GraphQLError) throws -> Void
) rethrows -> JSONValue? {
    switch type {
    case .nonNull(let inner):
        if let input, !input.isNull {
            return try coerceInputValue(input, inner, path: path, onError: onError)
        }
        try onError(path, input, GraphQLError("Expected non-nullable type \"\(type)\" not to be null."))
        return nil
    default: break
    }
    guard let input, !input.isNull else { return .null }
    switch type {
    case .nonNull: return nil
    case .list(let itemType):
        if case .array(let items) = input {
            var out: [JSONValue] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                out.append(try coerceInputValue(item, itemType, path: path + [.index(i)], onError: onError) ?? .null)
            }
            return .array(out)
        }
        guard let v = try coerceInputValue(input, itemType, path: path, onError: onError) else { return nil }
        return .array([v])
    case .named(let named):
        switch named {
        case .inputObject(let io):
            guard case .object(let obj) = input else {
                try onError(path, input, GraphQLError("Expected type \"\(io.name)\" to be an object."))
                return nil
            }
            var out = JSONObject()
            var failed = false
            for field in io.fields {
                guard let fv = obj[field.name] else {
                    if let dv = field.defaultValue {
                        out[field.name] = dv
                    } else if field.type.isNonNull {
                        try onError(path, input, GraphQLError("Field \"\(field.name)\" of required type \"\(field.type)\" was not provided."))
                        failed = true
                    }
                    continue
                }
                if let v = try coerceInputValue(fv, field.type, path: path + [.key(field.name)], onError: onError) {
                    out[field.name] = v
                } else {
                    failed = true
                }
            }
            for key in obj.keys where io.fields[key] == nil {
                try onError(path, input, GraphQLError(
                    "Field \"\(key)\" is not defined by type \"\(io.name)\"." + didYouMean(suggestionList(key, io.fields.keys))))
                failed = true
            }
            if io.isOneOf {
                if out.count != 1 {
                    try onError(path, input, GraphQLError("Exactly one key must be specified for OneOf type \"\(io.name)\"."))
                    failed = true
                } else if out.values[0].isNull {
                    try onError(path + [.key(out.keys[0])], .null, GraphQLError("Field \"\(out.keys[0])\" must be non-null."))
                    failed = true
                }
            }
            return failed ? nil : .object(out)
        case .enumeration(let e):
            do {
                return try e.parseValue(input)
            } catch let error as GraphQLError {
                try onError(path, input, error)
                return nil
            } catch {
                try onError(path, input, GraphQLError("Expected type \"\(e.name)\". \(error)"))
                return nil
            }
        case .scalar(let s):
            do {
                return try s.parseValue(input)
            } catch let error as GraphQLError {
                try onError(path, input, error)
                return nil
            } catch {
                try onError(path, input, GraphQLError("Expected type \"\(s.name)\". \(error)", originalError: error as any Error & Sendable))
                return nil
            }
        default:
            return nil
        }
    }
}

/// `.a.b[0]` as graphql-js's `printPathArray`.
public func printPathArray(_ path: [PathComponent]) -> String {
    path.map { c in
        switch c {
        case .key(let k): return "." + k
        case .index(let i): return "[\(i)]"
        }
    }.joined()
}
