/// Turns the UTF-8 bytes of a source into tokens, one `advance()` at a time (graphql-js's `Lexer`).
///
/// The lexer works on a borrowed byte buffer: it is only valid inside `Source.withBytes`. Comments are skipped.
///
/// ```swift
/// try source.withBytes { bytes in
///     var lexer = Lexer(source: source, bytes: bytes)
///     while try lexer.advance().kind != .eof {}
/// }
/// ```
public struct Lexer {
    public let source: Source
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    /// The token most recently returned by `advance()` (`.sof` before the first call).
    public private(set) var token: Token
    /// The token before `token`.
    public private(set) var lastToken: Token
    /// Scratch space for building string values with escapes.
    var scratch: [UInt8] = []
    /// The current line (1-based), the byte offset where it starts, and the UTF-8 continuation bytes seen on it:
    /// enough to give each token its line and column (in Unicode scalars) as it is read.
    var line = 1
    var lineStart = 0
    var lineExtraBytes = 0
    /// The decoded value of the last string or block string token read (escapes resolved, block string dedented).
    public internal(set) var stringValue: String = ""

    /// Whether each byte value continues a name (`nameContinueTable`, read once per lexer).
    let nameContinues: UnsafePointer<Bool>
    /// `smallASCIIStringLayoutHolds`, read once per lexer.
    let packsSmallStrings: Bool

    public init(source: Source, bytes: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.bytes = bytes
        self.nameContinues = nameContinueTable
        self.packsSmallStrings = smallASCIIStringLayoutHolds
        self.token = Token(kind: .sof, start: 0, end: 0, line: 1, column: 1)
        self.lastToken = token
    }

    /// Moves to the next non-comment token and returns it.
    @discardableResult
    public mutating func advance() throws(GraphQLError) -> Token {
        lastToken = token
        if token.kind != .eof { token = try readToken(from: token.end) }
        return token
    }

    /// The token after the current one, without moving.
    public func lookahead() throws(GraphQLError) -> Token {
        if token.kind == .eof { return token }
        var copy = self
        return try copy.readToken(from: token.end)
    }

    @inline(__always)
    func byte(_ i: Int) -> UInt8 {
        i < bytes.count ? bytes[i] : 0
    }

    /// Moves the line bookkeeping past a string token (block strings span lines; strings may hold non-ASCII).
    /// The token's own line and column are already set.
    mutating func countLines(in token: Token) {
        var position = token.start
        while position < token.end {
            let c = bytes[position]
            if c == 0x0A || (c == 0x0D && byte(position + 1) != 0x0A) {
                line += 1
                lineStart = position + 1
                lineExtraBytes = 0
            } else if c & 0xC0 == 0x80 {
                lineExtraBytes += 1
            }
            position += 1
        }
    }

    /// The first token at or after `start`, with its line and column, skipping whitespace, commas, BOMs and
    /// comments. Only spaces, line feeds, names and punctuators are handled here: the rest, rarer, is
    /// `readOtherToken`'s, which keeps this loop's frame small.
    mutating func readToken(from start: Int) throws(GraphQLError) -> Token {
        let count = bytes.count
        var position = start
        while position < count {
            let c = bytes[position]
            if c == 0x20 || c == 0x2C || c == 0x09 {  // space, comma, tab
                position &+= 1
                while position < count && bytes[position] == 0x20 { position &+= 1 }  // indentation
                continue
            }
            if c == 0x0A {
                position &+= 1
                line &+= 1
                lineStart = position
                lineExtraBytes = 0
                continue
            }
            let column = position &- lineStart &- lineExtraBytes &+ 1
            if let kind = punctuatorKind(c) {
                return Token(kind: kind, start: position, end: position &+ 1, line: line, column: column)
            }
            if isNameStart(c) {
                let nameContinues = self.nameContinues  // in a register for the loop
                var end = position &+ 1
                while end < count && nameContinues[Int(bytes[end])] { end &+= 1 }
                return Token(kind: .name, start: position, end: end, line: line, column: column)
            }
            let line = self.line
            // A copy of `position` goes inout, so that `position` itself can stay in a register.
            var next = position
            if var token = try readOtherToken(at: &next) {
                token.line = line
                token.column = column
                return token
            }
            position = next
        }
        return Token(kind: .eof, start: count, end: count, line: line, column: count - lineStart - lineExtraBytes + 1)
    }

    /// The one-character punctuator `c` starts, if any.
    @inline(__always)
    func punctuatorKind(_ c: UInt8) -> TokenKind? {
        switch c {
        case 0x21: return .bang
        case 0x24: return .dollar
        case 0x26: return .amp
        case 0x28: return .parenL
        case 0x29: return .parenR
        case 0x3A: return .colon
        case 0x3D: return .equals
        case 0x40: return .at
        case 0x5B: return .bracketL
        case 0x5D: return .bracketR
        case 0x7B: return .braceL
        case 0x7C: return .pipe
        case 0x7D: return .braceR
        default: return nil
        }
    }

