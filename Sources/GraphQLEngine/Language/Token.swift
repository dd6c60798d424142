/// A lexical token: its kind and UTF-8 byte range in the source.
///
/// A token is three words and trivially copyable: the parser reads names and numbers straight from the source
/// bytes, and the lexer keeps the decoded value of the current string token (`Lexer.stringValue`).
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    /// UTF-8 byte offset of the token's first character.
    public var start: Int
    /// UTF-8 byte offset just past the token.
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int
    /// 1-based column of `start` (in Unicode scalars).
    public var column: Int

    public init(kind: TokenKind, start: Int, end: Int, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.start = start
        self.end = end
        self.line = line
        self.column = column
    }
}
