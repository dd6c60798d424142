/// The limits a public endpoint puts on documents, each nil (or `true`) when off: the engine applies none by
/// default, the gateway configures them. `rules` are added to `specifiedRules`; `parseOptions` bounds the parser.
///
/// ```swift
/// let limits = QueryLimits(maxTokens: 5_000, maxDepth: 12, maxAliases: 30, maxRootFields: 20, maxCost: 20_000)
/// let document = try parse(text, options: limits.parseOptions)
/// let errors = validate(schema: schema, document: document, rules: specifiedRules + limits.rules)
/// ```
public struct QueryLimits: Sendable, Equatable {
    public var maxTokens: Int?
    public var maxDepth: Int?
    public var maxAliases: Int?
    public var maxRootFields: Int?
    public var maxCost: Int?
    /// The list size assumed for a `first`/`last`/`limit` given by a variable without a default.
    public var assumedListSize: Int
    public var allowsIntrospection: Bool

    public init(
        maxTokens: Int? = nil, maxDepth: Int? = nil, maxAliases: Int? = nil, maxRootFields: Int? = nil,
        maxCost: Int? = nil, assumedListSize: Int = 100, allowsIntrospection: Bool = true
    ) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxRootFields = maxRootFields
        self.maxCost = maxCost
        self.assumedListSize = assumedListSize
        self.allowsIntrospection = allowsIntrospection
    }

    /// No limits (the engine's default).
    public static let none = QueryLimits()

    public var parseOptions: ParseOptions { ParseOptions(maxTokens: maxTokens) }

    public var rules: [ValidationRule] {
        var rules: [ValidationRule] = []
        if let maxDepth { rules.append(MaxDepthRule(maxDepth: maxDepth)) }
        if let maxAliases { rules.append(MaxAliasesRule(maxAliases: maxAliases)) }
        if let maxRootFields { rules.append(MaxRootFieldsRule(maxRootFields: maxRootFields)) }
        if let maxCost { rules.append(MaxCostRule(maxCost: maxCost, assumedListSize: assumedListSize)) }
        if !allowsIntrospection { rules.append(NoIntrospectionRule) }
        return rules
    }
}
