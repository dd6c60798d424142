/// Fragments on composite types: a fragment's type condition is an object, interface or union.
public func FragmentsOnCompositeTypesRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.inlineFragment, .fragmentDefinition), enter: { node, _ in
        switch node {
        case .inlineFragment(let i):
            if let cond = i.typeCondition, let t = context.schema.type(named: cond.name.value), !t.isCompositeType {
                context.report(GraphQLError("Fragment cannot condition on non composite type \"\(print(cond))\".", nodes: [cond]))
            }
        case .fragmentDefinition(let f):
            if let t = context.schema.type(named: f.typeCondition.name.value), !t.isCompositeType {
                context.report(GraphQLError(
                    "Fragment \"\(f.name.value)\" cannot condition on non composite type \"\(print(f.typeCondition))\".",
                    nodes: [f.typeCondition]))
            }
        default: break
        }
        return .continue
    })
}
