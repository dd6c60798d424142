import JSON

/// Produces a literal for an internal input value of `type`, as graphql-js's `astFromValue`; `nil` when the value
/// cannot be represented.
public func astFromValue(_ value: JSONValue, _ type: GraphQLType) -> ValueNode? {
    switch type {
    case .nonNull(let inner):
        let ast = astFromValue(value, inner)
        if case .null? = ast { return nil }
        return ast
    case .list(let itemType):
        if case .null = value { return .null(NullValueNode()) }
        if case .array(let items) = value {
            var nodes: [ValueNode] = []
            for item in items {
                if let n = astFromValue(item, itemType) { nodes.append(n) }
            }
            return .list(ListValueNode(values: nodes))
        }
        return astFromValue(value, itemType)
    case .named(let named):
        if case .null = value { return .null(NullValueNode()) }
        switch named {
        case .inputObject(let io):
            guard case .object(let o) = value else { return nil }
            var fields: [ObjectFieldNode] = []
            for field in io.fields {
                guard let fv = o[field.name], let n = astFromValue(fv, field.type) else { continue }
                fields.append(ObjectFieldNode(name: NameNode(value: field.name), value: n))
            }
            return .object(ObjectValueNode(fields: fields))
        case .enumeration(let e):
            guard let serialized = try? e.serialize(value), case .string(let s) = serialized else { return nil }
            return .enum(EnumValueNode(value: s))
        case .scalar(let s):
            guard let serialized = try? s.serialize(value) else { return nil }
            return astFromSerialized(serialized, isID: s.name == "ID")
        default:
            return nil
        }
    }
}

private func astFromSerialized(_ serialized: JSONValue, isID: Bool) -> ValueNode? {
    switch serialized {
    case .null: return .null(NullValueNode())
    case .bool(let b): return .boolean(BooleanValueNode(value: b))
    case .int(let i): return .int(IntValueNode(value: String(i)))
    case .double(let d):
        guard d.isFinite else { return nil }
        let s = JSONWriter.formatNumber(d)
        if s.allSatisfy({ $0.isNumber || $0 == "-" }) { return .int(IntValueNode(value: s)) }
        return .float(FloatValueNode(value: s))
    case .string(let s):
        if isID, isIntegerString(s) { return .int(IntValueNode(value: s)) }
        return .string(StringValueNode(value: s))
    case .array(let items):
        return .list(ListValueNode(values: items.compactMap { astFromSerialized($0, isID: false) }))
    case .object(let o):
        return .object(ObjectValueNode(fields: o.compactMap { k, v in
            astFromSerialized(v, isID: false).map { ObjectFieldNode(name: NameNode(value: k), value: $0) }
        }))
    }
}

private func isIntegerString(_ s: String) -> Bool {
    // /^-?(?:0|[1-9][0-9]*)$/
    var u = Substring(s).utf8[...]
    if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
    guard let f = u.first else { return false }
    if f == UInt8(ascii: "0") { return u.count == 1 }
    return u.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
}
