/// Argument names: every argument is defined by its field or directive.
public func KnownArgumentNamesRule(_ context: ValidationContext) -> Visitor {
    var directiveArgs: [String: [String]] = [:]
    for d in context.schema.directives { directiveArgs[d.name] = d.args.map(\.name) }
    for case .directive(let d) in context.document.definitions { directiveArgs[d.name.value] = d.arguments.map(\.name.value) }
    return Visitor(kinds: KindSet(.directive, .argument), enter: { node, _ in
        switch node {
        case .directive(let directive):
            let name = directive.name.value
            if let known = directiveArgs[name] {
                for arg in directive.arguments where !known.contains(arg.name.value) {
                    context.report(GraphQLError(
                        "Unknown argument \"\(arg.name.value)\" on directive \"@\(name)\"." + didYouMean(suggestionList(arg.name.value, known)),
                        nodes: [arg]))
                }
            }
            // Like graphql-js: a directive's arguments are checked here only, never as the enclosing field's.
            return .skip
        case .argument(let arg):
            let typeInfo = context.typeInfo
            if typeInfo.argument == nil, let fieldDef = typeInfo.fieldDef, let parentType = typeInfo.parentType {
                context.report(GraphQLError(
                    "Unknown argument \"\(arg.name.value)\" on field \"\(parentType.name).\(fieldDef.name)\"."
                        + didYouMean(suggestionList(arg.name.value, fieldDef.args.map(\.name))),
                    nodes: [arg]))
            }
        default: break
        }
        return .continue
    })
}
