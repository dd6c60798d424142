/// Field selections: every selected field is defined on the type it is selected on.
public func FieldsOnCorrectTypeRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.field), enter: { node, _ in
        // The field's definition first: a known field (nearly all) needs nothing else.
        guard context.typeInfo.fieldDef == nil, let type = context.typeInfo.parentType,
              case .field(let f) = node else { return .continue }
        let name = f.name.value
        var suggestion = didYouMean(suggestedTypeNames(context.schema, type, name), subMessage: "to use an inline fragment on")
        if suggestion.isEmpty { suggestion = didYouMean(suggestionList(name, type.fields?.keys ?? [])) }
        context.report(GraphQLError("Cannot query field \"\(name)\" on type \"\(type.name)\"." + suggestion, nodes: [f]))
        return .continue
    })
}

/// The types of an abstract type that define the field, most referenced first (graphql-js's order).
private func suggestedTypeNames(_ schema: GraphQLSchema, _ type: GraphQLNamedType, _ field: String) -> [String] {
    guard type.isAbstractType else { return [] }
    var suggested: [GraphQLNamedType] = []
    var usage: [String: Int] = [:]
    for possible in schema.possibleTypes(of: type) {
        guard possible.fields[field] != nil else { continue }
        if usage[possible.name] == nil { suggested.append(.object(possible)) }
        usage[possible.name] = 1
        for iface in possible.interfaces {
            guard iface.fields[field] != nil else { continue }
            if usage[iface.name] == nil { suggested.append(.interface(iface)) }
            usage[iface.name, default: 0] += 1
        }
    }
    return jsSorted(suggested) { a, b in
        let ua = usage[a.name]!, ub = usage[b.name]!
        if ua != ub { return ua > ub }
        if case .interface = a, schema.isSubType(a, b) { return true }
        if case .interface = b, schema.isSubType(b, a) { return false }
        return naturalCompare(a.name, b.name)
    }.map(\.name)
}
