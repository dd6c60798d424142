/// Fragment spread is possible: a fragment's type can overlap the type it is spread in.
public func PossibleFragmentSpreadsRule(_ context: ValidationContext) -> Visitor {
    let schema = context.schema
    return Visitor(kinds: KindSet(.inlineFragment, .fragmentSpread), enter: { node, _ in
        switch node {
        case .inlineFragment(let i):
            if let fragType = context.typeInfo.type?.namedType, fragType.isCompositeType,
               let parentType = context.typeInfo.parentType, !doTypesOverlap(schema, fragType, parentType) {
                context.report(GraphQLError(
                    "Fragment cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragType.name)\".",
                    nodes: [i]))
            }
        case .fragmentSpread(let s):
            let name = s.name.value
            if let fragment = context.fragment(named: name),
               let fragType = schema.type(named: fragment.typeCondition.name.value), fragType.isCompositeType,
               let parentType = context.typeInfo.parentType, !doTypesOverlap(schema, fragType, parentType) {
                context.report(GraphQLError(
                    "Fragment \"\(name)\" cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragType.name)\".",
                    nodes: [s]))
            }
        default: break
        }
        return .continue
    })
}

/// Whether two composite types can describe the same object (graphql-js's `doTypesOverlap`).
func doTypesOverlap(_ schema: GraphQLSchema, _ a: GraphQLNamedType, _ b: GraphQLNamedType) -> Bool {
    if a.name == b.name { return true }
    if a.isAbstractType {
        if b.isAbstractType { return schema.possibleTypes(of: a).contains { schema.isSubType(b, .object($0)) } }
        return schema.isSubType(a, b)
    }
    if b.isAbstractType { return schema.isSubType(b, a) }
    return false
}
