/// A type extension extends a type defined in the document or the extended schema, of its own kind.
public func PossibleTypeExtensionsRule(_ context: SDLValidationContext) -> Visitor {
    let schema = context.schema
    var definedTypes: [String: DefinitionNode] = [:]
    var definedOrder: [String] = []
    for definition in context.document.definitions where isTypeDefinitionNode(definition) {
        guard let name = definitionName(definition) else { continue }
        if definedTypes.updateValue(definition, forKey: name) == nil { definedOrder.append(name) }
    }
    return Visitor(kinds: KindSet.typeExtensions, enter: { node, _ in
        guard let name = typeNameNode(node) else { return .continue }
        let typeName = name.value
        let definition = definedTypes[typeName]
        let expectedKind: Kind?
        if let definition {
            expectedKind = extensionKind(ofDefinition: definition.kind)
        } else if let existing = schema?.type(named: typeName) {
            expectedKind = extensionKind(of: existing)
        } else {
            expectedKind = nil
        }
        guard let expectedKind else {
            // graphql-js spreads the schema's type map over the document's types: document order first.
            var allTypeNames = definedOrder
            if let schema { allTypeNames += schema.typeMap.keys.filter { definedTypes[$0] == nil } }
            context.report(GraphQLError(
                "Cannot extend type \"\(typeName)\" because it is not defined." + didYouMean(suggestionList(typeName, allTypeNames)),
                nodes: [name]))
            return .continue
        }
        if expectedKind != node.kind {
            let nodes: [any Node] = definition.map { [$0, node] } ?? [node]
            context.report(GraphQLError("Cannot extend non-\(extendedKindName(node.kind)) type \"\(typeName)\".", nodes: nodes))
        }
        return .continue
    })
}

private func extensionKind(ofDefinition kind: Kind) -> Kind? {
    switch kind {
    case .scalarTypeDefinition: return .scalarTypeExtension
    case .objectTypeDefinition: return .objectTypeExtension
    case .interfaceTypeDefinition: return .interfaceTypeExtension
    case .unionTypeDefinition: return .unionTypeExtension
    case .enumTypeDefinition: return .enumTypeExtension
    case .inputObjectTypeDefinition: return .inputObjectTypeExtension
    default: return nil
    }
}

private func extensionKind(of type: GraphQLNamedType) -> Kind {
    switch type {
    case .scalar: return .scalarTypeExtension
    case .object: return .objectTypeExtension
    case .interface: return .interfaceTypeExtension
    case .union: return .unionTypeExtension
    case .enumeration: return .enumTypeExtension
    case .inputObject: return .inputObjectTypeExtension
    }
}

/// How graphql-js names the kind of type an extension extends.
private func extendedKindName(_ kind: Kind) -> String {
    switch kind {
    case .scalarTypeExtension: return "scalar"
    case .objectTypeExtension: return "object"
    case .interfaceTypeExtension: return "interface"
    case .unionTypeExtension: return "union"
    case .enumTypeExtension: return "enum"
    default: return "input object"
    }
}
