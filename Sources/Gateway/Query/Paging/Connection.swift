import GraphQLEngine
import JSON

/// Relay connection fields shared by every page type.
enum Connection {
    /// `pageInfo` of a page read with `page`'s arguments: `more` says whether the store had items beyond the page in
    /// the direction of travel; the other direction has items when the page started from a cursor.
    static func pageInfo(cursors: [String], more: Bool, page: PageArguments) -> JSONValue {
        let fromCursor = page.position != nil
        return .object(JSONObject([
            ("hasNextPage", .bool(page.backward ? fromCursor : more)),
            ("hasPreviousPage", .bool(page.backward ? more : fromCursor)),
            ("startCursor", cursors.first.map { .string($0) } ?? .null),
            ("endCursor", cursors.last.map { .string($0) } ?? .null),
        ]))
    }

    /// `{ cursor node }` for each node.
    static func edges(_ nodes: [(cursor: String, node: JSONValue)]) -> [JSONValue] {
        nodes.map { .object(JSONObject([("cursor", .string($0.cursor)), ("node", $0.node)])) }
    }
}
