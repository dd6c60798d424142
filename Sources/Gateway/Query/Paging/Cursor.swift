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

    /// The key in `text`, which must be a cursor of `scope` with one value per sort key: an integer for a field (ids,
    /// amounts, instants as epoch milliseconds), any finite number for the score. Otherwise BAD_USER_INPUT naming
    /// `field`: a forged value of the wrong type would otherwise fail in the search server as an INTERNAL error.
    static func key(_ text: String, scope: String, sortKeys: [String], field: String) throws -> [JSONValue] {
        guard text.utf8.count <= longest, let (found, key) = decode(text) else {
            throw GatewayError.badInput("\(field) is not a cursor this API gave out.", field: field)
        }
        guard found == scope, key.count == sortKeys.count else {
            throw GatewayError.badInput(
                "\(field) is a cursor of another list or order: a cursor only continues the list (same arguments, same order) it came from.",
                field: field)
        }
        for (value, sortKey) in zip(key, sortKeys) {
            switch value {
            case .int: continue
            case .double(let score) where sortKey == SearchSort.score && score.isFinite: continue
            default: throw GatewayError.badInput("\(field) is not a cursor this API gave out.", field: field)
            }
        }
        return key
    }

    private static func decode(_ text: String) -> (String, [JSONValue])? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let json = try? JSONReader.parse(Array(data)),
              let parts = json.arrayValue, parts.count == 2, let scope = parts[0].stringValue, let key = parts[1].arrayValue
        else { return nil }
        return (scope, key)
    }
}
