// The sum types of the AST: definitions, selections, values, type references, and any node.

/// A top-level definition of a document: executable, type-system or extension.
public enum DefinitionNode: Node, Equatable {
    case `operation`(OperationDefinitionNode)
    case `fragment`(FragmentDefinitionNode)
    case `schema`(SchemaDefinitionNode)
    case `scalarType`(ScalarTypeDefinitionNode)
    case `objectType`(ObjectTypeDefinitionNode)
    case `interfaceType`(InterfaceTypeDefinitionNode)
    case `unionType`(UnionTypeDefinitionNode)
    case `enumType`(EnumTypeDefinitionNode)
    case `inputObjectType`(InputObjectTypeDefinitionNode)
    case `directive`(DirectiveDefinitionNode)
    case `schemaExtension`(SchemaExtensionNode)
    case `scalarTypeExtension`(ScalarTypeExtensionNode)
    case `objectTypeExtension`(ObjectTypeExtensionNode)
    case `interfaceTypeExtension`(InterfaceTypeExtensionNode)
    case `unionTypeExtension`(UnionTypeExtensionNode)
    case `enumTypeExtension`(EnumTypeExtensionNode)
    case `inputObjectTypeExtension`(InputObjectTypeExtensionNode)

    public var kind: Kind {
        switch self {
        case .`operation`(let node): return node.kind
        case .`fragment`(let node): return node.kind
        case .`schema`(let node): return node.kind
        case .`scalarType`(let node): return node.kind
        case .`objectType`(let node): return node.kind
        case .`interfaceType`(let node): return node.kind
        case .`unionType`(let node): return node.kind
        case .`enumType`(let node): return node.kind
        case .`inputObjectType`(let node): return node.kind
        case .`directive`(let node): return node.kind
        case .`schemaExtension`(let node): return node.kind
        case .`scalarTypeExtension`(let node): return node.kind
        case .`objectTypeExtension`(let node): return node.kind
        case .`interfaceTypeExtension`(let node): return node.kind
        case .`unionTypeExtension`(let node): return node.kind
        case .`enumTypeExtension`(let node): return node.kind
        case .`inputObjectTypeExtension`(let node): return node.kind
        }
    }

    public var loc: Location? {
        switch self {
        case .`operation`(let node): return node.loc
        case .`fragment`(let node): return node.loc
        case .`schema`(let node): return node.loc
        case .`scalarType`(let node): return node.loc
        case .`objectType`(let node): return node.loc
        case .`interfaceType`(let node): return node.loc
        case .`unionType`(let node): return node.loc
        case .`enumType`(let node): return node.loc
        case .`inputObjectType`(let node): return node.loc
        case .`directive`(let node): return node.loc
        case .`schemaExtension`(let node): return node.loc
        case .`scalarTypeExtension`(let node): return node.loc
        case .`objectTypeExtension`(let node): return node.loc
        case .`interfaceTypeExtension`(let node): return node.loc
        case .`unionTypeExtension`(let node): return node.loc
        case .`enumTypeExtension`(let node): return node.loc
        case .`inputObjectTypeExtension`(let node): return node.loc
        }
    }

    /// The wrapped node.
    public var node: any Node {
        switch self {
        case .`operation`(let node): return node
        case .`fragment`(let node): return node
        case .`schema`(let node): return node
        case .`scalarType`(let node): return node
        case .`objectType`(let node): return node
        case .`interfaceType`(let node): return node
        case .`unionType`(let node): return node
        case .`enumType`(let node): return node
        case .`inputObjectType`(let node): return node
        case .`directive`(let node): return node
        case .`schemaExtension`(let node): return node
        case .`scalarTypeExtension`(let node): return node
        case .`objectTypeExtension`(let node): return node
        case .`interfaceTypeExtension`(let node): return node
        case .`unionTypeExtension`(let node): return node
        case .`enumTypeExtension`(let node): return node
        case .`inputObjectTypeExtension`(let node): return node
        }
    }
}

/// One selection of a selection set.
public enum SelectionNode: Node, Equatable {
    case `field`(FieldNode)
    case `fragmentSpread`(FragmentSpreadNode)
    case `inlineFragment`(InlineFragmentNode)

