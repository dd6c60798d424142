/// Executable definitions: a document sent for execution holds only operations and fragments.
public func ExecutableDefinitionsRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.document), enter: { node, _ in
        guard case .document(let document) = node else { return .continue }
        for definition in document.definitions where !isExecutableDefinitionNode(definition) {
            switch definition {
            case .schema, .schemaExtension:
                context.report(GraphQLError("The schema definition is not executable.", nodes: [definition]))
            default:
                let name = definitionName(definition) ?? ""
                context.report(GraphQLError(nonExecutableDefinitionMessage(name), nodes: [definition]))
            }
        }
        return .skip
    })
}

func nonExecutableDefinitionMessage(_ name: String) -> String { "The \"\(name)\" definition is not executable." }

/// The name of a type-system definition or extension.
func definitionName(_ definition: DefinitionNode) -> String? {
    switch definition {
    case .scalarType(let d): return d.name.value
    case .objectType(let d): return d.name.value
    case .interfaceType(let d): return d.name.value
    case .unionType(let d): return d.name.value
    case .enumType(let d): return d.name.value
    case .inputObjectType(let d): return d.name.value
    case .directive(let d): return d.name.value
    case .scalarTypeExtension(let d): return d.name.value
    case .objectTypeExtension(let d): return d.name.value
    case .interfaceTypeExtension(let d): return d.name.value
    case .unionTypeExtension(let d): return d.name.value
    case .enumTypeExtension(let d): return d.name.value
    case .inputObjectTypeExtension(let d): return d.name.value
    case .operation(let d): return d.name?.value
    case .fragment(let d): return d.name.value
    case .schema, .schemaExtension: return nil
    }
}
