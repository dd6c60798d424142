/// Input object field uniqueness: an object literal gives each field once.
public func UniqueInputFieldNamesRule(_ context: some ASTValidationContext) -> Visitor {
    var stack: [[String: NameNode]] = []
    var known: [String: NameNode] = [:]
    return Visitor(
        kinds: KindSet(.objectValue, .objectField),
        enter: { node, _ in
            switch node {
            case .objectValue:
                stack.append(known)
                known = [:]
            case .objectField(let f):
                if let first = known[f.name.value] {
                    context.report(GraphQLError("There can be only one input field named \"\(f.name.value)\".", nodes: [first, f.name]))
                } else {
                    known[f.name.value] = f.name
                }
            default: break
            }
            return .continue
        },
        leave: { node, _ in
            if case .objectValue = node { known = stack.popLast() ?? [:] }
            return .continue
        })
}
