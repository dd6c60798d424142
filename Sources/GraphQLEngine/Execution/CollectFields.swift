import JSON

/// The fields of a selection set, grouped by response key, in the order they first appear.
public struct CollectedField: Sendable {
    public let responseKey: String
    public var nodes: [FieldNode]
    /// The field's definition on the parent type, resolved once per plan (`nil`: not defined, omitted).
    var definition: GraphQLField? {
        didSet {
            returnType = definition?.type
            resolve = definition?.resolve
            hasArgs = !(definition?.args.isEmpty ?? true)
        }
    }
    /// Copies of the definition's hot properties (no class-property access per resolved field).
    var returnType: GraphQLType?
    var resolve: GraphQLFieldResolver?
    var hasArgs = false
    /// No async resolver (or custom `resolveType`) in the subtree this field selects: the synchronous executor
    /// completes it, whichever executor runs the operation.
    var subtreeIsSynchronous = false
    /// The same below the field's own resolver (which may be async): its value is completed inline.
    var completionIsSynchronous = false

    init(responseKey: String, nodes: [FieldNode]) {
        self.responseKey = responseKey
        self.nodes = nodes
    }
}

/// Collects the fields a selection set selects on `runtimeType`: fragments, inline fragments, @skip and @include
/// resolved, as graphql-js's `collectFields`.
func collectFields(
    schema: GraphQLSchema, fragments: [String: FragmentDefinitionNode], variables: JSONObject,
    runtimeType: GraphQLObjectType, selectionSet: SelectionSetNode,
    into fields: inout [CollectedField], index: inout [String: Int], visited: inout Set<String>
) {
    for selection in selectionSet.selections {
        switch selection {
        case .field(let field):
            if !shouldInclude(field.directives, variables) { continue }
            let key = field.alias?.value ?? field.name.value
            if let i = index[key] {
                fields[i].nodes.append(field)
            } else {
                index[key] = fields.count
                fields.append(CollectedField(responseKey: key, nodes: [field]))
            }
        case .inlineFragment(let frag):
            if !shouldInclude(frag.directives, variables) { continue }
            if !doesFragmentConditionMatch(schema, frag.typeCondition, runtimeType) { continue }
            collectFields(schema: schema, fragments: fragments, variables: variables, runtimeType: runtimeType,
                          selectionSet: frag.selectionSet, into: &fields, index: &index, visited: &visited)
        case .fragmentSpread(let spread):
            let name = spread.name.value
            if visited.contains(name) || !shouldInclude(spread.directives, variables) { continue }
            visited.insert(name)
            guard let fragment = fragments[name] else { continue }
            if !doesFragmentConditionMatch(schema, fragment.typeCondition, runtimeType) { continue }
            collectFields(schema: schema, fragments: fragments, variables: variables, runtimeType: runtimeType,
                          selectionSet: fragment.selectionSet, into: &fields, index: &index, visited: &visited)
        }
    }
}

@inline(__always)
func shouldInclude(_ directives: [DirectiveNode], _ variables: JSONObject) -> Bool {
    if directives.isEmpty { return true }
    for d in directives {
        let name = d.name.value
        if name == "skip" {
            if let args = try? getArgumentValues(GraphQLSkipDirective.args, d.arguments, d, variables),
               args["if"] == .bool(true) { return false }
        } else if name == "include" {
            if let args = try? getArgumentValues(GraphQLIncludeDirective.args, d.arguments, d, variables),
               args["if"] == .bool(false) { return false }
        }
    }
    return true
}

func doesFragmentConditionMatch(_ schema: GraphQLSchema, _ condition: NamedTypeNode?, _ type: GraphQLObjectType) -> Bool {
    guard let condition else { return true }
    let name = condition.name.value
    if name == type.name { return true }
    guard let conditional = schema.type(named: name) else { return false }
    if conditional.isAbstractType { return schema.isSubType(conditional, .object(type)) }
    return false
}
