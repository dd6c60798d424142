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
        case .selectionSet: enterSelectionSet()
        case .field(let f): enterField(named: f.name.value)
        case .directive(let d): enterDirective(named: d.name.value)
        case .operationDefinition(let op): enterOperation(op.operation)
        case .inlineFragment(let frag): enterInlineFragment(on: frag.typeCondition)
        case .fragmentDefinition(let frag): enterFragmentDefinition(on: frag.typeCondition)
        case .variableDefinition(let v): enterVariableDefinition(of: v.type)
        case .argument(let a): enterArgument(named: a.name.value)
        case .listValue: enterListValue()
        case .objectField(let f): enterObjectField(named: f.name.value)
        case .enumValue(let e): enterEnumValue(e.value)
        default: break
        }
    }

    public func leave(_ node: ASTNode) { leave(node.kind) }

    // Typed entry points: the document walk calls these with the node's parts, not an `ASTNode` built for the call.

    func enterSelectionSet() {
        let named = type?.namedType
        parentTypeStack.append(named.flatMap { $0.isCompositeType ? $0 : nil })
    }

    func enterField(named name: String) {
        guard let top = parentTypeStack.last, let parent = top, let def = typeInfoFieldDef(schema, parent, name) else {
            fieldDefStack.append(nil)
            typeStack.append(nil)
            return
        }
        fieldDefStack.append(def)
        let type = def.type
        typeStack.append(type.isOutputType ? type : nil)
    }

    func enterDirective(named name: String) {
        directive = schema.directive(named: name)
    }

    func enterOperation(_ operation: OperationType) {
        typeStack.append(schema.rootType(for: operation).map { .named(.object($0)) })
    }

    func enterInlineFragment(on typeCondition: NamedTypeNode?) {
        let t: GraphQLType? = typeCondition.map { typeFromAST(schema, .named($0)) } ?? type.map { .named($0.namedType) }
        typeStack.append(t.flatMap { $0.isOutputType ? $0 : nil })
    }

    func enterFragmentDefinition(on typeCondition: NamedTypeNode) {
        let t = typeFromAST(schema, .named(typeCondition))
        typeStack.append(t.flatMap { $0.isOutputType ? $0 : nil })
    }

    func enterVariableDefinition(of typeNode: TypeNode) {
        let t = typeFromAST(schema, typeNode)
        inputTypeStack.append(t.flatMap { $0.isInputType ? $0 : nil })
    }

    func enterArgument(named name: String) {
        var argDef: GraphQLArgument?
        if let directive {
            argDef = directive.args.first { $0.name == name }
        } else if let fieldDef {
            argDef = fieldDef.argument(name)
        }
        argument = argDef
        defaultValueStack.append(argDef?.defaultValue)
        inputTypeStack.append(argDef.flatMap { $0.type.isInputType ? $0.type : nil })
    }

    func enterListValue() {
        let listType = inputType?.nullableType
        var itemType: GraphQLType? = listType
        if case .list(let inner)? = listType { itemType = inner }
        defaultValueStack.append(nil)
        inputTypeStack.append(itemType.flatMap { $0.isInputType ? $0 : nil })
    }

    func enterObjectField(named name: String) {
        var fieldType: GraphQLType?
        var inputField: GraphQLInputField?
        if case .inputObject(let io)? = inputType?.namedType {
            inputField = io.fields[name]
            fieldType = inputField?.type
        }
        defaultValueStack.append(inputField?.defaultValue)
        inputTypeStack.append(fieldType.flatMap { $0.isInputType ? $0 : nil })
    }

    func enterEnumValue(_ value: String) {
        if case .enumeration(let et)? = inputType?.namedType { enumValue = et.value(named: value) } else { enumValue = nil }
    }

    /// Leaves a node of this kind (what leaving needs is on the stacks, not in the node).
    func leave(_ kind: Kind) {
        switch kind {
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
    // Only a reserved name ("__...") can be a meta-field: the others go straight to the type's fields.
    if isReservedName(name) {
        if name == "__typename", parent.isCompositeType { return Introspection.typeNameMetaField }
        if let q = schema.queryType, parent.name == q.name {
            if name == "__schema" { return Introspection.schemaMetaField }
            if name == "__type" { return Introspection.typeMetaField }
        }
    }
    switch parent {
    case .object(let t): return t.fields[name]
    case .interface(let t): return t.fields[name]
    default: return nil
    }
}

/// Whether a name starts with "__".
@inline(__always)
private func isReservedName(_ name: String) -> Bool {
    var utf8 = name.utf8.makeIterator()
    return utf8.next() == UInt8(ascii: "_") && utf8.next() == UInt8(ascii: "_")
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
