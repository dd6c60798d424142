/// Fragment spreads must not form cycles.
public func NoFragmentCyclesRule(_ context: ValidationContext) -> Visitor {
    var visited: Set<String> = []
    var spreadPath: [FragmentSpreadNode] = []
    var indexByName: [String: Int] = [:]
    func detect(_ fragment: FragmentDefinitionNode) {
        let name = fragment.name.value
        guard visited.insert(name).inserted else { return }
        let spreads = context.fragmentSpreads(fragment.selectionSet)
        if spreads.isEmpty { return }
        indexByName[name] = spreadPath.count
        for spread in spreads {
            let spreadName = spread.name.value
            let cycleIndex = indexByName[spreadName]
            spreadPath.append(spread)
            if let cycleIndex {
                let cyclePath = Array(spreadPath[cycleIndex...])
                let via = cyclePath.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                let suffix = via.isEmpty ? "." : " via \(via)."
                context.report(GraphQLError("Cannot spread fragment \"\(spreadName)\" within itself" + suffix, nodes: cyclePath))
            } else if let target = context.fragment(named: spreadName) {
                detect(target)
            }
            spreadPath.removeLast()
        }
        indexByName[name] = nil
    }
    return Visitor(kinds: KindSet(.operationDefinition, .fragmentDefinition), enter: { node, _ in
        switch node {
        case .operationDefinition: return .skip
        case .fragmentDefinition(let f):
            detect(f)
            return .skip
        default: return .continue
        }
    })
}
