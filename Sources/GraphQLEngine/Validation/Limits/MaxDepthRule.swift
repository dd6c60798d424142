/// Maximum depth: no operation nests fields deeper than `maxDepth` (`{ a { b } }` is 2 deep), fragments included.
public func MaxDepthRule(maxDepth: Int) -> ValidationRule {
    operationLimitRule(limit: maxDepth, code: QueryLimitCode.depth, measure: { context, operation in
        var walk = OperationMeasure(context: context, join: max, combine: { _, children in saturatingAdd(children, 1) })
        return walk.measure(operation.selectionSet)
    }, message: { label, depth in "\(label) is nested \(depth) levels deep, more than the maximum of \(maxDepth)." })
}
