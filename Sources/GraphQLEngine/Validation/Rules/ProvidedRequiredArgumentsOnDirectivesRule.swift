/// A directive is given every non-null argument without a default that its definition (in the schema or the
/// document) has.
public func ProvidedRequiredArgumentsOnDirectivesRule(_ context: some ASTValidationContext) -> Visitor {
    let required = DirectiveTables.of(context).requiredArguments
    return Visitor(kinds: KindSet(.directive), leave: { node, _ in
        guard case .directive(let directive) = node, let args = required[directive.name.value], !args.isEmpty else {
            return .continue
        }
        let given = Set(directive.arguments.map(\.name.value))
        for (name, type) in args where !given.contains(name) {
            context.report(GraphQLError(
                "Directive \"@\(directive.name.value)\" argument \"\(name)\" of type \"\(type)\" is required, but it was not provided.",
                nodes: [directive]))
        }
        return .continue
    })
}
