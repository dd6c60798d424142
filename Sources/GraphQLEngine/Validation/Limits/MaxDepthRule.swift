/// Maximum depth: no operation nests fields deeper than `maxDepth` (`{ a { b } }` is 2 deep), fragments included.
public func MaxDepthRule(maxDepth: Int) -> ValidationRule {
    { context in
        Visitor(kinds: KindSet(.operationDefinition), enter: { node, _ in
            guard case .operationDefinition(let operation) = node else { return node.kind == .document ? .continue : .skip }
            var walk = OperationMeasure(context: context, join: max, combine: { _, children in saturatingAdd(children, 1) })
            let depth = walk.measure(operation.selectionSet)
            if depth > maxDepth {
                context.report(limitError(
                    "\(operationLabel(operation)) is nested \(depth) levels deep, more than the maximum of \(maxDepth).",
                    operation, code: QueryLimitCode.depth, limit: maxDepth, actual: depth))
            }
            return .skip
        })
    }
}
