/// Argument uniqueness: a field or directive is given each argument once.
public func UniqueArgumentNamesRule(_ context: some ASTValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.field, .directive), enter: { node, _ in
        let arguments: [ArgumentNode]
        switch node {
        case .field(let f): arguments = f.arguments
        case .directive(let d): arguments = d.arguments
        default: return .continue
        }
        if arguments.count < 2 { return .continue }  // nothing to repeat (and no grouping on every field)
        for (name, nodes) in groupedByName(arguments, \.name.value) where nodes.count > 1 {
            context.report(GraphQLError("There can be only one argument named \"\(name)\".", nodes: nodes.map(\.name)))
        }
        return .continue
    })
}
