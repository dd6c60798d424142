import JSON

/// Converts a literal to a JSON value without a type (variables substituted), as `valueFromASTUntyped`.
public func valueFromASTUntyped(_ node: ValueNode, _ variables: JSONObject? = nil) -> JSONValue {
    switch node {
    case .null: return .null
    case .int(let n): return Int(n.value).map { .int($0) } ?? .double(Double(n.value) ?? 0)
    case .float(let n): return .double(Double(n.value) ?? 0)
    case .string(let s): return .string(s.value)
    case .enum(let e): return .string(e.value)
    case .boolean(let b): return .bool(b.value)
    case .list(let l): return .array(l.values.map { valueFromASTUntyped($0, variables) })
    case .object(let o):
        var out = JSONObject()
        for f in o.fields { out[f.name.value] = valueFromASTUntyped(f.value, variables) }
        return .object(out)
    case .variable(let v): return variables?[v.name.value] ?? .null
    }
}

/// Coerces a literal to an internal value for `type`; `nil` when invalid (graphql-js's `undefined`).
///
/// `variables` holds already-coerced variable values; a variable absent from it counts as missing.
public func valueFromAST(_ node: ValueNode?, _ type: GraphQLType, _ variables: JSONObject? = nil) -> JSONValue? {
    guard let node else { return nil }
    if case .variable(let v) = node {
        guard let value = variables?[v.name.value] else { return nil }
        if value.isNull && type.isNonNull { return nil }
        return value
    }
    switch type {
    case .nonNull(let inner):
        if case .null = node { return nil }
        return valueFromAST(node, inner, variables)
    case .list(let itemType):
        if case .null = node { return .null }
        if case .list(let l) = node {
            var out: [JSONValue] = []
            out.reserveCapacity(l.values.count)
            for item in l.values {
                if isMissingVariable(item, variables) {
                    if itemType.isNonNull { return nil }
                    out.append(.null)
                } else {
                    guard let v = valueFromAST(item, itemType, variables) else { return nil }
                    out.append(v)
                }
            }
            return .array(out)
        }
        guard let v = valueFromAST(node, itemType, variables) else { return nil }
        return .array([v])
    case .named(let named):
        if case .null = node { return .null }
        switch named {
        case .inputObject(let io):
            guard case .object(let o) = node else { return nil }
            var out = JSONObject()
            var byName: [String: ValueNode] = [:]
            for f in o.fields { byName[f.name.value] = f.value }
            for field in io.fields {
                guard let fv = byName[field.name], !isMissingVariable(fv, variables) else {
                    if let dv = field.defaultValue {
                        out[field.name] = dv
                    } else if field.type.isNonNull {
                        return nil
                    }
                    continue
                }
                guard let v = valueFromAST(fv, field.type, variables) else { return nil }
                out[field.name] = v
            }
            if io.isOneOf {
                if out.count != 1 || out.values[0].isNull { return nil }
            }
            return .object(out)
        case .enumeration(let e):
            return try? e.parseLiteral(node)
        case .scalar(let s):
            return try? s.parseLiteral(node, variables)
        default:
            return nil
        }
    }
}

func isMissingVariable(_ node: ValueNode, _ variables: JSONObject?) -> Bool {
    if case .variable(let v) = node { return variables?[v.name.value] == nil }
    return false
}
