import GraphQLEngine
import JSON

/// A page of gifticons: the search hits, hydrated from their documents when a field asks for them.
struct GifticonPage: Sendable {
    let hits: SearchPage

    /// `GifticonConnection`'s fields.
    static var fields: [String: GraphQLFieldResolver] {
        [
            "totalCount": .sync { source, _, _, _ in (source as! GifticonPage).hits.total },
            "pageInfo": .sync { source, _, _, _ in
                let hits = (source as! GifticonPage).hits
                return Connection.pageInfo(offset: hits.offset, count: hits.ids.count, total: hits.total)
            },
            "nodes": .async { source, _, context, _ in
                try await GifticonHydration.documents((source as! GifticonPage).hits, GraphQLResolveInfo.context(context)).map(\.node)
            },
            "edges": .async { source, _, context, _ in
                Connection.edges(try await GifticonHydration.documents((source as! GifticonPage).hits, GraphQLResolveInfo.context(context)))
            },
            "brandFacets": .async { source, _, context, _ in
                let buckets = (source as! GifticonPage).hits.buckets[GifticonSearch.brandFacet] ?? []
                let brands = try await GraphQLResolveInfo.context(context).loaders.brands.loadMany(buckets.map(\.id))
                return buckets.map { bucket -> JSONValue in
                    let brand = brands[bucket.id] ?? .object(JSONObject([("id", .int(Int(bucket.id))), ("name", .null)]))
                    return .object(JSONObject([("brand", brand), ("count", .int(bucket.count))]))
                }
            },
            "categoryFacets": .async { source, _, context, _ in
                let buckets = (source as! GifticonPage).hits.buckets[GifticonSearch.categoryFacet] ?? []
                let tree = try await GraphQLResolveInfo.context(context).loaders.categoryTree()
                return buckets.map { bucket -> JSONValue in
                    let category = tree.byId[Int(bucket.id)] ?? .object(JSONObject([("id", .int(Int(bucket.id))), ("name", .null)]))
                    return .object(JSONObject([("category", category), ("count", .int(bucket.count))]))
                }
            },
        ]
    }
}
