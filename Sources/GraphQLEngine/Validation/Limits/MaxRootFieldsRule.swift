/// Maximum root fields: no operation selects more than `maxRootFields` fields at its root, fragments included
/// (each root field is a separate read or command).
public func MaxRootFieldsRule(maxRootFields: Int) -> ValidationRule {
    operationLimitRule(limit: maxRootFields, code: QueryLimitCode.rootFields, measure: { context, operation in
        // Children's measure is ignored: only the root level counts.
        var walk = OperationMeasure(context: context, join: saturatingAdd, combine: { _, _ in 1 })
        return walk.measure(operation.selectionSet)
    }, message: { label, count in "\(label) selects \(count) root fields, more than the maximum of \(maxRootFields)." })
}
