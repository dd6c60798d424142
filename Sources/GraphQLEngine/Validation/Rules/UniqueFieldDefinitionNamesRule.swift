/// The fields of an object, interface or input object type are defined once, across its definition and
/// extensions, and not again when the extended schema's type has them.
public func UniqueFieldDefinitionNamesRule(_ context: SDLValidationContext) -> Visitor {
    let schema = context.schema
    var known: [String: [String: NameNode]] = [:]
    let kinds = KindSet(.objectTypeDefinition, .objectTypeExtension, .interfaceTypeDefinition, .interfaceTypeExtension,
                        .inputObjectTypeDefinition, .inputObjectTypeExtension)
    return Visitor(kinds: kinds, enter: { node, _ in
        guard let typeName = typeNameNode(node)?.value else { return .continue }
        let fieldNames: [NameNode]
        switch node {
        case .inputObjectTypeDefinition(let n): fieldNames = n.fields.map(\.name)
        case .inputObjectTypeExtension(let n): fieldNames = n.fields.map(\.name)
        default: fieldNames = fieldDefinitions(node).map(\.name)
        }
        let existing = schema?.type(named: typeName)
        for name in fieldNames {
            let fieldName = name.value
            if hasField(existing, fieldName) {
                context.report(GraphQLError(
                    "Field \"\(typeName).\(fieldName)\" already exists in the schema. It cannot also be defined in this type extension.",
                    nodes: [name]))
            } else if let first = known[typeName]?[fieldName] {
                context.report(GraphQLError(
                    "Field \"\(typeName).\(fieldName)\" can only be defined once.", nodes: [first, name]))
            } else {
                known[typeName, default: [:]][fieldName] = name
            }
        }
        return .skip
    })
}

private func hasField(_ type: GraphQLNamedType?, _ name: String) -> Bool {
    switch type {
    case .object(let t)?: return t.fields[name] != nil
    case .interface(let t)?: return t.fields[name] != nil
    case .inputObject(let t)?: return t.fields[name] != nil
    default: return false
    }
}
