// The traversal behind `visit`: it switches on each node's type and walks its fields in place, in graphql-js's
// `QueryDocumentKeys` order. An `ASTNode` is built only for a node the handler takes, or one that is an ancestor
// of others (`VisitContext.ancestors`): building one copies, and retains, every string and array of the node, and
// `ASTNode.children` would do that for every child. Each function walks one kind of node, so the recursion (one
// frame per level of the document, two for a field and its selection set) keeps small frames in debug builds too.

/// What a typed walk hands the nodes to.
protocol WalkHandler {
    /// Whether `enter` and `leave` take nodes of this kind; other nodes are walked through unseen.
    func handles(_ kind: Kind) -> Bool
    func enter(_ node: ASTNode, _ kind: Kind, _ context: VisitContext) -> VisitAction
    func leave(_ node: ASTNode, _ kind: Kind, _ context: VisitContext) -> VisitAction
}

/// A depth-first walk with `visit`'s semantics; with a `TypeInfo`, `visitWithTypeInfo`'s too (the type info
/// enters a node before the handler does and leaves it after, and leaves at once a node the handler skips).
/// Each function returns false when the walk must stop.
struct TypedWalk<Handler: WalkHandler> {
    let handler: Handler
    let typeInfo: TypeInfo?
    var context = VisitContext()

    init(_ handler: Handler, typeInfo: TypeInfo? = nil) {
        self.handler = handler
        self.typeInfo = typeInfo
    }

    // MARK: entering and leaving

    /// The handler's verdict on entering: nil to go on into the children, else what the walk returns (false:
    /// stop; true: the node is skipped).
    @inline(__always)
    private func enter(_ node: ASTNode, _ kind: Kind) -> Bool? {
        guard handler.handles(kind) else { return nil }
        switch handler.enter(node, kind, context) {
        case .continue: return nil
        case .break: return false
        case .skip:
            typeInfo?.leave(kind)
            return true
        }
    }

    @inline(__always)
    private func leave(_ node: ASTNode, _ kind: Kind) -> Bool {
        let action = handler.handles(kind) ? handler.leave(node, kind, context) : .continue
        typeInfo?.leave(kind)
        return action != .break
    }

    /// A node without children (no type info of its own): built only when the handler takes its kind.
    @inline(__always)
    private func leaf(_ kind: Kind, _ make: () -> ASTNode) -> Bool {
        guard handler.handles(kind) else { return true }
        let node = make()
        switch handler.enter(node, kind, context) {
        case .break: return false
        case .skip: return true
        case .continue: return handler.leave(node, kind, context) != .break
        }
    }

    @inline(__always)
    private mutating func push(_ node: ASTNode) { context.ancestors.append(node) }

    @inline(__always)
    private mutating func pop() { context.ancestors.removeLast() }

    // MARK: any node

    /// Walks any node: typed for the nodes of executable documents, through `children` for the type system's.
    mutating func walk(_ node: ASTNode) -> Bool {
        switch node {
        case .name(let n): return name(n)
        case .document(let n): return document(n)
        case .operationDefinition(let n): return operation(n)
        case .variableDefinition(let n): return variableDefinition(n)
        case .variable(let n): return variable(n)
        case .selectionSet(let n): return selectionSet(n)
        case .field(let n): return field(n)
        case .argument(let n): return argument(n)
        case .fragmentSpread(let n): return fragmentSpread(n)
        case .inlineFragment(let n): return inlineFragment(n)
        case .fragmentDefinition(let n): return fragmentDefinition(n)
        case .intValue(let n): return value(.int(n))
        case .floatValue(let n): return value(.float(n))
        case .stringValue(let n): return value(.string(n))
        case .booleanValue(let n): return value(.boolean(n))
        case .nullValue(let n): return value(.null(n))
        case .enumValue(let n): return enumValue(n)
        case .listValue(let n): return listValue(n)
        case .objectValue(let n): return objectValue(n)
        case .objectField(let n): return objectField(n)
        case .directive(let n): return directive(n)
        case .namedType(let n): return namedType(n)
        case .listType(let n): return listType(n)
        case .nonNullType(let n): return nonNullType(n)
        default: return generic(node)
        }
    }

    /// A type-system node, through `ASTNode.children` (these documents are not the hot path).
    private mutating func generic(_ node: ASTNode) -> Bool {
        typeInfo?.enter(node)
        let kind = node.kind
        if let verdict = enter(node, kind) { return verdict }
        let children = node.children
        if !children.isEmpty {
            push(node)
            for child in children where !walk(child) { return false }
            pop()
        }
        return leave(node, kind)
    }

