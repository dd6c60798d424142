/// A GraphQL document's text, with the name shown in error messages.
///
/// ```swift
/// let source = Source("{ hello }", name: "query.graphql")
/// let document = try parse(source)
/// ```
public final class Source: Sendable {
    /// The document's text.
    public let body: String
    /// A name for the source (a file name, or "GraphQL request").
    public let name: String

    public init(_ body: String, name: String = "GraphQL request") {
        self.body = body
        self.name = name
    }

    /// The 1-based line and column of a UTF-8 byte offset in `body`.
    ///
    /// Lines end at `\n`, `\r\n` or `\r` (as in graphql-js); columns count Unicode scalars.
    public func location(at position: Int) -> SourceLocation {
        getLocation(self, position: position)
    }
}
