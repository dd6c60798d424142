/// Directives are unique per location, unless repeatable.
public func UniqueDirectivesPerLocationRule(_ context: ValidationContext) -> Visitor {
    var unique: [String: Bool] = [:]
    for d in context.schema.directives { unique[d.name] = !d.isRepeatable }
    for case .directive(let d) in context.document.definitions { unique[d.name.value] = !d.repeatable }
    return Visitor(kinds: KindSet(.operationDefinition, .field, .fragmentSpread, .inlineFragment, .fragmentDefinition, .variableDefinition), enter: { node, _ in
        let directives: [DirectiveNode]
        switch node {
        case .operationDefinition(let n): directives = n.directives
        case .field(let n): directives = n.directives
        case .fragmentSpread(let n): directives = n.directives
        case .inlineFragment(let n): directives = n.directives
        case .fragmentDefinition(let n): directives = n.directives
        case .variableDefinition(let n): directives = n.directives
        default: return .continue
        }
        if directives.count < 2 { return .continue }  // nothing to repeat
        var seen: [String: DirectiveNode] = [:]
        for directive in directives where unique[directive.name.value] == true {
            let name = directive.name.value
            if let first = seen[name] {
                context.report(GraphQLError("The directive \"@\(name)\" can only be used once at this location.", nodes: [first, directive]))
            } else {
                seen[name] = directive
            }
        }
        return .continue
    })
}
