/// Introspection depth: an `__schema` or `__type` selection may nest the introspection list fields (`fields`,
/// `interfaces`, `possibleTypes`, `inputFields`) at most twice, so a small document cannot ask for an enormous
/// answer (graphql-js's recommended rule, part of its `specifiedRules`).
public func MaxIntrospectionDepthRule(_ context: ValidationContext) -> Visitor {
    let maxListDepth = 3
    var fragmentsOnPath: Set<String> = []

    func exceeds(_ selectionSet: SelectionSetNode?, depth: Int) -> Bool {
        guard let selectionSet else { return false }
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                var depth = depth
                switch field.name.value {
                case "fields", "interfaces", "possibleTypes", "inputFields":
                    depth += 1
                    if depth >= maxListDepth { return true }
                default: break
                }
                if exceeds(field.selectionSet, depth: depth) { return true }
            case .inlineFragment(let inline):
                if exceeds(inline.selectionSet, depth: depth) { return true }
            case .fragmentSpread(let spread):
                // Cycles and unknown fragments are other rules' errors; a fragment may be visited twice, never within itself.
                let name = spread.name.value
                guard !fragmentsOnPath.contains(name), let fragment = context.fragment(named: name) else { continue }
                fragmentsOnPath.insert(name)
                defer { fragmentsOnPath.remove(name) }
                if exceeds(fragment.selectionSet, depth: depth) { return true }
            }
        }
        return false
    }

    // Takes the node again: binding the field above for more than its name would copy it out of every node.
    func check(_ node: ASTNode) -> VisitAction {
        guard case .field(let field) = node, exceeds(field.selectionSet, depth: 0) else { return .continue }
        context.report(GraphQLError("Maximum introspection depth exceeded", nodes: [field]))
        return .skip
    }

    return Visitor(kinds: KindSet(.field), enter: { node, _ in
        guard case .field(let field) = node, isIntrospectionRoot(field.name.value) else { return .continue }
        return check(node)
    })
}

/// `__schema` or `__type`; most names fail at the first byte.
@inline(__always)
private func isIntrospectionRoot(_ name: String) -> Bool {
    name.utf8.first == UInt8(ascii: "_") && (name == "__schema" || name == "__type")
}
