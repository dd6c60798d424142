/// Maximum aliases: no operation uses more than `maxAliases` aliased fields, counting a fragment each time it is
/// spread (aliases are how one small document asks for the same expensive field many times).
public func MaxAliasesRule(maxAliases: Int) -> ValidationRule {
    { context in
        Visitor(kinds: KindSet(.operationDefinition), enter: { node, _ in
            guard case .operationDefinition(let operation) = node else { return node.kind == .document ? .continue : .skip }
            var walk = OperationMeasure(context: context, join: saturatingAdd, combine: { field, children in
                field.alias == nil ? children : saturatingAdd(children, 1)
            })
            let aliases = walk.measure(operation.selectionSet)
            if aliases > maxAliases {
                context.report(limitError(
                    "\(operationLabel(operation)) uses \(aliases) aliases, more than the maximum of \(maxAliases).",
                    operation, code: QueryLimitCode.aliases, limit: maxAliases, actual: aliases))
            }
            return .skip
        })
    }
}
