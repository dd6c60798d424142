// Which node kinds form which class of the AST, as graphql-js's `language/predicates`: every rule, builder and
// printer asks here instead of listing the kinds again. The predicates take any node (`ASTNode`, the sum types,
// a concrete node) and look at its kind only, through one bit test.

extension KindSet {
    /// Operations and fragments: what a request document may hold.
    public static let executableDefinitions = KindSet(.operationDefinition, .fragmentDefinition)
    /// Fields, fragment spreads and inline fragments.
    public static let selections = KindSet(.field, .fragmentSpread, .inlineFragment)
    /// Value literals and variables.
    public static let values = KindSet(
        .variable, .intValue, .floatValue, .stringValue, .booleanValue, .nullValue, .enumValue, .listValue, .objectValue)
    /// Type references: named, list and non-null.
    public static let types = KindSet(.namedType, .listType, .nonNullType)
    /// Named type definitions.
    public static let typeDefinitions = KindSet(
        .scalarTypeDefinition, .objectTypeDefinition, .interfaceTypeDefinition, .unionTypeDefinition,
        .enumTypeDefinition, .inputObjectTypeDefinition)
    /// The schema, type and directive definitions.
    public static let typeSystemDefinitions = typeDefinitions.union(KindSet(.schemaDefinition, .directiveDefinition))
    /// Named type extensions.
    public static let typeExtensions = KindSet(
        .scalarTypeExtension, .objectTypeExtension, .interfaceTypeExtension, .unionTypeExtension, .enumTypeExtension,
        .inputObjectTypeExtension)
    /// The schema and type extensions.
    public static let typeSystemExtensions = typeExtensions.union(KindSet(.schemaExtension))
    /// Everything that may stand at the top level of a document.
    public static let definitions = executableDefinitions.union(typeSystemDefinitions).union(typeSystemExtensions)
}

/// Whether the node may stand at the top level of a document.
@inline(__always)
public func isDefinitionNode(_ node: some Node) -> Bool { KindSet.definitions.contains(node.kind) }

/// Whether the node is an operation or a fragment definition.
@inline(__always)
public func isExecutableDefinitionNode(_ node: some Node) -> Bool { KindSet.executableDefinitions.contains(node.kind) }

/// Whether the node is a field, fragment spread or inline fragment.
@inline(__always)
public func isSelectionNode(_ node: some Node) -> Bool { KindSet.selections.contains(node.kind) }

/// Whether the node is a value literal or a variable.
@inline(__always)
public func isValueNode(_ node: some Node) -> Bool { KindSet.values.contains(node.kind) }

/// Whether the value holds no variable, at any depth (graphql-js's `isConstValueNode`, which asks `some` where
/// it means `every` for lists and objects; this asks `every`).
public func isConstValueNode(_ node: ValueNode) -> Bool {
    switch node {
    case .variable: return false
    case .list(let list): return list.values.allSatisfy(isConstValueNode)
    case .object(let object): return object.fields.allSatisfy { isConstValueNode($0.value) }
    default: return true
    }
}

/// Whether the node is a type reference: named, list or non-null.
@inline(__always)
public func isTypeNode(_ node: some Node) -> Bool { KindSet.types.contains(node.kind) }

/// Whether the node is a schema, type or directive definition.
@inline(__always)
public func isTypeSystemDefinitionNode(_ node: some Node) -> Bool { KindSet.typeSystemDefinitions.contains(node.kind) }

/// Whether the node defines a named type.
@inline(__always)
public func isTypeDefinitionNode(_ node: some Node) -> Bool { KindSet.typeDefinitions.contains(node.kind) }

/// Whether the node is a schema or type extension.
@inline(__always)
public func isTypeSystemExtensionNode(_ node: some Node) -> Bool { KindSet.typeSystemExtensions.contains(node.kind) }

/// Whether the node extends a named type.
@inline(__always)
public func isTypeExtensionNode(_ node: some Node) -> Bool { KindSet.typeExtensions.contains(node.kind) }
