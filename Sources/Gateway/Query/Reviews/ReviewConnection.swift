import GraphQLEngine

/// A page of reviews: the search hits, hydrated from their documents when a field asks for them.
struct ReviewPage: Sendable {
    let hits: SearchPage

    /// `ReviewConnection`'s fields.
    static var fields: [String: GraphQLFieldResolver] {
        [
            "totalCount": .sync { source, _, _, _ in (source as! ReviewPage).hits.total },
            "pageInfo": .sync { source, _, _, _ in
                let hits = (source as! ReviewPage).hits
                return Connection.pageInfo(offset: hits.offset, count: hits.ids.count, total: hits.total)
            },
            "nodes": .async { source, _, context, _ in
                try await ReviewHydration.documents((source as! ReviewPage).hits, GraphQLResolveInfo.context(context)).map(\.node)
            },
            "edges": .async { source, _, context, _ in
                Connection.edges(try await ReviewHydration.documents((source as! ReviewPage).hits, GraphQLResolveInfo.context(context)))
            },
        ]
    }
}
