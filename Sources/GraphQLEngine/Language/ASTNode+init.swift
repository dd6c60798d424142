// Lifting the AST's sum types into `ASTNode`.

extension ASTNode {
    public init(_ node: DefinitionNode) {
        switch node {
        case .operation(let n): self = .operationDefinition(n)
        case .fragment(let n): self = .fragmentDefinition(n)
        case .schema(let n): self = .schemaDefinition(n)
        case .scalarType(let n): self = .scalarTypeDefinition(n)
        case .objectType(let n): self = .objectTypeDefinition(n)
        case .interfaceType(let n): self = .interfaceTypeDefinition(n)
        case .unionType(let n): self = .unionTypeDefinition(n)
        case .enumType(let n): self = .enumTypeDefinition(n)
        case .inputObjectType(let n): self = .inputObjectTypeDefinition(n)
        case .directive(let n): self = .directiveDefinition(n)
        case .schemaExtension(let n): self = .schemaExtension(n)
        case .scalarTypeExtension(let n): self = .scalarTypeExtension(n)
        case .objectTypeExtension(let n): self = .objectTypeExtension(n)
        case .interfaceTypeExtension(let n): self = .interfaceTypeExtension(n)
        case .unionTypeExtension(let n): self = .unionTypeExtension(n)
        case .enumTypeExtension(let n): self = .enumTypeExtension(n)
        case .inputObjectTypeExtension(let n): self = .inputObjectTypeExtension(n)
        }
    }

    public init(_ node: SelectionNode) {
        switch node {
        case .field(let n): self = .field(n)
        case .fragmentSpread(let n): self = .fragmentSpread(n)
        case .inlineFragment(let n): self = .inlineFragment(n)
        }
    }

    public init(_ node: ValueNode) {
        switch node {
        case .variable(let n): self = .variable(n)
        case .int(let n): self = .intValue(n)
        case .float(let n): self = .floatValue(n)
        case .string(let n): self = .stringValue(n)
        case .boolean(let n): self = .booleanValue(n)
        case .null(let n): self = .nullValue(n)
        case .enum(let n): self = .enumValue(n)
        case .list(let n): self = .listValue(n)
        case .object(let n): self = .objectValue(n)
        }
    }

    public init(_ node: TypeNode) {
        switch node {
        case .named(let n): self = .namedType(n)
        case .list(let n): self = .listType(n)
        case .nonNull(let n): self = .nonNullType(n)
        }
    }
}
