// The abstract syntax tree of GraphQL documents, node for node as graphql-js's `language/ast`.
// Nodes are value types; `loc` is nil when parsed with `ParseOptions(noLocation: true)`.

/// The kind of an AST node, spelled as graphql-js's `Kind` enum values.
public enum Kind: String, Sendable, Hashable, CaseIterable {
    case name = "Name"
    case document = "Document"
    case operationDefinition = "OperationDefinition"
    case variableDefinition = "VariableDefinition"
    case variable = "Variable"
    case selectionSet = "SelectionSet"
    case field = "Field"
    case argument = "Argument"
    case fragmentSpread = "FragmentSpread"
    case inlineFragment = "InlineFragment"
    case fragmentDefinition = "FragmentDefinition"
    case intValue = "IntValue"
    case floatValue = "FloatValue"
    case stringValue = "StringValue"
    case booleanValue = "BooleanValue"
    case nullValue = "NullValue"
    case enumValue = "EnumValue"
    case listValue = "ListValue"
    case objectValue = "ObjectValue"
    case objectField = "ObjectField"
    case directive = "Directive"
    case namedType = "NamedType"
    case listType = "ListType"
    case nonNullType = "NonNullType"
    case schemaDefinition = "SchemaDefinition"
    case operationTypeDefinition = "OperationTypeDefinition"
    case scalarTypeDefinition = "ScalarTypeDefinition"
    case objectTypeDefinition = "ObjectTypeDefinition"
    case fieldDefinition = "FieldDefinition"
    case inputValueDefinition = "InputValueDefinition"
    case interfaceTypeDefinition = "InterfaceTypeDefinition"
    case unionTypeDefinition = "UnionTypeDefinition"
    case enumTypeDefinition = "EnumTypeDefinition"
    case enumValueDefinition = "EnumValueDefinition"
    case inputObjectTypeDefinition = "InputObjectTypeDefinition"
    case directiveDefinition = "DirectiveDefinition"
    case schemaExtension = "SchemaExtension"
    case scalarTypeExtension = "ScalarTypeExtension"
    case objectTypeExtension = "ObjectTypeExtension"
    case interfaceTypeExtension = "InterfaceTypeExtension"
    case unionTypeExtension = "UnionTypeExtension"
    case enumTypeExtension = "EnumTypeExtension"
    case inputObjectTypeExtension = "InputObjectTypeExtension"
}

/// Any AST node.
public protocol Node: Sendable {
    /// The node's kind.
    var kind: Kind { get }
    /// Where the node lies in its source.
    var loc: Location? { get }
}

/// The operation an operation definition performs.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query, mutation, subscription
}

/// A name: a field, type, argument, variable or directive name.
public struct NameNode: Node, Equatable {
    public var kind: Kind { .name }
    public var loc: Location?
    public var value: String

    public init(value: String, loc: Location? = nil) {
        self.value = value
        self.loc = loc
    }
}

/// A whole document.
public struct DocumentNode: Node, Equatable {
    public var kind: Kind { .document }
    public var loc: Location?
    public var definitions: [DefinitionNode]

    public init(definitions: [DefinitionNode], loc: Location? = nil) {
        self.definitions = definitions
        self.loc = loc
    }
}

// OperationDefinitionNode, VariableDefinitionNode, FieldNode and InlineFragmentNode declare their public initializers
// in extensions, keeping the implicit memberwise initializers (internal) for the parser: a node with an optional
// struct field built by a hand-written initializer was copied and the original destroyed (a retain and a release
// per reference field), ~10% of parsing the kitchen-sink query.

/// `query`, `mutation` or `subscription` operation, or a shorthand `{ ... }` query.
public struct OperationDefinitionNode: Node, Equatable {
    public var kind: Kind { .operationDefinition }
    public var loc: Location?
    public var operation: OperationType
    public var name: NameNode?
    public var variableDefinitions: [VariableDefinitionNode]
    public var directives: [DirectiveNode]
    public var selectionSet: SelectionSetNode
}

