/// A 1-based line and column in a source, as graphql-js's `SourceLocation`.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// Where an AST node lies in its source: UTF-8 byte offsets `start..<end`, and the line and column of `start`.
///
/// Plain integers (no reference to the source), so nodes copy without reference counting.
public struct Location: Sendable, Equatable, Hashable {
    /// UTF-8 byte offset of the node's first character.
    public let start: Int
    /// UTF-8 byte offset just past the node's last character.
    public let end: Int
    /// 1-based line of `start`.
    public let line: Int
    /// 1-based column of `start` (in Unicode scalars).
    public let column: Int

    public init(start: Int, end: Int, line: Int, column: Int) {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
    }

    /// A location whose line and column are computed from the source.
    public init(start: Int, end: Int, source: Source) {
        let location = source.location(at: start)
        self.init(start: start, end: end, line: location.line, column: location.column)
    }

    /// Line and column of `start`.
    public var startLocation: SourceLocation { SourceLocation(line: line, column: column) }
}

/// The line and column (1-based) of a UTF-8 byte offset in a source, as graphql-js's `getLocation`.
public func getLocation(_ source: Source, position: Int) -> SourceLocation {
    var line = 1
    var column = 1
    var offset = 0
    let utf8 = source.body.utf8
    var index = utf8.startIndex
    var previousWasCR = false
    while index != utf8.endIndex, offset < position {
        let byte = utf8[index]
        if byte == 0x0A {
            if !previousWasCR { line += 1 }
            column = 1
            previousWasCR = false
        } else if byte == 0x0D {
            line += 1
            column = 1
            previousWasCR = true
        } else {
            previousWasCR = false
            // Count Unicode scalars: skip UTF-8 continuation bytes.
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        offset += 1
        index = utf8.index(after: index)
    }
    return SourceLocation(line: line, column: column)
}
