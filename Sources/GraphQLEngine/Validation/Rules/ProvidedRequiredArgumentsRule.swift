/// Required arguments: every non-null argument without a default is given, to fields and directives.
public func ProvidedRequiredArgumentsRule(_ context: ValidationContext) -> Visitor {
    let onDirectives = ProvidedRequiredArgumentsOnDirectivesRule(context).leave!
    return Visitor(kinds: KindSet(.field, .directive), leave: { node, ctx in
        switch node {
        case .field(let field):
            guard let fieldDef = context.typeInfo.fieldDef else { return .continue }
            let given = Set(field.arguments.map(\.name.value))
            for arg in fieldDef.args where !given.contains(arg.name) && arg.type.isNonNull && arg.defaultValue == nil {
                context.report(GraphQLError(
                    "Field \"\(field.name.value)\" argument \"\(arg.name)\" of type \"\(arg.type)\" is required, but it was not provided.",
                    nodes: [field]))
            }
        case .directive: return onDirectives(node, ctx)
        default: break
        }
        return .continue
    })
}
