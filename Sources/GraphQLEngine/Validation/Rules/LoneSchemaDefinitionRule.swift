/// A document defines at most one schema, and none when it extends a schema that has root types (our schemas keep
/// no schema definition node, which graphql-js also checks: a root type is what every schema definition gives).
public func LoneSchemaDefinitionRule(_ context: SDLValidationContext) -> Visitor {
    let old = context.schema
    let alreadyDefined = old.map { $0.queryType != nil || $0.mutationType != nil || $0.subscriptionType != nil } ?? false
    var definitions = 0
    return Visitor(kinds: KindSet(.schemaDefinition), enter: { node, _ in
        guard case .schemaDefinition(let schema) = node else { return .continue }
        if alreadyDefined {
            context.report(GraphQLError("Cannot define a new schema within a schema extension.", nodes: [schema]))
            return .continue
        }
        if definitions > 0 {
            context.report(GraphQLError("Must provide only one schema definition.", nodes: [schema]))
        }
        definitions += 1
        return .continue
    })
}
