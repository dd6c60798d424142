// Block strings, as graphql-js's `language/blockString`.

/// The value of a block string from its raw lines (escaped triple quotes already resolved):
/// common indentation removed from all lines but the first, leading and trailing blank lines dropped.
/// This is the spec's `BlockStringValue()` (graphql-js's `dedentBlockStringLines`).
public func dedentBlockStringLines(_ lines: [String]) -> [String] {
    let byteLines = lines.map { Array($0.utf8) }
    return dedentBlockStringLines(bytes: byteLines).map { String(decoding: $0, as: UTF8.self) }
}

/// `dedentBlockStringLines` on UTF-8 lines.
func dedentBlockStringLines(bytes lines: [ArraySlice<UInt8>]) -> [ArraySlice<UInt8>] {
    var commonIndent = Int.max
    var firstNonEmptyLine: Int? = nil
    var lastNonEmptyLine = -1
    for (i, line) in lines.enumerated() {
        var indent = 0
        for byte in line {
            if byte == 0x20 || byte == 0x09 { indent += 1 } else { break }
        }
        if indent == line.count { continue }  // blank line
        if firstNonEmptyLine == nil { firstNonEmptyLine = i }
        lastNonEmptyLine = i
        if i != 0 && indent < commonIndent { commonIndent = indent }
    }
    guard let first = firstNonEmptyLine else { return [] }
    var result: [ArraySlice<UInt8>] = []
    result.reserveCapacity(lastNonEmptyLine - first + 1)
    for i in first...lastNonEmptyLine {
        let line = lines[i]
        if i == 0 || commonIndent == Int.max {
            result.append(line)
        } else {
            result.append(line.dropFirst(min(commonIndent, line.count)))
        }
    }
    return result
}

func dedentBlockStringLines(bytes lines: [[UInt8]]) -> [ArraySlice<UInt8>] {
    dedentBlockStringLines(bytes: lines.map { $0[...] })
}

/// Whether `value` prints as a block string and parses back to the same value (graphql-js's
/// `isPrintableAsBlockString`).
public func isPrintableAsBlockString(_ value: String) -> Bool {
    if value.isEmpty { return true }
    var isEmptyLine = true
    var hasIndent = false
    var hasCommonIndent = true
    var seenNonEmptyLine = false
    for scalar in value.unicodeScalars {
        switch scalar.value {
        case 0x0A:
            if isEmptyLine && !seenNonEmptyLine { return false }  // leading new line
            seenNonEmptyLine = true
            isEmptyLine = true
            hasIndent = false
        case 0x20, 0x09:
            hasIndent = hasIndent || isEmptyLine
        case 0x00...0x0F:
            return false
        default:
            hasCommonIndent = hasCommonIndent && hasIndent
            isEmptyLine = false
        }
    }
    if isEmptyLine { return false }  // trailing empty lines
    if hasCommonIndent && seenNonEmptyLine { return false }  // internal indent
    return true
}

/// Prints a block string in the indented block form (graphql-js's `printBlockString`): a leading and trailing
/// blank line where needed, `"""` escaped. With `minimize`, prints as compactly as possible.
public func printBlockString(_ value: String, minimize: Bool = false) -> String {
    let escapedValue = value.replacingAll("\"\"\"", with: "\\\"\"\"")
    let lines = splitLines(escapedValue)
    let isSingleLine = lines.count == 1
    let forceLeadingNewLine = lines.count > 1 && lines.dropFirst().allSatisfy { line in
        guard let first = line.utf8.first else { return true }
        return first == 0x20 || first == 0x09
    }
    let hasTrailingTripleQuotes = escapedValue.hasSuffix("\\\"\"\"")
    let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
    let hasTrailingSlash = value.hasSuffix("\\")
    let forceTrailingNewline = hasTrailingQuote || hasTrailingSlash
    let printAsMultipleLines = !minimize && (!isSingleLine || value.unicodeScalars.count > 70
        || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes)
    var result = ""
    let firstByte = value.utf8.first
    let skipLeadingNewLine = isSingleLine && (firstByte == 0x20 || firstByte == 0x09)
    if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine { result += "\n" }
    result += escapedValue
    if printAsMultipleLines || forceTrailingNewline { result += "\n" }
    return "\"\"\"" + result + "\"\"\""
}

/// Splits on `\r\n`, `\n` and `\r`, as graphql-js's `/\r\n|[\n\r]/g`.
func splitLines(_ string: String) -> [Substring] {
    var lines: [Substring] = []
    let utf8 = string.utf8
    var lineStart = utf8.startIndex
    var index = utf8.startIndex
    while index != utf8.endIndex {
        let byte = utf8[index]
        if byte == 0x0A || byte == 0x0D {
            lines.append(Substring(utf8[lineStart..<index]))
            var next = utf8.index(after: index)
            if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            index = next
            lineStart = next
        } else {
            index = utf8.index(after: index)
        }
    }
    lines.append(Substring(utf8[lineStart..<utf8.endIndex]))
    return lines
}

extension String {
    /// Replaces every occurrence of `target` (non-overlapping, left to right).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8)
        let bytes = Array(self.utf8)
        guard !t.isEmpty, bytes.count >= t.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            if i + t.count <= bytes.count && bytes[i] == t[0] && Array(bytes[i..<(i + t.count)]) == t {
                out.append(contentsOf: replacement.utf8)
                i += t.count
                changed = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }
}
