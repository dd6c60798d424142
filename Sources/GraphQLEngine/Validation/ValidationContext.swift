import JSON

/// A validation rule: given the context, the visitor callbacks for the node kinds it checks (graphql-js's `ValidationRule`).
public typealias ValidationRule = @Sendable (ValidationContext) -> Visitor

/// A variable as validation sees it: the node, the input type expected where it is used, and that position's default.
public struct VariableUsage {
    public let node: VariableNode
    public let type: GraphQLType?
    public let defaultValue: JSONValue?
}

/// What rules share during one validation: the schema, the document, the type info, and the errors so far
/// (graphql-js's `ValidationContext`).
///
/// ```swift
/// let context = ValidationContext(schema: schema, document: document, typeInfo: TypeInfo(schema: schema), maxErrors: 100)
/// context.report(GraphQLError("...", nodes: [node]))
/// ```
public final class ValidationContext {
    public let schema: GraphQLSchema
    public let document: DocumentNode
    public let typeInfo: TypeInfo
    public private(set) var errors: [GraphQLError] = []
    /// Set once `maxErrors` is reached: the walk stops.
    public private(set) var isAborted = false
    let maxErrors: Int

    private var fragmentMap: [String: FragmentDefinitionNode]?
    private lazy var hasFragmentDefinitions = document.definitions.contains { if case .fragment = $0 { true } else { false } }
    private var spreadsCache: [Int: [FragmentSpreadNode]] = [:]
    private var recursiveFragmentsCache: [Int: [FragmentDefinitionNode]] = [:]
    private var usagesCache: [Int: [VariableUsage]] = [:]

    public init(schema: GraphQLSchema, document: DocumentNode, typeInfo: TypeInfo, maxErrors: Int = 100) {
        self.schema = schema
        self.document = document
        self.typeInfo = typeInfo
        self.maxErrors = maxErrors
    }

    /// Records an error; past `maxErrors` records graphql-js's abort error and stops validation.
    public func report(_ error: GraphQLError) {
        guard !isAborted else { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError("Too many validation errors, error limit reached. Validation aborted."))
            isAborted = true
            return
        }
        errors.append(error)
    }

    /// The fragment definition of the document with this name.
    public func fragment(named name: String) -> FragmentDefinitionNode? {
        if fragmentMap == nil {
            var map: [String: FragmentDefinitionNode] = [:]
            for case .fragment(let f) in document.definitions where map[f.name.value] == nil { map[f.name.value] = f }
            fragmentMap = map
        }
        return fragmentMap![name]
    }

    /// The fragment spreads of a selection set, not following fragments (graphql-js's order).
    public func fragmentSpreads(_ selectionSet: SelectionSetNode) -> [FragmentSpreadNode] {
        let key = selectionSet.loc?.start ?? -1
        if key >= 0, let cached = spreadsCache[key] { return cached }
        var spreads: [FragmentSpreadNode] = []
        var setsToVisit = [selectionSet]
        while let set = setsToVisit.popLast() {
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let s): spreads.append(s)
                case .field(let f): if let ss = f.selectionSet { setsToVisit.append(ss) }
                case .inlineFragment(let i): setsToVisit.append(i.selectionSet)
                }
            }
        }
        if key >= 0 { spreadsCache[key] = spreads }
        return spreads
    }

    /// The fragments an operation uses, directly or through other fragments.
    public func recursivelyReferencedFragments(_ operation: OperationDefinitionNode) -> [FragmentDefinitionNode] {
        let key = operation.loc?.start ?? -1
        if key >= 0, let cached = recursiveFragmentsCache[key] { return cached }
        // Without fragment definitions no spread names one (nor is it worth a scan).
        if !hasFragmentDefinitions { return [] }
        var fragments: [FragmentDefinitionNode] = []
        var collected: Set<String> = []
        var nodesToVisit = [operation.selectionSet]
        while let node = nodesToVisit.popLast() {
            for spread in fragmentSpreads(node) {
                let name = spread.name.value
                if collected.insert(name).inserted, let fragment = fragment(named: name) {
                    fragments.append(fragment)
                    nodesToVisit.append(fragment.selectionSet)
                }
            }
        }
        if key >= 0 { recursiveFragmentsCache[key] = fragments }
        return fragments
    }

    /// The variables used in an operation or fragment, with the types expected where they are used.
    public func variableUsages(_ node: ASTNode) -> [VariableUsage] {
        let key = node.loc?.start ?? -1
        if key >= 0, let cached = usagesCache[key] { return cached }
        // Most operations use no variable: a plain structural scan says so without a typed walk.
        if !containsVariableUsage(node) {
            if key >= 0 { usagesCache[key] = [] }
            return []
        }
        let typeInfo = TypeInfo(schema: schema)
        var walk = TypedWalk(VariableUsageCollector(typeInfo: typeInfo), typeInfo: typeInfo)
        _ = walk.walk(node)
        let usages = walk.handler.usages.list
        if key >= 0 { usagesCache[key] = usages }
        return usages
    }

    /// Records the usages the validation walk found in an operation or fragment (at its location's start): the
    /// same walk, with the same type info, that `variableUsages` would make apart.
    func recordVariableUsages(_ usages: [VariableUsage], at key: Int) { usagesCache[key] = usages }

    /// The variables used in an operation and the fragments it uses.
    public func recursiveVariableUsages(_ operation: OperationDefinitionNode) -> [VariableUsage] {
        var usages = variableUsages(.operationDefinition(operation))
        for fragment in recursivelyReferencedFragments(operation) {
            usages += variableUsages(.fragmentDefinition(fragment))
        }
        return usages
    }
}

/// Whether a variable is used anywhere under `node` (variable definitions declare, they do not use). Typed
/// recursion over the node's own fields: building an `ASTNode` per child would cost more than the check.
private func containsVariableUsage(_ node: ASTNode) -> Bool {
    switch node {
    case .operationDefinition(let op): return usesVariable(op.directives) || usesVariable(op.selectionSet)
    case .fragmentDefinition(let f): return usesVariable(f.directives) || usesVariable(f.selectionSet)
    case .selectionSet(let set): return usesVariable(set)
    default: return true  // other roots: let the typed walk decide
    }
}

private func usesVariable(_ set: SelectionSetNode) -> Bool {
    for selection in set.selections {
        switch selection {
        case .field(let field):
            if usesVariable(field.directives) { return true }
            for argument in field.arguments where !isConstValueNode(argument.value) { return true }
            if let sub = field.selectionSet, usesVariable(sub) { return true }
        case .inlineFragment(let inline):
            if usesVariable(inline.directives) || usesVariable(inline.selectionSet) { return true }
        case .fragmentSpread(let spread):
            if usesVariable(spread.directives) { return true }
        }
    }
    return false
}

private func usesVariable(_ directives: [DirectiveNode]) -> Bool {
    for directive in directives {
        for argument in directive.arguments where !isConstValueNode(argument.value) { return true }
    }
    return false
}
