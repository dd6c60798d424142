import GraphQLEngine
import JSON

/// A page of users, already read from their documents.
struct UserPage: Sendable {
    let documents: [JSONValue]
    let total: Int
    let offset: Int

    /// `UserConnection`'s fields.
    static var fields: [String: GraphQLFieldResolver] {
        [
            "totalCount": .sync { source, _, _, _ in (source as! UserPage).total },
            "pageInfo": .sync { source, _, _, _ in
                let page = source as! UserPage
                return Connection.pageInfo(offset: page.offset, count: page.documents.count, total: page.total)
            },
            "nodes": .sync { source, _, _, _ in (source as! UserPage).documents },
            "edges": .sync { source, _, _, _ in
                let page = source as! UserPage
                return Connection.edges(page.documents.enumerated().map { (page.offset + $0.offset, $0.element) })
            },
        ]
    }
}
