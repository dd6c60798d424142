import GraphQLEngine
import JSON

/// A page of gifticons: the search hits, hydrated from their documents when a field asks for them.
struct GifticonPage: Sendable {
    let hits: SearchPage
}

/// A page of reviews: the search hits, hydrated from their documents when a field asks for them.
struct ReviewPage: Sendable {
    let hits: SearchPage
}

/// A page of users, already read from their documents.
struct UserPage: Sendable {
    let documents: [JSONValue]
    let total: Int
    let offset: Int
}

/// The root of `syncStatus`'s fields.
struct SyncStatusSource: Sendable {}

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
