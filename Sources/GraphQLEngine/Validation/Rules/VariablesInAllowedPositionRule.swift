import JSON

/// All variable usages are allowed: a variable's type fits every position it is used in.
public func VariablesInAllowedPositionRule(_ context: ValidationContext) -> Visitor {
    var definitions: [String: VariableDefinitionNode] = [:]
    return Visitor(
        kinds: KindSet(.operationDefinition, .variableDefinition),
        enter: { node, _ in
            switch node {
            case .operationDefinition: definitions = [:]
            case .variableDefinition(let v): definitions[v.variable.name.value] = v
            default: break
            }
            return .continue
        },
        leave: { node, _ in
            guard case .operationDefinition(let op) = node else { return .continue }
            let schema = context.schema
            for usage in context.recursiveVariableUsages(op) {
                let name = usage.node.name.value
                guard let definition = definitions[name], let locationType = usage.type,
                      let varType = typeFromAST(schema, definition.type) else { continue }
                if !allowedVariableUsage(schema, varType, definition.defaultValue, locationType, usage.defaultValue) {
                    context.report(GraphQLError(
                        "Variable \"$\(name)\" of type \"\(varType)\" used in position expecting type \"\(locationType)\".",
                        nodes: [definition, usage.node]))
                }
            }
            return .continue
        })
}

private func allowedVariableUsage(
    _ schema: GraphQLSchema, _ varType: GraphQLType, _ varDefault: ValueNode?, _ locationType: GraphQLType,
    _ locationDefault: JSONValue?
) -> Bool {
    if case .nonNull(let nullableLocation) = locationType, !varType.isNonNull {
        var hasNonNullVariableDefault = varDefault != nil
        if case .null? = varDefault { hasNonNullVariableDefault = false }
        if !hasNonNullVariableDefault && locationDefault == nil { return false }
        return isTypeSubTypeOf(schema, varType, nullableLocation)
    }
    return isTypeSubTypeOf(schema, varType, locationType)
}
