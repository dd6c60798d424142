/// An error in a JSON text, with the byte offset where it was found.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public var description: String { "\(message) at offset \(offset)" }
}

/// A byte-level JSON parser that keeps object key order. It reads I-JSON (RFC 7493): text that is not UTF-8, a
/// `\\u` escape of a lone surrogate, and an object with the same key twice are errors, never repaired or overwritten
/// (a request `{"query": "{ a }", "query": "mutation ..."}` is refused, not run as whichever came last).
///
/// ```swift
/// let value = try JSONReader.parse(Array(#"{"b":1,"a":[true,null]}"#.utf8))
/// ```
public struct JSONReader {
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buf throws(JSONParseError) -> JSONValue in
            var r = JSONReader(buf: buf)
            r.skipWhitespace()
            let v = try r.parseValue(depth: 0)
            r.skipWhitespace()
            if r.pos != buf.count { throw r.error("Unexpected trailing characters") }
            return v
        }
    }

    public static func parse(_ string: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(string.utf8))
    }

    let buf: UnsafeBufferPointer<UInt8>
    var pos = 0

    init(buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    func error(_ m: String) -> JSONParseError { JSONParseError(message: m, offset: pos) }

    @inline(__always) mutating func skipWhitespace() {
        while pos < buf.count {
            let c = buf[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { break }
        }
    }

    mutating func expectLiteral(_ lit: StaticString, _ v: JSONValue) throws(JSONParseError) -> JSONValue {
        let n = lit.utf8CodeUnitCount
        guard pos + n <= buf.count else { throw error("Unexpected end of input") }
        let p = lit.utf8Start
        for i in 0..<n where buf[pos + i] != p[i] { throw error("Unexpected token") }
        pos += n
        return v
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard pos < buf.count else { throw error("Unexpected end of input") }
        switch buf[pos] {
        case UInt8(ascii: "{"):
            if depth >= JSONReader.maxDepth { throw error("Nesting too deep") }
            pos += 1
            var obj = JSONObject()
            skipWhitespace()
            if pos < buf.count && buf[pos] == UInt8(ascii: "}") { pos += 1; return .object(obj) }
            while true {
                skipWhitespace()
                guard pos < buf.count, buf[pos] == UInt8(ascii: "\"") else { throw error("Expected a string key") }
                let keyStart = pos
                let key = try parseString()
                if obj.position(of: key) != nil { pos = keyStart; throw error("Duplicate key \"\(key.prefix(64))\"") }
                skipWhitespace()
                guard pos < buf.count, buf[pos] == UInt8(ascii: ":") else { throw error("Expected ':'") }
                pos += 1
                skipWhitespace()
                let v = try parseValue(depth: depth + 1)
                obj[key] = v
                skipWhitespace()
                guard pos < buf.count else { throw error("Unexpected end of input") }
                if buf[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if buf[pos] == UInt8(ascii: "}") { pos += 1; return .object(obj) }
                throw error("Expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            if depth >= JSONReader.maxDepth { throw error("Nesting too deep") }
            pos += 1
            var arr: [JSONValue] = []
            skipWhitespace()
            if pos < buf.count && buf[pos] == UInt8(ascii: "]") { pos += 1; return .array(arr) }
            while true {
                skipWhitespace()
                arr.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard pos < buf.count else { throw error("Unexpected end of input") }
                if buf[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if buf[pos] == UInt8(ascii: "]") { pos += 1; return .array(arr) }
                throw error("Expected ',' or ']'")
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): return try expectLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try expectLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try expectLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        default:
            throw error("Unexpected token")
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = pos
        var isInt = true
        if buf[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < buf.count, buf[pos] >= 0x30 && buf[pos] <= 0x39 else { throw error("Invalid number") }
        if buf[pos] == 0x30 {
            pos += 1
        } else {
            while pos < buf.count && buf[pos] >= 0x30 && buf[pos] <= 0x39 { pos += 1 }
        }
        if pos < buf.count && buf[pos] == UInt8(ascii: ".") {
            isInt = false
            pos += 1
            let s = pos
            while pos < buf.count && buf[pos] >= 0x30 && buf[pos] <= 0x39 { pos += 1 }
            if s == pos { throw error("Invalid number") }
        }
        if pos < buf.count && (buf[pos] == UInt8(ascii: "e") || buf[pos] == UInt8(ascii: "E")) {
            isInt = false
            pos += 1
            if pos < buf.count && (buf[pos] == UInt8(ascii: "+") || buf[pos] == UInt8(ascii: "-")) { pos += 1 }
            let s = pos
            while pos < buf.count && buf[pos] >= 0x30 && buf[pos] <= 0x39 { pos += 1 }
            if s == pos { throw error("Invalid number") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self)
        if isInt, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { throw error("Invalid number") }
        return .double(d)
    }

    mutating func parseString() throws(JSONParseError) -> String {
        pos += 1  // opening quote
        let start = pos
        // Fast path: no escapes.
        while pos < buf.count {
            let c = buf[pos]
            if c == UInt8(ascii: "\"") {
                guard let s = String(validating: UnsafeBufferPointer(rebasing: buf[start..<pos]), as: UTF8.self) else {
                    throw error("Invalid UTF-8 in string")
                }
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("Invalid control character in string") }
            pos += 1
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: buf[start..<pos]))
        while pos < buf.count {
            let c = buf[pos]
            if c == UInt8(ascii: "\"") {
                guard let s = String(validating: out, as: UTF8.self) else { throw error("Invalid UTF-8 in string") }
                pos += 1
                return s
            }
            if c < 0x20 { throw error("Invalid control character in string") }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                pos += 1
                continue
            }
            pos += 1
            guard pos < buf.count else { break }
            let e = buf[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try readHex4()
                if code >= 0xD800 && code < 0xDC00 {
                    // A high surrogate must be followed by the escape of a low one.
                    guard pos + 6 <= buf.count, buf[pos] == UInt8(ascii: "\\"), buf[pos + 1] == UInt8(ascii: "u") else {
                        throw error("Lone surrogate in \\u escape")
                    }
                    pos += 2
                    let low = try readHex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw error("Lone surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if code >= 0xDC00 && code < 0xE000 {
                    throw error("Lone surrogate in \\u escape")
                }
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("Invalid escape sequence")
            }
        }
        throw error("Unterminated string")
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard pos + 4 <= buf.count else { throw error("Invalid unicode escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = buf[pos]
            var d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("Invalid unicode escape")
            }
            v = v * 16 + d
            pos += 1
        }
        return v
    }
}
