/// Variables are input types: a variable's type is a scalar, enum or input object (possibly wrapped).
public func VariablesAreInputTypesRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.variableDefinition), enter: { node, _ in
        guard case .variableDefinition(let v) = node else { return .continue }
        if let t = typeFromAST(context.schema, v.type), !t.isInputType {
            context.report(GraphQLError(
                "Variable \"$\(v.variable.name.value)\" cannot be non-input type \"\(print(v.type))\".", nodes: [v.type]))
        }
        return .continue
    })
}
