/// All variables used: every variable an operation defines is used by it or its fragments.
public func NoUnusedVariablesRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.operationDefinition), leave: { node, _ in
        guard case .operationDefinition(let op) = node else { return .continue }
        let used = Set(context.recursiveVariableUsages(op).map(\.node.name.value))
        for definition in op.variableDefinitions where !used.contains(definition.variable.name.value) {
            let name = definition.variable.name.value
            let message = op.name.map { "Variable \"$\(name)\" is never used in operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is never used."
            context.report(GraphQLError(message, nodes: [definition]))
        }
        return .continue
    })
}