    // MARK: executable definitions

    mutating func document(_ d: DocumentNode) -> Bool {
        let node = ASTNode.document(d)
        if let verdict = enter(node, .document) { return verdict }
        if !d.definitions.isEmpty {
            push(node)
            for definition in d.definitions where !self.definition(definition) { return false }
            pop()
        }
        return leave(node, .document)
    }

    private mutating func definition(_ definition: DefinitionNode) -> Bool {
        switch definition {
        case .operation(let op): return operation(op)
        case .fragment(let f): return fragmentDefinition(f)
        default: return generic(ASTNode(definition))
        }
    }

    mutating func operation(_ op: OperationDefinitionNode) -> Bool {
        typeInfo?.enterOperation(op.operation)
        let node = ASTNode.operationDefinition(op)
        if let verdict = enter(node, .operationDefinition) { return verdict }
        push(node)
        if let n = op.name, !name(n) { return false }
        for v in op.variableDefinitions where !variableDefinition(v) { return false }
        guard directives(op.directives), selectionSet(op.selectionSet) else { return false }
        pop()
        return leave(node, .operationDefinition)
    }

    mutating func variableDefinition(_ v: VariableDefinitionNode) -> Bool {
        typeInfo?.enterVariableDefinition(of: v.type)
        let node = ASTNode.variableDefinition(v)
        if let verdict = enter(node, .variableDefinition) { return verdict }
        push(node)
        guard variable(v.variable), type(v.type) else { return false }
        if let d = v.defaultValue, !value(d) { return false }
        guard directives(v.directives) else { return false }
        pop()
        return leave(node, .variableDefinition)
    }

    mutating func fragmentDefinition(_ f: FragmentDefinitionNode) -> Bool {
        typeInfo?.enterFragmentDefinition(on: f.typeCondition)
        let node = ASTNode.fragmentDefinition(f)
        if let verdict = enter(node, .fragmentDefinition) { return verdict }
        push(node)
        guard name(f.name), namedType(f.typeCondition), directives(f.directives), selectionSet(f.selectionSet) else {
            return false
        }
        pop()
        return leave(node, .fragmentDefinition)
    }

    // MARK: selections

    mutating func selectionSet(_ set: SelectionSetNode) -> Bool {
        typeInfo?.enterSelectionSet()
        let node = ASTNode.selectionSet(set)
        if let verdict = enter(node, .selectionSet) { return verdict }
        if !set.selections.isEmpty {
            push(node)
            for selection in set.selections where !self.selection(selection) { return false }
            pop()
        }
        return leave(node, .selectionSet)
    }

    private mutating func selection(_ selection: SelectionNode) -> Bool {
        switch selection {
        case .field(let f): return field(f)
        case .fragmentSpread(let s): return fragmentSpread(s)
        case .inlineFragment(let i): return inlineFragment(i)
        }
    }

    mutating func field(_ f: FieldNode) -> Bool {
        typeInfo?.enterField(named: f.name.value)
        let node = ASTNode.field(f)
        if let verdict = enter(node, .field) { return verdict }
        push(node)
        if let alias = f.alias, !name(alias) { return false }
        guard name(f.name), arguments(f.arguments), directives(f.directives) else { return false }
        if let set = f.selectionSet, !selectionSet(set) { return false }
        pop()
        return leave(node, .field)
    }

    mutating func fragmentSpread(_ s: FragmentSpreadNode) -> Bool {
        let node = ASTNode.fragmentSpread(s)
        if let verdict = enter(node, .fragmentSpread) { return verdict }
        push(node)
        guard name(s.name), directives(s.directives) else { return false }
        pop()
        return leave(node, .fragmentSpread)
    }

    mutating func inlineFragment(_ i: InlineFragmentNode) -> Bool {
        typeInfo?.enterInlineFragment(on: i.typeCondition)
        let node = ASTNode.inlineFragment(i)
        if let verdict = enter(node, .inlineFragment) { return verdict }
        push(node)
        if let condition = i.typeCondition, !namedType(condition) { return false }
        guard directives(i.directives), selectionSet(i.selectionSet) else { return false }
        pop()
        return leave(node, .inlineFragment)
    }

    // MARK: arguments and directives