    public var kind: Kind {
        switch self {
        case .`field`(let node): return node.kind
        case .`fragmentSpread`(let node): return node.kind
        case .`inlineFragment`(let node): return node.kind
        }
    }

    public var loc: Location? {
        switch self {
        case .`field`(let node): return node.loc
        case .`fragmentSpread`(let node): return node.loc
        case .`inlineFragment`(let node): return node.loc
        }
    }

    /// The wrapped node.
    public var node: any Node {
        switch self {
        case .`field`(let node): return node
        case .`fragmentSpread`(let node): return node
        case .`inlineFragment`(let node): return node
        }
    }
}

/// A value literal (or a variable) in a document.
public enum ValueNode: Node, Equatable {
    case `variable`(VariableNode)
    case `int`(IntValueNode)
    case `float`(FloatValueNode)
    case `string`(StringValueNode)
    case `boolean`(BooleanValueNode)
    case `null`(NullValueNode)
    case `enum`(EnumValueNode)
    case `list`(ListValueNode)
    case `object`(ObjectValueNode)

    public var kind: Kind {
        switch self {
        case .`variable`(let node): return node.kind
        case .`int`(let node): return node.kind
        case .`float`(let node): return node.kind
        case .`string`(let node): return node.kind
        case .`boolean`(let node): return node.kind
        case .`null`(let node): return node.kind
        case .`enum`(let node): return node.kind
        case .`list`(let node): return node.kind
        case .`object`(let node): return node.kind
        }
    }

    public var loc: Location? {
        switch self {
        case .`variable`(let node): return node.loc
        case .`int`(let node): return node.loc
        case .`float`(let node): return node.loc
        case .`string`(let node): return node.loc
        case .`boolean`(let node): return node.loc
        case .`null`(let node): return node.loc
        case .`enum`(let node): return node.loc
        case .`list`(let node): return node.loc
        case .`object`(let node): return node.loc
        }
    }

    /// The wrapped node.
    public var node: any Node {
        switch self {
        case .`variable`(let node): return node
        case .`int`(let node): return node
        case .`float`(let node): return node
        case .`string`(let node): return node
        case .`boolean`(let node): return node
        case .`null`(let node): return node
        case .`enum`(let node): return node
        case .`list`(let node): return node
        case .`object`(let node): return node
        }
    }
}

/// A type reference: named, list or non-null.
public enum TypeNode: Node, Equatable {
    case `named`(NamedTypeNode)
    indirect case `list`(ListTypeNode)
    indirect case `nonNull`(NonNullTypeNode)

    public var kind: Kind {
        switch self {
        case .`named`(let node): return node.kind
        case .`list`(let node): return node.kind
        case .`nonNull`(let node): return node.kind
        }
    }

    public var loc: Location? {
        switch self {
        case .`named`(let node): return node.loc
        case .`list`(let node): return node.loc
        case .`nonNull`(let node): return node.loc
        }
    }

    /// The wrapped node.
    public var node: any Node {
        switch self {
        case .`named`(let node): return node
        case .`list`(let node): return node
        case .`nonNull`(let node): return node
        }
    }
}

