/// Fragments must be used: every fragment is spread, directly or not, by some operation.
public func NoUnusedFragmentsRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.document), leave: { node, _ in
        guard case .document(let document) = node else { return .continue }
        var used: Set<String> = []
        for case .operation(let op) in document.definitions {
            for f in context.recursivelyReferencedFragments(op) { used.insert(f.name.value) }
        }
        for case .fragment(let f) in document.definitions where !used.contains(f.name.value) {
            context.report(GraphQLError("Fragment \"\(f.name.value)\" is never used.", nodes: [f]))
        }
        return .continue
    })
}
