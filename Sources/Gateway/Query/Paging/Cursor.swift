import Foundation
import JSON

/// An opaque keyset cursor: the sort key of the item it points at, bound to the list and order it came from (its
/// scope). Base64url of the JSON `[scope, key]`; nothing in it is trusted beyond its shape, so a forged one can only
/// name some position in the list it claims.
enum Cursor {
    /// Longer than any cursor this API gives out: refused before decoding.
    static let longest = 1_024

    static func make(scope: String, key: [JSONValue]) -> String {
        let json = JSONValue.array([.string(scope), .array(key)]).jsonBytes()
        return Data(json).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The key in `text`, which must be a cursor of `scope` with `keyCount` scalar values; otherwise BAD_USER_INPUT naming `field`.
    static func key(_ text: String, scope: String, keyCount: Int, field: String) throws -> [JSONValue] {
        guard text.utf8.count <= longest, let (found, key) = decode(text) else {
            throw GatewayError.badInput("\(field) is not a cursor this API gave out.", field: field)
        }
        guard found == scope, key.count == keyCount else {
            throw GatewayError.badInput(
                "\(field) is a cursor of another list or order: a cursor only continues the list (same arguments, same order) it came from.",
                field: field)
        }
        return key
    }

    private static func decode(_ text: String) -> (String, [JSONValue])? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let json = try? JSONReader.parse(Array(data)),
              let parts = json.arrayValue, parts.count == 2, let scope = parts[0].stringValue, let key = parts[1].arrayValue,
              key.allSatisfy(\.isScalar)
        else { return nil }
        return (scope, key)
    }
}

private extension JSONValue {
    var isScalar: Bool {
        switch self {
        case .array, .object, .bool: return false
        default: return true
        }
    }
}
