// Block strings, read straight from the source bytes: one pass finds the end and the lines' common indentation,
// a second writes the value into its String's own storage (no array of lines, no intermediate buffers).

extension Lexer {
    /// Reads the block string starting at `start` (its opening `"""`) and sets `stringValue` to its value: escaped
    /// triple quotes resolved, then `BlockStringValue()` (see `dedentBlockStringLines`).
    mutating func readBlockString(_ start: Int) throws(GraphQLError) -> Token {
        let contentStart = start + 3
        let contentEnd = try blockStringContentEnd(from: contentStart)
        var commonIndent = Int.max
        var firstNonEmptyLine = -1
        var lastNonEmptyLine = -1
        forEachLine(from: contentStart, to: contentEnd) { index, lineStart, lineEnd in
            var indent = 0
            while lineStart + indent < lineEnd && isBlockStringIndent(bytes[lineStart + indent]) { indent += 1 }
            if lineStart + indent == lineEnd { return }  // blank line
            if firstNonEmptyLine < 0 { firstNonEmptyLine = index }
            lastNonEmptyLine = index
            if index != 0 && indent < commonIndent { commonIndent = indent }
        }
        if firstNonEmptyLine < 0 {
            stringValue = ""
        } else {
            // The value is never longer than the raw content: lines only lose indentation, escapes a backslash,
            // and `\r\n` becomes `\n`.
            stringValue = String(unsafeUninitializedCapacity: contentEnd - contentStart) { output in
                var length = 0
                forEachLine(from: contentStart, to: contentEnd) { index, lineStart, lineEnd in
                    guard index >= firstNonEmptyLine && index <= lastNonEmptyLine else { return }
                    if index > firstNonEmptyLine {
                        output[length] = 0x0A
                        length += 1
                    }
                    var position = lineStart
                    if index != 0 && commonIndent != Int.max { position += min(commonIndent, lineEnd - lineStart) }
                    while position < lineEnd {
                        if bytes[position] == 0x5C && isTripleQuote(at: position + 1) { position += 1 }  // \"""
                        output[length] = bytes[position]
                        length += 1
                        position += 1
                    }
                }
                return length
            }
        }
        return Token(kind: .blockString, start: start, end: contentEnd + 3)
    }

    /// Where the closing `"""` of the block string whose content starts at `position` begins.
    func blockStringContentEnd(from start: Int) throws(GraphQLError) -> Int {
        let count = bytes.count
        var position = start
        while position < count {
            let c = bytes[position]
            if c == 0x22 && isTripleQuote(at: position) { return position }
            if c == 0x5C && isTripleQuote(at: position + 1) {
                position += 4
                continue
            }
            position += 1
        }
        throw syntaxError(source, count, "Unterminated string.")
    }

    /// Calls `body` with each line of `start..<end` (its index and byte range, without the line terminator), the
    /// lines split at `\r\n`, `\n` and `\r`.
    @inline(__always)
    func forEachLine(from start: Int, to end: Int, _ body: (Int, Int, Int) -> Void) {
        var index = 0
        var lineStart = start
        var position = start
        while position < end {
            let c = bytes[position]
            if c == 0x0A || c == 0x0D {
                body(index, lineStart, position)
                index += 1
                position += c == 0x0D && position + 1 < end && bytes[position + 1] == 0x0A ? 2 : 1
                lineStart = position
                continue
            }
            position += 1
        }
        body(index, lineStart, end)
    }

    @inline(__always)
    func isTripleQuote(at position: Int) -> Bool {
        byte(position) == 0x22 && byte(position + 1) == 0x22 && byte(position + 2) == 0x22
    }
}

@inline(__always) private func isBlockStringIndent(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
