import GraphQLEngine
import JSON

/// Relay connection fields shared by every page type.
enum Connection {
    static func pageInfo(offset: Int, count: Int, total: Int) -> JSONValue {
        .object(JSONObject([
            ("hasNextPage", .bool(offset + count < total)),
            ("hasPreviousPage", .bool(offset > 0)),
            ("startCursor", count > 0 ? .string(Cursor.make(offset)) : .null),
            ("endCursor", count > 0 ? .string(Cursor.make(offset + count - 1)) : .null),
        ]))
    }

    /// `{ cursor node }` for each node, the cursor holding its offset.
    static func edges(_ nodes: [(offset: Int, node: JSONValue)]) -> [JSONValue] {
        nodes.map { .object(JSONObject([("cursor", .string(Cursor.make($0.offset))), ("node", $0.node)])) }
    }
}
