/// Directives are defined, and used only in the locations they allow.
public func KnownDirectivesRule(_ context: some ASTValidationContext) -> Visitor {
    let locations = DirectiveTables.of(context).locations
    return Visitor(kinds: KindSet(.directive), enter: { node, ctx in
        guard case .directive(let directive) = node else { return .continue }
        let name = directive.name.value
        guard let allowed = locations[name] else {
            context.report(GraphQLError("Unknown directive \"@\(name)\".", nodes: [directive]))
            return .continue
        }
        if let candidate = directiveLocation(ctx.ancestors), !allowed.contains(candidate) {
            context.report(GraphQLError("Directive \"@\(name)\" may not be used on \(candidate).", nodes: [directive]))
        }
        return .continue
    })
}

/// The location of the node a directive is applied to (the last ancestor).
private func directiveLocation(_ ancestors: [ASTNode]) -> String? {
    guard let appliedTo = ancestors.last else { return nil }
    switch appliedTo {
    case .operationDefinition(let op): return op.operation.rawValue.uppercased()
    case .field: return "FIELD"
    case .fragmentSpread: return "FRAGMENT_SPREAD"
    case .inlineFragment: return "INLINE_FRAGMENT"
    case .fragmentDefinition: return "FRAGMENT_DEFINITION"
    case .variableDefinition: return "VARIABLE_DEFINITION"
    case .schemaDefinition, .schemaExtension: return "SCHEMA"
    case .scalarTypeDefinition, .scalarTypeExtension: return "SCALAR"
    case .objectTypeDefinition, .objectTypeExtension: return "OBJECT"
    case .fieldDefinition: return "FIELD_DEFINITION"
    case .interfaceTypeDefinition, .interfaceTypeExtension: return "INTERFACE"
    case .unionTypeDefinition, .unionTypeExtension: return "UNION"
    case .enumTypeDefinition, .enumTypeExtension: return "ENUM"
    case .enumValueDefinition: return "ENUM_VALUE"
    case .inputObjectTypeDefinition, .inputObjectTypeExtension: return "INPUT_OBJECT"
    case .inputValueDefinition:
        if ancestors.count >= 2 {
            switch ancestors[ancestors.count - 2] {
            case .inputObjectTypeDefinition, .inputObjectTypeExtension: return "INPUT_FIELD_DEFINITION"
            default: break
            }
        }
        return "ARGUMENT_DEFINITION"
    default: return nil
    }
}
