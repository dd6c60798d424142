/// Operation name uniqueness: each named operation's name is unique in the document.
public func UniqueOperationNamesRule(_ context: ValidationContext) -> Visitor {
    var known: [String: NameNode] = [:]
    return Visitor(kinds: KindSet(.operationDefinition, .fragmentDefinition), enter: { node, _ in
        switch node {
        case .operationDefinition(let op):
            if let name = op.name {
                if let first = known[name.value] {
                    context.report(GraphQLError("There can be only one operation named \"\(name.value)\".", nodes: [first, name]))
                } else {
                    known[name.value] = name
                }
            }
            return .skip
        case .fragmentDefinition: return .skip
        default: return .continue
        }
    })
}
