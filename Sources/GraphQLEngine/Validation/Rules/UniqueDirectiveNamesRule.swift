/// Each directive is defined once, and not again when the extended schema has it.
public func UniqueDirectiveNamesRule(_ context: SDLValidationContext) -> Visitor {
    let schema = context.schema
    var known: [String: NameNode] = [:]
    return Visitor(kinds: KindSet(.directiveDefinition), enter: { node, _ in
        guard case .directiveDefinition(let directive) = node else { return .continue }
        let name = directive.name.value
        if schema?.directive(named: name) != nil {
            context.report(GraphQLError(
                "Directive \"@\(name)\" already exists in the schema. It cannot be redefined.", nodes: [directive.name]))
            return .continue
        }
        if let first = known[name] {
            context.report(GraphQLError("There can be only one directive named \"@\(name)\".", nodes: [first, directive.name]))
        } else {
            known[name] = directive.name
        }
        return .skip
    })
}
