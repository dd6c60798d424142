import GraphQLEngine
import JSON

/// A page of users, already read from their documents.
struct UserPage: Sendable {
    let documents: [JSONValue]
    let cursors: [String]
    let more: Bool
    let page: PageArguments
    /// Nil unless `totalCount` was selected.
    let total: Int?

    /// `UserConnection`'s fields.
    static var fields: [String: GraphQLFieldResolver] {
        [
            "totalCount": .sync { source, _, _, _ in (source as! UserPage).total ?? 0 },
            "pageInfo": .sync { source, _, _, _ in
                let page = source as! UserPage
                return Connection.pageInfo(cursors: page.cursors, more: page.more, page: page.page)
            },
            "nodes": .sync { source, _, _, _ in (source as! UserPage).documents },
            "edges": .sync { source, _, _, _ in
                let page = source as! UserPage
                return Connection.edges(Array(zip(page.cursors, page.documents)))
            },
        ]
    }
}
