/// Leaf field selections: leaves have no selection set, and objects, interfaces and unions have one.
public func ScalarLeafsRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.field), enter: { node, _ in
        // Only the selection set's presence is read here: binding the field for more would copy it, on every field.
        guard let type = context.typeInfo.type, case .field(let f) = node else { return .continue }
        if type.namedType.isLeafType == (f.selectionSet != nil) { reportScalarLeaf(context, node, type) }
        return .continue
    })
}

private func reportScalarLeaf(_ context: ValidationContext, _ node: ASTNode, _ type: GraphQLType) {
    guard case .field(let f) = node else { return }
    let name = f.name.value
    if let ss = f.selectionSet {
        context.report(GraphQLError(
            "Field \"\(name)\" must not have a selection since type \"\(type)\" has no subfields.", nodes: [ss]))
    } else {
        context.report(GraphQLError(
            "Field \"\(name)\" of type \"\(type)\" must have a selection of subfields. Did you mean \"\(name) { ... }\"?",
            nodes: [f]))
    }
}
