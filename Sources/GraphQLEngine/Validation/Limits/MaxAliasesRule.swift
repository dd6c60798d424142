/// Maximum aliases: no operation uses more than `maxAliases` aliased fields, counting a fragment each time it is
/// spread (aliases are how one small document asks for the same expensive field many times).
public func MaxAliasesRule(maxAliases: Int) -> ValidationRule {
    operationLimitRule(limit: maxAliases, code: QueryLimitCode.aliases, measure: { context, operation in
        var walk = OperationMeasure(context: context, join: saturatingAdd, combine: { field, children in
            field.alias == nil ? children : saturatingAdd(children, 1)
        })
        return walk.measure(operation.selectionSet)
    }, message: { label, aliases in "\(label) uses \(aliases) aliases, more than the maximum of \(maxAliases)." })
}