    /// The token at `position` that is not a name or a one-character punctuator (without line and column), or nil
    /// after skipping a carriage return, a BOM or a comment (`position` moved past it).
    mutating func readOtherToken(at position: inout Int) throws(GraphQLError) -> Token? {
        let count = bytes.count
        let c = bytes[position]
        switch c {
        case 0x0D:
            position += byte(position + 1) == 0x0A ? 2 : 1
            line += 1
            lineStart = position
            lineExtraBytes = 0
            return nil
        case 0xEF where byte(position + 1) == 0xBB && byte(position + 2) == 0xBF:  // BOM
            position += 3
            lineExtraBytes += 2
            return nil
        case 0x23:  // # comment: skip to end of line
            position += 1
            while position < count {
                let d = bytes[position]
                if d == 0x0A || d == 0x0D { break }
                if d & 0xC0 == 0x80 { lineExtraBytes += 1 }
                position += 1
            }
            return nil
        case 0x2E:
            if byte(position + 1) == 0x2E && byte(position + 2) == 0x2E {
                return Token(kind: .spread, start: position, end: position + 3)
            }
        case 0x22:
            let token =
                byte(position + 1) == 0x22 && byte(position + 2) == 0x22
                ? try readBlockString(position) : try readString(position)
            countLines(in: token)
            return token
        case 0x2D, 0x30...0x39:
            return try readNumber(position)
        default:
            break
        }
        if c == 0x27 {
            throw syntaxError(
                source, position,
                "Unexpected single quote character ('), did you mean to use a double quote (\")?")
        }
        throw syntaxError(source, position, "Unexpected character: \(printCodePoint(at: position)).")
    }

    // MARK: numbers

    mutating func readNumber(_ start: Int) throws(GraphQLError) -> Token {
        var position = start
        var isFloat = false
        if byte(position) == 0x2D { position += 1 }
        if byte(position) == 0x30 {
            position += 1
            if isDigit(byte(position)) && position < bytes.count {
                throw syntaxError(
                    source, position, "Invalid number, unexpected digit after 0: \(printCodePoint(at: position)).")
            }
        } else {
            position = try readDigits(position)
        }
        if position < bytes.count && bytes[position] == 0x2E {
            isFloat = true
            position = try readDigits(position + 1)
        }
        if position < bytes.count && (bytes[position] == 0x45 || bytes[position] == 0x65) {
            isFloat = true
            position += 1
            if position < bytes.count && (bytes[position] == 0x2B || bytes[position] == 0x2D) { position += 1 }
            position = try readDigits(position)
        }
        if position < bytes.count {
            let c = bytes[position]
            if c == 0x2E || isNameStart(c) {
                throw syntaxError(
                    source, position, "Invalid number, expected digit but got: \(printCodePoint(at: position)).")
            }
        }
        return Token(kind: isFloat ? .float : .int, start: start, end: position)
    }

    func readDigits(_ start: Int) throws(GraphQLError) -> Int {
        guard start < bytes.count, isDigit(bytes[start]) else {
            throw syntaxError(
                source, start, "Invalid number, expected digit but got: \(printCodePoint(at: start)).")
        }
        var position = start + 1
        while position < bytes.count && isDigit(bytes[position]) { position += 1 }
        return position
    }

    // MARK: strings