    private mutating func arguments(_ arguments: [ArgumentNode]) -> Bool {
        for a in arguments where !argument(a) { return false }
        return true
    }

    mutating func argument(_ a: ArgumentNode) -> Bool {
        typeInfo?.enterArgument(named: a.name.value)
        let node = ASTNode.argument(a)
        if let verdict = enter(node, .argument) { return verdict }
        push(node)
        guard name(a.name), value(a.value) else { return false }
        pop()
        return leave(node, .argument)
    }

    private mutating func directives(_ directives: [DirectiveNode]) -> Bool {
        for d in directives where !directive(d) { return false }
        return true
    }

    mutating func directive(_ d: DirectiveNode) -> Bool {
        typeInfo?.enterDirective(named: d.name.value)
        let node = ASTNode.directive(d)
        if let verdict = enter(node, .directive) { return verdict }
        push(node)
        guard name(d.name), arguments(d.arguments) else { return false }
        pop()
        return leave(node, .directive)
    }

    // MARK: values

    mutating func value(_ v: ValueNode) -> Bool {
        switch v {
        case .variable(let n): return variable(n)
        case .int(let n): return leaf(.intValue) { .intValue(n) }
        case .float(let n): return leaf(.floatValue) { .floatValue(n) }
        case .string(let n): return leaf(.stringValue) { .stringValue(n) }
        case .boolean(let n): return leaf(.booleanValue) { .booleanValue(n) }
        case .null(let n): return leaf(.nullValue) { .nullValue(n) }
        case .enum(let n): return enumValue(n)
        case .list(let n): return listValue(n)
        case .object(let n): return objectValue(n)
        }
    }

    mutating func variable(_ v: VariableNode) -> Bool {
        let node = ASTNode.variable(v)
        if let verdict = enter(node, .variable) { return verdict }
        push(node)
        guard name(v.name) else { return false }
        pop()
        return leave(node, .variable)
    }

    private mutating func enumValue(_ e: EnumValueNode) -> Bool {
        typeInfo?.enterEnumValue(e.value)
        defer { typeInfo?.leave(.enumValue) }
        return leaf(.enumValue) { .enumValue(e) }
    }

    mutating func listValue(_ list: ListValueNode) -> Bool {
        typeInfo?.enterListValue()
        let node = ASTNode.listValue(list)
        if let verdict = enter(node, .listValue) { return verdict }
        if !list.values.isEmpty {
            push(node)
            for v in list.values where !value(v) { return false }
            pop()
        }
        return leave(node, .listValue)
    }

    mutating func objectValue(_ object: ObjectValueNode) -> Bool {
        let node = ASTNode.objectValue(object)
        if let verdict = enter(node, .objectValue) { return verdict }
        if !object.fields.isEmpty {
            push(node)
            for f in object.fields where !objectField(f) { return false }
            pop()
        }
        return leave(node, .objectValue)
    }

    mutating func objectField(_ f: ObjectFieldNode) -> Bool {
        typeInfo?.enterObjectField(named: f.name.value)
        let node = ASTNode.objectField(f)
        if let verdict = enter(node, .objectField) { return verdict }
        push(node)
        guard name(f.name), value(f.value) else { return false }
        pop()
        return leave(node, .objectField)
    }

    // MARK: names and type references

    mutating func name(_ n: NameNode) -> Bool { leaf(.name) { .name(n) } }

    mutating func type(_ t: TypeNode) -> Bool {
        switch t {
        case .named(let n): return namedType(n)
        case .list(let n): return listType(n)
        case .nonNull(let n): return nonNullType(n)
        }
    }

    mutating func namedType(_ t: NamedTypeNode) -> Bool {
        let node = ASTNode.namedType(t)
        if let verdict = enter(node, .namedType) { return verdict }
        push(node)
        guard name(t.name) else { return false }
        pop()
        return leave(node, .namedType)
    }

    mutating func listType(_ t: ListTypeNode) -> Bool {
        let node = ASTNode.listType(t)
        if let verdict = enter(node, .listType) { return verdict }
        push(node)
        guard type(t.type) else { return false }
        pop()
        return leave(node, .listType)
    }

    mutating func nonNullType(_ t: NonNullTypeNode) -> Bool {
        let node = ASTNode.nonNullType(t)
        if let verdict = enter(node, .nonNullType) { return verdict }
        push(node)
        guard type(t.type) else { return false }
        pop()
        return leave(node, .nonNullType)
    }
}
