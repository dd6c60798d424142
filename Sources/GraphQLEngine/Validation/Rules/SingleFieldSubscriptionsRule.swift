/// Single root field: a subscription selects exactly one top-level field, and not an introspection field.
public func SingleFieldSubscriptionsRule(_ context: ValidationContext) -> Visitor {
    Visitor(kinds: KindSet(.operationDefinition), enter: { node, _ in
        guard case .operationDefinition(let op) = node else { return .continue }
        guard op.operation == .subscription, let subscriptionType = context.schema.subscriptionType else { return .skip }
        let subject = op.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
        var order: [String] = []
        var groups: [String: [FieldNode]] = [:]
        var visited: Set<String> = []
        func collect(_ set: SelectionSetNode) {
            for selection in set.selections {
                switch selection {
                case .field(let f):
                    guard literalShouldInclude(f.directives) else { continue }
                    let key = f.alias?.value ?? f.name.value
                    if groups[key] == nil { order.append(key) }
                    groups[key, default: []].append(f)
                case .inlineFragment(let i):
                    guard literalShouldInclude(i.directives) else { continue }
                    if let cond = i.typeCondition, !fragmentConditionMatches(context.schema, cond, subscriptionType) { continue }
                    collect(i.selectionSet)
                case .fragmentSpread(let s):
                    guard literalShouldInclude(s.directives), visited.insert(s.name.value).inserted,
                          let fragment = context.fragment(named: s.name.value),
                          fragmentConditionMatches(context.schema, fragment.typeCondition, subscriptionType) else { continue }
                    collect(fragment.selectionSet)
                }
            }
        }
        collect(op.selectionSet)
        if order.count > 1 {
            let extra = order.dropFirst().flatMap { groups[$0]! }
            context.report(GraphQLError(subject + " must select only one top level field.", nodes: extra))
        }
        for key in order {
            let fields = groups[key]!
            if fields[0].name.value.hasPrefix("__") {
                context.report(GraphQLError(subject + " must not select an introspection top level field.", nodes: fields))
            }
        }
        return .skip
    })
}

/// `@skip`/`@include` with literal conditions, evaluated without variables (as graphql-js's collectFields with `{}`).
func literalShouldInclude(_ directives: [DirectiveNode]) -> Bool {
    for d in directives where d.name.value == "skip" || d.name.value == "include" {
        if let arg = d.arguments.first(where: { $0.name.value == "if" }), case .boolean(let b) = arg.value {
            if d.name.value == "skip" && b.value { return false }
            if d.name.value == "include" && !b.value { return false }
        }
    }
    return true
}

func fragmentConditionMatches(_ schema: GraphQLSchema, _ condition: NamedTypeNode, _ type: GraphQLObjectType) -> Bool {
    guard let conditional = schema.type(named: condition.name.value) else { return false }
    if conditional.name == type.name { return true }
    if conditional.isAbstractType { return schema.isSubType(conditional, .object(type)) }
    return false
}