extension OperationDefinitionNode {
    public init(operation: OperationType, name: NameNode? = nil, variableDefinitions: [VariableDefinitionNode] = [], directives: [DirectiveNode] = [], selectionSet: SelectionSetNode, loc: Location? = nil) {
        self.init(loc: loc, operation: operation, name: name, variableDefinitions: variableDefinitions, directives: directives, selectionSet: selectionSet)
    }
}

/// `$name: Type = default @directives`.
public struct VariableDefinitionNode: Node, Equatable {
    public var kind: Kind { .variableDefinition }
    public var loc: Location?
    public var variable: VariableNode
    public var `type`: TypeNode
    public var defaultValue: ValueNode?
    public var directives: [DirectiveNode]
}

extension VariableDefinitionNode {
    public init(variable: VariableNode, type: TypeNode, defaultValue: ValueNode? = nil, directives: [DirectiveNode] = [], loc: Location? = nil) {
        self.init(loc: loc, variable: variable, type: type, defaultValue: defaultValue, directives: directives)
    }
}

/// `$name`.
public struct VariableNode: Node, Equatable {
    public var kind: Kind { .variable }
    public var loc: Location?
    public var name: NameNode

    public init(name: NameNode, loc: Location? = nil) {
        self.name = name
        self.loc = loc
    }
}

/// `{ selections }`.
public struct SelectionSetNode: Node, Equatable {
    public var kind: Kind { .selectionSet }
    public var loc: Location?
    public var selections: [SelectionNode]

    public init(selections: [SelectionNode], loc: Location? = nil) {
        self.selections = selections
        self.loc = loc
    }
}

/// `alias: name(arguments) @directives { selectionSet }`.
public struct FieldNode: Node, Equatable {
    public var kind: Kind { .field }
    public var loc: Location?
    public var alias: NameNode?
    public var name: NameNode
    public var arguments: [ArgumentNode]
    public var directives: [DirectiveNode]
    public var selectionSet: SelectionSetNode?
}

extension FieldNode {
    public init(alias: NameNode? = nil, name: NameNode, arguments: [ArgumentNode] = [], directives: [DirectiveNode] = [], selectionSet: SelectionSetNode? = nil, loc: Location? = nil) {
        self.init(loc: loc, alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet)
    }
}

/// `name: value`.
public struct ArgumentNode: Node, Equatable {
    public var kind: Kind { .argument }
    public var loc: Location?
    public var name: NameNode
    public var value: ValueNode

    public init(name: NameNode, value: ValueNode, loc: Location? = nil) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// `...Name @directives`.
public struct FragmentSpreadNode: Node, Equatable {
    public var kind: Kind { .fragmentSpread }
    public var loc: Location?
    public var name: NameNode
    public var directives: [DirectiveNode]

