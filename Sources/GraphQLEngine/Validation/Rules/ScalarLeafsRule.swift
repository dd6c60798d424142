/// Leaf field selections: leaves have no selection set, and objects, interfaces and unions have one.
public func ScalarLeafsRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.field), enter: { node, _ in
        guard case .field(let f) = node, let type = context.typeInfo.type else { return .continue }
        let name = f.name.value
        if type.namedType.isLeafType {
            if let ss = f.selectionSet {
                context.report(GraphQLError(
                    "Field \"\(name)\" must not have a selection since type \"\(type)\" has no subfields.", nodes: [ss]))
            }
        } else if f.selectionSet == nil {
            context.report(GraphQLError(
                "Field \"\(name)\" of type \"\(type)\" must have a selection of subfields. Did you mean \"\(name) { ... }\"?",
                nodes: [f]))
        }
        return .continue
    })
}
