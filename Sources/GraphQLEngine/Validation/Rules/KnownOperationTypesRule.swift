/// Operation type existence (September 2025 edition): the schema has a root type for the operation's type.
public func KnownOperationTypesRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.document, .operationDefinition), enter: { node, _ in
        switch node {
        case .operationDefinition(let op):
            if context.schema.rootType(for: op.operation) == nil {
                context.report(GraphQLError(unsupportedOperationMessage(op.operation), nodes: [op]))
            }
            return .skip
        case .document: return .continue
        default: return .skip
        }
    })
}

func unsupportedOperationMessage(_ operation: OperationType) -> String {
    "The \(operation.rawValue) operation is not supported by the schema."
}
