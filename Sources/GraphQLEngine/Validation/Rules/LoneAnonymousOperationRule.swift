/// Lone anonymous operation: an anonymous operation is the document's only operation.
public func LoneAnonymousOperationRule(_ context: ValidationContext) -> Visitor {
    var operationCount = 0
    return Visitor(kinds: KindSet(.document, .operationDefinition), enter: { node, _ in
        switch node {
        case .document(let d):
            operationCount = d.definitions.reduce(0) { if case .operation = $1 { return $0 + 1 } else { return $0 } }
        case .operationDefinition(let op):
            if op.name == nil && operationCount > 1 {
                context.report(GraphQLError("This anonymous operation must be the only defined operation.", nodes: [op]))
            }
        default: break
        }
        return .continue
    })
}
