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
    // visitWithTypeInfo, visitInParallel and the abort check in one callback: three closure calls fewer per node.
    let kinds = rules.kinds
    visit(document, Visitor(
        enter: { node, ctx in
            typeInfo.enter(node)
            if context.isAborted { return .break }
            if kinds.contains(node.kind) { rules.enter(node, ctx) }
            return .continue
        },
        leave: { node, ctx in
            if context.isAborted { return .break }
            if kinds.contains(node.kind) { rules.leave(node, ctx) }
            typeInfo.leave(node)
            return .continue
        }))
    return context.errors
}
