import JSON

/// Tracks the schema types at each point of a document walk, as graphql-js's `TypeInfo` (used by validation).
///
/// ```swift
/// let typeInfo = TypeInfo(schema: schema)
/// visit(document, visitWithTypeInfo(typeInfo, Visitor(enter: { node, _ in
///     if case .field = node { print(typeInfo.parentType?.name ?? "-", typeInfo.type.map { "\($0)" } ?? "-") }
///     return .continue
/// })))
/// ```
public final class TypeInfo {
    public let schema: GraphQLSchema
    private var typeStack: [GraphQLType?] = []
    private var parentTypeStack: [GraphQLNamedType?] = []
    private var inputTypeStack: [GraphQLType?] = []
    private var fieldDefStack: [GraphQLField?] = []
    private var defaultValueStack: [JSONValue?] = []
    public private(set) var directive: GraphQLDirective?
    public private(set) var argument: GraphQLArgument?
    public private(set) var enumValue: GraphQLEnumValue?

    public init(schema: GraphQLSchema, initialType: GraphQLType? = nil) {
        self.schema = schema
        if let initialType {
            if initialType.isInputType { inputTypeStack.append(initialType) }
            if initialType.namedType.isCompositeType { parentTypeStack.append(initialType.namedType) }
            if initialType.isOutputType { typeStack.append(initialType) }
        }
    }

    /// The output type of the current field or fragment.
    public var type: GraphQLType? { typeStack.last ?? nil }
    /// The composite type whose selection set is being walked.
    public var parentType: GraphQLNamedType? { parentTypeStack.last ?? nil }
    /// The expected input type of the current argument, variable, list item or object field.
    public var inputType: GraphQLType? { inputTypeStack.last ?? nil }
    public var parentInputType: GraphQLType? { inputTypeStack.count >= 2 ? inputTypeStack[inputTypeStack.count - 2] : nil }
    public var fieldDef: GraphQLField? { fieldDefStack.last ?? nil }
    public var defaultValue: JSONValue? { defaultValueStack.last ?? nil }

    public func enter(_ node: ASTNode) {
        switch node {
        case .selectionSet:
            let named = type?.namedType
            parentTypeStack.append(named.flatMap { $0.isCompositeType ? $0 : nil })
        case .field(let f):
            var def: GraphQLField?
            if let parent = parentType { def = typeInfoFieldDef(schema, parent, f.name.value) }
            fieldDefStack.append(def)
            typeStack.append(def.flatMap { $0.type.isOutputType ? $0.type : nil })
        case .directive(let d):
            directive = schema.directive(named: d.name.value)
        case .operationDefinition(let op):
            typeStack.append(schema.rootType(for: op.operation).map { .named(.object($0)) })
        case .inlineFragment(let frag):
            let t: GraphQLType? = frag.typeCondition.map { typeFromAST(schema, .named($0)) } ?? type.map { .named($0.namedType) }
            typeStack.append(t.flatMap { $0.isOutputType ? $0 : nil })
        case .fragmentDefinition(let frag):
            let t = typeFromAST(schema, .named(frag.typeCondition))
            typeStack.append(t.flatMap { $0.isOutputType ? $0 : nil })
        case .variableDefinition(let v):
            let t = typeFromAST(schema, v.type)
            inputTypeStack.append(t.flatMap { $0.isInputType ? $0 : nil })
        case .argument(let a):
            var argDef: GraphQLArgument?
            if let directive {
                argDef = directive.args.first { $0.name == a.name.value }
            } else if let fieldDef {
                argDef = fieldDef.argument(a.name.value)
            }
            argument = argDef
            defaultValueStack.append(argDef?.defaultValue)
            inputTypeStack.append(argDef.flatMap { $0.type.isInputType ? $0.type : nil })
        case .listValue:
            let listType = inputType?.nullableType
            var itemType: GraphQLType? = listType
            if case .list(let inner)? = listType { itemType = inner }
            defaultValueStack.append(nil)
            inputTypeStack.append(itemType.flatMap { $0.isInputType ? $0 : nil })
        case .objectField(let f):
            var fieldType: GraphQLType?
            var inputField: GraphQLInputField?
            if case .inputObject(let io)? = inputType?.namedType {
                inputField = io.fields[f.name.value]
                fieldType = inputField?.type
            }
            defaultValueStack.append(inputField?.defaultValue)
            inputTypeStack.append(fieldType.flatMap { $0.isInputType ? $0 : nil })
        case .enumValue(let e):
            if case .enumeration(let et)? = inputType?.namedType { enumValue = et.value(named: e.value) } else { enumValue = nil }
        default:
            break
        }
    }

    public func leave(_ node: ASTNode) {
        switch node {
        case .selectionSet: _ = parentTypeStack.popLast()
        case .field:
            _ = fieldDefStack.popLast()
            _ = typeStack.popLast()
        case .directive: directive = nil
        case .operationDefinition, .inlineFragment, .fragmentDefinition: _ = typeStack.popLast()
        case .variableDefinition: _ = inputTypeStack.popLast()
        case .argument:
            argument = nil
            _ = defaultValueStack.popLast()
            _ = inputTypeStack.popLast()
        case .listValue, .objectField:
            _ = defaultValueStack.popLast()
            _ = inputTypeStack.popLast()
        case .enumValue: enumValue = nil
        default: break
        }
    }
}

/// A field definition as validation sees it: meta-fields included (`__schema`/`__type` on the query root only).
func typeInfoFieldDef(_ schema: GraphQLSchema, _ parent: GraphQLNamedType, _ name: String) -> GraphQLField? {
    if name == "__typename", parent.isCompositeType { return Introspection.typeNameMetaField }
    if let q = schema.queryType, parent.name == q.name {
        if name == "__schema" { return Introspection.schemaMetaField }
        if name == "__type" { return Introspection.typeMetaField }
    }
    return parent.fields?[name]
}

/// Wraps a visitor so that `typeInfo` is updated around each of its callbacks, as graphql-js's `visitWithTypeInfo`.
public func visitWithTypeInfo(_ typeInfo: TypeInfo, _ visitor: Visitor) -> Visitor {
    Visitor(
        enter: { node, context in
            typeInfo.enter(node)
            guard visitor.kinds.contains(node.kind), let enter = visitor.enter else { return .continue }
            let action = enter(node, context)
            if action == .skip { typeInfo.leave(node) }
            return action
        },
        leave: { node, context in
            let action = visitor.kinds.contains(node.kind) ? (visitor.leave?(node, context) ?? .continue) : .continue
            typeInfo.leave(node)
            return action
        })
}
