extension GraphQLError {
    /// The error as graphql-js's `formatError` formats it: `{"message", "locations"?, "path"?, "extensions"?}`.
    public var jsonString: String {
        var out = ""
        writeJSON(into: &out)
        return out
    }

    /// Appends the error's JSON (see `jsonString`) to `out`.
    public func writeJSON(into out: inout String) {
        out += "{\"message\":"
        writeJSONString(message, into: &out)
        if !locations.isEmpty {
            out += ",\"locations\":["
            for (i, location) in locations.enumerated() {
                if i > 0 { out += "," }
                out += "{\"line\":\(location.line),\"column\":\(location.column)}"
            }
            out += "]"
        }
        if let path {
            out += ",\"path\":["
            for (i, component) in path.enumerated() {
                if i > 0 { out += "," }
                switch component {
                case .key(let key): writeJSONString(key, into: &out)
                case .index(let index): out += String(index)
                }
            }
            out += "]"
        }
        if !extensions.isEmpty {
            out += ",\"extensions\":"
            ErrorExtensionValue.object(extensions).writeJSON(into: &out)
        }
        out += "}"
    }
}

extension ErrorExtensionValue {
    /// Appends the value as JSON to `out`.
    public func writeJSON(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            if value.isFinite {
                if value == value.rounded(), abs(value) < 1e15 { out += String(Int(value)) } else { out += String(value) }
            } else {
                out += "null"
            }
        case .string(let value): writeJSONString(value, into: &out)
        case .array(let values):
            out += "["
            for (i, value) in values.enumerated() {
                if i > 0 { out += "," }
                value.writeJSON(into: &out)
            }
            out += "]"
        case .object(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                writeJSONString(entry.key, into: &out)
                out += ":"
                entry.value.writeJSON(into: &out)
            }
            out += "}"
        }
    }
}

/// Appends `string` as a JSON string literal (quotes, escapes) to `out`.
func writeJSONString(_ string: String, into out: inout String) {
    out += "\""
    for scalar in string.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out += "\""
}
