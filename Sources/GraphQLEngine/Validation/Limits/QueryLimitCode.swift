/// The `extensions.code` of each limit a public endpoint sets (see `QueryLimits`).
public enum QueryLimitCode {
    public static let tokens = "TOKEN_LIMIT_EXCEEDED"
    public static let depth = "DEPTH_LIMIT_EXCEEDED"
    public static let aliases = "ALIAS_LIMIT_EXCEEDED"
    public static let rootFields = "ROOT_FIELD_LIMIT_EXCEEDED"
    public static let cost = "COST_LIMIT_EXCEEDED"
    public static let introspection = "INTROSPECTION_DISABLED"
    public static let all = [tokens, depth, aliases, rootFields, cost, introspection]
}

/// `Operation "Name"` or `The anonymous operation`, for the limits' messages.
func operationLabel(_ operation: OperationDefinitionNode) -> String {
    if let name = operation.name?.value { return "Operation \"\(name)\"" }
    return "The anonymous \(operation.operation.rawValue)"
}

/// A limit's error, located at the operation, with its code.
func limitError(_ message: String, _ node: any Node, code: String, limit: Int, actual: Int?) -> GraphQLError {
    var extensions = [ErrorExtensionEntry("code", .string(code)), ErrorExtensionEntry("limit", .int(limit))]
    if let actual { extensions.append(ErrorExtensionEntry("actual", .int(actual))) }
    return GraphQLError(message, nodes: [node], extensions: extensions)
}

/// A limit rule: measures each operation and reports it, located at the operation, when the measure passes `limit`.
/// `message` gets the operation's label and its measure.
func operationLimitRule(
    limit: Int, code: String,
    measure: @escaping @Sendable (ValidationContext, OperationDefinitionNode) -> Int,
    message: @escaping @Sendable (String, Int) -> String
) -> ValidationRule {
    { context in
        Visitor(kinds: KindSet(.operationDefinition), enter: { node, _ in
            guard case .operationDefinition(let operation) = node else { return .skip }
            let actual = measure(context, operation)
            if actual > limit {
                context.report(limitError(message(operationLabel(operation), actual), operation, code: code, limit: limit, actual: actual))
            }
            return .skip
        })
    }
}
