import GraphQLEngine
import JSON

/// A connection field's `first` and `after`: how many items, starting after which.
struct PageArguments: Sendable {
    /// `first`: 1 to 100, default 20.
    var size: Int
    /// The offset of the page's first item: just after the one `after` points at.
    var offset: Int

    init(_ args: JSONObject) throws {
        size = try Self.size(args["first"])
        offset = try Self.offset(args["after"])
    }

    private static func size(_ value: JSONValue?) throws -> Int {
        guard let value, !value.isNull else { return 20 }
        guard let n = value.intValue, (1...100).contains(n) else {
            throw GatewayError.badInput("first must be between 1 and 100.", field: "first")
        }
        return n
    }

    /// `after`: an opaque cursor holding the offset of the item it points at.
    private static func offset(_ value: JSONValue?) throws -> Int {
        guard let value, !value.isNull else { return 0 }
        guard let text = value.stringValue, let offset = Cursor.offset(text) else {
            throw GatewayError.badInput("after is not a cursor this API gave out.", field: "after")
        }
        return offset + 1
    }
}
