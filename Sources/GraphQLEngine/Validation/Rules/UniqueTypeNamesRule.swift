/// Each type is defined once, and not again when the extended schema has it.
public func UniqueTypeNamesRule(_ context: SDLValidationContext) -> Visitor {
    let schema = context.schema
    var known: [String: NameNode] = [:]
    return Visitor(kinds: KindSet.typeDefinitions, enter: { node, _ in
        guard let name = typeNameNode(node) else { return .continue }
        let typeName = name.value
        if schema?.type(named: typeName) != nil {
            context.report(GraphQLError(
                "Type \"\(typeName)\" already exists in the schema. It cannot also be defined in this type definition.",
                nodes: [name]))
        } else if let first = known[typeName] {
            context.report(GraphQLError("There can be only one type named \"\(typeName)\".", nodes: [first, name]))
        } else {
            known[typeName] = name
        }
        return .skip
    })
}
