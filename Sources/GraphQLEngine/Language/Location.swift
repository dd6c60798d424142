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
    // 32-bit storage keeps every node small (sources over 2 GiB are not supported).
    private let start32: Int32
    private let end32: Int32
    private let line32: Int32
    private let column32: Int32

    /// UTF-8 byte offset of the node's first character.
    public var start: Int { Int(start32) }
    /// UTF-8 byte offset just past the node's last character.
    public var end: Int { Int(end32) }
    /// 1-based line of `start`.
    public var line: Int { Int(line32) }
    /// 1-based column of `start` (in Unicode scalars).
    public var column: Int { Int(column32) }

    public init(start: Int, end: Int, line: Int, column: Int) {
        self.start32 = Int32(truncatingIfNeeded: start)
        self.end32 = Int32(truncatingIfNeeded: end)
        self.line32 = Int32(truncatingIfNeeded: line)
        self.column32 = Int32(truncatingIfNeeded: column)
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
