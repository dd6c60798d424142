import JSON

/// Text a mutation may store: PostgreSQL's text cannot hold U+0000, and the C client would cut a value at it
/// (`"ab\u0000cd"` stored as `"ab"`), so an input string carrying one is refused, naming its field, before any
/// command runs. (Lone surrogates and bytes that are not UTF-8 never get this far: the request's JSON is refused.)
enum InputText {
    /// Throws BAD_USER_INPUT with `field` set to the first string in `input` holding a NUL (`name`,
    /// `images[1].altText`).
    static func refuseNUL(in input: JSONObject) throws {
        if let field = firstNUL(in: .object(input), path: "") {
            throw GatewayError.badInput("\(field) contains a NUL character (U+0000), which cannot be stored.", field: field)
        }
    }

    private static func firstNUL(in value: JSONValue, path: String) -> String? {
        switch value {
        case .string(let text):
            return text.utf8.contains(0) ? path : nil
        case .object(let object):
            for (key, member) in object {
                if let found = firstNUL(in: member, path: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let found = firstNUL(in: item, path: "\(path)[\(index)]") { return found }
            }
            return nil
        default:
            return nil
        }
    }
}
