/// Fragment spread target defined: every spread names a fragment of the document.
public func KnownFragmentNamesRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.fragmentSpread), enter: { node, _ in
        if case .fragmentSpread(let s) = node, context.fragment(named: s.name.value) == nil {
            context.report(GraphQLError("Unknown fragment \"\(s.name.value)\".", nodes: [s.name]))
        }
        return .continue
    })
}
