/// A field or directive definition defines each argument once.
public func UniqueArgumentDefinitionNamesRule(_ context: SDLValidationContext) -> Visitor {
    func check(_ parent: String, _ arguments: [InputValueDefinitionNode]) {
        for (name, nodes) in groupedByName(arguments, \.name.value) where nodes.count > 1 {
            context.report(GraphQLError(
                "Argument \"\(parent)(\(name):)\" can only be defined once.", nodes: nodes.map(\.name)))
        }
    }
    let kinds = KindSet(.directiveDefinition, .objectTypeDefinition, .objectTypeExtension, .interfaceTypeDefinition,
                        .interfaceTypeExtension)
    return Visitor(kinds: kinds, enter: { node, _ in
        if case .directiveDefinition(let directive) = node {
            check("@" + directive.name.value, directive.arguments)
        } else if let typeName = typeNameNode(node)?.value {
            for field in fieldDefinitions(node) { check("\(typeName).\(field.name.value)", field.arguments) }
        }
        return .skip
    })
}
