/// Required arguments: every non-null argument without a default is given, to fields and directives.
public func ProvidedRequiredArgumentsRule(_ context: ValidationContext) -> Visitor {
    var required: [String: [(String, String)]] = [:]
    for d in context.schema.directives {
        required[d.name] = d.args.filter { $0.type.isNonNull && $0.defaultValue == nil }.map { ($0.name, "\($0.type)") }
    }
    for case .directive(let d) in context.document.definitions {
        required[d.name.value] = d.arguments.filter { a in
            if case .nonNull = a.type { return a.defaultValue == nil } else { return false }
        }.map { ($0.name.value, print($0.type)) }
    }
    return Visitor(kinds: KindSet(.field, .directive), leave: { node, _ in
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
        case .directive(let directive):
            guard let args = required[directive.name.value], !args.isEmpty else { return .continue }
            let given = Set(directive.arguments.map(\.name.value))
            for (name, type) in args where !given.contains(name) {
                context.report(GraphQLError(
                    "Directive \"@\(directive.name.value)\" argument \"\(name)\" of type \"\(type)\" is required, but it was not provided.",
                    nodes: [directive]))
            }
        default: break
        }
        return .continue
    })
}
