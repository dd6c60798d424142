/// Prints value literals, strings and block strings as graphql-js's printer does.
///
/// Used by `printSchema`, introspection's `defaultValue` and error messages.
public enum LiteralPrinter {
    /// A GraphQL string literal with graphql-js's escapes (`"a\nb"`).
    public static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x00...0x1F, 0x7F...0x9F:
                let hex = String(v, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
        return out
    }

    /// Whether graphql-js would print `value` as a block string.
    public static func isPrintableAsBlockString(_ value: String) -> Bool {
        if value.isEmpty { return true }
        var isEmptyLine = true
        var hasIndent = false
        var hasCommonIndent = true
        var seenNonEmptyLine = false
        for u in value.unicodeScalars {
            switch u.value {
            case 0x0A:
                if isEmptyLine && !seenNonEmptyLine { return false }
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
        if isEmptyLine { return false }
        if hasCommonIndent && seenNonEmptyLine { return false }
        return true
    }

    /// A block string literal (`"""..."""`) as graphql-js's `printBlockString`.
    public static func blockString(_ value: String, minimize: Bool = false) -> String {
        let escaped = value.gqlReplacingAll("\"\"\"", with: "\\\"\"\"")
        let lines = splitLines(escaped)
        let isSingleLine = lines.count == 1
        let forceLeadingNewLine = lines.count > 1 && lines.dropFirst().allSatisfy { line in
            guard let f = line.unicodeScalars.first else { return true }
            return f == " " || f == "\t"
        }
        let hasTrailingTripleQuotes = escaped.hasSuffix("\\\"\"\"")
        let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
        let hasTrailingSlash = value.hasSuffix("\\")
        let forceTrailingNewline = hasTrailingQuote || hasTrailingSlash
        let printAsMultipleLines = !minimize && (!isSingleLine || value.utf16.count > 70 || forceTrailingNewline
            || forceLeadingNewLine || hasTrailingTripleQuotes)
        var result = ""
        let first = value.unicodeScalars.first
        let skipLeadingNewLine = isSingleLine && (first == " " || first == "\t")
        if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine { result += "\n" }
        result += escaped
        if printAsMultipleLines || forceTrailingNewline { result += "\n" }
        return "\"\"\"" + result + "\"\"\""
    }

    static func splitLines(_ s: String) -> [Substring] {
        var lines: [Substring] = []
        var start = s.startIndex
        var i = s.startIndex
        let scalars = s.unicodeScalars
        var si = scalars.startIndex
        _ = i
        while si != scalars.endIndex {
            let c = scalars[si]
            if c == "\n" || c == "\r" {
                lines.append(s[start..<si])
                var next = scalars.index(after: si)
                if c == "\r", next != scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                si = next
                continue
            }
            si = scalars.index(after: si)
        }
        lines.append(s[start...])
        i = start
        return lines
    }

    /// A string value node printed as graphql-js prints it.
    public static func stringValue(_ value: String, block: Bool) -> String {
        block ? blockString(value) : string(value)
    }
}

/// Prints a value literal as graphql-js's `print` does (`[1, 2]`, `{a: "x"}`, `$var`, `ENUM`).
public func printValueLiteral(_ node: ValueNode) -> String {
    switch node {
    case .variable(let v): return "$" + v.name.value
    case .int(let n): return n.value
    case .float(let n): return n.value
    case .string(let s): return LiteralPrinter.stringValue(s.value, block: s.block)
    case .boolean(let b): return b.value ? "true" : "false"
    case .null: return "null"
    case .enum(let e): return e.value
    case .list(let l): return "[" + l.values.map(printValueLiteral).joined(separator: ", ") + "]"
    case .object(let o):
        return "{" + o.fields.map { $0.name.value + ": " + printValueLiteral($0.value) }.joined(separator: ", ") + "}"
    }
}

extension String {
    func gqlReplacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, self.contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target.utf8)
        let u = self.utf8
        guard t.count <= u.count else { return nil }
        var i = u.startIndex
        while i != u.endIndex {
            var j = i
            var k = 0
            while k < t.count, j != u.endIndex, u[j] == t[k] {
                j = u.index(after: j)
                k += 1
            }
            if k == t.count { return i..<j }
            i = u.index(after: i)
        }
        return nil
    }
}