    mutating func readString(_ start: Int) throws(GraphQLError) -> Token {
        let count = bytes.count
        var position = start + 1
        var chunkStart = position
        var hasEscape = false
        while position < count {
            let c = bytes[position]
            if c == 0x22 {
                let value: String
                if hasEscape {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
                    value = String(decoding: scratch, as: UTF8.self)
                } else {
                    value = String(decoding: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]), as: UTF8.self)
                }
                stringValue = value
                return Token(kind: .string, start: start, end: position + 1)
            }
            if c == 0x5C {
                if !hasEscape {
                    hasEscape = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
                let size: Int
                if byte(position + 1) == 0x75 {  // \u
                    if byte(position + 2) == 0x7B {
                        size = try readEscapedUnicodeVariableWidth(position)
                    } else {
                        size = try readEscapedUnicodeFixedWidth(position)
                    }
                } else {
                    size = try readEscapedCharacter(position)
                }
                position += size
                chunkStart = position
                continue
            }
            if c == 0x0A || c == 0x0D { break }
            position += 1
        }
        throw syntaxError(source, position, "Unterminated string.")
    }

    mutating func appendScalar(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value) else { return }
        for unit in UTF8.encode(scalar)! { scratch.append(unit) }
    }

    mutating func readEscapedUnicodeVariableWidth(_ position: Int) throws(GraphQLError) -> Int {
        var point: Int32 = 0
        var size = 3
        // Cannot be larger than 12 chars (\u{00000000}).
        while size < 12 {
            let index = position + size
            size += 1
            guard index < bytes.count else { break }
            let c = bytes[index]
            if c == 0x7D {
                // Must be at least 5 chars (\u{0}) and encode a Unicode scalar value.
                if size < 5 || !isUnicodeScalarValue(point) { break }
                appendScalar(UInt32(point))
                return size
            }
            point = (point &<< 4) | readHexDigit(c)
            if point < 0 { break }
        }
        throw syntaxError(
            source, position, "Invalid Unicode escape sequence: \"\(sliceScalars(from: position, count: size))\".")
    }

    mutating func readEscapedUnicodeFixedWidth(_ position: Int) throws(GraphQLError) -> Int {
        let code = read16BitHexCode(position + 2)
        if isUnicodeScalarValue(code) {
            appendScalar(UInt32(code))
            return 6
        }
        // JSON-style surrogate pairs are allowed, but only as a valid pair.
        if isLeadingSurrogate(code) && byte(position + 6) == 0x5C && byte(position + 7) == 0x75 {
            let trailing = read16BitHexCode(position + 8)
            if isTrailingSurrogate(trailing) {
                let scalar = 0x10000 + ((UInt32(code) - 0xD800) << 10) + (UInt32(trailing) - 0xDC00)
                appendScalar(scalar)
                return 12
            }
        }
        throw syntaxError(
            source, position, "Invalid Unicode escape sequence: \"\(sliceScalars(from: position, count: 6))\".")
    }

    func read16BitHexCode(_ position: Int) -> Int32 {
        (readHexDigit(byte(position)) << 12) | (readHexDigit(byte(position + 1)) << 8)
            | (readHexDigit(byte(position + 2)) << 4) | readHexDigit(byte(position + 3))
    }

    mutating func readEscapedCharacter(_ position: Int) throws(GraphQLError) -> Int {
        let value: UInt8
        switch byte(position + 1) {
        case 0x22: value = 0x22
        case 0x5C: value = 0x5C
        case 0x2F: value = 0x2F
        case 0x62: value = 0x08
        case 0x66: value = 0x0C
        case 0x6E: value = 0x0A
        case 0x72: value = 0x0D
        case 0x74: value = 0x09
        default:
            throw syntaxError(
                source, position,
                "Invalid character escape sequence: \"\(sliceScalars(from: position, count: 2))\".")
        }
        scratch.append(value)
        return 2
    }

    // MARK: helpers

    /// The decoded value of a string or block string token (re-read from the source).
    public func stringValue(of token: Token) -> String {
        var copy = self
        switch token.kind {
        case .string: _ = try? copy.readString(token.start)
        case .blockString: _ = try? copy.readBlockString(token.start)
        default: return ""
        }
        return copy.stringValue
    }

    /// graphql-js's `printCodePointAt`: `<EOF>`, printable ASCII quoted (`"?"`, `'"'`), otherwise `U+XXXX`.
    func printCodePoint(at position: Int) -> String {
        guard position < bytes.count else { return "<EOF>" }
        let c = bytes[position]
        if c >= 0x20 && c <= 0x7E {
            return c == 0x22 ? "'\"'" : "\"\(Character(Unicode.Scalar(c)))\""
        }
        let value = decodeScalar(at: position)?.value ?? UInt32(c)
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The Unicode scalar whose UTF-8 encoding starts at `position`.
    func decodeScalar(at position: Int) -> Unicode.Scalar? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[position..<min(bytes.count, position + 4)]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Up to `count` Unicode scalars of the source from byte `position` (for error messages).
    func sliceScalars(from position: Int, count: Int) -> String {
        var end = position
        var scalars = 0
        while end < bytes.count && scalars < count {
            end += 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            scalars += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
    }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
@inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
@inline(__always) func isNameStart(_ c: UInt8) -> Bool { isLetter(c) || c == 0x5F }
@inline(__always) func isNameContinue(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == 0x5F }

/// `isNameContinue` for each byte value: a table lookup is half the instructions of the comparisons in the loop
/// over a name's bytes. Allocated once and never freed; never written after initialization, hence `unsafe`.
nonisolated(unsafe) let nameContinueTable: UnsafePointer<Bool> = {
    let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    for c in 0..<256 { table[c] = isNameContinue(UInt8(c)) }
    return UnsafePointer(table)
}()

@inline(__always) func readHexDigit(_ c: UInt8) -> Int32 {
    switch c {
    case 0x30...0x39: return Int32(c - 0x30)
    case 0x41...0x46: return Int32(c - 0x37)
    case 0x61...0x66: return Int32(c - 0x57)
    default: return -1
    }
}

@inline(__always) func isUnicodeScalarValue(_ code: Int32) -> Bool {
    (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF)
}
@inline(__always) func isLeadingSurrogate(_ code: Int32) -> Bool { code >= 0xD800 && code <= 0xDBFF }
@inline(__always) func isTrailingSurrogate(_ code: Int32) -> Bool { code >= 0xDC00 && code <= 0xDFFF }

extension Source {
    /// Calls `body` with the source's UTF-8 bytes (no copy for native strings).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = self.body
        return try text.withUTF8(body)
    }
}
