/// Directives are unique per location, unless repeatable. A type's definition and its extensions are one location,
/// and so are the schema definition and its extensions.
public func UniqueDirectivesPerLocationRule(_ context: some ASTValidationContext) -> Visitor {
    let unique = DirectiveTables.of(context).isUnique
    var schemaDirectives: [String: DirectiveNode] = [:]
    var typeDirectives: [String: [String: DirectiveNode]] = [:]
    return Visitor(kinds: .directable, enter: { node, _ in
        let directives = appliedDirectives(node)
        guard !directives.isEmpty else { return .continue }
        func check(_ seen: inout [String: DirectiveNode]) {
            for directive in directives where unique[directive.name.value] == true {
                let name = directive.name.value
                if let first = seen[name] {
                    context.report(GraphQLError("The directive \"@\(name)\" can only be used once at this location.", nodes: [first, directive]))
                } else {
                    seen[name] = directive
                }
            }
        }
        switch node {
        case .schemaDefinition, .schemaExtension: check(&schemaDirectives)
        default:
            if let typeName = typeNameNode(node)?.value {
                check(&typeDirectives[typeName, default: [:]])
            } else if directives.count > 1 {  // one directive alone cannot repeat
                var seen: [String: DirectiveNode] = [:]
                check(&seen)
            }
        }
        return .continue
    })
}
