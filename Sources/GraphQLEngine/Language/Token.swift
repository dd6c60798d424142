/// A lexical token: its kind and UTF-8 byte range in the source.
///
/// `value` holds the decoded value of string and block string tokens; the parser reads names and numbers
/// straight from the source bytes.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    /// UTF-8 byte offset of the token's first character.
    public var start: Int
    /// UTF-8 byte offset just past the token.
    public var end: Int
    /// The value of a `.string` or `.blockString` token (escapes resolved, block string dedented).
    public var value: String?

    public init(kind: TokenKind, start: Int, end: Int, value: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
    }
}
