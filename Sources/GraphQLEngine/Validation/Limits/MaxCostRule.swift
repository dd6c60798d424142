/// Maximum cost: every field costs 1, and what a field selects costs as many times as the items it may return,
/// read from its `first`/`last`/`limit` argument (a literal, else the variable's default, else `assumedListSize`).
/// So `{ gifticons(first: 50) { nodes { seller { name } } } }` costs 1 + 50 × (1 + 1 + 1) = 151.
public func MaxCostRule(
    maxCost: Int,
    listSizeArguments: Set<String> = ["first", "last", "limit"],
    assumedListSize: Int = 100
) -> ValidationRule {
    operationLimitRule(limit: maxCost, code: QueryLimitCode.cost, measure: { context, operation in
        var defaults: [String: ValueNode] = [:]
        for definition in operation.variableDefinitions {
            if let value = definition.defaultValue { defaults[definition.variable.name.value] = value }
        }
        func listSize(_ field: FieldNode) -> Int {
            guard let argument = field.arguments.first(where: { listSizeArguments.contains($0.name.value) }) else { return 1 }
            var value = argument.value
            if case .variable(let variable) = value {
                guard let fallback = defaults[variable.name.value] else { return assumedListSize }
                value = fallback
            }
            if case .int(let int) = value, let size = Int(int.value) { return max(size, 0) }
            return assumedListSize
        }
        var walk = OperationMeasure(context: context, join: saturatingAdd, combine: { field, children in
            saturatingAdd(1, saturatingMultiply(listSize(field), children))
        })
        return walk.measure(operation.selectionSet)
    }, message: { label, cost in
        "\(label) has an estimated cost of \(cost), more than the maximum of \(maxCost) "
            + "(each field costs 1, times the first/last/limit of every list field above it)."
    })
}
