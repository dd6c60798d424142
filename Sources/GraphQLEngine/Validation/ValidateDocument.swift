/// Validates a document against a schema with the given rules (graphql-js's `validate`): every error, in the order
/// the rules find them, stopping after `maxErrors` with graphql-js's abort error.
///
/// ```swift
/// let errors = validate(schema: schema, document: try parse("{ nope }"))
/// // [Cannot query field "nope" on type "Query".]
/// ```
public func validate(
    schema: GraphQLSchema,
    document: DocumentNode,
    rules: [ValidationRule] = specifiedRules,
    maxErrors: Int = 100
) -> [GraphQLError] {
    let typeInfo = TypeInfo(schema: schema)
    let context = ValidationContext(schema: schema, document: document, typeInfo: typeInfo, maxErrors: maxErrors)
    let rules = ParallelVisitors(rules.map { $0(context) })
    var walk = TypedWalk(RulesHandler(rules: rules, context: context), typeInfo: typeInfo)
    _ = walk.document(document)
    return context.errors
}

/// The rules as one handler of the typed walk (graphql-js's visitWithTypeInfo around visitInParallel), stopping
/// the walk once the error limit is reached; it also records each definition's variable usages on the way.
private struct RulesHandler: WalkHandler {
    let rules: ParallelVisitors
    let context: ValidationContext
    let usages: VariableUsageRecorder
    let usageKinds = VariableUsageRecorder.kinds
    let kinds: KindSet

    init(rules: ParallelVisitors, context: ValidationContext) {
        self.rules = rules
        self.context = context
        usages = VariableUsageRecorder(context)
        kinds = rules.kinds.union(VariableUsageRecorder.kinds)
    }

    @inline(__always) func handles(_ kind: Kind) -> Bool { kinds.contains(kind) }

    @inline(__always) func enter(_ node: ASTNode, _ kind: Kind, _ visitContext: VisitContext) -> VisitAction {
        if context.isAborted { return .break }
        if usageKinds.contains(kind) { usages.enter(node, kind) }
        if rules.kinds.contains(kind) { rules.enter(node, kind, visitContext) }
        return .continue
    }

    @inline(__always) func leave(_ node: ASTNode, _ kind: Kind, _ visitContext: VisitContext) -> VisitAction {
        if context.isAborted { return .break }
        if usageKinds.contains(kind) { usages.leave(node, kind) }
        if rules.kinds.contains(kind) { rules.leave(node, kind, visitContext) }
        return .continue
    }
}
