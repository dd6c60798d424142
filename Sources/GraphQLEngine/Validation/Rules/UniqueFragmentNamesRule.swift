/// Fragment name uniqueness: each fragment's name is unique in the document.
public func UniqueFragmentNamesRule(_ context: ValidationContext) -> Visitor {
    var known: [String: NameNode] = [:]
    return Visitor(kinds: KindSet(.operationDefinition, .fragmentDefinition), enter: { node, _ in
        switch node {
        case .operationDefinition: return .skip
        case .fragmentDefinition(let f):
            if let first = known[f.name.value] {
                context.report(GraphQLError("There can be only one fragment named \"\(f.name.value)\".", nodes: [first, f.name]))
            } else {
                known[f.name.value] = f.name
            }
            return .skip
        default: return .continue
        }
    })
}