    public init(name: NameNode, directives: [DirectiveNode] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `... on Type @directives { selectionSet }`.
public struct InlineFragmentNode: Node, Equatable {
    public var kind: Kind { .inlineFragment }
    public var loc: Location?
    public var typeCondition: NamedTypeNode?
    public var directives: [DirectiveNode]
    public var selectionSet: SelectionSetNode
}

extension InlineFragmentNode {
    public init(typeCondition: NamedTypeNode? = nil, directives: [DirectiveNode] = [], selectionSet: SelectionSetNode, loc: Location? = nil) {
        self.init(loc: loc, typeCondition: typeCondition, directives: directives, selectionSet: selectionSet)
    }
}

/// `fragment Name on Type @directives { selectionSet }`.
public struct FragmentDefinitionNode: Node, Equatable {
    public var kind: Kind { .fragmentDefinition }
    public var loc: Location?
    public var name: NameNode
    public var typeCondition: NamedTypeNode
    public var directives: [DirectiveNode]
    public var selectionSet: SelectionSetNode

    public init(name: NameNode, typeCondition: NamedTypeNode, directives: [DirectiveNode] = [], selectionSet: SelectionSetNode, loc: Location? = nil) {
        self.name = name
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// An integer literal, kept as written.
public struct IntValueNode: Node, Equatable {
    public var kind: Kind { .intValue }
    public var loc: Location?
    public var value: String

    public init(value: String, loc: Location? = nil) {
        self.value = value
        self.loc = loc
    }
}

/// A float literal, kept as written.
public struct FloatValueNode: Node, Equatable {
    public var kind: Kind { .floatValue }
    public var loc: Location?
    public var value: String

    public init(value: String, loc: Location? = nil) {
        self.value = value
        self.loc = loc
    }
}

/// A string literal (its value with escapes resolved); `block` for `"""` strings.
public struct StringValueNode: Node, Equatable {
    public var kind: Kind { .stringValue }
    public var loc: Location?
    public var value: String
    public var block: Bool

    public init(value: String, block: Bool = false, loc: Location? = nil) {
        self.value = value
        self.block = block
        self.loc = loc
    }
}

/// `true` or `false`.
public struct BooleanValueNode: Node, Equatable {
    public var kind: Kind { .booleanValue }
    public var loc: Location?
    public var value: Bool

    public init(value: Bool, loc: Location? = nil) {
        self.value = value
        self.loc = loc
    }
}

/// `null`.
public struct NullValueNode: Node, Equatable {
    public var kind: Kind { .nullValue }
    public var loc: Location?

    public init(loc: Location? = nil) {
        self.loc = loc
    }
}

/// An enum literal.
public struct EnumValueNode: Node, Equatable {
    public var kind: Kind { .enumValue }
    public var loc: Location?
    public var value: String

    public init(value: String, loc: Location? = nil) {
        self.value = value
        self.loc = loc
    }
}

/// `[values]`.
public struct ListValueNode: Node, Equatable {
    public var kind: Kind { .listValue }
    public var loc: Location?
    public var values: [ValueNode]

    public init(values: [ValueNode], loc: Location? = nil) {
        self.values = values
        self.loc = loc
    }
}

/// `{fields}`.
public struct ObjectValueNode: Node, Equatable {
    public var kind: Kind { .objectValue }
    public var loc: Location?
    public var fields: [ObjectFieldNode]

    public init(fields: [ObjectFieldNode], loc: Location? = nil) {
        self.fields = fields
        self.loc = loc
    }
}

/// `name: value` in an object literal.
public struct ObjectFieldNode: Node, Equatable {
    public var kind: Kind { .objectField }
    public var loc: Location?
    public var name: NameNode
    public var value: ValueNode

    public init(name: NameNode, value: ValueNode, loc: Location? = nil) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// `@name(arguments)`.
public struct DirectiveNode: Node, Equatable {
    public var kind: Kind { .directive }
    public var loc: Location?
    public var name: NameNode
    public var arguments: [ArgumentNode]

    public init(name: NameNode, arguments: [ArgumentNode] = [], loc: Location? = nil) {
        self.name = name
        self.arguments = arguments
        self.loc = loc
    }
}

/// A named type reference.
public struct NamedTypeNode: Node, Equatable {
    public var kind: Kind { .namedType }
    public var loc: Location?
    public var name: NameNode

    public init(name: NameNode, loc: Location? = nil) {
        self.name = name
        self.loc = loc
    }
}

/// `[Type]`.
public struct ListTypeNode: Node, Equatable {
    public var kind: Kind { .listType }
    public var loc: Location?
    public var `type`: TypeNode

    public init(type: TypeNode, loc: Location? = nil) {
        self.type = type
        self.loc = loc
    }
}

/// `Type!`.
public struct NonNullTypeNode: Node, Equatable {
    public var kind: Kind { .nonNullType }
    public var loc: Location?
    public var `type`: TypeNode

    public init(type: TypeNode, loc: Location? = nil) {
        self.type = type
        self.loc = loc
    }
}

/// `schema @directives { query: Query ... }`.
public struct SchemaDefinitionNode: Node, Equatable {
    public var kind: Kind { .schemaDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var directives: [DirectiveNode]
    public var operationTypes: [OperationTypeDefinitionNode]

    public init(description: StringValueNode? = nil, directives: [DirectiveNode] = [], operationTypes: [OperationTypeDefinitionNode], loc: Location? = nil) {
        self.description = description
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// `query: Query` in a schema definition.
public struct OperationTypeDefinitionNode: Node, Equatable {
    public var kind: Kind { .operationTypeDefinition }
    public var loc: Location?
    public var operation: OperationType
    public var `type`: NamedTypeNode

    public init(operation: OperationType, type: NamedTypeNode, loc: Location? = nil) {
        self.operation = operation
        self.type = type
        self.loc = loc
    }
}

/// `scalar Name @directives`.
public struct ScalarTypeDefinitionNode: Node, Equatable {
    public var kind: Kind { .scalarTypeDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]

    public init(description: StringValueNode? = nil, name: NameNode, directives: [DirectiveNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `type Name implements A & B @directives { fields }`.
public struct ObjectTypeDefinitionNode: Node, Equatable {
    public var kind: Kind { .objectTypeDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var interfaces: [NamedTypeNode]
    public var directives: [DirectiveNode]
    public var fields: [FieldDefinitionNode]

    public init(description: StringValueNode? = nil, name: NameNode, interfaces: [NamedTypeNode] = [], directives: [DirectiveNode] = [], fields: [FieldDefinitionNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `name(arguments): Type @directives` in a type definition.
public struct FieldDefinitionNode: Node, Equatable {
    public var kind: Kind { .fieldDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var arguments: [InputValueDefinitionNode]
    public var `type`: TypeNode
    public var directives: [DirectiveNode]

    public init(description: StringValueNode? = nil, name: NameNode, arguments: [InputValueDefinitionNode] = [], type: TypeNode, directives: [DirectiveNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.type = type
        self.directives = directives
        self.loc = loc
    }
}

/// An argument or input field definition: `name: Type = default @directives`.
public struct InputValueDefinitionNode: Node, Equatable {
    public var kind: Kind { .inputValueDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var `type`: TypeNode
    public var defaultValue: ValueNode?
    public var directives: [DirectiveNode]

    public init(description: StringValueNode? = nil, name: NameNode, type: TypeNode, defaultValue: ValueNode? = nil, directives: [DirectiveNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// `interface Name implements A @directives { fields }`.
public struct InterfaceTypeDefinitionNode: Node, Equatable {
    public var kind: Kind { .interfaceTypeDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var interfaces: [NamedTypeNode]
    public var directives: [DirectiveNode]
    public var fields: [FieldDefinitionNode]

    public init(description: StringValueNode? = nil, name: NameNode, interfaces: [NamedTypeNode] = [], directives: [DirectiveNode] = [], fields: [FieldDefinitionNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `union Name @directives = A | B`.
public struct UnionTypeDefinitionNode: Node, Equatable {
    public var kind: Kind { .unionTypeDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var types: [NamedTypeNode]

    public init(description: StringValueNode? = nil, name: NameNode, directives: [DirectiveNode] = [], types: [NamedTypeNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// `enum Name @directives { values }`.
public struct EnumTypeDefinitionNode: Node, Equatable {
    public var kind: Kind { .enumTypeDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var values: [EnumValueDefinitionNode]

    public init(description: StringValueNode? = nil, name: NameNode, directives: [DirectiveNode] = [], values: [EnumValueDefinitionNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// An enum value definition.
public struct EnumValueDefinitionNode: Node, Equatable {
    public var kind: Kind { .enumValueDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]

    public init(description: StringValueNode? = nil, name: NameNode, directives: [DirectiveNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `input Name @directives { fields }`.
public struct InputObjectTypeDefinitionNode: Node, Equatable {
    public var kind: Kind { .inputObjectTypeDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var fields: [InputValueDefinitionNode]

    public init(description: StringValueNode? = nil, name: NameNode, directives: [DirectiveNode] = [], fields: [InputValueDefinitionNode] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `directive @name(arguments) repeatable on LOCATIONS`.
public struct DirectiveDefinitionNode: Node, Equatable {
    public var kind: Kind { .directiveDefinition }
    public var loc: Location?
    public var description: StringValueNode?
    public var name: NameNode
    public var arguments: [InputValueDefinitionNode]
    public var repeatable: Bool
    public var locations: [NameNode]

    public init(description: StringValueNode? = nil, name: NameNode, arguments: [InputValueDefinitionNode] = [], repeatable: Bool = false, locations: [NameNode], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.repeatable = repeatable
        self.locations = locations
        self.loc = loc
    }
}

/// `extend schema @directives { operationTypes }`.
public struct SchemaExtensionNode: Node, Equatable {
    public var kind: Kind { .schemaExtension }
    public var loc: Location?
    public var directives: [DirectiveNode]
    public var operationTypes: [OperationTypeDefinitionNode]

    public init(directives: [DirectiveNode] = [], operationTypes: [OperationTypeDefinitionNode] = [], loc: Location? = nil) {
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// `extend scalar Name @directives`.
public struct ScalarTypeExtensionNode: Node, Equatable {
    public var kind: Kind { .scalarTypeExtension }
    public var loc: Location?
    public var name: NameNode
    public var directives: [DirectiveNode]

    public init(name: NameNode, directives: [DirectiveNode] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `extend type Name implements A @directives { fields }`.
public struct ObjectTypeExtensionNode: Node, Equatable {
    public var kind: Kind { .objectTypeExtension }
    public var loc: Location?
    public var name: NameNode
    public var interfaces: [NamedTypeNode]
    public var directives: [DirectiveNode]
    public var fields: [FieldDefinitionNode]

    public init(name: NameNode, interfaces: [NamedTypeNode] = [], directives: [DirectiveNode] = [], fields: [FieldDefinitionNode] = [], loc: Location? = nil) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `extend interface Name implements A @directives { fields }`.
public struct InterfaceTypeExtensionNode: Node, Equatable {
    public var kind: Kind { .interfaceTypeExtension }
    public var loc: Location?
    public var name: NameNode
    public var interfaces: [NamedTypeNode]
    public var directives: [DirectiveNode]
    public var fields: [FieldDefinitionNode]

    public init(name: NameNode, interfaces: [NamedTypeNode] = [], directives: [DirectiveNode] = [], fields: [FieldDefinitionNode] = [], loc: Location? = nil) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `extend union Name @directives = A | B`.
public struct UnionTypeExtensionNode: Node, Equatable {
    public var kind: Kind { .unionTypeExtension }
    public var loc: Location?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var types: [NamedTypeNode]

    public init(name: NameNode, directives: [DirectiveNode] = [], types: [NamedTypeNode] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// `extend enum Name @directives { values }`.
public struct EnumTypeExtensionNode: Node, Equatable {
    public var kind: Kind { .enumTypeExtension }
    public var loc: Location?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var values: [EnumValueDefinitionNode]

    public init(name: NameNode, directives: [DirectiveNode] = [], values: [EnumValueDefinitionNode] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// `extend input Name @directives { fields }`.
public struct InputObjectTypeExtensionNode: Node, Equatable {
    public var kind: Kind { .inputObjectTypeExtension }
    public var loc: Location?
    public var name: NameNode
    public var directives: [DirectiveNode]
    public var fields: [InputValueDefinitionNode]

    public init(name: NameNode, directives: [DirectiveNode] = [], fields: [InputValueDefinitionNode] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}
