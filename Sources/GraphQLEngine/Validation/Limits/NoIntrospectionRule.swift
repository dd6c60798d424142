/// Introspection switched off: `__schema` and `__type` are refused; `__typename` stays, clients need it.
public func NoIntrospectionRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.field), enter: { node, _ in
        guard case .field(let field) = node else { return .continue }
        let name = field.name.value
        if name == "__schema" || name == "__type" {
            context.report(GraphQLError(
                "GraphQL introspection is disabled on this server: \"\(name)\" cannot be queried.",
                nodes: [field], extensions: [ErrorExtensionEntry("code", .string(QueryLimitCode.introspection))]))
            return .skip
        }
        return .continue
    })
}
