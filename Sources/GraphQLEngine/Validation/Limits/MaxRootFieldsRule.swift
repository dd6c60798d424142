/// Maximum root fields: no operation selects more than `maxRootFields` fields at its root, fragments included
/// (each root field is a separate read or command).
public func MaxRootFieldsRule(maxRootFields: Int) -> ValidationRule {
    { context in
        Visitor(kinds: KindSet(.operationDefinition), enter: { node, _ in
            guard case .operationDefinition(let operation) = node else { return node.kind == .document ? .continue : .skip }
            // Children's measure is ignored: only the root level counts.
            var walk = OperationMeasure(context: context, join: saturatingAdd, combine: { _, _ in 1 })
            let count = walk.measure(operation.selectionSet)
            if count > maxRootFields {
                context.report(limitError(
                    "\(operationLabel(operation)) selects \(count) root fields, more than the maximum of \(maxRootFields).",
                    operation, code: QueryLimitCode.rootFields, limit: maxRootFields, actual: count))
            }
            return .skip
        })
    }
}
