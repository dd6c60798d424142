/// All variable uses defined: every variable an operation uses (through its fragments too) is defined by it.
public func NoUndefinedVariablesRule(_ context: ValidationContext) -> Visitor {
    var defined: Set<String> = []
    return Visitor(
        kinds: KindSet(.operationDefinition, .variableDefinition),
        enter: { node, _ in
            switch node {
            case .operationDefinition: defined = []
            case .variableDefinition(let v): defined.insert(v.variable.name.value)
            default: break
            }
            return .continue
        },
        leave: { node, _ in
            guard case .operationDefinition(let op) = node else { return .continue }
            for usage in context.recursiveVariableUsages(op) where !defined.contains(usage.node.name.value) {
                let name = usage.node.name.value
                let message = op.name.map { "Variable \"$\(name)\" is not defined by operation \"\($0.value)\"." }
                    ?? "Variable \"$\(name)\" is not defined."
                context.report(GraphQLError(message, nodes: [usage.node, op]))
            }
            return .continue
        })
}
