/// The kinds of lexical tokens, spelled as graphql-js's `TokenKind` values.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sof, eof, bang, dollar, amp, parenL, parenR, spread, colon, equals, at, bracketL, bracketR, braceL,
        pipe, braceR, name, int, float, string, blockString, comment

    /// graphql-js's spelling: `<EOF>`, `!`, `Name`, `BlockString`...
    public var description: String {
        switch self {
        case .sof: return "<SOF>"
        case .eof: return "<EOF>"
        case .bang: return "!"
        case .dollar: return "$"
        case .amp: return "&"
        case .parenL: return "("
        case .parenR: return ")"
        case .spread: return "..."
        case .colon: return ":"
        case .equals: return "="
        case .at: return "@"
        case .bracketL: return "["
        case .bracketR: return "]"
        case .braceL: return "{"
        case .pipe: return "|"
        case .braceR: return "}"
        case .name: return "Name"
        case .int: return "Int"
        case .float: return "Float"
        case .string: return "String"
        case .blockString: return "BlockString"
        case .comment: return "Comment"
        }
    }

    /// Whether the kind is a punctuator (`!`, `{`, `...`).
    public var isPunctuator: Bool {
        switch self {
        case .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at, .bracketL, .bracketR,
            .braceL, .pipe, .braceR:
            return true
        default:
            return false
        }
    }

    /// How an error message names the kind: punctuators quoted (`"{"`), others bare (`Name`).
    var errorDescription: String { isPunctuator ? "\"\(description)\"" : description }
}
