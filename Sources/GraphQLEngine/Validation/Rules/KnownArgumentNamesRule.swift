/// Argument names: every argument is defined by its field or directive.
public func KnownArgumentNamesRule(_ context: ValidationContext) -> Visitor {
    let onDirectives = KnownArgumentNamesOnDirectivesRule(context).enter!
    return Visitor(kinds: KindSet(.directive, .argument), enter: { node, ctx in
        switch node {
        case .directive: return onDirectives(node, ctx)
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
