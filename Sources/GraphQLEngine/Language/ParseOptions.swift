/// Options of `parse`, `parseValue` and `parseType`.
///
/// ```swift
/// let document = try parse(query, options: ParseOptions(maxTokens: 10_000, maxDepth: 64))
/// ```
public struct ParseOptions: Sendable, Equatable {
    /// Leave `loc` nil on every node (faster; errors found later have no locations).
    public var noLocation: Bool
    /// Fail with a syntax error once the document has more than this many tokens (nil: no limit).
    public var maxTokens: Int?
    /// Fail with a syntax error once selection sets, list/object values or list types nest deeper than this.
    /// The parser recurses once per level, so this also bounds its stack use.
    public var maxDepth: Int

    public init(noLocation: Bool = false, maxTokens: Int? = nil, maxDepth: Int = 256) {
        self.noLocation = noLocation
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
    }
}
