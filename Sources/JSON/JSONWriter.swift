/// Serializes `JSONValue`s straight to UTF-8 bytes, formatted like JavaScript's `JSON.stringify`.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends JSON text as it is (a response's fixed keys and punctuation).
    @inline(__always) public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let b): b ? raw("true") : raw("false")
        case .int(let i): writeInt(i)
        case .double(let d): writeDouble(d)
        case .string(let s): writeString(s)
        case .array(let l):
            bytes.append(UInt8(ascii: "["))
            l.withUnsafeBufferPointer { buf in
                for i in 0..<buf.count {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    write(buf[i])
                }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let o):
            bytes.append(UInt8(ascii: "{"))
            o.entries.withUnsafeBufferPointer { buf in
                for i in 0..<buf.count {
                    if i > 0 { bytes.append(UInt8(ascii: ",")) }
                    writeString(buf[i].key)
                    bytes.append(UInt8(ascii: ":"))
                    write(buf[i].value)
                }
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    public mutating func writeInt(_ i: Int) {
        if i >= 0 && i < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(i))
            return
        }
        var v = i.magnitude
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { buf in
            repeat {
                buf[19 - n] = UInt8(ascii: "0") &+ UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            if i < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[(20 - n)...]))
        }
    }

    public mutating func writeDouble(_ d: Double) {
        bytes.append(contentsOf: JSONWriter.formatNumber(d).utf8)
    }

    /// Formats a double as JavaScript's `Number.prototype.toString` does.
    public static func formatNumber(_ d: Double) -> String {
        if !d.isFinite { return "null" }
        if d == d.rounded(), abs(d) < 1e21 {
            if abs(d) < 9.0e15 { return String(Int(d)) }
        }
        var s = d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var mant = String(s[..<e])
            if mant.hasSuffix(".0") { mant.removeLast(2) }
            var exp = String(s[s.index(after: e)...])
            var sign = "+"
            if exp.hasPrefix("-") { sign = "-"; exp.removeFirst() } else if exp.hasPrefix("+") { exp.removeFirst() }
            while exp.count > 1 && exp.hasPrefix("0") { exp.removeFirst() }
            let expValue = Int(exp) ?? 0
            // JavaScript uses plain notation for exponents in [-7, 20].
            if sign == "-" && expValue <= 6 || sign == "+" && expValue <= 20 {
                return plainNotation(d)
            }
            return mant + "e" + sign + exp
        }
        return s
    }

    private static func plainNotation(_ d: Double) -> String {
        // Rare path: rebuild from the shortest round-trip digits.
        let s = d.description
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return s }
        let mant = s[..<e]
        let exp = Int(s[s.index(after: e)...]) ?? 0
        let negative = mant.hasPrefix("-")
        var digits = mant.filter { $0.isNumber }
        let intDigits = (mant.firstIndex(of: ".").map { mant.distance(from: mant.startIndex, to: $0) } ?? mant.count) - (negative ? 1 : 0)
        var point = intDigits + exp
        while digits.hasSuffix("0") && digits.count > point && digits.count > 1 { digits.removeLast() }
        var out: String
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            out = digits + String(repeating: "0", count: point - digits.count)
        } else {
            out = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        point = 0
        return (negative ? "-" : "") + out
    }

    public mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        if let done = s.utf8.withContiguousStorageIfAvailable({ buf -> Bool in
            writeEscaped(buf)
            return true
        }), done {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var copy = s
        copy.withUTF8 { writeEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    mutating func writeEscaped(_ buf: UnsafeBufferPointer<UInt8>) {
        do {
            var start = 0
            let n = buf.count
            var i = 0
            while i < n {
                let c = buf[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C {
                    i += 1
                    continue
                }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i])) }
                switch c {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    raw("\\u00")
                    bytes.append(hex[Int(c >> 4)])
                    bytes.append(hex[Int(c & 0xF)])
                }
                i += 1
                start = i
            }
            if start < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<n])) }
        }
    }
}

extension JSONValue {
    /// The compact JSON encoding (as `JSON.stringify(value)`).
    public func jsonBytes() -> [UInt8] {
        var w = JSONWriter()
        w.write(self)
        return w.bytes
    }

    public func jsonString() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }
}
