/// An enum's values are defined once, across its definition and extensions, and not again when the extended
/// schema's enum has them.
public func UniqueEnumValueNamesRule(_ context: SDLValidationContext) -> Visitor {
    let schema = context.schema
    var known: [String: [String: NameNode]] = [:]
    return Visitor(kinds: KindSet(.enumTypeDefinition, .enumTypeExtension), enter: { node, _ in
        let typeName: String, values: [EnumValueDefinitionNode]
        switch node {
        case .enumTypeDefinition(let n): (typeName, values) = (n.name.value, n.values)
        case .enumTypeExtension(let n): (typeName, values) = (n.name.value, n.values)
        default: return .continue
        }
        let existing = schema?.type(named: typeName)?.enumType
        for value in values {
            let valueName = value.name.value
            if existing?.values.contains(where: { $0.name == valueName }) == true {
                context.report(GraphQLError(
                    "Enum value \"\(typeName).\(valueName)\" already exists in the schema. It cannot also be defined in this type extension.",
                    nodes: [value.name]))
            } else if let first = known[typeName]?[valueName] {
                context.report(GraphQLError(
                    "Enum value \"\(typeName).\(valueName)\" can only be defined once.", nodes: [first, value.name]))
            } else {
                known[typeName, default: [:]][valueName] = value.name
            }
        }
        return .skip
    })
}
