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
    let parallel = visitInParallel(rules.map { $0(context) })
    let guarded = Visitor(
        enter: { node, ctx in context.isAborted ? .break : (parallel.enter?(node, ctx) ?? .continue) },
        leave: { node, ctx in context.isAborted ? .break : (parallel.leave?(node, ctx) ?? .continue) })
    visit(document, visitWithTypeInfo(typeInfo, guarded))
    return context.errors
}
