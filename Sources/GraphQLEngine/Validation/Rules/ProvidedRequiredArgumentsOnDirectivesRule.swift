/// A directive is given every non-null argument without a default that its definition (in the schema or the
/// document) has.
public func ProvidedRequiredArgumentsOnDirectivesRule(_ context: some ASTValidationContext) -> Visitor {
    var required: [String: [(name: String, type: String)]] = [:]
    for d in context.existingSchema?.directives ?? specifiedDirectives {
        required[d.name] = d.args.filter { $0.type.isNonNull && $0.defaultValue == nil }.map { ($0.name, "\($0.type)") }
    }
    for case .directive(let d) in context.document.definitions {
        required[d.name.value] = d.arguments.filter { a in
            if case .nonNull = a.type { return a.defaultValue == nil } else { return false }
        }.map { ($0.name.value, print($0.type)) }
    }
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
