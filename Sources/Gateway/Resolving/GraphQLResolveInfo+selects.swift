import GraphQLEngine

extension GraphQLResolveInfo {
    /// Whether the field's selection asks for `name` right below it (through fragments too): a resolver skips work
    /// no one asked for, such as search facets.
    func selects(_ name: String) -> Bool {
        var visited = Set<String>()
        func walk(_ set: SelectionSetNode) -> Bool {
            for selection in set.selections {
                switch selection {
                case .field(let field): if field.name.value == name { return true }
                case .inlineFragment(let fragment): if walk(fragment.selectionSet) { return true }
                case .fragmentSpread(let spread):
                    guard visited.insert(spread.name.value).inserted, let fragment = fragments[spread.name.value] else { continue }
                    if walk(fragment.selectionSet) { return true }
                }
            }
            return false
        }
        return fieldNodes.contains { $0.selectionSet.map(walk) ?? false }
    }
}
