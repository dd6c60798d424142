/// Required arguments: every non-null argument without a default is given, to fields and directives.
public func ProvidedRequiredArgumentsRule(_ context: ValidationContext) -> Visitor {
    let onDirectives = ProvidedRequiredArgumentsOnDirectivesRule(context).leave!
    return Visitor(kinds: KindSet(.field, .directive), leave: { node, ctx in
        switch node {
        case .field:
            // Bound only for a field with a required argument: binding it copies it out of the node.
            guard let fieldDef = context.typeInfo.fieldDef,
                  fieldDef.args.contains(where: { $0.type.isNonNull && $0.defaultValue == nil }),
                  case .field(let field) = node else { return .continue }
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
