/// Walks an operation's selections through its fragments, adding up one measure (depth, aliases, cost) with each
/// fragment measured once: a fragment spread a thousand times costs one walk, not a thousand, and fragment cycles
/// (another rule's error) count as nothing instead of recursing forever.
struct OperationMeasure {
    /// How a selection set's measure comes from its fields: given a field and its children's measure.
    let combine: (FieldNode, Int) -> Int
    /// How sibling selections' measures join (sum for counts, max for depth).
    let join: (Int, Int) -> Int
    let context: ValidationContext
    private var fragmentMeasures: [String: Int] = [:]
    private var inProgress: Set<String> = []

    init(context: ValidationContext, join: @escaping (Int, Int) -> Int, combine: @escaping (FieldNode, Int) -> Int) {
        self.context = context
        self.join = join
        self.combine = combine
    }

    mutating func measure(_ selectionSet: SelectionSetNode?) -> Int {
        guard let selectionSet else { return 0 }
        var total = 0
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                total = join(total, combine(field, measure(field.selectionSet)))
            case .inlineFragment(let inline):
                total = join(total, measure(inline.selectionSet))
            case .fragmentSpread(let spread):
                total = join(total, measureFragment(spread.name.value))
            }
        }
        return total
    }

    private mutating func measureFragment(_ name: String) -> Int {
        if let known = fragmentMeasures[name] { return known }
        guard !inProgress.contains(name), let fragment = context.fragment(named: name) else { return 0 }
        inProgress.insert(name)
        let value = measure(fragment.selectionSet)
        inProgress.remove(name)
        fragmentMeasures[name] = value
        return value
    }
}

/// Addition that stops at Int.max instead of trapping: a hostile document's cost can overflow.
@inline(__always) func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}

@inline(__always) func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}
