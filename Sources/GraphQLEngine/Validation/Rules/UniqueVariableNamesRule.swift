/// Variable uniqueness: an operation defines each variable once.
public func UniqueVariableNamesRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.operationDefinition), enter: { node, _ in
        guard case .operationDefinition(let op) = node else { return .continue }
        for (name, definitions) in groupedByName(op.variableDefinitions, \.variable.name.value) where definitions.count > 1 {
            context.report(GraphQLError("There can be only one variable named \"$\(name)\".", nodes: definitions.map(\.variable.name)))
        }
        return .continue
    })
}

/// Items grouped by a name, groups in the order their names first appear (graphql-js's `groupBy`).
func groupedByName<T>(_ items: [T], _ name: (T) -> String) -> [(String, [T])] {
    var order: [String] = []
    var groups: [String: [T]] = [:]
    for item in items {
        let key = name(item)
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(item)
    }
    return order.map { ($0, groups[$0]!) }
}
