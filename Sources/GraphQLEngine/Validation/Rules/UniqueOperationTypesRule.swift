/// Each operation type gets one root type, across the schema definition and its extensions, and none that the
/// extended schema already has.
public func UniqueOperationTypesRule(_ context: SDLValidationContext) -> Visitor {
    var existing: Set<OperationType> = []
    if let schema = context.schema {
        if schema.queryType != nil { existing.insert(.query) }
        if schema.mutationType != nil { existing.insert(.mutation) }
        if schema.subscriptionType != nil { existing.insert(.subscription) }
    }
    var defined: [OperationType: OperationTypeDefinitionNode] = [:]
    return Visitor(kinds: KindSet(.schemaDefinition, .schemaExtension), enter: { node, _ in
        let operationTypes: [OperationTypeDefinitionNode]
        switch node {
        case .schemaDefinition(let n): operationTypes = n.operationTypes
        case .schemaExtension(let n): operationTypes = n.operationTypes
        default: return .continue
        }
        for operationType in operationTypes {
            let operation = operationType.operation
            if existing.contains(operation) {
                context.report(GraphQLError(
                    "Type for \(operation.rawValue) already defined in the schema. It cannot be redefined.",
                    nodes: [operationType]))
            } else if let first = defined[operation] {
                context.report(GraphQLError(
                    "There can be only one \(operation.rawValue) type in schema.", nodes: [first, operationType]))
            } else {
                defined[operation] = operationType
            }
        }
        return .skip
    })
}
