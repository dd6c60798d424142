/// A lexical token: its kind and UTF-8 byte range in the source.
///
/// A token is trivially copyable and small (32-bit fields, as `Location`'s): the parser reads names and numbers
/// straight from the source bytes, and the lexer keeps the decoded value of the current string token
/// (`Lexer.stringValue`).
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    private var start32: Int32
    private var end32: Int32
    private var line32: Int32
    private var column32: Int32

    /// UTF-8 byte offset of the token's first character.
    public var start: Int {
        get { Int(start32) }
        set { start32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// UTF-8 byte offset just past the token.
    public var end: Int {
        get { Int(end32) }
        set { end32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// 1-based line of `start`.
    public var line: Int {
        get { Int(line32) }
        set { line32 = Int32(truncatingIfNeeded: newValue) }
    }
    /// 1-based column of `start` (in Unicode scalars).
    public var column: Int {
        get { Int(column32) }
        set { column32 = Int32(truncatingIfNeeded: newValue) }
    }

    public init(kind: TokenKind, start: Int, end: Int, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.start32 = Int32(truncatingIfNeeded: start)
        self.end32 = Int32(truncatingIfNeeded: end)
        self.line32 = Int32(truncatingIfNeeded: line)
        self.column32 = Int32(truncatingIfNeeded: column)
    }
}