/// Any AST node, as the visitor hands it over.
public indirect enum ASTNode: Node, Equatable {
    case `name`(NameNode)
    case `document`(DocumentNode)
    case `operationDefinition`(OperationDefinitionNode)
    case `variableDefinition`(VariableDefinitionNode)
    case `variable`(VariableNode)
    case `selectionSet`(SelectionSetNode)
    case `field`(FieldNode)
    case `argument`(ArgumentNode)
    case `fragmentSpread`(FragmentSpreadNode)
    case `inlineFragment`(InlineFragmentNode)
    case `fragmentDefinition`(FragmentDefinitionNode)
    case `intValue`(IntValueNode)
    case `floatValue`(FloatValueNode)
    case `stringValue`(StringValueNode)
    case `booleanValue`(BooleanValueNode)
    case `nullValue`(NullValueNode)
    case `enumValue`(EnumValueNode)
    case `listValue`(ListValueNode)
    case `objectValue`(ObjectValueNode)
    case `objectField`(ObjectFieldNode)
    case `directive`(DirectiveNode)
    case `namedType`(NamedTypeNode)
    case `listType`(ListTypeNode)
    case `nonNullType`(NonNullTypeNode)
    case `schemaDefinition`(SchemaDefinitionNode)
    case `operationTypeDefinition`(OperationTypeDefinitionNode)
    case `scalarTypeDefinition`(ScalarTypeDefinitionNode)
    case `objectTypeDefinition`(ObjectTypeDefinitionNode)
    case `fieldDefinition`(FieldDefinitionNode)
    case `inputValueDefinition`(InputValueDefinitionNode)
    case `interfaceTypeDefinition`(InterfaceTypeDefinitionNode)
    case `unionTypeDefinition`(UnionTypeDefinitionNode)
    case `enumTypeDefinition`(EnumTypeDefinitionNode)
    case `enumValueDefinition`(EnumValueDefinitionNode)
    case `inputObjectTypeDefinition`(InputObjectTypeDefinitionNode)
    case `directiveDefinition`(DirectiveDefinitionNode)
    case `schemaExtension`(SchemaExtensionNode)
    case `scalarTypeExtension`(ScalarTypeExtensionNode)
    case `objectTypeExtension`(ObjectTypeExtensionNode)
    case `interfaceTypeExtension`(InterfaceTypeExtensionNode)
    case `unionTypeExtension`(UnionTypeExtensionNode)
    case `enumTypeExtension`(EnumTypeExtensionNode)
    case `inputObjectTypeExtension`(InputObjectTypeExtensionNode)

    public var kind: Kind {
        switch self {
        case .`name`(let node): return node.kind
        case .`document`(let node): return node.kind
        case .`operationDefinition`(let node): return node.kind
        case .`variableDefinition`(let node): return node.kind
        case .`variable`(let node): return node.kind
        case .`selectionSet`(let node): return node.kind
        case .`field`(let node): return node.kind
        case .`argument`(let node): return node.kind
        case .`fragmentSpread`(let node): return node.kind
        case .`inlineFragment`(let node): return node.kind
        case .`fragmentDefinition`(let node): return node.kind
        case .`intValue`(let node): return node.kind
        case .`floatValue`(let node): return node.kind
        case .`stringValue`(let node): return node.kind
        case .`booleanValue`(let node): return node.kind
        case .`nullValue`(let node): return node.kind
        case .`enumValue`(let node): return node.kind
        case .`listValue`(let node): return node.kind
        case .`objectValue`(let node): return node.kind
        case .`objectField`(let node): return node.kind
        case .`directive`(let node): return node.kind
        case .`namedType`(let node): return node.kind
        case .`listType`(let node): return node.kind
        case .`nonNullType`(let node): return node.kind
        case .`schemaDefinition`(let node): return node.kind
        case .`operationTypeDefinition`(let node): return node.kind
        case .`scalarTypeDefinition`(let node): return node.kind
        case .`objectTypeDefinition`(let node): return node.kind
        case .`fieldDefinition`(let node): return node.kind
        case .`inputValueDefinition`(let node): return node.kind
        case .`interfaceTypeDefinition`(let node): return node.kind
        case .`unionTypeDefinition`(let node): return node.kind
        case .`enumTypeDefinition`(let node): return node.kind
        case .`enumValueDefinition`(let node): return node.kind
        case .`inputObjectTypeDefinition`(let node): return node.kind
        case .`directiveDefinition`(let node): return node.kind
        case .`schemaExtension`(let node): return node.kind
        case .`scalarTypeExtension`(let node): return node.kind
        case .`objectTypeExtension`(let node): return node.kind
        case .`interfaceTypeExtension`(let node): return node.kind
        case .`unionTypeExtension`(let node): return node.kind
        case .`enumTypeExtension`(let node): return node.kind
        case .`inputObjectTypeExtension`(let node): return node.kind
        }
    }

    public var loc: Location? {
        switch self {
        case .`name`(let node): return node.loc
        case .`document`(let node): return node.loc
        case .`operationDefinition`(let node): return node.loc
        case .`variableDefinition`(let node): return node.loc
        case .`variable`(let node): return node.loc
        case .`selectionSet`(let node): return node.loc
        case .`field`(let node): return node.loc
        case .`argument`(let node): return node.loc
        case .`fragmentSpread`(let node): return node.loc
        case .`inlineFragment`(let node): return node.loc
        case .`fragmentDefinition`(let node): return node.loc
        case .`intValue`(let node): return node.loc
        case .`floatValue`(let node): return node.loc
        case .`stringValue`(let node): return node.loc
        case .`booleanValue`(let node): return node.loc
        case .`nullValue`(let node): return node.loc
        case .`enumValue`(let node): return node.loc
        case .`listValue`(let node): return node.loc
        case .`objectValue`(let node): return node.loc
        case .`objectField`(let node): return node.loc
        case .`directive`(let node): return node.loc
        case .`namedType`(let node): return node.loc
        case .`listType`(let node): return node.loc
        case .`nonNullType`(let node): return node.loc
        case .`schemaDefinition`(let node): return node.loc
        case .`operationTypeDefinition`(let node): return node.loc
        case .`scalarTypeDefinition`(let node): return node.loc
        case .`objectTypeDefinition`(let node): return node.loc
        case .`fieldDefinition`(let node): return node.loc
        case .`inputValueDefinition`(let node): return node.loc
        case .`interfaceTypeDefinition`(let node): return node.loc
        case .`unionTypeDefinition`(let node): return node.loc
        case .`enumTypeDefinition`(let node): return node.loc
        case .`enumValueDefinition`(let node): return node.loc
        case .`inputObjectTypeDefinition`(let node): return node.loc
        case .`directiveDefinition`(let node): return node.loc
        case .`schemaExtension`(let node): return node.loc
        case .`scalarTypeExtension`(let node): return node.loc
        case .`objectTypeExtension`(let node): return node.loc
        case .`interfaceTypeExtension`(let node): return node.loc
        case .`unionTypeExtension`(let node): return node.loc
        case .`enumTypeExtension`(let node): return node.loc
        case .`inputObjectTypeExtension`(let node): return node.loc
        }
    }

    /// The wrapped node.
    public var node: any Node {
        switch self {
        case .`name`(let node): return node
        case .`document`(let node): return node
        case .`operationDefinition`(let node): return node
        case .`variableDefinition`(let node): return node
        case .`variable`(let node): return node
        case .`selectionSet`(let node): return node
        case .`field`(let node): return node
        case .`argument`(let node): return node
        case .`fragmentSpread`(let node): return node
        case .`inlineFragment`(let node): return node
        case .`fragmentDefinition`(let node): return node
        case .`intValue`(let node): return node
        case .`floatValue`(let node): return node
        case .`stringValue`(let node): return node
        case .`booleanValue`(let node): return node
        case .`nullValue`(let node): return node
        case .`enumValue`(let node): return node
        case .`listValue`(let node): return node
        case .`objectValue`(let node): return node
        case .`objectField`(let node): return node
        case .`directive`(let node): return node
        case .`namedType`(let node): return node
        case .`listType`(let node): return node
        case .`nonNullType`(let node): return node
        case .`schemaDefinition`(let node): return node
        case .`operationTypeDefinition`(let node): return node
        case .`scalarTypeDefinition`(let node): return node
        case .`objectTypeDefinition`(let node): return node
        case .`fieldDefinition`(let node): return node
        case .`inputValueDefinition`(let node): return node
        case .`interfaceTypeDefinition`(let node): return node
        case .`unionTypeDefinition`(let node): return node
        case .`enumTypeDefinition`(let node): return node
        case .`enumValueDefinition`(let node): return node
        case .`inputObjectTypeDefinition`(let node): return node
        case .`directiveDefinition`(let node): return node
        case .`schemaExtension`(let node): return node
        case .`scalarTypeExtension`(let node): return node
        case .`objectTypeExtension`(let node): return node
        case .`interfaceTypeExtension`(let node): return node
        case .`unionTypeExtension`(let node): return node
        case .`enumTypeExtension`(let node): return node
        case .`inputObjectTypeExtension`(let node): return node
        }
    }
}
