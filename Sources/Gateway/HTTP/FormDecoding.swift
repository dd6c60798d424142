/// URL query strings (`application/x-www-form-urlencoded`), as GET requests carry GraphQL parameters.
enum FormDecoding {
    /// `a=1&b=x+y` with percent escapes and `+` for spaces, as browsers and GraphQL clients encode GET parameters.
    /// Decoded in one pass over the bytes: Foundation's removingPercentEncoding, and then Substring views, cost a
    /// tenth of a persisted GET's CPU.
    static func decode(_ query: String?) -> [String: String] { decodeChecked(query).parameters }

    /// `decode`, also saying what makes the query malformed, if anything: a name or value whose percent escapes are
    /// not UTF-8, or a name given twice (which one to take would be a guess, so neither is).
    static func decodeChecked(_ query: String?) -> (parameters: [String: String], problem: String?) {
        guard var query, !query.isEmpty else { return ([:], nil) }
        query.makeContiguousUTF8()
        return query.utf8.withContiguousStorageIfAvailable { bytes -> ([String: String], String?) in
            var out: [String: String] = [:]
            var problem: String?
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count)
            var name: String?
            var i = 0
            func finishPart() {
                let text = String(validating: decoded, as: UTF8.self)
                if text == nil, problem == nil { problem = "The URL's query string is not UTF-8 once its escapes are decoded." }
                decoded.removeAll(keepingCapacity: true)
                if let key = name {
                    if out.updateValue(text ?? "", forKey: key) != nil, problem == nil {
                        problem = "The URL's query string gives \(key.prefix(64)) twice."
                    }
                    name = nil
                } else {
                    name = text ?? ""
                }
            }
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "&"):
                    if name == nil && decoded.isEmpty { break }   // an empty pair ("a=1&&b=2")
                    if name == nil { finishPart() }   // a name without "=": an empty value
                    finishPart()
                case UInt8(ascii: "=") where name == nil:
                    finishPart()
                case UInt8(ascii: "+"):
                    decoded.append(UInt8(ascii: " "))
                case UInt8(ascii: "%") where i + 2 < bytes.count:
                    if let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                        decoded.append(high << 4 | low)
                        i += 2
                    } else {
                        decoded.append(b)
                    }
                default:
                    decoded.append(b)
                }
                i += 1
            }
            if name != nil || !decoded.isEmpty {
                if name == nil { finishPart() }
                finishPart()
            }
            return (out, problem)
        } ?? ([:], nil)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
