import GraphQLEngine
import JSON

/// The fields every connection over search hits has: `totalCount` and `pageInfo` from the hits, `nodes` and
/// `edges` from the documents behind them (loaded only when one of those is selected).
enum SearchConnection {
    typealias Hydrate = @Sendable (SearchPage, RequestContext) async throws -> [(cursor: String, node: JSONValue)]

    static func fields(hits: @escaping @Sendable (any Sendable) -> SearchPage, documents: @escaping Hydrate)
        -> [String: GraphQLFieldResolver]
    {
        [
            "totalCount": .sync { source, _, _, _ in hits(source).total ?? 0 },
            "pageInfo": .sync { source, _, _, _ in
                let page = hits(source)
                return Connection.pageInfo(cursors: page.cursors, more: page.more, page: page.page)
            },
            "nodes": .async { source, _, context, _ in
                try await documents(hits(source), GraphQLResolveInfo.context(context)).map(\.node)
            },
            "edges": .async { source, _, context, _ in
                Connection.edges(try await documents(hits(source), GraphQLResolveInfo.context(context)))
            },
        ]
    }
}
