// The parts the SDL rules read from type-system nodes, whatever their kind: one switch here instead of one per rule.

/// The name of a type definition or type extension.
func typeNameNode(_ node: ASTNode) -> NameNode? {
    switch node {
    case .scalarTypeDefinition(let n): return n.name
    case .objectTypeDefinition(let n): return n.name
    case .interfaceTypeDefinition(let n): return n.name
    case .unionTypeDefinition(let n): return n.name
    case .enumTypeDefinition(let n): return n.name
    case .inputObjectTypeDefinition(let n): return n.name
    case .scalarTypeExtension(let n): return n.name
    case .objectTypeExtension(let n): return n.name
    case .interfaceTypeExtension(let n): return n.name
    case .unionTypeExtension(let n): return n.name
    case .enumTypeExtension(let n): return n.name
    case .inputObjectTypeExtension(let n): return n.name
    default: return nil
    }
}

/// The field definitions of an object type, an interface or their extensions.
func fieldDefinitions(_ node: ASTNode) -> [FieldDefinitionNode] {
    switch node {
    case .objectTypeDefinition(let n): return n.fields
    case .objectTypeExtension(let n): return n.fields
    case .interfaceTypeDefinition(let n): return n.fields
    case .interfaceTypeExtension(let n): return n.fields
    default: return []
    }
}

/// The directives applied to a node, for every kind of node that takes directives.
func appliedDirectives(_ node: ASTNode) -> [DirectiveNode] {
    switch node {
    case .operationDefinition(let n): return n.directives
    case .variableDefinition(let n): return n.directives
    case .field(let n): return n.directives
    case .fragmentSpread(let n): return n.directives
    case .inlineFragment(let n): return n.directives
    case .fragmentDefinition(let n): return n.directives
    case .schemaDefinition(let n): return n.directives
    case .schemaExtension(let n): return n.directives
    case .scalarTypeDefinition(let n): return n.directives
    case .objectTypeDefinition(let n): return n.directives
    case .fieldDefinition(let n): return n.directives
    case .inputValueDefinition(let n): return n.directives
    case .interfaceTypeDefinition(let n): return n.directives
    case .unionTypeDefinition(let n): return n.directives
    case .enumTypeDefinition(let n): return n.directives
    case .enumValueDefinition(let n): return n.directives
    case .inputObjectTypeDefinition(let n): return n.directives
    case .scalarTypeExtension(let n): return n.directives
    case .objectTypeExtension(let n): return n.directives
    case .interfaceTypeExtension(let n): return n.directives
    case .unionTypeExtension(let n): return n.directives
    case .enumTypeExtension(let n): return n.directives
    case .inputObjectTypeExtension(let n): return n.directives
    default: return []
    }
}

extension KindSet {
    /// The kinds of node that take directives.
    static let directable = KindSet(
        .operationDefinition, .variableDefinition, .field, .fragmentSpread, .inlineFragment, .fragmentDefinition)
        .union(typeDefinitions).union(typeExtensions)
        .union(KindSet(.schemaDefinition, .schemaExtension, .fieldDefinition, .inputValueDefinition, .enumValueDefinition))
}
